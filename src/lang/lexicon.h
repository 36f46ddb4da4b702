// Lexicon: the English word knowledge the tagger needs: closed-class words
// (determiners, prepositions, auxiliaries, ...), irregular verb forms, and the
// set of verb lemmas dyad knows (from the verb dictionaries), with the
// morphology that maps an inflected form to its lemma.
//
// Immutable once built; safe to share between threads.
#ifndef DYAD_LANG_LEXICON_H_
#define DYAD_LANG_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dyad/status.h"

namespace dyad {

// Transparent hashing so string_view lookups need no allocation.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    return std::hash<std::string_view>()(s);
  }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

// Coarse parts of speech, enough for clause and phrase finding.
enum class Pos : uint8_t {
  kNoun,
  kPropn,
  kVerb,
  kAux,    // be, have, do in any form
  kModal,  // will, would, can, ...
  kAdj,
  kAdv,
  kDet,
  kPron,
  kPrep,
  kConj,   // and, or, but, nor
  kSconj,  // that, because, while, if, ...
  kTo,
  kNeg,    // not, n't, never
  kNum,
  kPunct,
  kPoss,   // 's and '
  kWh,     // who, whom, which, whose
};

const char* PosName(Pos pos);

// Inflection of a verb form.
enum class VerbForm : uint8_t { kNone, kBase, kS, kEd, kIng };

struct VerbLemma {
  std::string_view lemma;  // points into the Lexicon; empty when unknown
  VerbForm form = VerbForm::kNone;
};

class Lexicon {
 public:
  // Builds a lexicon from the irregular-verb file (docs/formats/
  // irregular_verbs.md) and the verb lemmas the dictionaries use. Errors name
  // file and line.
  static Result<Lexicon> Build(const std::string& irregular_verbs_path,
                               const std::vector<std::string>& verb_lemmas);
  // A lexicon with the closed-class words only (for tests).
  static Lexicon Minimal(const std::vector<std::string>& verb_lemmas);

  // The closed-class part of speech of a lower-case word, if it has one.
  bool ClosedClass(std::string_view lower, Pos* pos) const;

  // The known verb lemma of a lower-case word and its inflection; lemma is
  // empty when the word is not a form of a known verb. `form` is still set
  // from the suffix (kEd for "-ed" words) so the tagger can use it.
  VerbLemma LemmatizeVerb(std::string_view lower) const;

  // The lemma of any word for pattern matching: a known verb lemma if the
  // word is a form of one, otherwise the word with a regular plural ending
  // removed. The result points into the lexicon or into `lower`.
  std::string_view LemmaOf(std::string_view lower) const;

  bool IsKnownVerb(std::string_view lemma) const {
    return verbs_.find(lemma) != verbs_.end();
  }
  size_t irregular_count() const { return irregular_.size(); }

 private:
  std::string_view FindVerb(std::string_view s) const;

  StringMap<Pos> closed_;
  StringMap<std::string> irregular_;  // form -> lemma
  StringSet verbs_;
};

}  // namespace dyad

#endif  // DYAD_LANG_LEXICON_H_
