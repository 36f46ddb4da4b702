// SentenceSplitter: finds sentences in normalized news text.
//
// Rules (see sentence_splitter.cc for the details):
//  - a sentence ends at '.', '!' or '?' (with any closing quotes and brackets
//    after it) when the next word starts a sentence: an upper-case letter, a
//    digit, an opening quote, or the end of the text;
//  - no break after known abbreviations (Mr. Dr. Gen. Col. Sen. Jan. Feb. No.
//    St. Inc. Co. ...), single initials (J. Smith), initialisms inside a
//    sentence (U.S., U.N.) unless the next word is a sentence starter such as
//    "The" or "He", decimals (3.5), or inside a quotation that has not closed
//    when the next word is lower-case (`"We will fight," he said.`);
//  - a blank line, or a line break after a line that ends like a sentence or
//    looks like a headline, always ends a sentence;
//  - a dateline at the start of an article (`BAGHDAD (Reuters) -`,
//    `WASHINGTON, Jan. 5 (AP) --`, `KABUL —` after normalization `KABUL -`) is
//    reported apart and left out of the first sentence.
//  - a "sentence" longer than `max_sentence_bytes` is cut at a word boundary
//    into pieces (each flagged `cut`, the last one too), so no sentence is
//    unbounded.
//
// Linear time in the text's length. Thread-safe: a pure function.
#ifndef DYAD_TEXT_SENTENCE_SPLITTER_H_
#define DYAD_TEXT_SENTENCE_SPLITTER_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace dyad {

struct SentenceSpan {
  size_t begin = 0;  // normalized offsets, [begin, end), trimmed of spaces
  size_t end = 0;
  bool cut = false;  // split at the length limit, not at a sentence end
};

struct SplitOptions {
  // Sentences longer than this are cut into pieces at word boundaries (or,
  // in a run with no space, at a character boundary). Values below 4 act
  // as 4, so a piece always holds at least one character.
  size_t max_sentence_bytes = 2000;
};

struct SplitResult {
  std::vector<SentenceSpan> sentences;
  // The dateline (`BAGHDAD (Reuters) -`), if any; begin == end when none.
  size_t dateline_begin = 0;
  size_t dateline_end = 0;
  // The place named in the dateline (`BAGHDAD`), empty range when none.
  size_t dateline_place_begin = 0;
  size_t dateline_place_end = 0;
};

SplitResult SplitSentences(std::string_view normalized,
                           const SplitOptions& options = {});

}  // namespace dyad

#endif  // DYAD_TEXT_SENTENCE_SPLITTER_H_
