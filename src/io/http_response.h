// HttpResponse: the status line and headers of an HTTP response as stored
// in a WARC `response` record, and the decoding of its body (chunked
// transfer encoding, gzip/deflate content encoding). docs/formats/warc.md.
#ifndef DYAD_IO_HTTP_RESPONSE_H_
#define DYAD_IO_HTTP_RESPONSE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace dyad {

struct HttpResponse {
  int status = 0;
  std::string content_type;       // as sent, e.g. "text/html; charset=utf-8"
  std::string transfer_encoding;  // lower-cased
  std::string content_encoding;   // lower-cased
  size_t header_size = 0;         // bytes up to and including the blank line
};

// Parses the response head at the start of `block`. Returns false when
// `block` does not start with "HTTP/" or holds no complete head.
bool ParseHttpHead(std::string_view block, HttpResponse* response);

// True when `content_type` is HTML (text/html, application/xhtml+xml).
bool IsHtmlContentType(std::string_view content_type);

// Undoes the transfer and content encodings of `response` on `body`, in
// place (at most `max_size` bytes). False, with `error`, when an encoding
// is unknown or the body does not decode.
bool DecodeHttpBody(const HttpResponse& response, size_t max_size,
                    std::string* body, std::string* error);

}  // namespace dyad

#endif  // DYAD_IO_HTTP_RESPONSE_H_
