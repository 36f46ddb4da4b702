// DictionarySet: everything the coder knows, loaded from one or more
// dictionary folders laid out as data/ is:
//
//   cameo/codes.txt            the CAMEO code table (required, first folder
//                              that has it wins)
//   lang/irregular_verbs.txt   irregular verb forms (required, likewise)
//   actors/*.txt               actors: countries, organisations, people
//   agents/*.txt               agents: GOV, MIL, COP, ...
//   discards/*.txt             non-political causes (earthquake, crash)
//   verbs/*.txt                CAMEO verb patterns
//
// Files of the same kind in every folder are merged (the build adds a folder
// with the country names it generates from Debian's iso-codes). The lexicon
// also reads the installed English word lists (docs/formats/lexicon.md);
// when they are missing, loading fails and says to run scripts/setup.sh.
//
// Immutable once loaded; share one instance between threads.
#ifndef DYAD_DICT_DICTIONARY_SET_H_
#define DYAD_DICT_DICTIONARY_SET_H_

#include <memory>
#include <string>
#include <vector>

#include "dict/actor_dictionary.h"
#include "dict/cameo_table.h"
#include "dict/verb_dictionary.h"
#include "dyad/status.h"
#include "lang/lexicon.h"

namespace dyad {

struct DictionaryStats {
  std::vector<std::pair<std::string, size_t>> files;  // path, entries
  size_t actors = 0, agents = 0, actor_phrases = 0, verb_patterns = 0,
         cameo_codes = 0, irregular_verbs = 0;
};

class DictionarySet {
 public:
  // Loads and compiles every dictionary under `dirs`. On any fault returns an
  // error listing every fault as file:line (one per line of the message).
  static Result<std::shared_ptr<const DictionarySet>> Load(
      const std::vector<std::string>& dirs);

  // Like Load but keeps going: every fault goes to `errors`. Used by
  // `dyad dict check`.
  static std::shared_ptr<DictionarySet> LoadAll(
      const std::vector<std::string>& dirs, std::vector<std::string>* errors);

  // The default folders: the repository's data/ and the build's generated
  // data, as configured at build time; $DYAD_DATA overrides (':'-separated).
  static std::vector<std::string> DefaultDirs();

  const CameoTable& cameo() const { return cameo_; }
  const Lexicon& lexicon() const { return lexicon_; }
  const ActorDictionary& actors() const { return actors_; }
  const VerbDictionary& verbs() const { return verbs_; }
  const DictionaryStats& stats() const { return stats_; }
  // True when `code` is a country code some actor file defines (IRQ, USA).
  bool IsCountry(std::string_view code) const {
    return countries_.find(code) != countries_.end();
  }

 private:
  CameoTable cameo_;
  Lexicon lexicon_ = Lexicon::Minimal({});
  ActorDictionary actors_;
  VerbDictionary verbs_;
  StringSet countries_;
  DictionaryStats stats_;
};

}  // namespace dyad

#endif  // DYAD_DICT_DICTIONARY_SET_H_
