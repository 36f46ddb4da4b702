// The abbreviations that take a period in English news (AP style), shared by
// the sentence splitter (is this period a sentence end?) and the tokenizer
// (does this word keep its period?). Internal to src/text.
#ifndef DYAD_TEXT_ABBREVIATIONS_H_
#define DYAD_TEXT_ABBREVIATIONS_H_

#include <algorithm>
#include <cstddef>
#include <string_view>

#include "text/utf8.h"

namespace dyad::text_internal {

enum class AbbreviationKind : unsigned char {
  kNone,
  kTitle,   // Mr. Gen. Sen.: always followed by a name, never ends a sentence
  kNumber,  // No. Vol.: binds to a following number
  kMonth,   // Jan. Sept.: binds to a following number, else like kWeak
  kWeak,    // Inc. Jr. St. Calif. etc.: may end a sentence
};

struct Abbreviation {
  std::string_view word;  // without the final period; case matters
  AbbreviationKind kind;
};

inline constexpr AbbreviationKind kTitle = AbbreviationKind::kTitle;
inline constexpr AbbreviationKind kNumber = AbbreviationKind::kNumber;
inline constexpr AbbreviationKind kMonth = AbbreviationKind::kMonth;
inline constexpr AbbreviationKind kWeak = AbbreviationKind::kWeak;

// Sorted by byte value (checked below), searched by binary search.
inline constexpr Abbreviation kAbbreviations[] = {
    {"Adm", kTitle},  {"Ala", kWeak},   {"Apr", kMonth},    {"Ariz", kWeak},
    {"Ark", kWeak},   {"Art", kNumber}, {"Assn", kWeak},    {"Aug", kMonth},
    {"Ave", kWeak},   {"Blvd", kWeak},  {"Brig", kTitle},   {"Bros", kWeak},
    {"Calif", kWeak}, {"Capt", kTitle}, {"Cmdr", kTitle},   {"Co", kWeak},
    {"Col", kTitle},  {"Colo", kWeak},  {"Conn", kWeak},    {"Corp", kWeak},
    {"Cos", kWeak},   {"Cpl", kTitle},  {"Dec", kMonth},    {"Del", kWeak},
    {"Dept", kWeak},  {"Det", kTitle},  {"Dr", kTitle},     {"Feb", kMonth},
    {"Fig", kNumber}, {"Fla", kWeak},   {"Fr", kTitle},     {"Ft", kTitle},
    {"Ga", kWeak},    {"Gen", kTitle},  {"Gov", kTitle},    {"Hon", kTitle},
    {"Ill", kWeak},   {"Inc", kWeak},   {"Ind", kWeak},     {"Insp", kTitle},
    {"Jan", kMonth},  {"Jr", kWeak},    {"Jul", kMonth},    {"Jun", kMonth},
    {"Kan", kWeak},   {"Kans", kWeak},  {"Ky", kWeak},      {"La", kWeak},
    {"Lt", kTitle},   {"Ltd", kWeak},   {"Maj", kTitle},    {"Mar", kMonth},
    {"Mass", kWeak},  {"Md", kWeak},    {"Messrs", kTitle}, {"Mich", kWeak},
    {"Minn", kWeak},  {"Miss", kWeak},  {"Mo", kWeak},      {"Mont", kWeak},
    {"Mr", kTitle},   {"Mrs", kTitle},  {"Ms", kTitle},     {"Msgr", kTitle},
    {"Mt", kTitle},   {"Neb", kWeak},   {"Nev", kWeak},     {"No", kNumber},
    {"Nos", kNumber}, {"Nov", kMonth},  {"Nr", kNumber},    {"Oct", kMonth},
    {"Okla", kWeak},  {"Ore", kWeak},   {"Pa", kWeak},      {"Ph.D", kWeak},
    {"Pres", kTitle}, {"Prof", kTitle}, {"Pvt", kTitle},    {"Rd", kWeak},
    {"Rep", kTitle},  {"Reps", kTitle}, {"Rev", kTitle},    {"Rt", kTitle},
    {"Sen", kTitle},  {"Sens", kTitle}, {"Sep", kMonth},    {"Sept", kMonth},
    {"Sgt", kTitle},  {"Sr", kWeak},    {"St", kWeak},      {"Ste", kWeak},
    {"Supt", kTitle}, {"Tenn", kWeak},  {"Tex", kWeak},     {"Univ", kWeak},
    {"Va", kWeak},    {"Vol", kNumber}, {"Vt", kWeak},      {"Wash", kWeak},
    {"Wis", kWeak},   {"Wyo", kWeak},   {"al", kWeak},      {"approx", kWeak},
    {"cf", kWeak},    {"est", kWeak},   {"etc", kWeak},     {"vs", kTitle},
};

static_assert(std::is_sorted(std::begin(kAbbreviations),
                             std::end(kAbbreviations),
                             [](const Abbreviation& a, const Abbreviation& b) {
                               return a.word < b.word;
                             }),
              "kAbbreviations must stay sorted");

// Kind of `word` (the text before a period, without it).
inline AbbreviationKind LookupAbbreviation(std::string_view word) {
  if (word.empty() || word.size() > 6) return AbbreviationKind::kNone;
  auto it = std::lower_bound(
      std::begin(kAbbreviations), std::end(kAbbreviations), word,
      [](const Abbreviation& a, std::string_view w) { return a.word < w; });
  if (it != std::end(kAbbreviations) && it->word == word) return it->kind;
  return AbbreviationKind::kNone;
}

// True for "U.S", "U.N", "a.m", "D.C": two or more single ASCII letters
// joined by periods (the final period is not part of `word`).
inline bool IsInitialism(std::string_view word) {
  if (word.size() < 3 || word.size() % 2 == 0) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    const unsigned char c = static_cast<unsigned char>(word[k]);
    if (k % 2 == 0 ? !IsAsciiAlpha(c) : c != '.') return false;
  }
  return true;
}

}  // namespace dyad::text_internal

#endif  // DYAD_TEXT_ABBREVIATIONS_H_
