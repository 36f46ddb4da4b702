#include "pipeline/pipeline.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace dyad {
namespace {

const Coder& SharedCoder() {
  static const Coder* coder = [] {
    CoderOptions o;
    o.dictionary_dirs = {DYAD_TEST_DATA_DIR, DYAD_TEST_GENERATED_DATA_DIR};
    auto c = Coder::Create(o);
    EXPECT_TRUE(c.ok()) << c.status().message();
    return std::move(c).value().release();
  }();
  return *coder;
}

// A JSONL input of `n` records with a bad line now and then and an empty
// record, so that batches hold errors, warnings and events.
std::string MakeInput(int n) {
  const char* sentences[] = {
      "Iraq called on the United States to withdraw its troops.",
      "Russian forces shelled Ukrainian positions near Kharkiv on Monday.",
      "The weather was mild.",
      "Japan and South Korea signed a defence agreement in Tokyo.",
      "Israeli air strikes on Gaza killed 12 people, Palestinian officials "
      "said."};
  std::string in;
  for (int i = 0; i < n; ++i) {
    if (i % 17 == 5) {
      in += "{\"id\": \"bad" + std::to_string(i) + "\", \"txt\": 1}\n";
      continue;
    }
    if (i % 23 == 7) {
      in += "not json at all\n";
      continue;
    }
    in += "{\"id\": \"r" + std::to_string(i) + "\", \"date\": \"2024-0" +
          std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10) +
          "\", \"text\": \"" + sentences[i % 5] + " " + sentences[(i + 1) % 5] +
          "\"}\n";
  }
  return in;
}

struct Output {
  std::string events, errors;
  PipelineStats stats;
};

Output RunPipeline(const std::string& input, int threads, size_t batch,
                   OutputFormat format = OutputFormat::kJsonl) {
  std::istringstream in(input);
  auto reader = RecordReader::FromStream(&in, "in.jsonl", ReaderOptions{});
  std::ostringstream out, err;
  PipelineOptions options;
  options.threads = threads;
  options.batch_records = batch;
  options.format = format;
  Output o;
  {
    Pipeline p(SharedCoder(), options, &out, &err);
    p.Run(reader.get());
    p.Finish();
    o.stats = p.stats();
  }
  o.events = out.str();
  o.errors = err.str();
  return o;
}

TEST(PipelineTest, SameOutputForAnyThreadsAndBatchSize) {
  const std::string input = MakeInput(300);
  Output one = RunPipeline(input, 1, 256);
  ASSERT_FALSE(one.events.empty());
  ASSERT_FALSE(one.errors.empty());
  EXPECT_EQ(one.stats.records, 300);
  EXPECT_GT(one.stats.failed, 0);
  EXPECT_GT(one.stats.events, 0);
  for (int threads : {1, 2, 3, 8}) {
    for (size_t batch : {1, 7, 64}) {
      Output o = RunPipeline(input, threads, batch);
      EXPECT_EQ(o.events, one.events) << threads << " threads, batch " << batch;
      EXPECT_EQ(o.errors, one.errors) << threads << " threads, batch " << batch;
      EXPECT_EQ(o.stats.records, one.stats.records);
      EXPECT_EQ(o.stats.failed, one.stats.failed);
      EXPECT_EQ(o.stats.events, one.stats.events);
      EXPECT_EQ(o.stats.sentences, one.stats.sentences);
    }
  }
}

TEST(PipelineTest, OutputInInputOrder) {
  Output o = RunPipeline(MakeInput(200), 4, 3);
  // Event doc ids come in the order of the records (r0, r1, ...).
  long last = -1;
  std::istringstream lines(o.events);
  std::string line;
  while (std::getline(lines, line)) {
    size_t at = line.find("\"doc_id\": \"r");
    ASSERT_NE(at, std::string::npos) << line;
    long id = std::stol(line.substr(at + 12));
    EXPECT_GE(id, last);
    last = id;
  }
  EXPECT_GT(last, 150);
  // Errors name their lines in order too.
  size_t first = o.errors.find("in.jsonl:6:");
  size_t later = o.errors.find("in.jsonl:23:");
  ASSERT_NE(first, std::string::npos) << o.errors;
  ASSERT_NE(later, std::string::npos) << o.errors;
  EXPECT_LT(first, later);
}

TEST(PipelineTest, PloverAndTsvAlsoIdentical) {
  const std::string input = MakeInput(120);
  for (OutputFormat f : {OutputFormat::kTsv, OutputFormat::kPloverJsonl}) {
    Output a = RunPipeline(input, 1, 256, f);
    Output b = RunPipeline(input, 3, 5, f);
    EXPECT_FALSE(a.events.empty());
    EXPECT_EQ(a.events, b.events);
  }
}

TEST(PipelineTest, SeveralInputsKeepTheirOrder) {
  std::istringstream in1(MakeInput(40)), in2(MakeInput(40));
  auto r1 = RecordReader::FromStream(&in1, "a.jsonl", ReaderOptions{});
  auto r2 = RecordReader::FromStream(&in2, "b.jsonl", ReaderOptions{});
  std::ostringstream out, err;
  PipelineOptions options;
  options.threads = 2;
  options.batch_records = 4;
  Pipeline p(SharedCoder(), options, &out, &err);
  p.Run(r1.get());
  p.Run(r2.get());
  p.Finish();
  EXPECT_EQ(p.stats().records, 80);
  const std::string e = err.str();
  EXPECT_LT(e.rfind("a.jsonl:"), e.find("b.jsonl:"));
}

TEST(PipelineTest, HugeRecordAmongSmallOnesKeepsItsPlace) {
  // A record over 4 MB is coded on the calling thread, its events not
  // buffered; the output must still be in order and the same for any N.
  std::string big = "{\"id\": \"huge\", \"text\": \"";
  const std::string sentence =
      "Russian forces shelled Ukrainian positions near Kharkiv. ";
  while (big.size() < (size_t{9} << 19)) big += sentence;
  big += "\"}\n";
  const std::string input = MakeInput(40) + big + MakeInput(40);
  Output one = RunPipeline(input, 1, 16);
  Output two = RunPipeline(input, 2, 16);
  EXPECT_EQ(one.events, two.events);
  EXPECT_EQ(one.errors, two.errors);
  const size_t huge = one.events.find("\"doc_id\": \"huge\"");
  ASSERT_NE(huge, std::string::npos);
  EXPECT_LT(one.events.find("\"doc_id\": \"r38\""), huge);
  EXPECT_GT(one.events.rfind("\"doc_id\": \"r0\""), huge);
}

TEST(PipelineTest, EmptyInput) {
  Output o = RunPipeline("", 2, 8);
  EXPECT_EQ(o.events, "");
  EXPECT_EQ(o.stats.records, 0);
}

}  // namespace
}  // namespace dyad
