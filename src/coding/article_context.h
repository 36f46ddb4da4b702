// ArticleContext: what the coder has learned about an article's actors so
// far, so that later sentences can name them briefly:
//  - names met in an actor phrase ("Iraqi Prime Minister Mohammed Shia
//    al-Sudani", "Elena Romanowski, the US ambassador") and their last word
//    ("al-Sudani", "Romanowski") stand for that phrase's code;
//  - "the prime minister", "the ministry": the latest actor with that agent;
//  - he / she: the latest person; they / it: the latest group or country;
//    "the two countries" / "both sides": the latest two countries;
//  - the dateline's place gives its country to agents named alone ("police"
//    in a story datelined BAGHDAD is IRQCOP).
// One per article, used by one thread.
#ifndef DYAD_CODING_ARTICLE_CONTEXT_H_
#define DYAD_CODING_ARTICLE_CONTEXT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/event.h"

namespace dyad {

// Discard codes with PETRARCH's meaning: a sentence (or, for the story
// discard, an article) that names one is not coded at all. Other discard
// codes (NATURAL, ACCIDENT...) only stop events caused by the thing named.
inline constexpr std::string_view kSentenceDiscard = "DISCARD";
inline constexpr std::string_view kStoryDiscard = "STORYDISCARD";

struct ContextActor {
  std::string code;     // "IRQGOV"
  std::string country;  // "IRQ" or ""
  std::string agent;    // the agent words in the phrase ("prime minister")
  std::string text;     // the phrase that introduced it
  bool person = false;  // named a person
  int sentence = 0;
};

class ArticleContext {
 public:
  // The dateline's country ("" when none).
  void set_dateline_country(std::string country) {
    dateline_country_ = std::move(country);
  }
  const std::string& dateline_country() const { return dateline_country_; }

  // A sentence named a story discard (code `STORYDISCARD`): no event of the
  // article is output.
  void set_story_discarded() { story_discarded_ = true; }
  bool story_discarded() const { return story_discarded_; }

  // Records an actor met in sentence `sentence`, with the lower-case names
  // (runs of capitalized words) its phrase held.
  void Learn(const ContextActor& actor, const std::vector<std::string>& names);

  // The actor a lower-case name stands for, or nullptr.
  const ContextActor* ByName(std::string_view lower_name) const;
  // The latest actor whose phrase held these agent words.
  const ContextActor* ByAgent(std::string_view agent_words) const;
  // The latest actor a pronoun may stand for.
  const ContextActor* ByPronoun(std::string_view lower_pronoun) const;
  // The latest two distinct countries, for "the two countries".
  std::vector<const ContextActor*> LastTwoCountries() const;
  // True when every country met so far is the dateline's: only then does
  // the dateline's country go to a lone agent (a Beirut dateline on a story
  // about Syria says nothing about who "the rebels" are).
  bool OnlyDatelineCountry() const;

  // Places: the countries (gazetteer indexes) the article has named, in
  // actors and places, latest last; ambiguous place names prefer them.
  void NoteCountry(uint16_t country);
  const std::vector<uint16_t>& place_countries() const {
    return place_countries_;
  }
  // The place the dateline names, resolved, with its words (rule
  // "dateline").
  void set_dateline_place(EventPlace place) {
    dateline_place_ = std::move(place);
  }
  const std::optional<EventPlace>& dateline_place() const {
    return dateline_place_;
  }
  // The last place named after a locative preposition ("in Jamundi"), for
  // "in the town" in the sentences right after it.
  void set_last_place(EventPlace place, int sentence) {
    last_place_ = std::move(place);
    last_place_sentence_ = sentence;
  }
  // That place when it was named in `sentence` or the two before, else null.
  const EventPlace* last_place(int sentence) const {
    if (!last_place_ || sentence - last_place_sentence_ > 2) return nullptr;
    return &*last_place_;
  }

 private:
  std::string dateline_country_;
  std::vector<uint16_t> place_countries_;
  std::optional<EventPlace> dateline_place_;
  std::optional<EventPlace> last_place_;
  int last_place_sentence_ = 0;
  bool story_discarded_ = false;
  std::vector<ContextActor> actors_;                   // in order met
  std::vector<std::pair<std::string, size_t>> names_;  // name -> actor index
};

}  // namespace dyad

#endif  // DYAD_CODING_ARTICLE_CONTEXT_H_
