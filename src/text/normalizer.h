// Normalizer: turns an article's raw UTF-8 bytes into the text the rest of
// the pipeline reads, keeping a map from every normalized byte back to the
// original bytes (as SentencePiece's norm_to_orig does), so every span dyad
// reports points at the article as the user gave it.
//
// What it does:
//  - invalid UTF-8 sequences become one space each and a diagnostic (offset
//    and the bad bytes; after 64 of them the rest are counted in one closing
//    diagnostic); NUL and other C0 controls except \n and \t, DEL and C1
//    controls become a space;
//  - curly and typographic quotes and apostrophes (‘ ’ ʼ ´ ` “ ” „ « » ″)
//    become ' or ", so `US’` reads `US'`;
//  - dashes (‐ ‑ ‒ – — ― −) become '-', ellipsis '…' becomes "...";
//  - Unicode spaces (NBSP, thin, em spaces, ZWSP, BOM) become ' ' or vanish
//    (zero-width ones, soft hyphens, direction marks); \r\n, \r, U+0085 and
//    U+2028 become \n, U+2029 becomes \n\n;
//  - everything else is copied byte for byte (Latin letters with accents are
//    kept: Erdoğan stays Erdoğan).
//
// Thread-safe: a pure function of its input.
#ifndef DYAD_TEXT_NORMALIZER_H_
#define DYAD_TEXT_NORMALIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dyad {

struct TextDiagnostic {
  size_t offset = 0;  // byte offset in the original text
  std::string message;
};

struct NormalizedText {
  std::string text;   // normalized UTF-8 (always valid)
  std::string lower;  // `text` with ASCII letters lowered; same length
  // to_original[i] is the original offset of normalized byte i; it has
  // text.size() + 1 entries, the last one being the original's size. Bytes
  // copied unchanged map one to one; all the bytes a replaced character turns
  // into ('…' -> "...") map to its first byte. The map is non-decreasing.
  std::vector<uint32_t> to_original;
  std::vector<TextDiagnostic> diagnostics;
  // Where the original unit that produced text[i] does not end at
  // to_original[i + 1]: (i, original end) pairs, sorted by i. Only the byte
  // before a dropped character (ZWSP, BOM) and all but the last byte of an
  // expansion ('…' -> "...") need one, so this is usually empty or short.
  // Read by OriginalRange.
  std::vector<std::pair<uint32_t, uint32_t>> original_ends;

  // Original offset of normalized offset `i` (0 <= i <= text.size()).
  size_t OriginalOffset(size_t i) const { return to_original[i]; }
  // Original [begin, end) of the normalized range [begin, end): the end maps
  // to the end of the last original byte that produced text[end - 1].
  void OriginalRange(size_t begin, size_t end, size_t* obegin,
                     size_t* oend) const;
};

// Normalizes `raw`. Articles over 4 GiB are not supported (offsets are 32-bit);
// the caller checks the size first.
NormalizedText Normalize(std::string_view raw);

}  // namespace dyad

#endif  // DYAD_TEXT_NORMALIZER_H_
