// PlaceFinder: the places a sentence names, resolved with the gazetteer.
//
//  - Countries are found with the actor dictionaries ("in the U.S.",
//    "across Syria"); a capital named as an actor ("in Bogota", COLGOV) is
//    a place when a locative preposition introduces it.
//  - Cities and regions are runs of capitalized words (with lower-case
//    connectors: "Valle del Cauca", "Norte de Santander") that the
//    gazetteer knows, taken whole: a name inside a longer run ("Juan Manuel
//    Santos", "Santa Marta Police") is not a place.
//  - A name that is also a common English word ("Police", "Of", "Mobile")
//    or a month or weekday is a place only after a locative preposition and
//    when large (100,000 people) or in a country the article names.
//  - "Jamundi, Valle del Cauca" and "Tripoli, Lebanon": the second name
//    qualifies the first.
//  - An ambiguous name goes to a place in a country the article names, else
//    to the largest (Gazetteer::Choose).
//
// Thread-safe: Find() is const.
#ifndef DYAD_CODING_PLACE_FINDER_H_
#define DYAD_CODING_PLACE_FINDER_H_

#include <cstdint>
#include <span>
#include <vector>

#include "coding/article_context.h"
#include "dict/dictionary_set.h"
#include "geo/gazetteer.h"
#include "lang/tagger.h"
#include "text/normalizer.h"

namespace dyad {

struct PlaceMention {
  size_t begin = 0;  // normalized offsets of the name
  size_t end = 0;
  uint32_t place = UINT32_MAX;  // in the gazetteer
  // Introduced by a locative preposition: "in", "near", "outside",
  // "north of", "in northern ...".
  bool locative = false;
};

class PlaceFinder {
 public:
  PlaceFinder(const DictionarySet* dicts, const Gazetteer* gazetteer)
      : dicts_(dicts), gaz_(gazetteer), tagger_(&dicts->lexicon()) {}

  // The places named in normalized text [begin, end), in order. `hints`:
  // the countries (gazetteer indexes) the article has named. A name met as
  // a person's in `context` (may be null) is not a place unless a locative
  // preposition introduces it; nor is a place named without one outside
  // the countries of `hints`.
  std::vector<PlaceMention> Find(const NormalizedText& norm, size_t begin,
                                 size_t end, std::span<const uint16_t> hints,
                                 const ArticleContext* context = nullptr) const;
  // The same over a sentence already tokenized and tagged.
  std::vector<PlaceMention> Find(const NormalizedText& norm,
                                 const std::vector<TaggedToken>& tagged,
                                 std::span<const uint16_t> hints,
                                 const ArticleContext* context) const;

  // "in the town", "near the city", "outside the capital": a city named by
  // its kind after a locative preposition, not followed by "of" (which
  // names it: "the city of Mosul") or a noun ("the city courtroom"). Its
  // normalized span; false when the sentence has none.
  bool PlaceAnaphor(const std::vector<TaggedToken>& tagged, size_t* begin,
                    size_t* end) const;

  // The place a dateline names ("BOGOTA, Colombia", "BAGHDAD"), or
  // UINT32_MAX.
  uint32_t Dateline(const NormalizedText& norm, size_t begin, size_t end,
                    std::span<const uint16_t> hints) const;

 private:
  // The country an actor match at token `i` names when it is one ("Iraq",
  // "the U.S."): its gazetteer place, else UINT32_MAX; `end` gets the token
  // after it.
  uint32_t CountryAt(const NormalizedText& norm,
                     const std::vector<TaggedToken>& tagged, size_t i,
                     size_t* end) const;

  const DictionarySet* dicts_;
  const Gazetteer* gaz_;
  Tagger tagger_;
};

}  // namespace dyad

#endif  // DYAD_CODING_PLACE_FINDER_H_
