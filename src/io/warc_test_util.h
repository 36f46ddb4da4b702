// Builds WARC records and gzip members for tests (the reader's tests and
// the fuzz seeds use the same shapes).
#ifndef DYAD_IO_WARC_TEST_UTIL_H_
#define DYAD_IO_WARC_TEST_UTIL_H_

#include <zlib.h>

#include <cstring>
#include <string>
#include <string_view>

namespace dyad::testing {

// One WARC/1.0 record with the given type, extra header lines ("Name:
// value\r\n" each) and block.
inline std::string WarcRecord(std::string_view type, std::string_view block,
                              std::string_view extra_headers = "",
                              std::string_view uri = "") {
  std::string r = "WARC/1.0\r\nWARC-Type: " + std::string(type) + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  r += "WARC-Date: 2024-02-01T12:00:00Z\r\n";
  r += "WARC-Record-ID: <urn:uuid:" + std::to_string(block.size()) + ">\r\n";
  r += extra_headers;
  r += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

// An HTTP response block.
inline std::string HttpBlock(std::string_view content_type,
                             std::string_view body, int status = 200,
                             std::string_view extra = "") {
  return "HTTP/1.1 " + std::to_string(status) +
         " X\r\nContent-Type: " + std::string(content_type) + "\r\n" +
         std::string(extra) + "\r\n" + std::string(body);
}

inline std::string HtmlResponse(std::string_view uri, std::string_view html) {
  return WarcRecord("response", HttpBlock("text/html; charset=utf-8", html),
                    "Content-Type: application/http; msgtype=response\r\n",
                    uri);
}

// `data` as one gzip member.
inline std::string Gzip(std::string_view data) {
  z_stream z;
  std::memset(&z, 0, sizeof z);
  deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
               Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

}  // namespace dyad::testing

#endif  // DYAD_IO_WARC_TEST_UTIL_H_
