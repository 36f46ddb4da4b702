#include "io/html_reader.h"

#include <utility>

namespace dyad {
namespace {

// A page bigger than this is not a news article; it is refused rather than
// held in memory.
constexpr size_t kMaxPageBytes = size_t{32} << 20;

class HtmlReader : public RecordReader {
 public:
  HtmlReader(std::unique_ptr<ByteSource> source, std::string name,
             const ReaderOptions& options)
      : source_(std::move(source)), name_(std::move(name)), options_(options) {}

  Outcome Next(InputRecord* record, std::string* error) override {
    if (done_) return Outcome::kEnd;
    done_ = true;
    std::string html;
    char buf[1 << 16];
    for (;;) {
      const size_t got = source_->Read(buf, sizeof buf);
      if (got == 0) break;
      html.append(buf, got);
      if (html.size() > kMaxPageBytes) {
        *error = name_ + ": HTML page over " +
                 std::to_string(kMaxPageBytes >> 20) + " MB: not coded";
        return Outcome::kError;
      }
    }
    if (!source_->error().empty()) {
      *error = name_ + ": " + source_->error();
      return Outcome::kError;
    }
    PageDefaults defaults;
    defaults.location = name_;
    defaults.id = name_;
    defaults.date = options_.default_date;
    SetPendingPage(std::move(html), "", "", std::move(defaults),
                   PrepareOutcome::kError, record);
    return Outcome::kRecord;
  }

  uint64_t BytesRead() const override { return source_->raw_bytes(); }

 private:
  std::unique_ptr<ByteSource> source_;
  std::string name_;
  ReaderOptions options_;
  bool done_ = false;
};

}  // namespace

bool PageToRecord(HtmlPage page, const PageDefaults& defaults,
                  InputRecord* record) {
  if (page.text.empty()) return false;
  Article& a = record->article;
  a = Article{};
  record->warning.clear();
  record->location = defaults.location;
  a.url = page.url.empty() ? defaults.url : std::move(page.url);
  a.id = defaults.id_is_final || a.url.empty() ? defaults.id : a.url;
  a.text = std::move(page.text);
  a.title = std::move(page.title);
  a.source = page.site_name.empty() ? UrlHost(a.url) : page.site_name;
  a.date = page.date;
  if (!a.date.valid()) {
    if (!page.unparsed_date.empty()) {
      const bool stand_in =
          !defaults.date_name.empty() && defaults.date.valid();
      record->warning = "unparsable date '" + page.unparsed_date + "': " +
                        (stand_in ? "dated by " + defaults.date_name
                                  : std::string("coded without a date"));
      if (stand_in) a.date = defaults.date;
    } else if (defaults.date.valid()) {
      a.date = defaults.date;
    } else if (defaults.warn_no_date) {
      record->warning = "no date found in the page: coded without a date";
    }
  }
  return true;
}

void SetPendingPage(std::string html, std::string base_url, std::string charset,
                    PageDefaults defaults, PrepareOutcome no_text,
                    InputRecord* record) {
  record->article = Article{};
  record->article.id = defaults.id;
  record->article.url = defaults.url;
  record->article.text = std::move(html);
  record->location = defaults.location;
  record->warning.clear();
  record->prepare = [base_url = std::move(base_url),
                     charset = std::move(charset),
                     defaults = std::move(defaults),
                     no_text](InputRecord* r, std::string* message) {
    HtmlOptions options;
    options.base_url = base_url;
    options.charset = charset;
    HtmlPage page = ExtractHtml(r->article.text, options);
    if (!page.problem.empty()) {
      *message = defaults.location + ": " + page.problem;
      return PrepareOutcome::kError;
    }
    if (!PageToRecord(std::move(page), defaults, r)) {
      *message = defaults.location + ": no article text found";
      return no_text;
    }
    return PrepareOutcome::kReady;
  };
}

std::unique_ptr<RecordReader> MakeHtmlReader(std::unique_ptr<ByteSource> source,
                                             const std::string& name,
                                             const ReaderOptions& options) {
  return std::make_unique<HtmlReader>(std::move(source), name, options);
}

}  // namespace dyad
