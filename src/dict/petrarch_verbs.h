// PetrarchVerbFile: a PETRARCH-2 (or TABARI-style) verb dictionary, read
// and converted into dyad verb patterns (docs/formats/petrarch.md).
//
// How the conversion works: PETRARCH groups synonymous verbs in blocks whose
// patterns ("- PRE * POST [CODE]") apply to every verb of the block, and
// patterns name synonym sets (&NAME). dyad has neither: each dyad pattern is
// one head verb followed by words. So every block pattern is written once per
// verb of the block and per combination of synset members, after the parts
// dyad cannot express (the `$` and `^` markers, `%` other than first before
// the verb, a `+` before the verb,
// codes that are not numeric) have been set aside with a note. Paired codes
// `[A:B]` become `A/B`, null codes `[---]` null patterns, and words before
// the verb stay before a `*` (with PETRARCH's `_` adjacency). Two PETRARCH
// lines that give the same dyad pattern (compared by lemmas) keep the later
// one, as PETRARCH does.
#ifndef DYAD_DICT_PETRARCH_VERBS_H_
#define DYAD_DICT_PETRARCH_VERBS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dict/cameo_table.h"
#include "dict/petrarch_format.h"
#include "lang/lexicon.h"

namespace dyad {

// One dyad verb pattern made from a PETRARCH line.
struct ConvertedPattern {
  std::string code;
  std::string text;  // dyad pattern: lower-case words, `not` and `+` markers
  int line = 0;      // the PETRARCH line it came from
  int block = 0;     // index into VerbConversion::blocks
};

// An inflected form listed in {...} on a PETRARCH verb line.
struct IrregularForm {
  std::string form;   // lower case
  std::string lemma;  // lower case
  int line = 0;
};

struct VerbConversion {
  std::vector<ConvertedPattern> patterns;  // in output order
  std::vector<std::string> blocks;         // a title per block, for comments
};

class PetrarchVerbFile {
 public:
  // Reads the synsets, blocks, verbs and patterns of `text` (the contents of
  // the file named `file`). Lines it cannot read go to `notes`.
  static PetrarchVerbFile Parse(std::string_view text, const std::string& file,
                                std::vector<ImportNote>* notes);

  // The verbs of the blocks: the first word of each verb, lower case.
  std::vector<std::string> HeadWords() const;
  // The forms listed in {...} on verb lines.
  const std::vector<IrregularForm>& forms() const { return forms_; }

  // Converts the blocks into dyad patterns. Codes are checked against
  // `cameo`; a numeric code with a CAMEO root (01-20) that the table lacks is
  // accepted and recorded in `new_codes` (code -> "file:line" of its first
  // use) so the caller can add it to the table. `lexicon` lemmatizes pattern
  // words to find duplicates. Lines not converted, or converted in part, go
  // to `notes`.
  VerbConversion Convert(const CameoTable& cameo, const Lexicon& lexicon,
                         std::map<std::string, std::string>* new_codes,
                         std::vector<ImportNote>* notes) const;

 private:
  struct Verb {
    std::vector<std::string> words;  // lower case; words[0] is the verb
    std::string code;                // "" when the line has none
    int line = 0;
  };
  struct Pattern {
    std::string body;  // between '-' and '['
    std::string code;  // between '[' and ']'
    int line = 0;
  };
  struct Block {
    std::string title;
    std::string code;  // the block's default code; "---" for none
    int line = 0;
    std::vector<Verb> verbs;
    std::vector<Pattern> patterns;
  };
  struct Member {
    std::string text;  // as written after '+'
    int line = 0;
  };

  // The members of synset `name` as phrases, nested synsets expanded.
  std::vector<std::string> Members(const std::string& name, int depth) const;

  std::string file_;
  std::map<std::string, std::vector<Member>> synsets_;  // name without '&'
  std::vector<Block> blocks_;
  std::vector<IrregularForm> forms_;
};

}  // namespace dyad

#endif  // DYAD_DICT_PETRARCH_VERBS_H_
