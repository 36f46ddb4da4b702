// EnglishWords: the open-class English vocabulary the tagger draws on, read
// at run time from two installed word lists (docs/formats/lexicon.md):
//
//  - brill.tsv: the Brill tagger's lexicon (npm `brill`, MIT), ~90,000
//    spellings with the Penn tags seen for each, most frequent first;
//    scripts/setup.sh installs and converts it into .deps/lexicon/;
//  - WordNet 3.0 (Debian's wordnet-base, /usr/share/wordnet): the lemmas of
//    index.noun, index.verb, index.adj and index.adv, and the irregular
//    forms of verb.exc and noun.exc.
//
// Neither is copied into the repository. Both are required: when a file is
// missing, Load() fails with a message telling the user to run
// scripts/setup.sh. Unit tests that need no English vocabulary use
// Lexicon::Minimal instead.
//
// Immutable once loaded; safe to share between threads. Load() shares one
// instance per set of paths within a process.
#ifndef DYAD_LANG_ENGLISH_WORDS_H_
#define DYAD_LANG_ENGLISH_WORDS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dyad/status.h"
#include "lang/word_table.h"

namespace dyad {

// Transparent hashing so string_view lookups need no allocation.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    return std::hash<std::string_view>()(s);
  }
};
template <typename V>
using StringMap =
    std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

// Open word classes, as bits of a mask.
enum WordClass : uint8_t {
  kClassNoun = 1 << 0,  // NN NNS; WordNet nouns
  kClassVerb = 1 << 1,  // VB VBD VBG VBN VBP VBZ; WordNet verbs
  kClassAdj = 1 << 2,   // JJ JJR JJS; WordNet adjectives
  kClassAdv = 1 << 3,   // RB RBR RBS; WordNet adverbs
  kClassName = 1 << 4,  // NNP NNPS
};

// What the word lists say about one lower-case word. All zero when the word
// is in neither list.
struct WordClasses {
  uint8_t brill = 0;          // classes of this exact (lower-case) spelling
  uint8_t brill_first = 0;    // the first (most frequent) of them, one bit
  uint8_t capital = 0;        // classes of its other spellings (Police, US)
  uint8_t capital_first = 0;  // the first class of the Capitalized spelling
  uint8_t wordnet = 0;        // the WordNet indexes listing it as a lemma
  uint8_t wordnet_first = 0;  // the class with most tagged senses, one bit
};

// Where the word lists are.
struct LexiconFiles {
  std::string brill_tsv;    // .deps/lexicon/brill.tsv
  std::string wordnet_dir;  // holds index.noun, verb.exc, ...

  // The paths configured at build time (CMake DYAD_LEXICON_DIR and
  // DYAD_WORDNET_DIR); $DYAD_LEXICON_DIR (the folder holding brill.tsv) and
  // $DYAD_WORDNET_DIR override them.
  static LexiconFiles Default();
};

class EnglishWords {
 public:
  // Reads the word lists. A missing file is NotFound with a message naming
  // it and scripts/setup.sh; a malformed line is InvalidArgument naming
  // file:line.
  static Result<std::shared_ptr<const EnglishWords>> Load(
      const LexiconFiles& files);

  WordClasses Classes(std::string_view lower) const;
  // WordNet's verb lemmas (single words).
  const std::vector<std::string>& verb_lemmas() const { return verb_lemmas_; }
  // verb.exc, form -> lemma, without the forms that are more often another
  // word: those brill tags first as a non-verb ("wound", "ground") and those
  // that are verb lemmas themselves ("lay", "saw").
  const StringMap<std::string>& verb_exceptions() const {
    return verb_exceptions_;
  }
  // noun.exc, form -> its first lemma ("men" -> "man").
  const StringMap<std::string>& noun_exceptions() const {
    return noun_exceptions_;
  }
  size_t size() const { return words_.size(); }

 private:
  struct Entry {
    WordClasses classes;
    uint16_t tagged_senses = 0;  // while loading: best WordNet count so far
  };

  Status ReadBrill(const std::string& path);
  Status ReadWordNetIndex(const std::string& path, WordClass cls);
  Status ReadExceptions(const std::string& path, StringMap<std::string>* out);

  WordTable<Entry> words_;
  std::vector<std::string> verb_lemmas_;
  StringMap<std::string> verb_exceptions_;
  StringMap<std::string> noun_exceptions_;
};

}  // namespace dyad

#endif  // DYAD_LANG_ENGLISH_WORDS_H_
