// The pieces every PETRARCH-2 dictionary reader of the importer shares
// (docs/formats/petrarch.md): PETRARCH's comment and line rules, its phrase
// spelling (words joined by '_', capitals), and the notes that report each
// input line the import skips or changes.
#ifndef DYAD_DICT_PETRARCH_FORMAT_H_
#define DYAD_DICT_PETRARCH_FORMAT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/article.h"
#include "lang/lexicon.h"

namespace dyad {

// One input line the import could not convert, or converted with a loss.
struct ImportNote {
  enum class Kind : uint8_t { kSkipped, kChanged };
  std::string file;  // input file name, without its folder
  int line = 0;      // 0: the note is about the whole file
  Kind kind = Kind::kSkipped;
  std::string reason;  // fixed wording, so notes can be counted by reason
  std::string detail;  // the offending text or the specifics; may be empty
};

// Collects the notes of one input file.
class NoteSink {
 public:
  NoteSink(std::string file, std::vector<ImportNote>* notes)
      : file_(std::move(file)), notes_(notes) {}
  void Skip(int line, std::string reason, std::string detail = "") {
    Add(ImportNote::Kind::kSkipped, line, std::move(reason), std::move(detail));
  }
  void Change(int line, std::string reason, std::string detail = "") {
    Add(ImportNote::Kind::kChanged, line, std::move(reason), std::move(detail));
  }
  const std::string& file() const { return file_; }

 private:
  void Add(ImportNote::Kind kind, int line, std::string reason,
           std::string detail) {
    notes_->push_back(
        ImportNote{file_, line, kind, std::move(reason), std::move(detail)});
  }
  std::string file_;
  std::vector<ImportNote>* notes_;
};

// A content line of a PETRARCH file.
struct PetrarchLine {
  int number = 0;    // 1-based line number in the file
  std::string text;  // comments removed, trailing blanks trimmed
  // false: the line is not valid UTF-8 or holds control characters; readers
  // skip it.
  bool utf8 = true;
};

// Splits a PETRARCH file into its content lines. As PETRARCH reads them:
// '#' starts a comment anywhere on a line; a line starting "<!" opens a
// comment that runs to the line holding "-->" (an inline "<!-- ... -->" is
// removed too); blank lines are dropped.
std::vector<PetrarchLine> ReadPetrarchLines(std::string_view text);

std::string AsciiLower(std::string_view s);
std::string AsciiUpper(std::string_view s);
std::string_view TrimBlanks(std::string_view s);
std::vector<std::string> SplitBlanks(std::string_view s);

// A PETRARCH phrase as dyad words separated by single spaces: '_' joins
// words (NEW_ZEALAND), a trailing '_' marks a whole word (dropped; dyad
// matches whole words only). Case is kept.
std::string JoinPetrarchWords(std::string_view petrarch_phrase);

// The spelling dyad should use for an actor or agent phrase of PETRARCH's
// (written in capitals, matched without regard to case): lower case, except
// a one-word phrase that is an English function word dyad knows ("US",
// "IT"), which keeps its capitals so that it matches only when written so.
// Sets `*kept_capitals` in that case.
std::string DyadActorPhrase(std::string_view petrarch_phrase,
                            const Lexicon& lexicon, bool* kept_capitals);

// True when `phrase` can stand as a phrase in dyad's dictionary format: it
// holds at least one word for dyad's tokenizer and no ';' (the phrase
// separator) or '#' (a comment).
bool DyadPhraseOk(std::string_view phrase);

// A date of PETRARCH's: YYYYMMDD, or YYMMDD with years 00-30 read as 20YY
// and the others as 19YY. Returns an invalid Date when `s` is neither.
Date ParsePetrarchDate(std::string_view s);

// `d` moved by `days` (may be negative); `d` must be valid.
Date AddDays(const Date& d, long days);

}  // namespace dyad

#endif  // DYAD_DICT_PETRARCH_FORMAT_H_
