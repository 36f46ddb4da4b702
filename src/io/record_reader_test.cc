#include "io/record_reader.h"

#include <gtest/gtest.h>

#include <sstream>

namespace dyad {
namespace {

struct ReadAll {
  std::vector<InputRecord> records;
  std::vector<std::string> errors;
};

ReadAll Read(const std::string& input, const std::string& name,
             ReaderOptions options = {}) {
  std::istringstream in(input);
  auto reader = RecordReader::FromStream(&in, name, options);
  ReadAll out;
  InputRecord r;
  std::string error;
  for (;;) {
    auto o = reader->Next(&r, &error);
    if (o == RecordReader::Outcome::kEnd) break;
    if (o == RecordReader::Outcome::kError)
      out.errors.push_back(error);
    else
      out.records.push_back(r);
  }
  return out;
}

TEST(RecordReaderTest, ReadsJsonlRecords) {
  ReadAll r = Read(
      "{\"id\": \"a1\", \"text\": \"Iraq spoke.\", \"date\": \"2024-01-25\", "
      "\"gold\": {\"x\": 1}}\n"
      "\n"
      "{\"id\": 7, \"text\": \"caf\\u00e9\", \"title\": \"T\"}\r\n",
      "in.jsonl");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].article.id, "a1");
  EXPECT_EQ(r.records[0].article.date.ToString(), "2024-01-25");
  EXPECT_EQ(r.records[0].location, "in.jsonl:1");
  EXPECT_EQ(r.records[1].article.id, "7");
  EXPECT_EQ(r.records[1].article.text, "caf\xc3\xa9");
  EXPECT_EQ(r.records[1].location, "in.jsonl:3");
}

TEST(RecordReaderTest, BadLinesAreReportedAndSkipped) {
  ReadAll r = Read(
      "{\"id\": \"ok1\", \"text\": \"a\"}\n"
      "this is not json\n"
      "{\"id\": \"x2\"}\n"
      "{\"text\": \"no id\"}\n"
      "[1, 2]\n"
      "{\"id\": \"x5\", \"text\": 5}\n"
      "{\"id\": \"x6\", \"text\": \"b\", \"date\": \"yesterday\"}\n"
      "{\"id\": \"ok2\", \"text\": \"c\"}\n",
      "in.jsonl");
  ASSERT_EQ(r.errors.size(), 5u);
  EXPECT_EQ(r.errors[0].rfind("in.jsonl:2: not valid JSON", 0), 0u)
      << r.errors[0];
  EXPECT_EQ(r.errors[1], "in.jsonl:3: record 'x2': missing field 'text'");
  EXPECT_EQ(r.errors[2], "in.jsonl:4: missing field 'id'");
  EXPECT_EQ(r.errors[3], "in.jsonl:5: not a JSON object");
  EXPECT_EQ(r.errors[4],
            "in.jsonl:6: record 'x5': field 'text' must be a string");
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(r.records[1].article.id, "x6");
  EXPECT_NE(r.records[1].warning.find("unparsable date"), std::string::npos);
  EXPECT_FALSE(r.records[1].article.date.valid());
  EXPECT_EQ(r.records[2].article.id, "ok2");
}

// simdjson refuses invalid UTF-8; the reader must still read the record and
// keep the bytes as given (docs/formats/input.md). Regression test: such
// records used to fail with "not valid JSON".
TEST(RecordReaderTest, InvalidUtf8InsideStringsIsKept) {
  ReadAll r = Read(
      "{\"id\": \"u\xff"
      "1\", \"text\": \"a \xff b \xc3( c \xe2\x82\\n\xed\xa0\x80\"}\n"
      "{\"id\": \"u2\", \"text\": \"\xf4\x8f\xbe\x80 \\udbff\\udf80\"}\n"
      "{\"id\": \"u3\", \"text\": \"\xf4\x8f\xbe\x80 \xff\"}\n"
      "{\"id\": \"u4\", \"text\": \"x\"} \xff\n",
      "in.jsonl");
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].article.id,
            "u\xff"
            "1");
  EXPECT_EQ(r.records[0].article.text,
            "a \xff b \xc3( c \xe2\x82\n\xed\xa0\x80");
  // Characters that look like the reader's stand-ins are left alone.
  EXPECT_EQ(r.records[1].article.text, "\xf4\x8f\xbe\x80 \xf4\x8f\xbe\x80");
  // A line holding a stand-in and an invalid byte, or an invalid byte
  // outside a string, is still an error.
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0].rfind("in.jsonl:3: not valid JSON", 0), 0u)
      << r.errors[0];
  EXPECT_EQ(r.errors[1].rfind("in.jsonl:4: not valid JSON", 0), 0u)
      << r.errors[1];
}

TEST(RecordReaderTest, PlainTextIsOneArticle) {
  ReaderOptions o;
  o.default_date = Date{2024, 3, 1};
  ReadAll r = Read("BAGHDAD - Iraq spoke.\n\nIt ended.\n", "story.txt", o);
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].article.id, "story.txt");
  EXPECT_EQ(r.records[0].article.text, "BAGHDAD - Iraq spoke.\n\nIt ended.\n");
  EXPECT_EQ(r.records[0].article.date.ToString(), "2024-03-01");
}

TEST(RecordReaderTest, BinaryTextIsRefused) {
  ReadAll r = Read(std::string("\x7f"
                               "ELF\0\0\x01",
                               7),
                   "a.out");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("a.out: binary file"), std::string::npos);
}

TEST(RecordReaderTest, EmptyInputHasNoRecords) {
  ReadAll r = Read("", "empty.jsonl");
  EXPECT_TRUE(r.records.empty());
  EXPECT_TRUE(r.errors.empty());
}

TEST(RecordReaderTest, SniffsJsonlWithoutExtension) {
  ReadAll r = Read("  {\"id\": \"a\", \"text\": \"t\"}\n", "-");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].article.id, "a");
}

}  // namespace
}  // namespace dyad
