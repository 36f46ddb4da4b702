#include "pipeline/pipeline.h"

#include <sstream>
#include <string>
#include <utility>

namespace dyad {

struct Pipeline::Batch {
  // Each item is a record to code or a reading error to report, in order.
  struct Item {
    InputRecord record;
    std::string error;   // non-empty: the record could not be read
    CodedArticle coded;  // with a sink: kept until written
  };
  std::vector<Item> items;
  size_t bytes = 0;
  // Filled by CodeBatch().
  std::string events;       // formatted output
  std::string diagnostics;  // lines for `err`
  PipelineStats stats;
  bool first = false;  // the first batch of the output (the TSV header)
  bool done = false;
};

Pipeline::Pipeline(const Coder& coder, const PipelineOptions& options,
                   std::ostream* out, std::ostream* err)
    : coder_(coder), options_(options), out_(out), err_(err) {
  if (options_.threads < 1) options_.threads = 1;
  if (options_.batch_records < 1) options_.batch_records = 1;
  if (options_.threads > 1) {
    for (int i = 0; i < options_.threads; ++i)
      workers_.emplace_back([this] { WorkerLoop(); });
  }
}

Pipeline::~Pipeline() { Finish(); }

void Pipeline::CodeBatch(Batch* batch, std::ostream* direct) const {
  // Workers format into the batch, to be written in order; with no workers
  // the events go straight to the output.
  std::ostringstream buffered;
  std::ostream* events = direct ? direct : &buffered;
  auto writer = EventWriter::Create(options_.format, events, options_.explain,
                                    /*header=*/batch->first);
  std::string& diag = batch->diagnostics;
  PipelineStats& st = batch->stats;
  for (Batch::Item& item : batch->items) {
    ++st.records;
    bool skipped = false;
    if (item.error.empty() && item.record.prepare) {
      std::string message;
      const PrepareOutcome outcome = PrepareRecord(&item.record, &message);
      if (outcome != PrepareOutcome::kReady) {
        item.error = message.empty()
                         ? item.record.location + ": unreadable record"
                         : std::move(message);
        skipped = outcome == PrepareOutcome::kSkip;
      }
    }
    if (!item.error.empty()) {
      ++(skipped ? st.skipped : st.failed);
      diag += item.error;
      diag += '\n';
      continue;
    }
    const InputRecord& record = item.record;
    if (!record.warning.empty()) {
      ++st.warnings;
      diag += record.location + ": record '" + record.article.id +
              "': warning: " + record.warning + "\n";
    }
    long events = 0;
    CodedArticle coded;
    if (options_.sink) {
      coded = coder_.Code(record.article);
      events = static_cast<long>(coded.events.size());
    } else {
      coded = coder_.Code(record.article, [&](const Event& e) {
        writer->Write(e);
        ++events;
      });
    }
    for (const Diagnostic& d : coded.diagnostics) {
      ++st.warnings;
      diag += record.location + ": record '" + d.doc_id +
              "': warning: " + d.message + " (byte " +
              std::to_string(d.offset) + ")\n";
    }
    st.sentences += coded.sentences;
    st.events += events;
    st.bytes += record.article.text.size();
    if (options_.sink) {
      item.coded = std::move(coded);  // the sink needs record and events
    } else {
      // The article is no longer needed: free it now, not when the batch is
      // written.
      item.record = InputRecord{};
    }
  }
  writer->Flush();
  if (!direct) batch->events = std::move(buffered).str();
}

void Pipeline::WorkerLoop() {
  for (;;) {
    std::shared_ptr<Batch> batch;
    {
      std::unique_lock<std::mutex> lock(mu_);
      work_cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, nothing left
      batch = std::move(queue_.front());
      queue_.pop_front();
    }
    CodeBatch(batch.get(), nullptr);
    {
      std::lock_guard<std::mutex> lock(mu_);
      batch->done = true;
    }
    done_cv_.notify_all();
  }
}

void Pipeline::WriteFront() {
  std::shared_ptr<Batch> batch;
  {
    std::unique_lock<std::mutex> lock(mu_);
    batch = in_flight_.front();
    done_cv_.wait(lock, [&] { return batch->done; });
    in_flight_.pop_front();
  }
  out_->write(batch->events.data(),
              static_cast<std::streamsize>(batch->events.size()));
  if (options_.sink && status_.ok()) {
    for (const Batch::Item& item : batch->items) {
      if (!item.error.empty()) continue;
      status_ = options_.sink->Add(item.record, item.coded);
      if (!status_.ok()) break;
    }
    if (status_.ok()) status_ = options_.sink->EndBatch();
  }
  if (!batch->diagnostics.empty())
    err_->write(batch->diagnostics.data(),
                static_cast<std::streamsize>(batch->diagnostics.size()));
  const PipelineStats& s = batch->stats;
  stats_.records += s.records;
  stats_.failed += s.failed;
  stats_.skipped += s.skipped;
  stats_.sentences += s.sentences;
  stats_.events += s.events;
  stats_.warnings += s.warnings;
  stats_.bytes += s.bytes;
  if (options_.progress) options_.progress();
}

void Pipeline::Submit(std::unique_ptr<Batch> owned) {
  std::shared_ptr<Batch> batch(std::move(owned));
  batch->first = !submitted_any_;
  submitted_any_ = true;
  // A batch holding a huge record is coded here, once the batches before
  // it are written, its events going straight out: buffering them for a
  // worker would cost memory in proportion to the record.
  constexpr size_t kCodeHereBytes = size_t{4} << 20;
  if (workers_.empty() || batch->bytes > kCodeHereBytes) {
    while (!in_flight_.empty()) WriteFront();
    CodeBatch(batch.get(), out_);
    batch->done = true;
    in_flight_.push_back(std::move(batch));
    WriteFront();
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    in_flight_.push_back(batch);
    queue_.push_back(batch);
  }
  work_cv_.notify_one();
  // Bound memory: write (waiting if need be) until few enough batches are
  // in flight; write any that are already done, in order.
  const size_t max_in_flight = 2 * workers_.size() + 1;
  for (;;) {
    bool write;
    {
      std::lock_guard<std::mutex> lock(mu_);
      write = !in_flight_.empty() &&
              (in_flight_.size() >= max_in_flight || in_flight_.front()->done);
    }
    if (!write) break;
    WriteFront();
  }
}

void Pipeline::Run(RecordReader* reader) {
  auto batch = std::make_unique<Batch>();
  while (status_.ok()) {
    Batch::Item item;
    auto outcome = reader->Next(&item.record, &item.error);
    if (outcome == RecordReader::Outcome::kEnd) break;
    if (outcome == RecordReader::Outcome::kError) {
      item.record = InputRecord{};
      if (item.error.empty()) item.error = "unreadable record";
    } else {
      item.error.clear();
      batch->bytes += item.record.article.text.size();
    }
    batch->items.push_back(std::move(item));
    if (options_.progress) options_.progress();
    if (batch->items.size() >= options_.batch_records ||
        batch->bytes >= options_.batch_bytes) {
      Submit(std::move(batch));
      batch = std::make_unique<Batch>();
    }
  }
  if (!batch->items.empty()) Submit(std::move(batch));
}

void Pipeline::Finish() {
  if (finished_) return;
  finished_ = true;
  // An empty input still gets the TSV header.
  if (!submitted_any_) Submit(std::make_unique<Batch>());
  while (!in_flight_.empty()) WriteFront();
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  work_cv_.notify_all();
  for (std::thread& t : workers_) t.join();
  workers_.clear();
  out_->flush();
  err_->flush();
}

}  // namespace dyad
