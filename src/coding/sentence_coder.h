// SentenceCoder: codes the events of one sentence.
//
// How it works, in order:
//  1. Actor mentions: the longest dictionary phrase at each token (actors,
//     people, agents), left to right.
//  2. Verb matches: at each verb (or, for nominal patterns, noun) the most
//     specific pattern of the verb dictionary whose words follow in order,
//     with filler words skipped and the `+` slot taken as a noun phrase.
//  3. For each match, its clause: the verb group (auxiliaries, modals,
//     negation, adverbs), voice, the subject noun phrase to the left (through
//     appositions, relative clauses, reduced relatives, infinitive and
//     participle chains and verb coordination) and the object noun phrase to
//     the right (or the slot). Passive voice swaps them ("was attacked by").
//  4. Selection: negated matches are dropped unless the pattern is a negated
//     form; an infinitive under an intent verb ("expected to begin talks")
//     becomes an intent code (036); one under any other coded verb ("urged X
//     to withdraw") is absorbed by it; statements (root 01) are kept only
//     when the sentence has no other event, so "X said Y attacked Z" codes
//     Y->Z; nominal patterns only when there is no verbal event.
//  5. Actors: the codes in each noun phrase are composed (country + agent,
//     people by the article's date); coordinated actors give one event each.
//     A phrase with no dictionary actor is resolved from the article context
//     (names and titles met before, pronouns, "the two countries", the
//     dateline's country for a lone agent).
//
// Thread-safe: Code() is const.
#ifndef DYAD_CODING_SENTENCE_CODER_H_
#define DYAD_CODING_SENTENCE_CODER_H_

#include <vector>

#include "coding/article_context.h"
#include "dict/dictionary_set.h"
#include "dyad/article.h"
#include "dyad/coder.h"
#include "dyad/event.h"
#include "lang/tagger.h"
#include "text/normalizer.h"

namespace dyad {

class SentenceCoder {
 public:
  SentenceCoder(const DictionarySet* dicts, const CoderOptions* options)
      : dicts_(dicts), options_(options), tagger_(&dicts->lexicon()) {}

  // Codes normalized text [begin, end) of `article`, appending events.
  // `context` (may be null) carries what earlier sentences named and learns
  // from this one. `tagged` (may be null) gets the sentence's tagged tokens.
  void Code(const NormalizedText& norm, const Article& article,
            int sentence_index, size_t begin, size_t end,
            ArticleContext* context, std::vector<Event>* events,
            std::vector<TaggedToken>* tagged = nullptr) const;

  // The country a place phrase names ("BAGHDAD" -> "IRQ"), or "".
  std::string PlaceCountry(const NormalizedText& norm, size_t begin,
                           size_t end) const;

 private:
  const DictionarySet* dicts_;
  const CoderOptions* options_;
  Tagger tagger_;
};

}  // namespace dyad

#endif  // DYAD_CODING_SENTENCE_CODER_H_
