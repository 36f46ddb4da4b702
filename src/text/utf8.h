// Character classes shared by the text stage: lenient UTF-8 decoding and the
// few Unicode properties the splitter and tokenizer need (letter or symbol,
// upper or lower case). Internal to src/text; not part of the public API.
//
// The case tables cover the scripts that turn up in English-language news
// names (Latin with its extensions, Greek, Cyrillic, Armenian); other letters
// are reported as uncased. That is enough to flag `Erdoğan` or `Ögüt` as
// capitalized without pulling in ICU.
#ifndef DYAD_TEXT_UTF8_H_
#define DYAD_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace dyad::text_internal {

inline bool IsAsciiUpper(unsigned char c) {
  return static_cast<unsigned>(c - 'A') < 26u;
}
inline bool IsAsciiLower(unsigned char c) {
  return static_cast<unsigned>(c - 'a') < 26u;
}
inline bool IsAsciiAlpha(unsigned char c) {
  return static_cast<unsigned>((c | 0x20) - 'a') < 26u;
}
inline bool IsDigit(unsigned char c) {
  return static_cast<unsigned>(c - '0') < 10u;
}
inline bool IsAsciiAlnum(unsigned char c) {
  return IsAsciiAlpha(c) || IsDigit(c);
}
inline bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' ||
         c == '\v';
}
inline bool IsContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

// Decodes the character at s[i] (i < s.size()) into *cp and returns its
// length in bytes (1-4). Lenient: an invalid or truncated sequence decodes as
// one byte with *cp = U+FFFD, so callers always make progress and never read
// past the end. Normalized text is always valid, so this only matters when a
// caller passes raw text.
inline size_t DecodeUtf8(std::string_view s, size_t i, char32_t* cp) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t len;
  char32_t v;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    v = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    v = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    v = c & 0x07;
  } else {
    *cp = 0xFFFD;
    return 1;
  }
  if (s.size() - i < len) {
    *cp = 0xFFFD;
    return 1;
  }
  for (size_t k = 1; k < len; ++k) {
    const unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if (!IsContinuationByte(cc)) {
      *cp = 0xFFFD;
      return 1;
    }
    v = (v << 6) | (cc & 0x3F);
  }
  *cp = v;
  return len;
}

// Length of the well-formed UTF-8 sequence at s[i] (i < s.size()), or 0
// when it is not one: a stray or truncated sequence, an overlong form, a
// surrogate or a code point past U+10FFFF. Strict, unlike DecodeUtf8.
inline size_t ValidUtf8Length(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  size_t n;
  uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    const unsigned char d = static_cast<unsigned char>(s[i + k]);
    if (!IsContinuationByte(d)) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
      (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
    return 0;
  return n;
}

enum class LetterCase { kNone, kUpper, kLower };

// Case of a non-ASCII code point; kNone for uncased letters and non-letters.
inline LetterCase CaseOf(char32_t cp) {
  auto even_upper = [cp] {
    return (cp & 1) == 0 ? LetterCase::kUpper : LetterCase::kLower;
  };
  auto odd_upper = [cp] {
    return (cp & 1) == 1 ? LetterCase::kUpper : LetterCase::kLower;
  };
  if (cp < 0x80) {
    if (IsAsciiUpper(static_cast<unsigned char>(cp))) return LetterCase::kUpper;
    if (IsAsciiLower(static_cast<unsigned char>(cp))) return LetterCase::kLower;
    return LetterCase::kNone;
  }
  if (cp < 0xC0) return LetterCase::kNone;
  if (cp <= 0xFF) {  // Latin-1 Supplement
    if (cp == 0xD7 || cp == 0xF7) return LetterCase::kNone;
    return cp <= 0xDE ? LetterCase::kUpper : LetterCase::kLower;
  }
  if (cp <= 0x17F) {  // Latin Extended-A: alternating pairs
    if (cp <= 0x137) return even_upper();
    if (cp == 0x138 || cp == 0x149 || cp == 0x17F) return LetterCase::kLower;
    if (cp <= 0x148) return odd_upper();
    if (cp <= 0x177) return even_upper();
    if (cp == 0x178) return LetterCase::kUpper;
    return odd_upper();
  }
  if (cp >= 0x1CD && cp <= 0x1DC) return odd_upper();
  if (cp >= 0x1DE && cp <= 0x1EF) return even_upper();
  if (cp >= 0x1F8 && cp <= 0x233) return even_upper();
  if (cp >= 0x386 && cp <= 0x3AB) {
    return cp == 0x387 ? LetterCase::kNone : LetterCase::kUpper;
  }
  if (cp >= 0x3AC && cp <= 0x3CE) return LetterCase::kLower;
  if (cp >= 0x400 && cp <= 0x42F) return LetterCase::kUpper;
  if (cp >= 0x430 && cp <= 0x45F) return LetterCase::kLower;
  if (cp >= 0x531 && cp <= 0x556) return LetterCase::kUpper;
  if (cp >= 0x561 && cp <= 0x587) return LetterCase::kLower;
  if (cp >= 0x1E00 && cp <= 0x1EFF) {  // Latin Extended Additional
    if (cp >= 0x1E96 && cp <= 0x1E9F) {
      return cp == 0x1E9E ? LetterCase::kUpper : LetterCase::kLower;
    }
    return even_upper();
  }
  return LetterCase::kNone;
}

// True for non-ASCII code points that are punctuation or symbols rather than
// parts of words: Latin-1 signs (£ © ° ¿ ×), general punctuation (• ‰ †),
// currency, arrows, maths, dingbats, CJK and full-width punctuation, emoji.
// Everything else (letters of any script, combining marks) is word material.
inline bool IsSymbol(char32_t cp) {
  if (cp < 0x80) return false;
  if (cp <= 0xBF) return cp != 0xAA && cp != 0xB5 && cp != 0xBA;
  if (cp == 0xD7 || cp == 0xF7) return true;
  if (cp < 0x2000) return false;
  if (cp <= 0x2BFF) return true;
  if (cp >= 0x2E00 && cp <= 0x2E7F) return true;
  if (cp >= 0x3000 && cp <= 0x303F) return true;
  if (cp >= 0xFE00 && cp <= 0xFE0F) return true;
  if (cp >= 0xFE30 && cp <= 0xFE6F) return true;
  if (cp >= 0xFF01 && cp <= 0xFF0F) return true;
  if (cp >= 0xFF1A && cp <= 0xFF20) return true;
  if (cp >= 0xFF3B && cp <= 0xFF40) return true;
  if (cp >= 0xFF5B && cp <= 0xFF65) return true;
  if (cp == 0xFFFD) return true;
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return true;
  if (cp >= 0xE0000 && cp <= 0xE007F) return true;
  return false;
}

}  // namespace dyad::text_internal

#endif  // DYAD_TEXT_UTF8_H_
