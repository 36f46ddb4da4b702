// Fuzz target for the HTML extractor: ExtractHtml over arbitrary bytes (as
// the page, and again with the first line as the transport's charset and
// base URL), and PageToRecord on the result. Any violation traps.
//
// Checked (docs/formats/html.md):
//  - text, title, URL and site name are valid UTF-8 (gumbo decodes, the
//    Windows-1252 path converts);
//  - the text is paragraphs joined by exactly one blank line: no leading or
//    trailing whitespace, no "\n\n\n", no empty paragraph;
//  - a date is valid, or else unparsed_date is at most 40 bytes;
//  - the same bytes give the same page twice (no hidden state);
//  - PageToRecord refuses exactly the pages with no text, and a record it
//    makes has the page's text and an id.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "io/html_extract.h"
#include "io/html_reader.h"
#include "text/utf8.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

bool ValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t n = dyad::text_internal::ValidUtf8Length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

void CheckPage(const dyad::HtmlPage& page) {
  Check(ValidUtf8(page.text));
  Check(ValidUtf8(page.title));
  Check(ValidUtf8(page.url));
  Check(ValidUtf8(page.site_name));
  const std::string& t = page.text;
  if (!t.empty()) {
    Check(!dyad::text_internal::IsSpace(t.front()));
    Check(!dyad::text_internal::IsSpace(t.back()));
    Check(t.find("\n\n\n") == std::string::npos);
    Check(t.find(" \n") == std::string::npos);
    Check(t.find("\n ") == std::string::npos);
  }
  Check(page.date.valid() || page.unparsed_date.size() <= 40);
  if (page.date.valid()) Check(page.unparsed_date.empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const dyad::HtmlPage page = dyad::ExtractHtml(input);
  CheckPage(page);
  const dyad::HtmlPage again = dyad::ExtractHtml(input);
  Check(again.text == page.text && again.title == page.title &&
        again.url == page.url && again.date == page.date);

  // The first line as a transport charset and base URL.
  const size_t nl = input.find('\n');
  if (nl != std::string_view::npos) {
    dyad::HtmlOptions options;
    options.charset = input.substr(0, nl);
    options.base_url = input.substr(0, nl);
    CheckPage(dyad::ExtractHtml(input.substr(nl + 1), options));
  }

  dyad::PageDefaults defaults;
  defaults.location = "fuzz";
  defaults.id = "fuzz";
  dyad::InputRecord record;
  const bool made = dyad::PageToRecord(page, defaults, &record);
  Check(made == !page.text.empty());
  if (made) {
    Check(record.article.text == page.text);
    Check(!record.article.id.empty());
    Check(record.location == "fuzz");
  }
  return 0;
}
