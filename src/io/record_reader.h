// RecordReader: reads articles from JSON Lines, plain text, HTML pages or
// WARC(.gz) files (docs/formats/input.md, html.md, warc.md), one record at
// a time, so memory stays flat however large the input.
//
// A bad record (not JSON, no text, ...) does not stop the reader: Next()
// returns it as an error naming file, line and record id, and the next call
// goes on with the next line.
//
// Not thread-safe: one reader per input.
#ifndef DYAD_IO_RECORD_READER_H_
#define DYAD_IO_RECORD_READER_H_

#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <string>

#include "dyad/article.h"
#include "dyad/status.h"

namespace dyad {

enum class InputFormat { kAuto, kJsonl, kText, kHtml, kWarc };

struct ReaderOptions {
  InputFormat format = InputFormat::kAuto;
  // The date of plain-text articles (and of JSONL records without one).
  Date default_date;
};

enum class PrepareOutcome {
  kReady,  // the article is ready to code
  kError,  // it cannot be coded: an error on the record (exit status 1)
  kSkip,   // nothing to code (a WARC page without article text): a note
};

struct InputRecord {
  Article article;
  std::string location;  // "file:line"
  std::string warning;   // e.g. an unparsable date; empty when none
  // When set, the record is not ready yet: `article.text` holds the raw
  // bytes read (an HTML page) and prepare() turns them into the article,
  // filling `message` (location included) unless kReady. The reader
  // leaves this costly step (HTML parsing) to the caller so that it runs on
  // the coding threads (Pipeline does; PrepareRecord below for others).
  std::function<PrepareOutcome(InputRecord* record, std::string* message)>
      prepare;
};

// Runs and clears `record->prepare` if set; kReady if there was none.
PrepareOutcome PrepareRecord(InputRecord* record, std::string* message);

class RecordReader {
 public:
  // Opens `path` ("-" is standard input). With kAuto the format is picked
  // by the name (.jsonl/.json/.ndjson, .html/.htm, .warc, .warc.gz) and
  // else by the first bytes (gzip magic or "WARC/": WARC; '{': JSONL; '<':
  // HTML; anything else: plain text); another format is taken as asked. A
  // gzip input (kAuto, kWarc) must hold a WARC; one that does not gives a
  // reader whose first Next() is that error.
  static Result<std::unique_ptr<RecordReader>> Open(
      const std::string& path, const ReaderOptions& options);
  // Reads from a stream the caller owns (for tests).
  static std::unique_ptr<RecordReader> FromStream(std::istream* in,
                                                  const std::string& name,
                                                  const ReaderOptions& options);
  virtual ~RecordReader() = default;

  enum class Outcome { kRecord, kError, kEnd };
  // kRecord: `record` is filled. kError: `error` says what and where; the
  // record is skipped. kEnd: no more input.
  virtual Outcome Next(InputRecord* record, std::string* error) = 0;

  // Bytes of the input consumed so far (compressed bytes for .gz), for
  // progress reports.
  virtual uint64_t BytesRead() const { return 0; }
  // A line accounting for records that Next() did not return (WARC: the
  // records skipped by type), for the end of the input; "" when none.
  virtual std::string Summary() const { return ""; }
};

// Parses one JSONL line into an article; on failure returns false with the
// reason in `error` (without location) and any id read in `article->id`.
bool ParseJsonRecord(std::string_view line, Article* article,
                     std::string* warning, std::string* error);
// The same for a line whose buffer holds `capacity` bytes (at least
// simdjson::SIMDJSON_PADDING more than the line): parsed in place, without
// a copy.
// `owner`, when given, is the string `line` views: a line over 16 MB is
// freed as soon as it is parsed, so that a huge record is not held three
// times over (line, parser, article text) while its text is copied out.
bool ParseJsonRecord(std::string_view line, size_t capacity, Article* article,
                     std::string* warning, std::string* error,
                     std::string* owner = nullptr);

}  // namespace dyad

#endif  // DYAD_IO_RECORD_READER_H_
