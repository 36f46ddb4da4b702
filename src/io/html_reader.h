// Reading HTML pages as articles (docs/formats/html.md): a RecordReader for
// one saved page, and the step, shared with the WARC reader, that turns an
// extracted page into an input record.
#ifndef DYAD_IO_HTML_READER_H_
#define DYAD_IO_HTML_READER_H_

#include <memory>
#include <string>

#include "io/byte_source.h"
#include "io/html_extract.h"
#include "io/record_reader.h"

namespace dyad {

// What a page's record falls back on when the page does not say.
struct PageDefaults {
  std::string location;  // the record's location ("file", "file: record N")
  // The id when the page has no URL (a file name), or always when
  // `id_is_final` (a WARC-Target-URI).
  std::string id;
  bool id_is_final = false;
  std::string url;  // the URL when the page has none
  Date date;        // the date when the page has none
  // Empty: `date` is --date, which (as for JSON Lines) does not stand in
  // for an unparsable date. Else its name ("WARC-Date"): a capture date,
  // which does, with a warning.
  std::string date_name;
  bool warn_no_date = true;  // warn when there is no date at all
};

// Fills `record` from `page`. Returns false when the page has no article
// text (the record is then not to be coded).
bool PageToRecord(HtmlPage page, const PageDefaults& defaults,
                  InputRecord* record);

// Makes `record` a page still to extract (InputRecord::prepare): `html` is
// kept in article.text, and prepare() runs ExtractHtml (with `base_url`
// and `charset`, see HtmlOptions) and PageToRecord. A page without article
// text gives `no_text` and the message "<location>: no article text
// found".
void SetPendingPage(std::string html, std::string base_url, std::string charset,
                    PageDefaults defaults, PrepareOutcome no_text,
                    InputRecord* record);

// One page from `source` (the whole of it), named `name`.
std::unique_ptr<RecordReader> MakeHtmlReader(std::unique_ptr<ByteSource> source,
                                             const std::string& name,
                                             const ReaderOptions& options);

}  // namespace dyad

#endif  // DYAD_IO_HTML_READER_H_
