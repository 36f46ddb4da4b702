// Tagger: a rule-based part-of-speech tagger for news English.
//
// How it works. Pass 1 gives each token its lexical reading: punctuation,
// number, closed-class word, a capitalized name, or an open-class word whose
// possible classes come from the English word lists (lang/english_words.h):
// brill's tags for the spelling, most frequent first, else WordNet's classes
// for it or its lemma. A word that may be a verb is
//
//  - a strong candidate when it is a form of a verb the dictionaries code,
//    when brill tags it first as a verb ("appeared", "talks" is not: NNS
//    first, but "talk" is a dictionary verb), or when brill lacks it and it
//    is an "-ed" form or a form of a verb WordNet knows only as a verb;
//  - a weak candidate when brill knows a verb reading but not first
//    ("court", "group", "police"): it keeps its first reading (noun,
//    adjective) unless the context demands a verb of its form ("they court",
//    "has grouped", "to group the ...").
//
// Other words take their first class ("current", "eastern": adjectives). A
// capitalized word opening a sentence is a common word when brill has its
// lower-case spelling and does not know the capitalized one only as a name
// ("Police", "Protests" but "Hamas", "President Obama", "Turkey's").
//
// Pass 2 decides the strong candidates from their neighbours, left to
// right: after a determiner, adjective, possessive, number or preposition
// they are nouns; after an auxiliary, modal, negation, "to" or a pronoun
// they are verbs; an "-s" form between a noun phrase and a following noun
// phrase is a verb; an "-ed" form after a determiner is an adjective ("the
// stalled talks"). Before it, an adjective right before a likely finite verb
// ends the subject ("Israeli military struck"). Pass 3 settles words that
// may be adjectives or nouns: an adjective with nothing left to modify
// after a determiner is a noun ("the military said"), a noun-or-adjective
// before a noun its adjective reading ("its own envoy").
//
// Measured on hand-tagged news sentences in tests/tagger/.
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
  std::string_view lemma;  // verb lemma, else the singular, else the word
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
