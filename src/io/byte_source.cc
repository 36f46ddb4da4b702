#include "io/byte_source.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <vector>

namespace dyad {
namespace {

class StreamSource : public ByteSource {
 public:
  StreamSource(std::istream* in, std::string prefix)
      : in_(in), prefix_(std::move(prefix)) {}

  size_t Read(char* buf, size_t n) override {
    size_t got = 0;
    if (prefix_pos_ < prefix_.size()) {
      got = std::min(n, prefix_.size() - prefix_pos_);
      std::memcpy(buf, prefix_.data() + prefix_pos_, got);
      prefix_pos_ += got;
      if (prefix_pos_ == prefix_.size()) std::string().swap(prefix_);
    }
    if (got < n && *in_) {
      in_->read(buf + got, static_cast<std::streamsize>(n - got));
      got += static_cast<size_t>(in_->gcount());
    }
    raw_bytes_ += got;
    return got;
  }
  const std::string& error() const override { return error_; }
  uint64_t raw_bytes() const override { return raw_bytes_; }

 private:
  std::istream* in_;
  std::string prefix_;
  size_t prefix_pos_ = 0;
  std::string error_;  // an istream read error is taken as the end
  uint64_t raw_bytes_ = 0;
};

class PrefixedSource : public ByteSource {
 public:
  PrefixedSource(std::string prefix, std::unique_ptr<ByteSource> rest)
      : prefix_(std::move(prefix)), rest_(std::move(rest)) {}

  size_t Read(char* buf, size_t n) override {
    if (pos_ < prefix_.size()) {
      const size_t got = std::min(n, prefix_.size() - pos_);
      std::memcpy(buf, prefix_.data() + pos_, got);
      pos_ += got;
      return got;
    }
    return rest_->Read(buf, n);
  }
  const std::string& error() const override { return rest_->error(); }
  uint64_t raw_bytes() const override { return rest_->raw_bytes(); }

 private:
  std::string prefix_;
  size_t pos_ = 0;
  std::unique_ptr<ByteSource> rest_;
};

class GzipSource : public ByteSource {
 public:
  explicit GzipSource(std::unique_ptr<ByteSource> raw)
      : raw_(std::move(raw)), in_(kChunk) {
    std::memset(&z_, 0, sizeof z_);
    // 15 + 16: a gzip wrapper only.
    if (inflateInit2(&z_, 15 + 16) != Z_OK) {
      error_ = "cannot start zlib";
      done_ = true;
    }
  }
  ~GzipSource() override { inflateEnd(&z_); }

  size_t Read(char* buf, size_t n) override {
    size_t produced = 0;
    while (produced < n && !done_) {
      if (z_.avail_in == 0) {
        const size_t got = raw_->Read(in_.data(), in_.size());
        if (got == 0) {
          done_ = true;
          if (!raw_->error().empty()) {
            error_ = raw_->error();
          } else if (in_member_ || members_ == 0) {
            error_ = members_ == 0 && !in_member_
                         ? "empty gzip stream"
                         : "truncated gzip stream (the file ends inside "
                           "gzip member " +
                               std::to_string(members_ + 1) + ")";
          }
          break;
        }
        z_.next_in = reinterpret_cast<Bytef*>(in_.data());
        z_.avail_in = static_cast<uInt>(got);
      }
      if (!in_member_) {
        // A new member must start with the magic bytes.
        if (z_.next_in[0] != 0x1f) {
          done_ = true;
          error_ =
              "not gzip data after gzip member " + std::to_string(members_);
          break;
        }
        if (members_ > 0) inflateReset(&z_);
        in_member_ = true;
      }
      z_.next_out = reinterpret_cast<Bytef*>(buf + produced);
      z_.avail_out = static_cast<uInt>(n - produced);
      const int ret = inflate(&z_, Z_NO_FLUSH);
      produced = n - z_.avail_out;
      if (ret == Z_STREAM_END) {
        in_member_ = false;
        ++members_;
      } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
        done_ = true;
        error_ = std::string("corrupt gzip stream in member ") +
                 std::to_string(members_ + 1) + " (" +
                 (z_.msg ? z_.msg : "zlib error " + std::to_string(ret)) + ")";
      }
    }
    return produced;
  }
  const std::string& error() const override { return error_; }
  uint64_t raw_bytes() const override { return raw_->raw_bytes(); }

 private:
  static constexpr size_t kChunk = 1 << 16;
  std::unique_ptr<ByteSource> raw_;
  std::vector<char> in_;
  z_stream z_;
  bool in_member_ = false;
  bool done_ = false;
  long members_ = 0;
  std::string error_;
};

}  // namespace

std::unique_ptr<ByteSource> MakeStreamSource(std::istream* in,
                                             std::string prefix) {
  return std::make_unique<StreamSource>(in, std::move(prefix));
}

std::unique_ptr<ByteSource> MakePrefixedSource(
    std::string prefix, std::unique_ptr<ByteSource> rest) {
  return std::make_unique<PrefixedSource>(std::move(prefix), std::move(rest));
}

std::unique_ptr<ByteSource> MakeGzipSource(std::unique_ptr<ByteSource> raw) {
  return std::make_unique<GzipSource>(std::move(raw));
}

bool InflateAll(std::string_view in, size_t max_size, std::string* out,
                std::string* error) {
  out->clear();
  // 15 + 32: gzip or zlib, detected; then raw deflate (some servers send
  // "deflate" without the zlib wrapper).
  for (int window_bits : {15 + 32, -15}) {
    z_stream z;
    std::memset(&z, 0, sizeof z);
    if (inflateInit2(&z, window_bits) != Z_OK) {
      *error = "cannot start zlib";
      return false;
    }
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    char buf[1 << 15];
    int ret = Z_OK;
    out->clear();
    while (ret == Z_OK) {
      z.next_out = reinterpret_cast<Bytef*>(buf);
      z.avail_out = sizeof buf;
      ret = inflate(&z, Z_NO_FLUSH);
      out->append(buf, sizeof buf - z.avail_out);
      if (out->size() > max_size) {
        inflateEnd(&z);
        *error = "compressed payload inflates to over " +
                 std::to_string(max_size >> 20) + " MB";
        return false;
      }
      if (ret == Z_BUF_ERROR && z.avail_in == 0) break;
    }
    const std::string why = z.msg ? z.msg : "truncated";
    inflateEnd(&z);
    if (ret == Z_STREAM_END) return true;
    *error = "cannot inflate the payload (" + why + ")";
  }
  return false;
}

}  // namespace dyad
