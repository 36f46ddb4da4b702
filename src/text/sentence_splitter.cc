// How this works
//
// 1. Dateline. The article's first line is tried against the dateline shape
//
//      PLACE [, Segment]{0,3} [(Agency)] -|--|---
//
//    where PLACE is one to six capitalized words (all upper-case when there
//    is no agency: `KABUL -`) and a Segment is a short run of words or
//    numbers (`, Iraq`, `, Jan. 5`). When an article opens with a headline
//    line, the next two lines are tried too, within the first 512 bytes; the
//    headline then becomes a sentence of its own.
//
// 2. One left-to-right scan over the rest. At a run of terminators
//    ('.', '!', '?') followed by closing quotes or brackets and then a space,
//    the next non-space character r and the word just before the period
//    decide (ShouldBreak):
//
//      word before '.'           break when r starts ...
//      ------------------------  ---------------------------------------------
//      title: Mr Gen Sen         never
//      number, month: No Jan     not before a digit; otherwise as "weak"
//      weak: Inc Jr St Calif,    a common sentence-opening word (The, He ...)
//        an initial (J), U.S     or an opening '"'; or after a line break
//      anything else, and        an upper-case letter, digit, opening quote
//        after '!' '?' '...'     or bracket; or after a line break
//
//    A terminator that is not followed by space never breaks (3.5, U.S.A,
//    Amazon.com). A blank line always breaks; so does a single line break
//    after a line that starts a sentence and reads like a headline (title
//    case, no final punctuation) when the next line starts a sentence.
//
// 3. Emit trims each sentence and cuts one longer than max_sentence_bytes at
//    its last space within the limit (or, in a run with no space, at the
//    limit backed off to a UTF-8 boundary). Every piece of a cut sentence is
//    flagged, the last one included: none of them is a whole sentence.
//
// Every byte is visited a bounded number of times (look-behind for the word
// before a period stops at 32 bytes; a headline candidate is at most 150
// bytes and examined once; a space run is crossed at most three times), so
// the whole is linear in the text's length.
#include "text/sentence_splitter.h"

#include <algorithm>
#include <iterator>

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
using text_internal::IsContinuationByte;
using text_internal::IsDigit;
using text_internal::IsInitialism;
using text_internal::IsSpace;
using text_internal::IsSymbol;
using text_internal::LetterCase;

// Capitalized words that usually open a sentence, so that "in the U.S. The"
// breaks while "the U.S. Army" does not. Sorted (checked below).
constexpr std::string_view kStarterWords[] = {
    "A",      "About",       "According", "After",
    "Also",   "Although",    "Among",     "An",
    "And",    "Another",     "As",        "Asked",
    "At",     "Authorities", "Because",   "Before",
    "Both",   "But",         "By",        "Despite",
    "During", "Each",        "Earlier",   "Even",
    "For",    "From",        "He",        "Her",
    "Here",   "His",         "How",       "However",
    "I",      "If",          "In",        "Instead",
    "It",     "Its",         "Last",      "Later",
    "Many",   "Meanwhile",   "More",      "Moreover",
    "Most",   "My",          "Neither",   "Nevertheless",
    "Nor",    "Not",         "Now",       "Officials",
    "On",     "Once",        "One",       "Only",
    "Or",     "Other",       "Our",       "Over",
    "Police", "Separately",  "Several",   "She",
    "Since",  "So",          "Some",      "Still",
    "Such",   "That",        "The",       "Their",
    "Then",   "There",       "These",     "They",
    "This",   "Those",       "Though",    "Thus",
    "To",     "Today",       "Two",       "Under",
    "Until",  "We",          "What",      "When",
    "Where",  "While",       "Who",       "Why",
    "With",   "Yesterday",   "Yet",       "You",
};
static_assert(std::is_sorted(std::begin(kStarterWords),
                             std::end(kStarterWords)));

// Lower-case words a title-case headline may contain.
constexpr std::string_view kHeadlineSmallWords[] = {
    "a",  "an", "and", "as",   "at", "by",  "for", "from", "in", "into",
    "of", "on", "or",  "over", "to", "the", "up",  "via",  "vs", "with",
};

constexpr size_t kMaxWordBehind = 32;
constexpr size_t kMaxHeadlineBytes = 150;
constexpr size_t kDatelineSearchBytes = 512;
constexpr size_t kMaxDatelineBytes = 150;

bool IsTerminator(unsigned char c) { return c == '.' || c == '!' || c == '?'; }
bool IsCloser(unsigned char c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}';
}
bool IsOpener(unsigned char c) {
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{';
}

class Splitter {
 public:
  Splitter(std::string_view t, const SplitOptions& options, SplitResult* out)
      : t_(t),
        max_bytes_(std::max<size_t>(options.max_sentence_bytes, 4)),
        out_(out) {}

  void Run() {
    const size_t n = t_.size();
    size_t line = SkipSpace(0, n);
    size_t rest = 0;
    for (int k = 0; k < 3 && line < n && line < kDatelineSearchBytes; ++k) {
      if (ParseDateline(line)) {
        if (line > 0) SplitRegion(0, line);  // the headline before it
        rest = out_->dateline_end;
        break;
      }
      const size_t limit = std::min(n, kDatelineSearchBytes);
      const size_t nl = t_.substr(0, limit).find('\n', line);
      if (nl == std::string_view::npos) break;
      line = SkipSpace(nl, n);
    }
    SplitRegion(rest, n);
  }

 private:
  unsigned char Byte(size_t i) const {
    return static_cast<unsigned char>(t_[i]);
  }

  size_t SkipSpace(size_t i, size_t end) const {
    while (i < end && IsSpace(Byte(i))) ++i;
    return i;
  }

  // Case of the character at i (ASCII or not); uncased letters report kNone.
  LetterCase CaseAt(size_t i, bool* letter) const {
    char32_t cp;
    DecodeUtf8(t_, i, &cp);
    *letter = cp < 0x80 ? IsAsciiAlpha(static_cast<unsigned char>(cp))
                        : !IsSymbol(cp);
    return CaseOf(cp);
  }

  // Whether the character at r can open a sentence.
  bool StartsSentence(size_t r) const {
    const unsigned char c = Byte(r);
    if (c < 0x80) {
      return IsAsciiUpper(c) || IsDigit(c) || c == '"' || c == '\'' ||
             c == '(' || c == '[';
    }
    bool letter;
    const LetterCase lc = CaseAt(r, &letter);
    return lc == LetterCase::kUpper || (letter && lc == LetterCase::kNone);
  }

  bool StartsWithStarterWord(size_t r) const {
    size_t e = r;
    while (e < t_.size() && e - r < 16 && IsAsciiAlpha(Byte(e))) ++e;
    if (e < t_.size() && IsAsciiAlnum(Byte(e))) return false;
    return std::binary_search(std::begin(kStarterWords),
                              std::end(kStarterWords), t_.substr(r, e - r));
  }

  // The decision at a terminator run [i, j), closers [j, k), space [k, r).
  bool ShouldBreak(size_t sentence, size_t i, size_t j, size_t k, size_t r,
                   size_t end, bool newline) const {
    if (r >= end) return true;
    if (j == i + 1 && k == i + 2 && Byte(i) == '.' && Byte(i + 1) == '\'' &&
        !newline) {
      // "the U.S.' "illegal" sanctions": a possessive after an initialism
      // continues the sentence.
      size_t wb = i;
      while (wb > sentence && i - wb < kMaxWordBehind && !IsSpace(Byte(wb - 1)))
        --wb;
      if (IsInitialism(t_.substr(wb, i - wb))) return false;
    }
    if (j != i + 1 || Byte(i) != '.') return newline || StartsSentence(r);
    AbbreviationKind kind = AbbreviationKind::kNone;
    if (k == j) {  // "Gen." but not `Gen."`
      size_t wb = i;
      while (wb > sentence && i - wb < kMaxWordBehind &&
             !IsSpace(Byte(wb - 1))) {
        --wb;
      }
      while (wb < i && IsOpener(Byte(wb))) ++wb;  // "(Gen." -> "Gen"
      const std::string_view word = t_.substr(wb, i - wb);
      if ((word.size() == 1 && IsAsciiAlpha(Byte(wb)) && word != "I") ||
          IsInitialism(word)) {
        kind = AbbreviationKind::kWeak;
      } else {
        kind = text_internal::LookupAbbreviation(word);
      }
    }
    switch (kind) {
      case AbbreviationKind::kTitle:
        return false;
      case AbbreviationKind::kNumber:
      case AbbreviationKind::kMonth:
        if (IsDigit(Byte(r))) return false;
        [[fallthrough]];
      case AbbreviationKind::kWeak:
        return newline || Byte(r) == '"' || StartsWithStarterWord(r);
      case AbbreviationKind::kNone:
        break;
    }
    return newline || StartsSentence(r);
  }

  // Whether the line [b, e), which opens a sentence, reads like a title-case
  // headline: capitalized first word, no lower-case word except small ones,
  // ending in a letter or digit.
  bool LooksLikeHeadline(size_t b, size_t e) const {
    while (e > b && IsSpace(Byte(e - 1))) --e;
    if (e <= b || e - b > kMaxHeadlineBytes) return false;
    const unsigned char last = Byte(e - 1);
    if (last < 0x80 && !IsAsciiAlnum(last)) return false;
    bool first_word = true;
    for (size_t i = b; i < e;) {
      if (IsSpace(Byte(i))) {
        ++i;
        continue;
      }
      size_t we = i;
      while (we < e && !IsSpace(Byte(we))) ++we;
      size_t a = i;  // first letter or digit of the word
      while (a < we && Byte(a) < 0x80 && !IsAsciiAlnum(Byte(a))) ++a;
      if (a < we) {
        bool letter;
        const LetterCase lc = CaseAt(a, &letter);
        if (first_word && lc == LetterCase::kLower) return false;
        if (lc == LetterCase::kLower &&
            std::find(std::begin(kHeadlineSmallWords),
                      std::end(kHeadlineSmallWords),
                      t_.substr(a, we - a)) == std::end(kHeadlineSmallWords)) {
          return false;
        }
        first_word = false;
      }
      i = we;
    }
    return !first_word;
  }

  // Tries the dateline shape at `p`; on success fills the result's dateline.
  bool ParseDateline(size_t p) {
    const size_t n = std::min(t_.size(), p + kMaxDatelineBytes);
    size_t i = p;
    size_t place_end = p;
    int words = 0;
    int letters = 0;
    bool all_caps = true;
    while (i < n && words < 7) {
      bool letter;
      if (CaseAt(i, &letter) != LetterCase::kUpper) break;
      while (i < n) {
        const unsigned char c = Byte(i);
        if (c == '.' || c == '\'' || c == '-') {
          ++i;
          continue;
        }
        char32_t cp;
        const size_t len = DecodeUtf8(t_, i, &cp);
        if (cp < 0x80 ? !IsAsciiAlpha(c) : IsSymbol(cp)) break;
        ++letters;
        if (CaseOf(cp) == LetterCase::kLower) all_caps = false;
        i += len;
      }
      ++words;
      place_end = i;
      if (i + 1 < n && Byte(i) == ' ' &&
          CaseAt(i + 1, &letter) == LetterCase::kUpper) {
        ++i;
        continue;
      }
      break;
    }
    if (words == 0 || words > 6) return false;
    // ", Iraq", ", Jan. 5", ", 2024"
    for (int k = 0; k < 3 && i + 2 < n && Byte(i) == ',' && Byte(i + 1) == ' ';
         ++k) {
      size_t s = i + 2;
      bool letter;
      if (!IsDigit(Byte(s)) && CaseAt(s, &letter) != LetterCase::kUpper) break;
      size_t e = s;
      while (e < n && e - s <= 40) {
        const unsigned char c = Byte(e);
        if (c == ',' || c == '(' || c == '-' || c == '\n') break;
        if (c < 0x80 && !IsAsciiAlnum(c) && c != ' ' && c != '.' && c != '\'') {
          break;
        }
        ++e;
      }
      if (e - s > 40) return false;
      while (e > s && Byte(e - 1) == ' ') --e;
      i = e;
    }
    bool agency = false;
    size_t a = i;
    while (a < n && Byte(a) == ' ') ++a;
    if (a < n && Byte(a) == '(') {
      size_t close = a + 1;
      while (close < n && close - a <= 40 && Byte(close) != ')' &&
             Byte(close) != '\n') {
        ++close;
      }
      if (close >= n || Byte(close) != ')' || close == a + 1) return false;
      agency = true;
      i = close + 1;
    }
    while (i < n && Byte(i) == ' ') ++i;
    size_t dash = i;
    while (dash < n && Byte(dash) == '-' && dash - i < 3) ++dash;
    if (dash == i) return false;
    if (dash < t_.size() && !IsSpace(Byte(dash))) return false;
    if (!agency && (!all_caps || letters < 3)) return false;
    out_->dateline_begin = p;
    out_->dateline_end = dash;
    out_->dateline_place_begin = p;
    out_->dateline_place_end = place_end;
    return true;
  }

  void SplitRegion(size_t begin, size_t end) {
    size_t line = begin;  // start of the current line
    size_t i = begin;
    for (; i < end && IsSpace(Byte(i)); ++i) {
      if (Byte(i) == '\n') line = i + 1;
    }
    size_t sentence = i;
    while (i < end) {
      const unsigned char c = Byte(i);
      if (IsTerminator(c)) {
        size_t j = i + 1;
        while (j < end && IsTerminator(Byte(j))) ++j;
        size_t k = j;
        while (k < end && IsCloser(Byte(k))) ++k;
        if (k < end && !IsSpace(Byte(k))) {
          i = k;
          continue;
        }
        size_t r = k;
        size_t last_newline = end;
        while (r < end && IsSpace(Byte(r))) {
          if (Byte(r) == '\n') last_newline = r;
          ++r;
        }
        const bool newline = last_newline != end;
        if (ShouldBreak(sentence, i, j, k, r, end, newline)) {
          Emit(sentence, k);
          sentence = r;
          if (newline) line = last_newline + 1;
          i = r;
        } else {
          i = k;
        }
      } else if (c == '\n') {
        size_t r = i + 1;
        size_t last_newline = i;
        while (r < end && IsSpace(Byte(r))) {
          if (Byte(r) == '\n') last_newline = r;
          ++r;
        }
        const bool blank = last_newline != i;
        // A headline is a whole line: the sentence must start the line.
        if (blank || (r < end && sentence >= line &&
                      SkipSpace(line, sentence) == sentence &&
                      StartsSentence(r) && LooksLikeHeadline(sentence, i))) {
          Emit(sentence, i);
          sentence = r;
        }
        line = last_newline + 1;
        i = r;
      } else {
        ++i;
      }
    }
    Emit(sentence, end);
  }

  // Adds [b, e) trimmed, cut into pieces if it is too long.
  void Emit(size_t b, size_t e) {
    b = SkipSpace(b, e);
    while (e > b && IsSpace(Byte(e - 1))) --e;
    if (b >= e) return;
    if (e - b <= max_bytes_) {
      out_->sentences.push_back({b, e, false});
      return;
    }
    while (e - b > max_bytes_) {
      const size_t limit = b + max_bytes_;  // first byte not in the piece
      size_t cut = limit;
      while (cut > b && !IsSpace(Byte(cut))) --cut;
      size_t next;
      if (cut > b) {
        next = cut;
        while (IsSpace(Byte(cut - 1))) --cut;
      } else {
        cut = limit;
        while (cut > b && IsContinuationByte(Byte(cut))) --cut;
        if (cut == b) cut = limit;  // not UTF-8 at all; cut anywhere
        next = cut;
      }
      out_->sentences.push_back({b, cut, true});
      b = SkipSpace(next, e);
    }
    if (b < e) out_->sentences.push_back({b, e, true});
  }

  std::string_view t_;
  size_t max_bytes_;
  SplitResult* out_;
};

}  // namespace

SplitResult SplitSentences(std::string_view normalized,
                           const SplitOptions& options) {
  SplitResult result;
  Splitter(normalized, options, &result).Run();
  return result;
}

}  // namespace dyad
