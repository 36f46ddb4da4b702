#include "io/record_reader.h"

#include <simdjson.h>

#include <cctype>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <iterator>

#include "io/byte_source.h"
#include "io/html_reader.h"
#include "io/warc_reader.h"
#include "text/utf8.h"

namespace dyad {
namespace {

class JsonlReader : public RecordReader {
 public:
  JsonlReader(std::istream* in, std::unique_ptr<std::istream> owned,
              std::string name, const ReaderOptions& options,
              std::string first_chunk)
      : in_(in),
        owned_(std::move(owned)),
        name_(std::move(name)),
        options_(options),
        pending_(std::move(first_chunk)) {}

  Outcome Next(InputRecord* record, std::string* error) override {
    std::string line;
    while (ReadLine(&line)) {
      ++line_no_;
      bytes_read_ += line.size() + 1;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      size_t first = line.find_first_not_of(" \t");
      if (first == std::string::npos) continue;
      std::string location = name_ + ":" + std::to_string(line_no_);
      record->article = Article{};
      record->warning.clear();
      std::string why;
      line.reserve(line.size() + simdjson::SIMDJSON_PADDING);
      if (!ParseJsonRecord(line, line.capacity(), &record->article,
                           &record->warning, &why, &line)) {
        *error = location + ": " +
                 (record->article.id.empty()
                      ? ""
                      : "record '" + record->article.id + "': ") +
                 why;
        return Outcome::kError;
      }
      if (!record->article.date.valid() && options_.default_date.valid() &&
          record->warning.empty())
        record->article.date = options_.default_date;
      record->location = std::move(location);
      return Outcome::kRecord;
    }
    return Outcome::kEnd;
  }

  uint64_t BytesRead() const override { return bytes_read_; }

 private:
  bool ReadLine(std::string* line) {
    if (!pending_.empty()) {
      // The bytes sniffed to detect the format come first.
      size_t nl = pending_.find('\n');
      if (nl != std::string::npos) {
        *line = pending_.substr(0, nl);
        pending_.erase(0, nl + 1);
        return true;
      }
      *line = std::move(pending_);
      pending_.clear();
      std::string rest;
      if (std::getline(*in_, rest)) *line += rest;
      return true;
    }
    return static_cast<bool>(std::getline(*in_, *line));
  }

  std::istream* in_;
  std::unique_ptr<std::istream> owned_;
  std::string name_;
  ReaderOptions options_;
  std::string pending_;
  long line_no_ = 0;
  uint64_t bytes_read_ = 0;
};

class TextReader : public RecordReader {
 public:
  TextReader(std::istream* in, std::unique_ptr<std::istream> owned,
             std::string name, const ReaderOptions& options,
             std::string first_chunk)
      : in_(in),
        owned_(std::move(owned)),
        name_(std::move(name)),
        options_(options),
        first_(std::move(first_chunk)) {}

  Outcome Next(InputRecord* record, std::string* error) override {
    if (done_) return Outcome::kEnd;
    done_ = true;
    std::string text = std::move(first_);
    text.append(std::istreambuf_iterator<char>(*in_),
                std::istreambuf_iterator<char>());
    if (text.find('\0') != std::string::npos) {
      *error = name_ + ": binary file (holds NUL bytes): not coded";
      return Outcome::kError;
    }
    record->article = Article{};
    record->article.id = name_;
    record->article.text = std::move(text);
    record->article.date = options_.default_date;
    record->location = name_ + ":1";
    record->warning.clear();
    bytes_read_ = record->article.text.size();
    return Outcome::kRecord;
  }

  uint64_t BytesRead() const override { return bytes_read_; }

 private:
  std::istream* in_;
  std::unique_ptr<std::istream> owned_;
  std::string name_;
  ReaderOptions options_;
  std::string first_;
  bool done_ = false;
  uint64_t bytes_read_ = 0;
};

// A reader whose only record is an error (an input that cannot be read).
class FailedReader : public RecordReader {
 public:
  explicit FailedReader(std::string error) : error_(std::move(error)) {}
  Outcome Next(InputRecord*, std::string* error) override {
    if (done_) return Outcome::kEnd;
    done_ = true;
    *error = error_;
    return Outcome::kError;
  }

 private:
  std::string error_;
  bool done_ = false;
};

// A reader that owns the stream its ByteSource reads.
class OwningReader : public RecordReader {
 public:
  OwningReader(std::unique_ptr<std::istream> owned,
               std::unique_ptr<RecordReader> inner)
      : owned_(std::move(owned)), inner_(std::move(inner)) {}
  Outcome Next(InputRecord* record, std::string* error) override {
    return inner_->Next(record, error);
  }
  uint64_t BytesRead() const override { return inner_->BytesRead(); }
  std::string Summary() const override { return inner_->Summary(); }

 private:
  std::unique_ptr<std::istream> owned_;  // destroyed after inner_
  std::unique_ptr<RecordReader> inner_;
};

bool EndsWith(std::string_view name, std::string_view suffix) {
  if (name.size() < suffix.size()) return false;
  std::string_view tail = name.substr(name.size() - suffix.size());
  for (size_t i = 0; i < tail.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(tail[i])) != suffix[i])
      return false;
  }
  return true;
}

InputFormat SniffFormat(const std::string& name, const std::string& head) {
  if (EndsWith(name, ".jsonl") || EndsWith(name, ".json") ||
      EndsWith(name, ".ndjson"))
    return InputFormat::kJsonl;
  if (EndsWith(name, ".warc") || EndsWith(name, ".warc.gz"))
    return InputFormat::kWarc;
  if (EndsWith(name, ".html") || EndsWith(name, ".htm"))
    return InputFormat::kHtml;
  const size_t first = head.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return InputFormat::kText;
  if (head.compare(first, 5, "WARC/") == 0) return InputFormat::kWarc;
  if (head[first] == '{') return InputFormat::kJsonl;
  if (head[first] == '<') return InputFormat::kHtml;
  return InputFormat::kText;
}

std::unique_ptr<RecordReader> Make(std::istream* in,
                                   std::unique_ptr<std::istream> owned,
                                   const std::string& name,
                                   const ReaderOptions& options) {
  // Sniff the first bytes (up to the first non-blank, and 4 more) to pick
  // the format.
  std::string head;
  char c;
  size_t first = std::string::npos;
  while (head.size() < 4096 && in->get(c)) {
    head.push_back(c);
    if (first == std::string::npos && c != ' ' && c != '\t' && c != '\r' &&
        c != '\n')
      first = head.size() - 1;
    if (first != std::string::npos && head.size() >= first + 5) break;
  }
  auto wrap = [&](std::unique_ptr<RecordReader> inner)
      -> std::unique_ptr<RecordReader> {
    if (!owned) return inner;
    return std::make_unique<OwningReader>(std::move(owned), std::move(inner));
  };
  if (IsGzipMagic(head) && (options.format == InputFormat::kAuto ||
                            options.format == InputFormat::kWarc)) {
    // Compressed: only a WARC is read so (docs/formats/warc.md).
    auto gz = MakeGzipSource(MakeStreamSource(in, std::move(head)));
    char magic[5];
    size_t got = 0;
    while (got < sizeof magic) {
      const size_t n = gz->Read(magic + got, sizeof magic - got);
      if (n == 0) break;
      got += n;
    }
    std::string start(magic, got);
    if (start != "WARC/") {
      return wrap(std::make_unique<FailedReader>(
          name + ": " +
          (!gz->error().empty() && got < sizeof magic
               ? gz->error()
               : std::string("not a WARC file (gzip data does not start "
                             "with 'WARC/'): not coded"))));
    }
    return wrap(MakeWarcReader(MakePrefixedSource(start, std::move(gz)), name,
                               options));
  }
  const InputFormat format = options.format == InputFormat::kAuto
                                 ? SniffFormat(name, head)
                                 : options.format;
  switch (format) {
    case InputFormat::kWarc:
      return wrap(
          MakeWarcReader(MakeStreamSource(in, std::move(head)), name, options));
    case InputFormat::kHtml:
      return wrap(
          MakeHtmlReader(MakeStreamSource(in, std::move(head)), name, options));
    case InputFormat::kJsonl:
      return std::make_unique<JsonlReader>(in, std::move(owned), name, options,
                                           std::move(head));
    default:
      return std::make_unique<TextReader>(in, std::move(owned), name, options,
                                          std::move(head));
  }
}

// simdjson refuses a document that is not valid UTF-8, but a record's text
// may hold invalid bytes (docs/formats/input.md: they are coded, with a
// warning, and spans point into the bytes as given). So a line refused for
// UTF-8 alone is parsed again with each invalid byte B stood in for by the
// character U+10FF00 + B (F4 8F BE|BF xx), which UnescapeInvalidBytes turns
// back into B in every string read. A line that already holds such a
// character, or a \udbff escape that could spell one, is not rewritten.
bool IsStandIn(std::string_view s, size_t i) {
  return i + 4 <= s.size() && s[i] == '\xF4' && s[i + 1] == '\x8F' &&
         (s[i + 2] == '\xBE' || s[i + 2] == '\xBF');
}

bool EscapeInvalidBytes(std::string_view line, std::string* out) {
  out->clear();
  for (size_t i = 0; i < line.size();) {
    if (line[i] == '\\' && i + 5 < line.size() && line[i + 1] == 'u' &&
        std::tolower(static_cast<unsigned char>(line[i + 2])) == 'd' &&
        std::tolower(static_cast<unsigned char>(line[i + 3])) == 'b' &&
        std::tolower(static_cast<unsigned char>(line[i + 4])) == 'f' &&
        std::tolower(static_cast<unsigned char>(line[i + 5])) == 'f')
      return false;
    const size_t n = text_internal::ValidUtf8Length(line, i);
    if (n == 0) {
      const unsigned char b = static_cast<unsigned char>(line[i]);
      out->push_back('\xF4');
      out->push_back('\x8F');
      out->push_back(static_cast<char>(b >= 0xC0 ? 0xBF : 0xBE));
      out->push_back(static_cast<char>(0x80 | (b & 0x3F)));
      ++i;
      continue;
    }
    if (n == 4 && IsStandIn(line, i)) return false;
    out->append(line.substr(i, n));
    i += n;
  }
  return true;
}

std::string UnescapeInvalidBytes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (IsStandIn(s, i)) {
      const unsigned char third = static_cast<unsigned char>(s[i + 2]);
      const unsigned char fourth = static_cast<unsigned char>(s[i + 3]);
      out.push_back(
          static_cast<char>((third == 0xBF ? 0xC0 : 0x80) | (fourth & 0x3F)));
      i += 4;
    } else {
      out.push_back(s[i++]);
    }
  }
  return out;
}

}  // namespace

bool ParseJsonRecord(std::string_view line, Article* article,
                     std::string* warning, std::string* error) {
  return ParseJsonRecord(line, 0, article, warning, error);
}

bool ParseJsonRecord(std::string_view line, size_t capacity, Article* article,
                     std::string* warning, std::string* error,
                     std::string* owner) {
  // One parser per thread, reused: allocation happens only when a line is
  // longer than any seen before.
  thread_local simdjson::dom::parser parser;
  // A huge record's buffers are not kept for the next, ordinary one.
  struct ReleaseIfHuge {
    size_t size;
    ~ReleaseIfHuge() {
      if (size > (size_t{16} << 20)) parser = simdjson::dom::parser();
    }
  } release{line.size()};
  // Parsed in place when the caller's buffer has room for simdjson's
  // padding (no copy of a huge line), else from a padded copy.
  simdjson::padded_string padded;
  const bool in_place = capacity >= line.size() + simdjson::SIMDJSON_PADDING;
  if (!in_place) padded = simdjson::padded_string(line);
  simdjson::dom::element doc;
  auto err = in_place ? parser
                            .parse(simdjson::padded_string_view(
                                line.data(), line.size(), capacity))
                            .get(doc)
                      : parser.parse(padded).get(doc);
  bool escaped = false;
  std::string rewritten;
  if (err == simdjson::UTF8_ERROR && EscapeInvalidBytes(line, &rewritten)) {
    padded = simdjson::padded_string(rewritten);
    escaped = parser.parse(padded).get(doc) == simdjson::SUCCESS;
    if (escaped) err = simdjson::SUCCESS;
  }
  auto str = [escaped](std::string_view v) {
    return escaped ? UnescapeInvalidBytes(v) : std::string(v);
  };
  // The parsed document lives in the parser: a huge line is not needed any
  // more (and `line` is not read below).
  if (owner && line.size() > (size_t{16} << 20)) std::string().swap(*owner);
  if (err) {
    *error =
        std::string("not valid JSON (") + simdjson::error_message(err) + ")";
    return false;
  }
  simdjson::dom::object obj;
  if (doc.get_object().get(obj)) {
    *error = "not a JSON object";
    return false;
  }
  simdjson::dom::element id;
  if (obj["id"].get(id) == simdjson::SUCCESS) {
    if (id.is_string()) {
      article->id = str(id.get_string().value());
    } else if (id.is_int64()) {
      article->id = std::to_string(int64_t(id.get_int64().value()));
    } else if (id.is_uint64()) {
      article->id = std::to_string(uint64_t(id.get_uint64().value()));
    } else {
      *error = "field 'id' must be a string or an integer";
      return false;
    }
  } else {
    *error = "missing field 'id'";
    return false;
  }
  simdjson::dom::element text;
  if (obj["text"].get(text) != simdjson::SUCCESS) {
    *error = "missing field 'text'";
    return false;
  }
  if (!text.is_string()) {
    *error = "field 'text' must be a string";
    return false;
  }
  article->text = str(text.get_string().value());
  auto string_field = [&](const char* key, std::string* out) {
    std::string_view v;
    if (obj[key].get_string().get(v) == simdjson::SUCCESS) *out = str(v);
  };
  std::string date;
  string_field("date", &date);
  string_field("title", &article->title);
  string_field("url", &article->url);
  string_field("source", &article->source);
  if (!date.empty()) {
    article->date = ParseDate(date);
    if (!article->date.valid())
      *warning =
          "unparsable date '" + date.substr(0, 40) + "': coded without a date";
  }
  return true;
}

PrepareOutcome PrepareRecord(InputRecord* record, std::string* message) {
  if (!record->prepare) return PrepareOutcome::kReady;
  auto prepare = std::move(record->prepare);
  record->prepare = nullptr;
  return prepare(record, message);
}

Result<std::unique_ptr<RecordReader>> RecordReader::Open(
    const std::string& path, const ReaderOptions& options) {
  if (path == "-") return Make(&std::cin, nullptr, "-", options);
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*file) return Status::NotFound(path + ": cannot open file");
  std::istream* in = file.get();
  return Make(in, std::move(file), path, options);
}

std::unique_ptr<RecordReader> RecordReader::FromStream(
    std::istream* in, const std::string& name, const ReaderOptions& options) {
  return Make(in, nullptr, name, options);
}

}  // namespace dyad
