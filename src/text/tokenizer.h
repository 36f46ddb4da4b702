// Tokenizer: splits a sentence of normalized text into tokens.
//
//  - whitespace separates tokens; punctuation is its own token, except:
//    abbreviations and initialisms keep their periods (U.S., U.N., Gen., Jan.,
//    Mr., St., a.m.), numbers keep their decimal point and thousands commas
//    (3.5, 1,000), hyphenated words stay whole (al-Sudani, Iran-backed,
//    cease-fire), and words with inner apostrophes stay whole (d'Ivoire,
//    O'Brien);
//  - the possessive 's and a bare trailing ' after s (`forces'`) are split off
//    as their own token; so are the clitics n't 're 've 'll 'd 'm
//    (`don't` -> `do` `n't`, `can't` -> `ca` `n't`, `won't` -> `wo` `n't`);
//  - a sentence-final period is its own token ("in the U.S." keeps "U.S."
//    whole and then no extra period token is made).
//
// Tokens are small flat structs holding offsets into the normalized text;
// the text itself is not copied. Thread-safe: a pure function.
#ifndef DYAD_TEXT_TOKENIZER_H_
#define DYAD_TEXT_TOKENIZER_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace dyad {

enum TokenFlags : uint8_t {
  kTokenWord = 1 << 0,         // starts with a letter
  kTokenNumber = 1 << 1,       // starts with a digit
  kTokenPunct = 1 << 2,        // punctuation only
  kTokenCapitalized = 1 << 3,  // first letter upper-case (incl. non-ASCII)
  kTokenAllCaps = 1 << 4,      // 2+ letters, all upper-case
  kTokenHasPeriod = 1 << 5,    // abbreviation or initialism (U.S.)
};

struct Token {
  uint32_t begin = 0;  // normalized offsets [begin, end)
  uint32_t end = 0;
  uint8_t flags = 0;
};

// Tokenizes text[begin, end). Offsets in the result are absolute offsets
// into `text`.
std::vector<Token> Tokenize(std::string_view text, size_t begin, size_t end);

// Convenience: tokenizes all of `text`.
inline std::vector<Token> Tokenize(std::string_view text) {
  return Tokenize(text, 0, text.size());
}

}  // namespace dyad

#endif  // DYAD_TEXT_TOKENIZER_H_
