// How this works
//
// One left-to-right scan. Whitespace is skipped; a punctuation character or
// symbol is a token by itself (runs of '.' and of '-' stay together, so "..."
// and "--" are one token each); anything else starts a word, which ScanWord
// grows while the next character is word material or one of the joiners
// that may sit inside a word:
//
//   '-' between word characters      al-Sudani, cease-fire, 19-year-old
//   '.' before a letter or digit      U.S, 3.5, Amazon.com
//   ',' in a number before 3 digits   1,000,000
//   ':' between digits                10:30
//   '&' between letters               AT&T
//   '\'' before letters that are not a clitic   O'Brien, d'Ivoire
//
// When the word stops at a clitic ('s 're 've 'll 'd 'm, or n't, in either
// case) the word and the clitic are two tokens. When it stops at a '.', the
// period is kept if the word is an initialism (U.S), a single letter (J), or
// a known abbreviation (Gen, Jan, Inc); otherwise the period is left to be
// its own token, which is how a sentence-final period is split off.
//
// Flags are computed afterwards from the token's bytes. Clitics such as "'s"
// get kTokenWord although they start with an apostrophe: they are words to
// every later stage.
#include "text/tokenizer.h"

#include <algorithm>

#include "text/abbreviations.h"
#include "text/utf8.h"

namespace dyad {
namespace {

using text_internal::AbbreviationKind;
using text_internal::CaseOf;
using text_internal::DecodeUtf8;
using text_internal::IsAsciiAlnum;
using text_internal::IsAsciiAlpha;
using text_internal::IsAsciiUpper;
using text_internal::IsDigit;
using text_internal::IsInitialism;
using text_internal::IsSpace;
using text_internal::IsSymbol;
using text_internal::LetterCase;

class Tokenizer {
 public:
  // `t` ends where tokenizing must stop, so no look-ahead passes it.
  Tokenizer(std::string_view t, std::vector<Token>* out) : t_(t), out_(out) {}

  void Run(size_t i) {
    const size_t end = t_.size();
    while (i < end) {
      const unsigned char c = Byte(i);
      if (IsSpace(c)) {
        ++i;
      } else if (c < 0x80) {
        if (IsAsciiAlnum(c)) {
          i = ScanWord(i);
        } else {
          size_t j = i + 1;
          if (c == '.' || c == '-') {
            while (j < end && Byte(j) == c) ++j;
          }
          Push(i, j, kTokenPunct);
          i = j;
        }
      } else {
        char32_t cp;
        const size_t len = DecodeUtf8(t_, i, &cp);
        if (IsSymbol(cp)) {
          Push(i, i + len, kTokenPunct);
          i += len;
        } else {
          i = ScanWord(i);
        }
      }
    }
  }

 private:
  unsigned char Byte(size_t i) const {
    return static_cast<unsigned char>(t_[i]);
  }

  // Length of the word character at i (a letter, digit or combining mark of
  // any script), or 0 when there is none.
  size_t WordCharAt(size_t i) const {
    if (i >= t_.size()) return 0;
    const unsigned char c = Byte(i);
    if (c < 0x80) return IsAsciiAlnum(c) ? 1 : 0;
    char32_t cp;
    const size_t len = DecodeUtf8(t_, i, &cp);
    return IsSymbol(cp) ? 0 : len;
  }

  bool DigitAt(size_t i) const { return i < t_.size() && IsDigit(Byte(i)); }

  // Returns the end of the token at `start` (after any clitic token).
  size_t ScanWord(size_t start) {
    const size_t end = t_.size();
    const bool number = IsDigit(Byte(start));
    bool has_period = false;
    size_t p = start;
    while (true) {
      while (size_t len = WordCharAt(p)) p += len;
      if (p >= end) break;
      const unsigned char c = Byte(p);
      const unsigned char prev = Byte(p - 1);
      if ((c == '-' || c == '.') && WordCharAt(p + 1)) {
        ++p;
        continue;
      }
      if (c == ',' && number && IsDigit(prev) && DigitAt(p + 1) &&
          DigitAt(p + 2) && DigitAt(p + 3) && !DigitAt(p + 4)) {
        p += 4;
        continue;
      }
      if (c == ':' && IsDigit(prev) && DigitAt(p + 1)) {
        ++p;
        continue;
      }
      if (c == '&' && IsAsciiAlpha(prev) && p + 1 < end &&
          IsAsciiAlpha(Byte(p + 1))) {
        ++p;
        continue;
      }
      if (c == '\'' && WordCharAt(p + 1)) {
        if (const size_t clitic_end = CliticEnd(p)) {
          return SplitClitic(start, p, clitic_end, has_period);
        }
        ++p;  // O'Brien: the apostrophe is inside the word
        continue;
      }
      // A period that starts "..." is an ellipsis, not an abbreviation's.
      if (c == '.' && !(p + 1 < end && Byte(p + 1) == '.') &&
          KeepsPeriod(t_.substr(start, p - start))) {
        has_period = true;
        ++p;
        if (p + 1 < end && Byte(p) == '-' && WordCharAt(p + 1)) {
          ++p;  // "U.S.-led": the compound goes on after the period
          continue;
        }
        if (p + 1 < end && Byte(p) == '\'' && WordCharAt(p + 1)) {
          if (const size_t clitic_end = CliticEnd(p)) {  // "the U.S.'s"
            return SplitClitic(start, p, clitic_end, has_period);
          }
        }
      }
      break;
    }
    Push(start, p, Flags(start, p, has_period));
    return p;
  }

  // Pushes the word [start, apostrophe) and the clitic after it, moving the
  // 'n' of n't from the word to the clitic. Returns the clitic's end.
  size_t SplitClitic(size_t start, size_t apostrophe, size_t clitic_end,
                     bool has_period) {
    size_t clitic_begin = apostrophe;
    if ((Byte(clitic_end - 1) | 0x20) == 't') --clitic_begin;  // n't
    if (clitic_begin > start) {
      Push(start, clitic_begin, Flags(start, clitic_begin, has_period));
    }
    Push(clitic_begin, clitic_end,
         Flags(clitic_begin, clitic_end, false) | kTokenWord);
    return clitic_end;
  }

  // If the apostrophe at p starts a clitic ('s 're 've 'll 'd 'm, or the 't
  // of n't) that ends the word, returns the clitic's end; else 0.
  size_t CliticEnd(size_t p) const {
    size_t q = p + 1;
    while (q < t_.size() && q - p <= 3 && IsAsciiAlpha(Byte(q))) ++q;
    const size_t letters = q - p - 1;
    if (letters == 0 || letters > 2 || WordCharAt(q)) return 0;
    char s[2] = {0, 0};
    for (size_t k = 0; k < letters; ++k) {
      s[k] = static_cast<char>(Byte(p + 1 + k) | 0x20);
    }
    const std::string_view suffix(s, letters);
    if (suffix == "s" || suffix == "re" || suffix == "ve" || suffix == "ll" ||
        suffix == "d" || suffix == "m") {
      return q;
    }
    if (suffix == "t" && p > 0 && (Byte(p - 1) | 0x20) == 'n') return q;
    return 0;
  }

  // Whether `word` (just before a '.') keeps the period as part of it.
  static bool KeepsPeriod(std::string_view word) {
    if (word.size() == 1) {
      // A single letter is an initial ("J. Smith"), except the pronoun I and
      // the article a, which often end sentences.
      const char c = word[0];
      return IsAsciiAlpha(static_cast<unsigned char>(c)) && c != 'I' &&
             c != 'a';
    }
    return IsInitialism(word) ||
           text_internal::LookupAbbreviation(word) != AbbreviationKind::kNone;
  }

  uint8_t Flags(size_t b, size_t e, bool has_period) const {
    uint8_t flags = 0;
    char32_t cp;
    DecodeUtf8(t_, b, &cp);
    if (cp < 0x80) {
      const unsigned char c = static_cast<unsigned char>(cp);
      if (IsDigit(c)) flags = kTokenNumber;
      if (IsAsciiAlpha(c)) flags = kTokenWord;
      if (IsAsciiUpper(c)) flags |= kTokenCapitalized;
    } else if (!IsSymbol(cp)) {
      flags = kTokenWord;
      if (CaseOf(cp) == LetterCase::kUpper) flags |= kTokenCapitalized;
    }
    int letters = 0;  // cased letters
    bool all_upper = true;
    for (size_t i = b; i < e;) {
      const unsigned char c = Byte(i);
      if (c < 0x80) {  // no decoding for ASCII
        if (IsAsciiAlpha(c)) {
          ++letters;
          all_upper = all_upper && IsAsciiUpper(c);
        }
        ++i;
        continue;
      }
      i += DecodeUtf8(t_, i, &cp);
      const LetterCase lc = CaseOf(cp);
      if (lc != LetterCase::kNone) {
        ++letters;
        all_upper = all_upper && lc == LetterCase::kUpper;
      }
    }
    if (letters >= 2 && all_upper) flags |= kTokenAllCaps;
    if (has_period) flags |= kTokenHasPeriod;
    return flags;
  }

  void Push(size_t b, size_t e, uint8_t flags) {
    out_->push_back(
        Token{static_cast<uint32_t>(b), static_cast<uint32_t>(e), flags});
  }

  std::string_view t_;
  std::vector<Token>* out_;
};

}  // namespace

std::vector<Token> Tokenize(std::string_view text, size_t begin, size_t end) {
  end = std::min(end, text.size());
  begin = std::min(begin, end);
  std::vector<Token> tokens;
  tokens.reserve((end - begin) / 5 + 2);
  Tokenizer(text.substr(0, end), &tokens).Run(begin);
  return tokens;
}

}  // namespace dyad
