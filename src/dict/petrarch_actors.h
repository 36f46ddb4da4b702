// Conversion of PETRARCH-2 actor and agent dictionaries and discard lists
// into dyad's actor, agent and discard entries (docs/formats/petrarch.md).
//
// Actors: a name line, '+' lines with more names, and code lines, some dated
// ([CODE A-B], [CODE >D], [CODE <D]). PETRARCH's ranges include both ends;
// dyad's role ranges exclude the end, so the end moves one day on.
// Agents: "PHRASE {PLURAL} [~CODE]" with !MARKER! substitution sets; dyad's
// agents are one three-letter code appended to the actor's.
#ifndef DYAD_DICT_PETRARCH_ACTORS_H_
#define DYAD_DICT_PETRARCH_ACTORS_H_

#include <string>
#include <string_view>
#include <vector>

#include "dict/petrarch_format.h"
#include "lang/lexicon.h"

namespace dyad {

struct ConvertedRole {
  std::string code;
  std::string range;  // dyad's "FROM..TO", either end may be empty
  int line = 0;       // the PETRARCH line
};

// One dyad actor or agent entry.
struct ConvertedEntry {
  std::string code;
  std::vector<std::string> phrases;  // dyad spelling
  std::vector<ConvertedRole> roles;  // actors only
  int line = 0;                      // the PETRARCH line that names it first
};

// Converts the actor dictionary `text` (the file named `file`). `lexicon`
// tells which one-word names are function words ("US"). Lines not converted,
// or converted with a change, go to `notes`.
std::vector<ConvertedEntry> ConvertPetrarchActors(
    std::string_view text, const std::string& file, const Lexicon& lexicon,
    std::vector<ImportNote>* notes);

// Converts the agent dictionary `text` likewise.
std::vector<ConvertedEntry> ConvertPetrarchAgents(
    std::string_view text, const std::string& file, const Lexicon& lexicon,
    std::vector<ImportNote>* notes);

// Converts the discard list `text`: each phrase becomes a dyad discard
// (code DISCARD, or STORYDISCARD for PETRARCH's story-level '+' lines).
// dyad's discards are narrower than PETRARCH's: they stop events whose source
// is the phrase, not every event of the sentence or story, so every line is
// noted as changed.
std::vector<ConvertedEntry> ConvertPetrarchDiscards(
    std::string_view text, const std::string& file, const Lexicon& lexicon,
    std::vector<ImportNote>* notes);

}  // namespace dyad

#endif  // DYAD_DICT_PETRARCH_ACTORS_H_
