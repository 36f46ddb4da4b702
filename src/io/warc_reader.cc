// How this works: a small buffer over the byte source gives lines (the
// WARC and HTTP headers) and counted bytes (the blocks). A record that is
// not wanted is read past in 64 KB pieces without being kept. Of a
// response record, the first 64 KB are read to see the HTTP head; only an
// HTML payload is read whole (up to kMaxPayloadBytes).
#include "io/warc_reader.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <utility>
#include <vector>

#include "io/html_extract.h"
#include "io/html_reader.h"
#include "io/http_response.h"

namespace dyad {
namespace {

constexpr size_t kMaxHeaderBytes = 64 << 10;
constexpr size_t kHeadProbeBytes = 64 << 10;
constexpr size_t kMaxPayloadBytes = size_t{32} << 20;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(c));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' ||
                        s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

// The type as counted in the summary: one of the standard ones, else
// "other" (a file cannot grow the summary or put odd bytes in it).
std::string KnownType(const std::string& type) {
  for (const char* t : {"warcinfo", "request", "metadata", "revisit",
                        "conversion", "continuation"})
    if (type == t) return type;
  return type.empty() ? "untyped" : "other-type";
}

bool IsRecordStart(std::string_view line) {
  return line.substr(0, 7) == "WARC/1." || line.substr(0, 7) == "WARC/0.";
}

class WarcReader : public RecordReader {
 public:
  WarcReader(std::unique_ptr<ByteSource> source, std::string name,
             const ReaderOptions& options)
      : source_(std::move(source)), name_(std::move(name)), options_(options) {}

  Outcome Next(InputRecord* record, std::string* error) override {
    while (!ended_) {
      std::string why;
      const Step step = ReadRecord(record, &why);
      if (step == Step::kRecord) {
        ++html_records_;
        return Outcome::kRecord;
      }
      if (step == Step::kError) {
        ++bad_;
        *error = Where() + ": " + why;
        return Outcome::kError;
      }
      // kSkipped: go on with the next record.
    }
    return Outcome::kEnd;
  }

  uint64_t BytesRead() const override { return source_->raw_bytes(); }

  std::string Summary() const override {
    std::string s =
        name_ + ": " + std::to_string(html_records_) + " HTML records read, ";
    long skipped = 0;
    std::string why;
    for (const auto& [reason, n] : skipped_) {
      skipped += n;
      why += (why.empty() ? "" : ", ") + std::to_string(n) + " " + reason;
    }
    s += std::to_string(skipped) + " records skipped";
    if (!why.empty()) s += " (" + why + ")";
    if (bad_ > 0) s += ", " + std::to_string(bad_) + " bad";
    return s;
  }

 private:
  enum class Step { kRecord, kSkipped, kError };

  std::string Where() const {
    return name_ + ": record " + std::to_string(record_no_) + " at byte " +
           std::to_string(record_start_);
  }

  // --- buffered reading -------------------------------------------------
  bool Fill() {
    if (pos_ < buf_.size()) return true;
    buf_.resize(kChunk);
    const size_t got = source_->Read(buf_.data(), kChunk);
    buf_.resize(got);
    pos_ = 0;
    return got > 0;
  }
  // A line without its end ('\n', and a '\r' before it). Past `max` bytes
  // the rest of the line is read and dropped, and *too_long is set. False
  // at the end of input with nothing read.
  bool ReadLine(std::string* line, size_t max, bool* too_long) {
    line->clear();
    *too_long = false;
    bool any = false;
    while (Fill()) {
      any = true;
      const char* start = buf_.data() + pos_;
      const size_t avail = buf_.size() - pos_;
      const char* nl =
          static_cast<const char*>(std::memchr(start, '\n', avail));
      const size_t take = nl ? static_cast<size_t>(nl - start) + 1 : avail;
      const size_t keep =
          std::min(take, max > line->size() ? max - line->size() : size_t{0});
      line->append(start, keep);
      if (keep < take) *too_long = true;
      pos_ += take;
      offset_ += take;
      if (nl) break;
    }
    line_complete_ = !line->empty() && line->back() == '\n';
    if (line_complete_) line->pop_back();
    if (!line->empty() && line->back() == '\r') line->pop_back();
    return any;
  }
  // Appends up to `n` bytes to `out` (or drops them if null); returns how
  // many there were.
  size_t ReadBytes(size_t n, std::string* out) {
    size_t done = 0;
    while (done < n && Fill()) {
      const size_t take = std::min(n - done, buf_.size() - pos_);
      if (out) out->append(buf_.data() + pos_, take);
      pos_ += take;
      offset_ += take;
      done += take;
    }
    return done;
  }

  std::string Truncated(size_t got, size_t want) {
    ended_ = true;
    std::string why = "truncated record (" + std::to_string(got) + " of " +
                      std::to_string(want) + " bytes of content)";
    if (!source_->error().empty()) why += ": " + source_->error();
    return why;
  }

  // After a bad header: drops lines up to the next that starts a record,
  // which is kept for the next call. Returns the bytes dropped.
  uint64_t Resync() {
    const uint64_t from = offset_;
    std::string line;
    bool too_long;
    while (true) {
      const uint64_t line_start = offset_;
      if (!ReadLine(&line, 16, &too_long)) {
        ended_ = true;
        return offset_ - from;
      }
      if (IsRecordStart(line)) {
        pending_version_ = true;
        pending_start_ = line_start;
        return line_start - from;
      }
    }
  }

  std::string BadHeader(const std::string& what) {
    const uint64_t skipped = Resync();
    return "bad WARC header: " + what + " (" + std::to_string(skipped) +
           " bytes skipped to " +
           (ended_
                ? std::string("the end of the file")
                : "the next record at byte " + std::to_string(pending_start_)) +
           ")";
  }

  // --- one record -------------------------------------------------------
  Step ReadRecord(InputRecord* record, std::string* why) {
    std::string line;
    bool too_long = false;
    if (pending_version_) {
      pending_version_ = false;
      record_start_ = pending_start_;
      ++record_no_;
    } else {
      // Blank lines between records.
      for (;;) {
        record_start_ = offset_;
        if (!ReadLine(&line, kMaxHeaderBytes, &too_long)) {
          ended_ = true;
          if (!source_->error().empty()) {
            ++record_no_;
            *why = source_->error();
            return Step::kError;
          }
          return Step::kSkipped;
        }
        if (!line_complete_ && !source_->error().empty()) {
          ended_ = true;
          ++record_no_;
          *why = "truncated record (the file ends inside the WARC header): " +
                 source_->error();
          return Step::kError;
        }
        if (!Trim(line).empty()) break;
      }
      ++record_no_;
      if (!IsRecordStart(line) && line.substr(0, 5) != "WARC/") {
        return (*why = BadHeader("expected 'WARC/1.x', found '" +
                                 Printable(line.substr(0, 20)) + "'"),
                Step::kError);
      }
    }
    // Named fields up to a blank line.
    std::map<std::string, std::string> fields;
    size_t header_bytes = 0;
    std::string last;
    for (;;) {
      if (!ReadLine(&line, kMaxHeaderBytes, &too_long) || !line_complete_) {
        ended_ = true;
        *why = "truncated record (the file ends inside the WARC header)";
        if (!source_->error().empty()) *why += ": " + source_->error();
        return Step::kError;
      }
      header_bytes += line.size();
      if (too_long || header_bytes > kMaxHeaderBytes)
        return (*why = BadHeader("header over 64 KB"), Step::kError);
      if (line.empty()) break;
      if ((line[0] == ' ' || line[0] == '\t') && !last.empty()) {
        fields[last] += " " + std::string(Trim(line));  // continuation
        continue;
      }
      const size_t colon = line.find(':');
      if (colon == std::string::npos)
        return (*why = BadHeader("header line without ':': '" +
                                 Printable(line.substr(0, 40)) + "'"),
                Step::kError);
      last = Lower(Trim(std::string_view(line).substr(0, colon)));
      fields[last] =
          std::string(Trim(std::string_view(line).substr(colon + 1)));
    }
    auto field = [&](const char* name) -> std::string {
      auto it = fields.find(name);
      return it == fields.end() ? std::string() : it->second;
    };
    const std::string length_text = field("content-length");
    if (length_text.empty())
      return (*why = BadHeader("no Content-Length"), Step::kError);
    if (length_text.size() > 12 ||
        !std::all_of(length_text.begin(), length_text.end(),
                     [](char c) { return c >= '0' && c <= '9'; }))
      return (*why = BadHeader("Content-Length '" +
                               Printable(length_text.substr(0, 20)) +
                               "' is not a number"),
              Step::kError);
    const size_t length = std::stoull(length_text);
    const std::string type = Lower(field("warc-type"));

    if (type != "response" && type != "resource") {
      const size_t got = ReadBytes(length, nullptr);
      if (got < length) return (*why = Truncated(got, length), Step::kError);
      ++skipped_[KnownType(type)];
      return Step::kSkipped;
    }
    // The first bytes: the HTTP head of a response.
    std::string block;
    const size_t probe = std::min(length, kHeadProbeBytes);
    size_t got = ReadBytes(probe, &block);
    if (got < probe) return (*why = Truncated(got, length), Step::kError);
    HttpResponse http;
    std::string content_type;
    size_t body_start = 0;
    if (type == "response") {
      if (!ParseHttpHead(block, &http)) {
        got += ReadBytes(length - probe, nullptr);
        if (got < length) return (*why = Truncated(got, length), Step::kError);
        if (Lower(field("content-type")).find("application/http") ==
            std::string::npos) {
          ++skipped_["non-HTTP response"];
          return Step::kSkipped;
        }
        *why = "response record whose HTTP head cannot be read";
        return Step::kError;
      }
      content_type = http.content_type;
      body_start = http.header_size;
    } else {
      content_type = field("content-type");
    }
    bool html = IsHtmlContentType(content_type);
    if (content_type.empty()) {  // sniff the body
      const size_t first = block.find_first_not_of(" \t\r\n", body_start);
      html = first != std::string::npos && block[first] == '<';
    }
    const bool ok_status =
        type != "response" || (http.status >= 200 && http.status < 300);
    if (!html || !ok_status || length > kMaxPayloadBytes) {
      got += ReadBytes(length - probe, nullptr);
      if (got < length) return (*why = Truncated(got, length), Step::kError);
      if (!html) {
        ++skipped_["non-HTML " + type];
        return Step::kSkipped;
      }
      if (!ok_status) {
        ++skipped_["HTTP status not 2xx"];
        return Step::kSkipped;
      }
      *why = "HTML payload over " + std::to_string(kMaxPayloadBytes >> 20) +
             " MB: not coded";
      return Step::kError;
    }
    got += ReadBytes(length - probe, &block);
    if (got < length) return (*why = Truncated(got, length), Step::kError);
    block.erase(0, body_start);
    if (type == "response" &&
        !DecodeHttpBody(http, kMaxPayloadBytes, &block, why))
      return Step::kError;

    const std::string uri = field("warc-target-uri");
    PageDefaults defaults;
    defaults.location = Where();
    defaults.id = !uri.empty()                       ? uri
                  : !field("warc-record-id").empty() ? field("warc-record-id")
                                                     : Where();
    defaults.id_is_final = true;
    defaults.url = uri;
    defaults.date = ParseDate(field("warc-date"));
    defaults.date_name = "WARC-Date";
    if (!defaults.date.valid()) defaults.date = options_.default_date;
    // Extracted later, on a coding thread; a page without article text is
    // then a note, not an error (a crawl holds many index pages).
    SetPendingPage(std::move(block), uri, content_type, std::move(defaults),
                   PrepareOutcome::kSkip, record);
    return Step::kRecord;
  }

  static std::string Printable(std::string_view s) {
    std::string out;
    for (char c : s)
      out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
    return out;
  }

  static constexpr size_t kChunk = 1 << 16;
  std::unique_ptr<ByteSource> source_;
  std::string name_;
  ReaderOptions options_;
  std::string buf_;
  size_t pos_ = 0;
  uint64_t offset_ = 0;        // bytes of WARC consumed
  uint64_t record_start_ = 0;  // offset of the current record
  long record_no_ = 0;
  bool ended_ = false;
  bool line_complete_ = false;    // the last line read ended in '\n'
  bool pending_version_ = false;  // Resync found the next record's first line
  uint64_t pending_start_ = 0;
  long html_records_ = 0, bad_ = 0;
  std::map<std::string, long> skipped_;
};

}  // namespace

std::unique_ptr<RecordReader> MakeWarcReader(std::unique_ptr<ByteSource> source,
                                             const std::string& name,
                                             const ReaderOptions& options) {
  return std::make_unique<WarcReader>(std::move(source), name, options);
}

}  // namespace dyad
