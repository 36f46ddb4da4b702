// ActorDictionary: actors (countries, organisations, armed groups, people with
// dated roles) and agents (government, military, police, ...), compiled into
// a matcher over tagged tokens.
//
// Matching is longest-first at each token: phrases are indexed by their first
// word; in actor names a word written capitalized matches only a capitalized
// word ("Struck" the minister is not "struck" the verb), one in lower case any
// casing, and one ALL IN CAPITALS only the same spelling
// (docs/formats/dictionaries.md). Agent and discard words match any casing.
// Agent phrases also match the regular plural of their last word.
//
// Immutable once built; thread-safe.
#ifndef DYAD_DICT_ACTOR_DICTIONARY_H_
#define DYAD_DICT_ACTOR_DICTIONARY_H_

#include <string>
#include <string_view>
#include <vector>

#include "dict/dictionary_file.h"
#include "lang/lexicon.h"
#include "lang/tagger.h"
#include "lang/word_table.h"

namespace dyad {

// kDiscard: a non-political cause ("earthquake", "crash"); it blocks an
// event from being coded with it as the source.
enum class ActorKind : uint8_t { kActor, kAgent, kDiscard };

struct ActorEntry {
  std::string code;  // lasting code
  std::vector<RoleLine> roles;
  ActorKind kind = ActorKind::kActor;
  std::string file;
  int line = 0;
};

struct ActorPhrase {
  struct Word {
    std::string lower;
    std::string exact;         // non-empty: must match this spelling exactly
    bool capitalized = false;  // must match a capitalized word
  };
  std::vector<Word> words;
  uint32_t entry = 0;
  int line = 0;
  std::string text;  // as written in the dictionary
};

struct ActorMatch {
  size_t begin = 0;  // token index
  size_t end = 0;    // token index, exclusive
  const ActorPhrase* phrase = nullptr;
  const ActorEntry* entry = nullptr;
};

class ActorDictionary {
 public:
  // Adds the entries of a parsed file. Bad codes go to `errors`.
  void Add(const DictionaryFile& file, ActorKind kind,
           std::vector<std::string>* errors);

  // The longest phrase that starts at token `i`, if any.
  bool LongestAt(std::string_view text, const std::vector<TaggedToken>& tokens,
                 size_t i, ActorMatch* match) const;

  // The code of `entry` on `date`: a role's code when the date falls in its
  // range, the lasting code otherwise (and always when `date` is invalid).
  static const std::string& CodeOn(const ActorEntry& entry, const Date& date);

  size_t entry_count(ActorKind kind) const;
  size_t phrase_count() const { return phrases_.size(); }
  const std::vector<ActorEntry>& entries() const { return entries_; }

 private:
  void AddPhrase(const std::string& text, uint32_t entry, int line,
                 bool pluralize);

  std::vector<ActorEntry> entries_;
  std::vector<ActorPhrase> phrases_;
  // First word (lower case) -> phrase indices, longest first.
  // First word -> phrases starting with it, longest first.
  WordTable<std::vector<uint32_t>> index_;
};

// Splits a dictionary phrase into words with the article tokenizer.
std::vector<std::string> PhraseWords(std::string_view phrase);

}  // namespace dyad

#endif  // DYAD_DICT_ACTOR_DICTIONARY_H_
