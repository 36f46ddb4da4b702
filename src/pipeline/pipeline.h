// Pipeline: reads records, codes them on N threads and writes the events,
// in bounded batches.
//
//   Pipeline pipeline(*coder, options, &std::cout, &std::cerr);
//   for (each input) pipeline.Run(reader.get());
//   pipeline.Finish();
//
// Records that need preparing (InputRecord::prepare: HTML pages) are
// prepared on the coding threads.
//
// Output (events and the diagnostics on `err`) comes out in input order and
// is byte for byte the same for any number of threads. Memory stays bounded:
// at most 2 x threads + 1 batches are in flight, each of at most
// `batch_records` records or about `batch_bytes` bytes of text (a single
// larger record makes a batch of its own).
//
// With threads == 1 everything runs on the calling thread. With N > 1, N
// worker threads code while the calling thread reads and writes; a batch
// over 4 MB (a huge record) is coded on the calling thread, its events
// written as they come, so that they are not buffered. The Coder
// is shared: it is immutable and Code() is thread-safe.
//
// Not thread-safe itself: one caller drives a Pipeline.
#ifndef DYAD_PIPELINE_PIPELINE_H_
#define DYAD_PIPELINE_PIPELINE_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <ostream>
#include <thread>
#include <vector>

#include "dyad/coder.h"
#include "dyad/status.h"
#include "io/event_writer.h"
#include "io/record_reader.h"

namespace dyad {

// Receives the coded records of a Pipeline instead of an output stream, in
// input order, on the thread that drives the pipeline (e.g. the SQLite
// store). A sink error stops the pipeline: no more records are read.
class RecordSink {
 public:
  virtual ~RecordSink() = default;
  // One article and what the coder made of it.
  virtual Status Add(const InputRecord& record, const CodedArticle& coded) = 0;
  // The end of a batch of records: a point to commit.
  virtual Status EndBatch() = 0;
};

struct PipelineOptions {
  int threads = 1;
  size_t batch_records = 256;
  size_t batch_bytes = size_t{1} << 20;
  OutputFormat format = OutputFormat::kJsonl;
  bool explain = false;  // the writer prints explanations
  // If set, coded records go here and no events are written to `out`.
  RecordSink* sink = nullptr;
  // If set, called on the calling thread after each record read and each
  // batch written (a progress display reads stats() there). Must be cheap;
  // it does not change the output.
  std::function<void()> progress;
};

struct PipelineStats {
  long records = 0;    // records read, good or bad
  long failed = 0;     // records that could not be read (not coded)
  long skipped = 0;    // records with nothing to code (a note each)
  long sentences = 0;  // sentences coded
  long events = 0;     // events written
  long warnings = 0;   // record warnings and coder diagnostics
  size_t bytes = 0;    // bytes of article text coded
};

class Pipeline {
 public:
  Pipeline(const Coder& coder, const PipelineOptions& options,
           std::ostream* out, std::ostream* err);
  ~Pipeline();  // calls Finish()
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Codes every record `reader` gives. Output of earlier Run() calls comes
  // first.
  void Run(RecordReader* reader);
  // Waits for every batch, writes what is left and stops the threads.
  void Finish();

  const PipelineStats& stats() const { return stats_; }
  // The first sink error, if any (the pipeline stopped reading there).
  const Status& status() const { return status_; }

 private:
  struct Batch;
  void Submit(std::unique_ptr<Batch> batch);
  // Codes `batch`, writing its events to `direct` if given, else into the
  // batch.
  void CodeBatch(Batch* batch, std::ostream* direct) const;
  void WriteFront();  // waits for the oldest batch and writes it
  void WorkerLoop();

  const Coder& coder_;
  PipelineOptions options_;
  std::ostream* out_;
  std::ostream* err_;
  PipelineStats stats_;
  Status status_;
  bool finished_ = false;
  bool submitted_any_ = false;

  // In input order; the front is written next.
  std::deque<std::shared_ptr<Batch>> in_flight_;
  std::mutex mu_;
  std::condition_variable work_cv_;           // workers: work or stop
  std::condition_variable done_cv_;           // caller: a batch is coded
  std::deque<std::shared_ptr<Batch>> queue_;  // not yet taken by a worker
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace dyad

#endif  // DYAD_PIPELINE_PIPELINE_H_
