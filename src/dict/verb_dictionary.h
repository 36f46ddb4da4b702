// VerbDictionary: CAMEO verb patterns (data/verbs/), compiled for matching
// on the lemmas of tagged tokens. See docs/formats/dictionaries.md for the
// pattern language (head word, filler skipping, `+` target slot, `~` nominal
// patterns, `not` negated forms, words before the verb up to `*`, paired
// and null codes).
//
// Immutable once built; thread-safe.
#ifndef DYAD_DICT_VERB_DICTIONARY_H_
#define DYAD_DICT_VERB_DICTIONARY_H_

#include <string>
#include <string_view>
#include <vector>

#include "dict/cameo_table.h"
#include "dict/dictionary_file.h"
#include "lang/lexicon.h"
#include "lang/word_table.h"

namespace dyad {

// The code of a null pattern.
inline constexpr std::string_view kNullCode = "---";

struct VerbPattern {
  struct Element {
    bool slot = false;   // the `+` target slot
    bool tight = false;  // right after the previous element (`a _ b`)
    std::string lemma;   // a word, lemmatized
  };
  // The source-to-target code, or kNullCode for a null pattern: one that
  // matches and codes nothing (its verb's less specific patterns are not
  // tried either).
  std::string code;
  // Paired codes (`032/033: ...`): the code of the reverse event, target to
  // source, coded beside the forward one; "" when the pattern has none.
  std::string reverse_code;
  std::vector<Element> elements;  // elements[0] is the head word
  // Words that must stand before the verb, in order (`will not ever * clash`),
  // lower case, matched as written; empty for most patterns.
  std::vector<std::string> before;
  // before_tight[i]: before[i] must stand right before the next element (the
  // next word before the verb, or the verb), written `a_b`, `a_*`.
  std::vector<bool> before_tight;
  // `% * agree`: the subject must be a compound of two or more actors, and
  // each codes the event with each other one (PETRARCH's `%`).
  bool compound = false;
  bool nominal = false;
  bool negated = false;
  // From the file directive `@modals-code-act` (written by the PETRARCH
  // import): a modal before the verb ("will contribute") does not turn the
  // act into an intention; the pattern's own code is coded, as in PETRARCH.
  bool modals_code_act = false;
  int words = 0;  // number of word elements (specificity)
  std::string file;
  int line = 0;
  std::string text;  // as written

  bool null() const { return code == kNullCode; }
};

class VerbDictionary {
 public:
  // First pass: the head lemmas of verbal patterns, so the lexicon can learn
  // them before patterns are compiled. Words are taken as written.
  static std::vector<std::string> HeadWords(
      const std::vector<DictionaryFile>& files);

  // Compiles the patterns of `files`; unknown CAMEO codes and malformed
  // patterns go to `errors` as file:line.
  void Build(const std::vector<DictionaryFile>& files, const CameoTable& cameo,
             const Lexicon& lexicon, std::vector<std::string>* errors);

  // Patterns whose head has this lemma, most specific first.
  const std::vector<uint32_t>* ForHead(std::string_view lemma) const;
  const VerbPattern& pattern(uint32_t id) const { return patterns_[id]; }
  size_t size() const { return patterns_.size(); }
  const std::vector<VerbPattern>& patterns() const { return patterns_; }

 private:
  std::vector<VerbPattern> patterns_;
  WordTable<std::vector<uint32_t>> by_head_;
};

}  // namespace dyad

#endif  // DYAD_DICT_VERB_DICTIONARY_H_
