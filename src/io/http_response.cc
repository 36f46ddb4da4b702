#include "io/http_response.h"

#include <cctype>

#include "io/byte_source.h"

namespace dyad {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(c));
  return out;
}

bool Dechunk(std::string* body, std::string* error) {
  std::string out;
  size_t pos = 0;
  for (;;) {
    const size_t eol = body->find('\n', pos);
    if (eol == std::string::npos) {
      *error = "bad chunked encoding (no chunk size line)";
      return false;
    }
    std::string_view line = std::string_view(*body).substr(pos, eol - pos);
    line = Trim(line.substr(0, line.find(';')));
    if (line.empty() || line.size() > 12) {
      *error = "bad chunked encoding (chunk size '" +
               std::string(line.substr(0, 20)) + "')";
      return false;
    }
    size_t size = 0;
    for (char c : line) {
      if (!std::isxdigit(static_cast<unsigned char>(c))) {
        *error =
            "bad chunked encoding (chunk size '" + std::string(line) + "')";
        return false;
      }
      size = size * 16 + static_cast<size_t>(std::isdigit(c)
                                                 ? c - '0'
                                                 : std::tolower(c) - 'a' + 10);
    }
    pos = eol + 1;
    if (size == 0) break;  // trailers, if any, are ignored
    if (size > body->size() - pos) {
      *error = "bad chunked encoding (chunk runs past the end)";
      return false;
    }
    out.append(*body, pos, size);
    pos += size;
    if (pos < body->size() && (*body)[pos] == '\r') ++pos;
    if (pos < body->size() && (*body)[pos] == '\n') ++pos;
  }
  body->swap(out);
  return true;
}

}  // namespace

bool ParseHttpHead(std::string_view block, HttpResponse* response) {
  *response = HttpResponse{};
  if (block.substr(0, 5) != "HTTP/") return false;
  size_t pos = block.find('\n');
  if (pos == std::string_view::npos) return false;
  {
    std::string_view status = block.substr(0, pos);
    const size_t sp = status.find(' ');
    if (sp != std::string_view::npos) {
      int code = 0;
      size_t i = sp + 1;
      for (; i < status.size() && i < sp + 4 && std::isdigit(status[i]); ++i)
        code = code * 10 + (status[i] - '0');
      response->status = code;
    }
  }
  ++pos;
  for (;;) {
    const size_t eol = block.find('\n', pos);
    if (eol == std::string_view::npos) return false;
    std::string_view line = block.substr(pos, eol - pos);
    pos = eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string name = Lower(Trim(line.substr(0, colon)));
    const std::string_view value = Trim(line.substr(colon + 1));
    if (name == "content-type" && response->content_type.empty())
      response->content_type = std::string(value);
    if (name == "transfer-encoding") response->transfer_encoding = Lower(value);
    if (name == "content-encoding") response->content_encoding = Lower(value);
  }
  response->header_size = pos;
  return true;
}

bool IsHtmlContentType(std::string_view content_type) {
  std::string type =
      Lower(Trim(content_type.substr(0, content_type.find(';'))));
  return type == "text/html" || type == "application/xhtml+xml";
}

bool DecodeHttpBody(const HttpResponse& response, size_t max_size,
                    std::string* body, std::string* error) {
  if (response.transfer_encoding.find("chunked") != std::string::npos &&
      !Dechunk(body, error))
    return false;
  const std::string& ce = response.content_encoding;
  if (ce.empty() || ce == "identity" || ce == "none") return true;
  if (ce == "gzip" || ce == "x-gzip" || ce == "deflate") {
    std::string inflated;
    if (!InflateAll(*body, max_size, &inflated, error)) return false;
    body->swap(inflated);
    return true;
  }
  *error = "unsupported Content-Encoding '" + ce.substr(0, 30) + "'";
  return false;
}

}  // namespace dyad
