// Golden tests: whole articles in tests/golden/cases/NAME.jsonl, each with the
// exact events it must yield in NAME.expected, one line per event:
//
//   sentence <TAB> source code <TAB> source text <TAB> target code <TAB>
//   target text <TAB> CAMEO code <TAB> verb text
//
// (target fields are "-" when the event has none), and, when words of the
// sentence date the event, one more field:
//
//   date <SPACE> rule <SPACE> "words"     e.g. 2022-11-08 weekday "on Tuesday"
//
// (date "?" when it cannot be resolved: no article date). Lines starting
// with '#' are comments and are kept when updating.
//
// To accept new output after a deliberate change, run with
// DYAD_GOLDEN_UPDATE=1 and review the diff before committing.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dict/dictionary_set.h"
#include "dyad/coder.h"
#include "io/record_reader.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

const fs::path kCases = fs::path(DYAD_TEST_SOURCE_DIR) / "tests/golden/cases";

std::vector<std::string> CaseNames() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(kCases))
    if (e.path().extension() == ".jsonl")
      names.push_back(e.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

const Coder& SharedCoder() {
  static std::unique_ptr<Coder> coder = [] {
    CoderOptions o;
    o.dictionary_dirs = {DYAD_TEST_DATA_DIR, DYAD_TEST_GENERATED_DATA_DIR};
    auto c = Coder::Create(o);
    if (!c.ok()) {
      ADD_FAILURE() << c.status().message();
      std::abort();
    }
    return std::move(c).value();
  }();
  return *coder;
}

std::string Render(const Event& e) {
  std::ostringstream s;
  s << e.sentence << '\t' << e.source.code << '\t' << e.source.text << '\t'
    << (e.target ? e.target->code : "-") << '\t'
    << (e.target ? e.target->text : "-") << '\t' << e.code << '\t'
    << e.verb_text;
  if (e.date_source.rule != "article")
    s << '\t' << (e.date.empty() ? "?" : e.date) << ' ' << e.date_source.rule
      << " \"" << e.date_source.text << '"';
  return s.str();
}

class GoldenTest : public testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, ArticleYieldsExactlyTheExpectedEvents) {
  fs::path input = kCases / (GetParam() + ".jsonl");
  fs::path expected_path = kCases / (GetParam() + ".expected");
  std::ifstream in(input);
  ASSERT_TRUE(in) << input;
  auto reader = RecordReader::FromStream(&in, input.string(), ReaderOptions{});
  std::vector<std::string> actual;
  InputRecord rec;
  std::string error;
  for (;;) {
    auto o = reader->Next(&rec, &error);
    if (o == RecordReader::Outcome::kEnd) break;
    ASSERT_EQ(o, RecordReader::Outcome::kRecord) << error;
    for (const Event& e : SharedCoder().Code(rec.article).events)
      actual.push_back(Render(e));
  }
  std::vector<std::string> comments, expected;
  std::ifstream ex(expected_path);
  std::string line;
  while (std::getline(ex, line)) {
    if (line.empty()) continue;
    (line[0] == '#' ? comments : expected).push_back(line);
  }
  if (const char* u = std::getenv("DYAD_GOLDEN_UPDATE"); u && *u == '1') {
    std::ofstream out(expected_path);
    for (const std::string& c : comments) out << c << '\n';
    for (const std::string& a : actual) out << a << '\n';
    return;
  }
  ASSERT_TRUE(fs::exists(expected_path)) << expected_path << " missing";
  std::string want, got;
  for (const std::string& e : expected) want += e + "\n";
  for (const std::string& a : actual) got += a + "\n";
  EXPECT_EQ(got, want) << "case " << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenTest, testing::ValuesIn(CaseNames()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string n = info.param;
                           for (char& c : n)
                             if (!isalnum(static_cast<unsigned char>(c)))
                               c = '_';
                           return n;
                         });

}  // namespace
}  // namespace dyad
