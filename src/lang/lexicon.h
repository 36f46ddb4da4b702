// Lexicon: the English word knowledge the tagger needs: closed-class words
// (determiners, prepositions, auxiliaries, ...), irregular verb forms, the
// verb lemmas dyad knows, with the morphology that maps an inflected form to
// its lemma, and the open classes (noun, verb, adjective, adverb) each word
// may take.
//
// Two sources are the project's own: the closed-class table below and
// data/lang/irregular_verbs.txt with the verb dictionaries' head words. The
// rest comes from the installed word lists of EnglishWords (the Brill
// lexicon and WordNet), which Build() requires; Minimal() builds a lexicon
// without them for unit tests.
//
// Immutable once built; safe to share between threads.
#ifndef DYAD_LANG_LEXICON_H_
#define DYAD_LANG_LEXICON_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"
#include "lang/english_words.h"
#include "lang/word_table.h"

namespace dyad {

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
  kNeg,  // not, n't, never
  kNum,
  kPunct,
  kPoss,  // 's and '
  kWh,    // who, whom, which, whose
};

const char* PosName(Pos pos);

// Inflection of a verb form.
enum class VerbForm : uint8_t { kNone, kBase, kS, kEd, kIng };

struct VerbLemma {
  std::string_view lemma;  // points into the Lexicon; empty when unknown
  VerbForm form = VerbForm::kNone;
  // The lemma is a head word of the verb dictionaries or in the irregular
  // verb list, not only a WordNet verb.
  bool dictionary = false;
};

// A number that tells Lexicon objects apart for as long as the process
// runs: a copy gets a new one (its words live elsewhere), a move takes the
// source's and gives the source a new one. Per-thread caches of lexicon
// lookups (the tagger's) are keyed by it.
class LexiconId {
 public:
  LexiconId() : value_(Next()) {}
  LexiconId(const LexiconId&) : value_(Next()) {}
  LexiconId(LexiconId&& o) noexcept : value_(o.value_) { o.value_ = Next(); }
  LexiconId& operator=(const LexiconId&) {
    value_ = Next();
    return *this;
  }
  LexiconId& operator=(LexiconId&& o) noexcept {
    value_ = o.value_;
    o.value_ = Next();
    return *this;
  }
  uint64_t value() const { return value_; }

 private:
  static uint64_t Next();
  uint64_t value_;
};

class Lexicon {
 public:
  // Builds a lexicon from the irregular-verb file (docs/formats/
  // irregular_verbs.md), the verb lemmas the dictionaries use and the English
  // word lists in `files` (docs/formats/lexicon.md). Errors name file and
  // line; missing word lists tell the user to run scripts/setup.sh.
  static Result<Lexicon> Build(
      const std::string& irregular_verbs_path,
      const std::vector<std::string>& verb_lemmas,
      const LexiconFiles& files = LexiconFiles::Default());
  // A lexicon with the closed-class words and `verb_lemmas` only, without
  // the English word lists (for unit tests).
  static Lexicon Minimal(const std::vector<std::string>& verb_lemmas);

  // The closed-class part of speech of a lower-case word, if it has one.
  bool ClosedClass(std::string_view lower, Pos* pos) const;

  // The known verb lemma of a lower-case word and its inflection; lemma is
  // empty when the word is not a form of a known verb. `form` is still set
  // from the suffix (kEd for "-ed" words) so the tagger can use it.
  VerbLemma LemmatizeVerb(std::string_view lower) const;

  // The lemma of any word for pattern matching: a known verb lemma if the
  // word is a form of one, otherwise the singular of an irregular plural
  // (WordNet's noun.exc: "men" -> "man") or the word with a regular plural
  // ending removed. The result points into the lexicon or into `lower`.
  std::string_view LemmaOf(std::string_view lower) const;
  // LemmaOf for a word known not to be a form of a verb (LemmatizeVerb
  // found no lemma): the irregular or regular singular, or the word.
  std::string_view NounLemma(std::string_view lower) const;

  // The open classes the English word lists give a lower-case word; all
  // zero in a Minimal lexicon.
  WordClasses Classes(std::string_view lower) const {
    return english_ ? english_->Classes(lower) : WordClasses{};
  }
  bool has_english_words() const { return english_ != nullptr; }

  bool IsKnownVerb(std::string_view lemma) const {
    const Word* w = words_.Find(lemma).value;
    return w && w->verb;
  }
  // The irregular forms of data/lang/irregular_verbs.txt.
  size_t irregular_count() const { return irregular_count_; }
  // Different for every Lexicon object alive or not (see LexiconId).
  uint64_t id() const { return id_.value(); }

 private:
  // The stored verb lemma equal to `s`, and whether it is a dictionary verb.
  std::string_view FindVerb(std::string_view s, bool* dictionary) const;

  // What the lexicon knows of one spelling, so that one lookup serves the
  // common word.
  struct Word {
    WordTable<Word>::Ref irregular_of;  // the verb lemma of an irregular form
    WordTable<Word>::Ref singular;      // the lemma of an irregular plural
    bool verb = false;                  // a verb lemma
    bool dictionary = false;            // ... of the dictionaries or our list
  };
  Word& AddVerb(std::string_view lemma, bool dictionary,
                WordTable<Word>::Ref* ref);

  WordTable<Pos> closed_;
  WordTable<Word> words_;
  size_t irregular_count_ = 0;
  std::shared_ptr<const EnglishWords> english_;  // null when Minimal
  LexiconId id_;
};

}  // namespace dyad

#endif  // DYAD_LANG_LEXICON_H_
