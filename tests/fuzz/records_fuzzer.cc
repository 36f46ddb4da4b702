// Fuzz target for the input reader: RecordReader::FromStream over arbitrary
// bytes, reading every record. The first byte picks the mode (auto, JSONL or
// plain text); the rest is the input. Any violation traps, so libFuzzer (or
// the seed runner) reports it as a crash. Seeds in corpus/records_fuzzer/
// start with a digit: '0' auto, '1' JSONL, '2' text, '4' JSONL and '6' auto
// with a default date.
//
// Checked (docs/formats/input.md, "nothing is silently dropped"):
//  - the mode actually used is the one asked for (auto: JSONL exactly when
//    the first non-blank byte is '{'; input that auto takes as HTML or WARC
//    -- gzip magic, a first non-blank '<' or "WARC/" -- is only read to the
//    end here: html_fuzzer and warc_fuzzer check those readers);
//  - JSONL: every non-blank line yields exactly one record or one error, so
//    records + errors == non-blank lines <= lines + 1; blank lines yield
//    nothing;
//  - each record's location and each error start with "name:N" where N is
//    the line it came from, strictly increasing, within 1..lines + 1;
//  - an error that names a record id names the id that line holds;
//  - a record parsed by the reader is the record ParseJsonRecord gives for
//    that line, with the default date when it has none of its own;
//  - plain text: exactly one outcome; the record's text is the input byte
//    for byte, or an error when the input holds a NUL byte;
//  - after the end, Next keeps returning kEnd.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "io/record_reader.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

const char kName[] = "fuzz";

// The input's lines as the reader sees them: split at '\n'; a final empty
// piece (input ending in '\n', or empty input) is not a line.
std::vector<std::string_view> Lines(std::string_view in) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos < in.size()) {
    size_t nl = in.find('\n', pos);
    if (nl == std::string_view::npos) nl = in.size();
    lines.push_back(in.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return lines;
}

bool IsBlankLine(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

// Parses "fuzz:N" at the start of `s`; returns N, or -1.
long LineOf(std::string_view s) {
  const std::string_view prefix = "fuzz:";
  if (s.substr(0, prefix.size()) != prefix) return -1;
  size_t i = prefix.size();
  long n = 0;
  size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9' && digits < 12) {
    n = n * 10 + (s[i] - '0');
    ++i;
    ++digits;
  }
  if (digits == 0) return -1;
  if (i < s.size() && s[i] != ':') return -1;  // "fuzz:N" or "fuzz:N: ..."
  return n;
}

bool SameDate(const dyad::Date& a, const dyad::Date& b) { return a == b; }

void CheckJsonl(std::string_view input, dyad::RecordReader* reader,
                const dyad::ReaderOptions& options) {
  const std::vector<std::string_view> lines = Lines(input);
  size_t non_blank = 0;
  for (std::string_view l : lines) non_blank += !IsBlankLine(l);

  dyad::InputRecord record;
  std::string error;
  size_t outcomes = 0;
  long prev_line = 0;
  for (;;) {
    error.clear();
    const auto outcome = reader->Next(&record, &error);
    if (outcome == dyad::RecordReader::Outcome::kEnd) break;
    ++outcomes;
    Check(outcomes <= non_blank);
    const std::string& where = outcome == dyad::RecordReader::Outcome::kRecord
                                   ? record.location
                                   : error;
    const long n = LineOf(where);
    Check(n >= 1 && static_cast<size_t>(n) <= lines.size());
    Check(n > prev_line);
    prev_line = n;
    std::string_view line = lines[n - 1];
    Check(!IsBlankLine(line));
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

    dyad::Article expected;
    std::string warning, why;
    const bool ok = dyad::ParseJsonRecord(line, &expected, &warning, &why);
    if (outcome == dyad::RecordReader::Outcome::kError) {
      Check(!ok);
      Check(error.size() > where.find(": ") + 2);  // a message follows
      if (!expected.id.empty()) {
        Check(error.find("record '" + expected.id + "'") != std::string::npos);
      }
      continue;
    }
    Check(ok);
    Check(record.location == std::string(kName) + ":" + std::to_string(n));
    Check(record.article.id == expected.id);
    Check(record.article.text == expected.text);
    Check(record.article.title == expected.title);
    Check(record.article.url == expected.url);
    Check(record.article.source == expected.source);
    Check(record.warning == warning);
    if (expected.date.valid() || !warning.empty()) {
      Check(SameDate(record.article.date, expected.date));
    } else {
      Check(SameDate(record.article.date, options.default_date));
    }
  }
  Check(outcomes == non_blank);
  Check(outcomes <= lines.size() + 1);
}

void CheckText(std::string_view input, dyad::RecordReader* reader,
               const dyad::ReaderOptions& options) {
  dyad::InputRecord record;
  std::string error;
  const auto outcome = reader->Next(&record, &error);
  const bool binary = input.find('\0') != std::string_view::npos;
  if (binary) {
    Check(outcome == dyad::RecordReader::Outcome::kError);
    Check(error.rfind(std::string(kName) + ": ", 0) == 0);
  } else {
    Check(outcome == dyad::RecordReader::Outcome::kRecord);
    Check(record.article.text == input);
    Check(record.article.id == kName);
    Check(record.location == std::string(kName) + ":1");
    Check(SameDate(record.article.date, options.default_date));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  const std::string_view input(reinterpret_cast<const char*>(data + 1),
                               size - 1);
  dyad::ReaderOptions options;
  switch (mode % 3) {
    case 0:
      options.format = dyad::InputFormat::kAuto;
      break;
    case 1:
      options.format = dyad::InputFormat::kJsonl;
      break;
    default:
      options.format = dyad::InputFormat::kText;
      break;
  }
  if (mode & 0x4) options.default_date = dyad::ParseDate("2024-01-25");

  bool jsonl = options.format == dyad::InputFormat::kJsonl;
  bool other = false;  // HTML or WARC
  if (options.format == dyad::InputFormat::kAuto) {
    // The reader sniffs at most 4096 bytes for the first non-blank one.
    const size_t first = input.substr(0, 4096).find_first_not_of(" \t\r\n");
    jsonl = first != std::string_view::npos && input[first] == '{';
    other = (input.size() >= 2 && input[0] == '\x1f' && input[1] == '\x8b') ||
            (first != std::string_view::npos &&
             (input[first] == '<' || input.substr(first, 5) == "WARC/"));
  }

  std::istringstream in{std::string(input)};
  auto reader = dyad::RecordReader::FromStream(&in, kName, options);
  if (other) {
    dyad::InputRecord record;
    std::string error;
    size_t outcomes = 0;
    while (reader->Next(&record, &error) != dyad::RecordReader::Outcome::kEnd)
      Check(++outcomes <= input.size() + 2);
  } else if (jsonl) {
    CheckJsonl(input, reader.get(), options);
  } else {
    CheckText(input, reader.get(), options);
  }
  dyad::InputRecord record;
  std::string error;
  for (int i = 0; i < 2; ++i) {
    Check(reader->Next(&record, &error) == dyad::RecordReader::Outcome::kEnd);
  }
  return 0;
}
