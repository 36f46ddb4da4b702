// Fuzz target for the WARC reader: RecordReader::FromStream over arbitrary
// bytes taken as a WARC file. The first byte picks the mode: even, the rest
// is the file; odd, the rest is gzip-compressed first (one member), so the
// gzip path and a WARC inside it are both reached. Any violation traps.
// Seeds in corpus/warc_fuzzer/ start with '0' (plain) or '1' (gzip).
//
// Checked (docs/formats/warc.md, "nothing is silently dropped"):
//  - the reader ends (at most one outcome per input byte, plus a few);
//  - every record and every error is located as "fuzz.warc: record N at
//    byte B", N strictly increasing from 1, B within the uncompressed
//    input, and B increasing with N; an error has a message after that;
//  - in gzip mode, the one exception is a single "not a WARC file" error;
//  - a record is left to prepare (the HTML extraction); prepared, it has
//    non-empty text and an id, or is skipped with a note naming it, never
//    an error;
//  - Summary() counts exactly the records returned and the errors given;
//  - after the end, Next keeps returning kEnd.
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <sstream>
#include <string>
#include <string_view>

#include "io/record_reader.h"
#include "io/warc_test_util.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

const char kName[] = "fuzz.warc";

using dyad::testing::Gzip;  // io/warc_test_util.h

// Parses "fuzz.warc: record N at byte B" at the start of `s`; false if it
// is not there.
bool Locate(std::string_view s, long* n, unsigned long long* b) {
  const std::string prefix = std::string(kName) + ": record ";
  if (s.substr(0, prefix.size()) != prefix) return false;
  std::string rest(s.substr(prefix.size(), 60));
  int used = 0;
  if (std::sscanf(rest.c_str(), "%ld at byte %llu%n", n, b, &used) != 2)
    return false;
  return true;
}

// The counts of coded and bad records in a summary:
// "NAME: C HTML records read, ... [, B bad]".
void SummaryCounts(const std::string& summary, long* coded, long* bad) {
  const std::string prefix = std::string(kName) + ": ";
  *coded = std::stol(summary.substr(prefix.size()));
  *bad = 0;
  const std::string tail = " bad";
  if (summary.size() > tail.size() &&
      summary.compare(summary.size() - tail.size(), tail.size(), tail) == 0) {
    size_t start = summary.size() - tail.size();
    while (start > 0 && summary[start - 1] >= '0' && summary[start - 1] <= '9')
      --start;
    *bad = std::stol(summary.substr(start));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const bool gzip = data[0] & 1;
  const std::string_view warc(reinterpret_cast<const char*>(data + 1),
                              size - 1);
  const std::string bytes = gzip ? Gzip(warc) : std::string(warc);
  std::istringstream in(bytes);
  dyad::ReaderOptions options;
  options.format = dyad::InputFormat::kWarc;
  auto reader = dyad::RecordReader::FromStream(&in, kName, options);

  dyad::InputRecord record;
  std::string error;
  long records = 0, errors = 0, last_n = 0;
  unsigned long long last_b = 0;
  bool not_warc = false;
  for (size_t outcomes = 0;; ++outcomes) {
    Check(outcomes <= warc.size() + 4);
    error.clear();
    const auto outcome = reader->Next(&record, &error);
    if (outcome == dyad::RecordReader::Outcome::kEnd) break;
    const bool is_record = outcome == dyad::RecordReader::Outcome::kRecord;
    const std::string& where = is_record ? record.location : error;
    long n = 0;
    unsigned long long b = 0;
    if (!Locate(where, &n, &b)) {
      // Only a gzip input that is not a WARC has no record number.
      Check(!is_record && outcomes == 0);
      Check(where.rfind(std::string(kName) + ": ", 0) == 0);
      not_warc = true;
      ++errors;
      continue;
    }
    Check(!not_warc);
    Check(n > last_n);
    Check(b <= warc.size());
    Check(last_n == 0 || b > last_b);
    last_n = n;
    last_b = b;
    if (is_record) {
      ++records;
      Check(static_cast<bool>(record.prepare));
      std::string message;
      const dyad::PrepareOutcome prepared =
          dyad::PrepareRecord(&record, &message);
      Check(!record.prepare);
      // A WARC page without text is skipped with a note, never an error.
      Check(prepared != dyad::PrepareOutcome::kError);
      if (prepared == dyad::PrepareOutcome::kReady) {
        Check(!record.article.text.empty());
        Check(!record.article.id.empty());
        Check(record.location == where);
      } else {
        Check(message.rfind(where + ": ", 0) == 0);
      }
    } else {
      ++errors;
      Check(error.find(": ", where.find(" at byte ")) != std::string::npos);
    }
  }
  for (int i = 0; i < 2; ++i)
    Check(reader->Next(&record, &error) == dyad::RecordReader::Outcome::kEnd);
  if (!not_warc) {
    const std::string summary = reader->Summary();
    Check(summary.rfind(std::string(kName) + ": ", 0) == 0);
    long coded = -1, bad = -1;
    SummaryCounts(summary, &coded, &bad);
    Check(coded == records);
    Check(bad == errors);
    for (char c : summary) Check(c >= 0x20 || c < 0);  // one line
  }
  return 0;
}
