// How this works
//
// One forward pass over the raw bytes. Runs of plain printable ASCII (the
// bulk of news text) are found with a table lookup and copied with memcpy;
// everything else is decoded one "unit" at a time, where a unit is one
// original character, one invalid sequence, or "\r\n". Each unit writes zero
// to three output bytes, never more than its own length, so the output
// buffers are sized once up front and never grow.
//
// Offsets: every output byte of a unit maps to the unit's first original
// byte. The end of a unit is normally where the next output byte's unit
// starts (to_original[i + 1]); the two cases where it is not, a dropped
// character after it and bytes inside an expansion, are recorded in
// `original_ends`.
//
// Invalid UTF-8 is split into units the way a strict decoder sees it: a
// lead byte plus the continuation bytes that follow it, up to the length
// the lead announces. A stray continuation byte or an impossible byte
// (0xF8-0xFF) is a unit of its own; a sequence cut short by a
// non-continuation byte or the end of the text is a unit up to the cut;
// a complete sequence that encodes an overlong form, a surrogate or a code
// point above U+10FFFF is one unit. Each such unit becomes one space.
#include "text/normalizer.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>

namespace dyad {
namespace {

// At most this many invalid sequences are listed one by one; the rest are
// counted in one closing diagnostic, so a binary file does not produce a
// diagnostic per byte.
constexpr size_t kMaxListedInvalid = 64;

// Bytes copied unchanged: printable ASCII except '`', plus \n and \t.
constexpr std::array<bool, 256> kPlainAscii = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x7F; ++c) t[c] = true;
  t['`'] = false;
  t['\n'] = true;
  t['\t'] = true;
  return t;
}();

constexpr std::array<char, 256> kAsciiLower = [] {
  std::array<char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return t;
}();

// What a valid non-ASCII character becomes.
struct Mapping {
  enum Kind { kCopy, kReplace } kind = kCopy;
  const char* bytes = nullptr;  // for kReplace; may be empty (dropped)
  size_t size = 0;
};

Mapping Map(char32_t cp) {
  auto replace = [](const char* s, size_t n) {
    return Mapping{Mapping::kReplace, s, n};
  };
  switch (cp) {
    // Apostrophes and single quotes.
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
    case 0x00B4:
    case 0x2039:
    case 0x203A:
      return replace("'", 1);
    // Double quotes.
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2033:
      return replace("\"", 1);
    // Hyphens, dashes and the minus sign.
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D:
      return replace("-", 1);
    case 0x2026:
      return replace("...", 3);
    // Spaces.
    case 0x00A0:
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return replace(" ", 1);
    // Line and paragraph separators.
    case 0x0085:
    case 0x2028:
      return replace("\n", 1);
    case 0x2029:
      return replace("\n\n", 2);
    // Invisible characters: zero-width space, word joiner, BOM, soft hyphen,
    // direction marks, embeddings and isolates. (ZWJ and ZWNJ are kept: they
    // change how some scripts are spelled.)
    case 0x200B:
    case 0x2060:
    case 0xFEFF:
    case 0x00AD:
    case 0x200E:
    case 0x200F:
    case 0x202A:
    case 0x202B:
    case 0x202C:
    case 0x202D:
    case 0x202E:
    case 0x2066:
    case 0x2067:
    case 0x2068:
    case 0x2069:
      return replace("", 0);
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return replace(" ", 1);
  if (cp >= 0x80 && cp <= 0x9F) return replace(" ", 1);  // C1 controls
  return Mapping{};
}

// Result of strictly decoding one non-ASCII unit.
struct Decoded {
  size_t length = 1;  // bytes in the unit
  char32_t cp = 0;    // valid only when problem == nullptr
  const char* problem = nullptr;
};

Decoded DecodeStrict(const unsigned char* s, size_t avail) {
  Decoded d;
  const unsigned char c = s[0];
  if (c < 0xC0) {
    d.problem = "unexpected continuation byte";
    return d;
  }
  if (c >= 0xF8) {
    d.problem = "byte that never appears in UTF-8";
    return d;
  }
  const size_t need = c < 0xE0 ? 1 : (c < 0xF0 ? 2 : 3);
  char32_t cp = c & (0x3F >> need);
  size_t k = 0;
  while (k < need && 1 + k < avail && (s[1 + k] & 0xC0) == 0x80) {
    cp = (cp << 6) | (s[1 + k] & 0x3F);
    ++k;
  }
  d.length = 1 + k;
  if (k < need) {
    d.problem = "truncated sequence";
    return d;
  }
  static constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
  if (cp < kMin[need]) {
    d.problem = "overlong encoding";
  } else if (cp >= 0xD800 && cp <= 0xDFFF) {
    d.problem = "encoded surrogate";
  } else if (cp > 0x10FFFF) {
    d.problem = "code point above U+10FFFF";
  } else {
    d.cp = cp;
  }
  return d;
}

std::string InvalidMessage(const unsigned char* bytes, const Decoded& d) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string m = "invalid UTF-8: ";
  m += d.problem;
  m += " (";
  for (size_t k = 0; k < d.length; ++k) {
    if (k > 0) m += ' ';
    m += "0x";
    m += kHex[bytes[k] >> 4];
    m += kHex[bytes[k] & 15];
  }
  m += ')';
  return m;
}

// Writes the output and offset map; see the file comment.
class Writer {
 public:
  explicit Writer(NormalizedText* result)
      : result_(result),
        out_(result->text.data()),
        map_(result->to_original.data()) {}

  size_t size() const { return size_; }

  // Copies the plain bytes raw[begin, end), each its own unit.
  void CopyRun(const unsigned char* raw, size_t begin, size_t end) {
    std::memcpy(out_ + size_, raw + begin, end - begin);
    uint32_t* map = map_ + size_;
    for (size_t k = begin; k < end; ++k) *map++ = static_cast<uint32_t>(k);
    size_ += end - begin;
  }

  // Writes `count` bytes for the original unit [begin, end).
  void Unit(const char* bytes, size_t count, size_t begin, size_t end) {
    if (count == 0) {
      // Dropped: the byte before now ends before `begin`, not at the next
      // unit's start. Only the first of several dropped units records it.
      auto& ends = result_->original_ends;
      if (size_ > 0 && (ends.empty() || ends.back().first != size_ - 1)) {
        ends.emplace_back(static_cast<uint32_t>(size_ - 1),
                          static_cast<uint32_t>(begin));
      }
      return;
    }
    for (size_t k = 0; k < count; ++k) {
      out_[size_ + k] = bytes[k];
      map_[size_ + k] = static_cast<uint32_t>(begin);
      if (k + 1 < count) {
        result_->original_ends.emplace_back(static_cast<uint32_t>(size_ + k),
                                            static_cast<uint32_t>(end));
      }
    }
    size_ += count;
  }

 private:
  NormalizedText* result_;
  char* out_;
  uint32_t* map_;
  size_t size_ = 0;
};

}  // namespace

void NormalizedText::OriginalRange(size_t begin, size_t end, size_t* obegin,
                                   size_t* oend) const {
  *obegin = to_original[begin];
  if (end <= begin) {
    *oend = *obegin;
    return;
  }
  *oend = to_original[end];
  if (!original_ends.empty()) {
    const uint32_t last = static_cast<uint32_t>(end - 1);
    auto it = std::lower_bound(original_ends.begin(), original_ends.end(), last,
                               [](const std::pair<uint32_t, uint32_t>& e,
                                  uint32_t i) { return e.first < i; });
    if (it != original_ends.end() && it->first == last) *oend = it->second;
  }
}

NormalizedText Normalize(std::string_view raw) {
  NormalizedText result;
  if (raw.size() >= std::numeric_limits<uint32_t>::max()) {
    // Offsets are 32-bit; the contract says callers never get here.
    result.diagnostics.push_back(
        {std::numeric_limits<uint32_t>::max() - 1,
         "text longer than 4 GiB: the rest was not read"});
    raw = raw.substr(0, std::numeric_limits<uint32_t>::max() - 1);
  }
  const size_t n = raw.size();
  const auto* s = reinterpret_cast<const unsigned char*>(raw.data());
  // No unit writes more bytes than it reads, so n bytes always suffice.
  result.text.resize(n);
  result.to_original.resize(n + 1);
  Writer w(&result);
  size_t invalid = 0;
  size_t first_unlisted = 0;

  size_t i = 0;
  while (i < n) {
    const size_t run = i;
    while (i < n && kPlainAscii[s[i]]) ++i;
    if (i > run) {
      w.CopyRun(s, run, i);
      if (i == n) break;
    }
    const unsigned char c = s[i];
    if (c < 0x80) {
      if (c == '\r') {
        const size_t len = (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
        w.Unit("\n", 1, i, i + len);
        i += len;
      } else {
        // '`' reads as an apostrophe; other C0 controls and DEL as a space.
        w.Unit(c == '`' ? "'" : " ", 1, i, i + 1);
        ++i;
      }
      continue;
    }
    const Decoded d = DecodeStrict(s + i, n - i);
    if (d.problem != nullptr) {
      if (invalid < kMaxListedInvalid) {
        result.diagnostics.push_back({i, InvalidMessage(s + i, d)});
      } else if (invalid == kMaxListedInvalid) {
        first_unlisted = i;
      }
      ++invalid;
      w.Unit(" ", 1, i, i + d.length);
    } else {
      const Mapping m = Map(d.cp);
      if (m.kind == Mapping::kCopy) {
        w.CopyRun(s, i, i + d.length);  // byte for byte, so mapped 1:1
      } else {
        w.Unit(m.bytes, m.size, i, i + d.length);
      }
    }
    i += d.length;
  }
  if (invalid > kMaxListedInvalid) {
    result.diagnostics.push_back(
        {first_unlisted,
         "invalid UTF-8: " + std::to_string(invalid - kMaxListedInvalid) +
             " more invalid sequences not listed"});
  }

  const size_t size = w.size();
  result.text.resize(size);
  result.to_original.resize(size + 1);
  result.to_original[size] = static_cast<uint32_t>(n);
  result.lower.resize(size);
  const auto* t = reinterpret_cast<const unsigned char*>(result.text.data());
  char* lower = result.lower.data();
  for (size_t k = 0; k < size; ++k) lower[k] = kAsciiLower[t[k]];
  return result;
}

}  // namespace dyad
