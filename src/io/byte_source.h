// ByteSource: bytes read piece by piece from a file, standard input or the
// inflated content of a gzip file (a concatenation of gzip members, as in
// a .warc.gz), so that a reader never holds a whole file.
//
// Not thread-safe: one reader per source.
#ifndef DYAD_IO_BYTE_SOURCE_H_
#define DYAD_IO_BYTE_SOURCE_H_

#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

namespace dyad {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` bytes into `buf`; returns how many. 0: the end, or an
  // error (then error() says what).
  virtual size_t Read(char* buf, size_t n) = 0;
  // Empty, or why the stream stopped early ("truncated gzip stream", ...).
  virtual const std::string& error() const = 0;
  // Bytes taken from the underlying file so far (compressed bytes for gzip).
  virtual uint64_t raw_bytes() const = 0;
};

// Reads `prefix` (bytes already taken from `in` to sniff its format), then
// the rest of `in`. `in` must outlive the source.
std::unique_ptr<ByteSource> MakeStreamSource(std::istream* in,
                                             std::string prefix);

// Reads `prefix`, then `rest`.
std::unique_ptr<ByteSource> MakePrefixedSource(
    std::string prefix, std::unique_ptr<ByteSource> rest);

// Inflates `raw`, a concatenation of gzip members, one member after
// another (inflateReset between them), in bounded memory.
std::unique_ptr<ByteSource> MakeGzipSource(std::unique_ptr<ByteSource> raw);

// True when `head` starts with the gzip magic bytes 1f 8b.
inline bool IsGzipMagic(std::string_view head) {
  return head.size() >= 2 && head[0] == '\x1f' && head[1] == '\x8b';
}

// Inflates `in`, a gzip, zlib or raw deflate stream, into `out` (at most
// `max_size` bytes). On failure returns false with the reason in `error`.
bool InflateAll(std::string_view in, size_t max_size, std::string* out,
                std::string* error);

}  // namespace dyad

#endif  // DYAD_IO_BYTE_SOURCE_H_
