// WarcReader: the HTML pages of a WARC or WARC.gz file as articles
// (docs/formats/warc.md), one record at a time in bounded memory.
//
// `response` records with an HTML HTTP payload and HTML `resource` records
// are extracted (io/html_extract.h) and returned; every other record is
// skipped and counted, and Summary() accounts for all of them. A malformed
// record is an error naming the file, record number and byte offset; the
// reader then looks for the next record header and goes on. A truncated
// file or gzip stream ends the file with an error.
//
// Not thread-safe: one reader per input.
#ifndef DYAD_IO_WARC_READER_H_
#define DYAD_IO_WARC_READER_H_

#include <memory>
#include <string>

#include "io/byte_source.h"
#include "io/record_reader.h"

namespace dyad {

// `source` yields the (uncompressed) WARC bytes; `name` names the file in
// locations and messages.
std::unique_ptr<RecordReader> MakeWarcReader(std::unique_ptr<ByteSource> source,
                                             const std::string& name,
                                             const ReaderOptions& options);

}  // namespace dyad

#endif  // DYAD_IO_WARC_READER_H_
