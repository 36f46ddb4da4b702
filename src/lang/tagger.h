// Tagger: a rule-based part-of-speech tagger for news English.
//
// How it works: each token first gets its lexical reading (closed-class word,
// number, punctuation, a form of a known verb, capitalized name, -ly adverb,
// otherwise noun). Words that may be verbs or nouns ("attacks", "talks",
// "forces", "strike") are then decided from their neighbours: after a
// determiner, adjective, possessive, number or preposition they are nouns;
// after an auxiliary, modal, negation, "to" or a pronoun they are verbs; an
// "-s" form between a noun phrase and a following noun phrase is a verb; an
// "-ed" form after a determiner is an adjective ("the stalled talks").
//
// Thread-safe: Tag() is const and keeps no state between calls.
#ifndef DYAD_LANG_TAGGER_H_
#define DYAD_LANG_TAGGER_H_

#include <string_view>
#include <vector>

#include "lang/lexicon.h"
#include "text/tokenizer.h"

namespace dyad {

struct TaggedToken {
  Token token;
  Pos pos = Pos::kNoun;
  VerbForm form = VerbForm::kNone;
  std::string_view lemma;  // known verb lemma, or the lower-case word
  std::string_view lower;  // the lower-case token text
};

class Tagger {
 public:
  explicit Tagger(const Lexicon* lexicon) : lexicon_(lexicon) {}

  // Tags the tokens of one sentence. `lower` is the lower-cased normalized
  // text the tokens point into; the string views in the result point into it
  // or into the lexicon.
  std::vector<TaggedToken> Tag(std::string_view text, std::string_view lower,
                               const std::vector<Token>& tokens) const;

 private:
  const Lexicon* lexicon_;  // not owned
};

}  // namespace dyad

#endif  // DYAD_LANG_TAGGER_H_
