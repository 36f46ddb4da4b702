// HtmlExtract: the article text and metadata of a saved news page
// (docs/formats/html.md).
//
//   HtmlPage page = ExtractHtml(html_bytes);
//   // page.text: the paragraphs of the main content, joined by "\n\n"
//
// The page is parsed with gumbo (HTML5: broken markup is repaired as a
// browser would, entities are decoded). Navigation, headers, footers,
// asides, scripts, forms and blocks whose class or id says share, related,
// comments, ... are dropped; the paragraphs of the main container
// (<article>, else <main>, else <body>) are kept.
//
// Event offsets of an article made from a page point into `text`, not into
// the HTML.
//
// Thread-safe (no shared state); never fails: a page with no text gives an
// empty `text`.
#ifndef DYAD_IO_HTML_EXTRACT_H_
#define DYAD_IO_HTML_EXTRACT_H_

#include <string>
#include <string_view>

#include "dyad/article.h"

namespace dyad {

struct HtmlOptions {
  // The URL the page was fetched from (a WARC-Target-URI): relative
  // canonical links are resolved against it. Empty: none.
  std::string_view base_url;
  // The charset the transport declared (an HTTP Content-Type's), if any; a
  // <meta> charset in the page is looked at too.
  std::string_view charset;
};

struct HtmlPage {
  std::string text;       // paragraphs joined by "\n\n"; empty: none found
  std::string title;      // og:title, else the first h1, else <title>
  std::string url;        // <link rel=canonical>, else og:url
  std::string site_name;  // og:site_name
  Date date;              // the first parsable date candidate
  // When no candidate parsed: the first one found (for a warning); else "".
  std::string unparsed_date;
  // Non-empty when the page was not parsed at all, and why (markup nested
  // deeper than kMaxHtmlDepth elements: the parser's time grows with the
  // depth times the number of tags).
  std::string problem;
};

// Pages whose markup opens more elements than this without closing them
// are refused (browsers themselves flatten trees past 512 levels).
constexpr int kMaxHtmlDepth = 2000;

HtmlPage ExtractHtml(std::string_view html, const HtmlOptions& options = {});

// The host of an absolute URL without a leading "www." ("" if none):
// "https://www.bbc.co.uk/news/x" -> "bbc.co.uk".
std::string UrlHost(std::string_view url);

// True when `charset` (as in a Content-Type, e.g. "text/html;
// charset=ISO-8859-1") names a single-byte Western charset read as
// Windows-1252.
bool IsWindows1252Charset(std::string_view charset);

// Windows-1252 bytes to UTF-8.
std::string Windows1252ToUtf8(std::string_view bytes);

}  // namespace dyad

#endif  // DYAD_IO_HTML_EXTRACT_H_
