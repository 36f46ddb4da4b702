// ImportPetrarch: converts a folder of PETRARCH-2 dictionaries (verbs,
// actors, agents, discards; the issue and preposition lists dyad cannot use
// are reported) into a dyad dictionary folder that `dyad code --dict` reads
// (docs/formats/petrarch.md).
//
// The output folder is complete on its own: it gets a copy of dyad's CAMEO
// code table and irregular-verb list, extended with the CAMEO codes and verb
// forms the PETRARCH files use that dyad's lack. Every input line that is
// skipped, or converted with a change of meaning, is returned as a note
// naming file and line; the function itself prints nothing.
#ifndef DYAD_DICT_PETRARCH_IMPORT_H_
#define DYAD_DICT_PETRARCH_IMPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "dict/petrarch_format.h"
#include "dyad/status.h"

namespace dyad {

struct PetrarchImportOptions {
  std::string from_dir;  // the folder holding the PETRARCH files
  std::string out_dir;   // created if needed
  // File names in `from_dir` to import; empty: every *.txt file there.
  std::vector<std::string> files;
  // dyad dictionary folders to take cameo/codes.txt and
  // lang/irregular_verbs.txt from (the first that has each).
  std::vector<std::string> dyad_dirs;
  // Write into `out_dir` even when it is not empty (files there are kept).
  bool force = false;
};

enum class PetrarchFileKind {
  kVerbs,
  kActors,
  kAgents,
  kDiscards,
  kIssues,
  kPrepositions,
  kUnknown,
};

// "verbs", "actors", ...
const char* PetrarchFileKindName(PetrarchFileKind kind);

// The kind of a PETRARCH file, from its name as PETRARCH's files are named:
// "verbs" or a "CAMEO." prefix, "actors", "agents", "discards", "issue",
// "prepositions" (case-insensitive).
PetrarchFileKind ClassifyPetrarchFile(std::string_view name);

struct PetrarchFileSummary {
  std::string file;  // name in from_dir
  PetrarchFileKind kind = PetrarchFileKind::kUnknown;
  std::string output;  // written file, relative to out_dir; "" when none
  size_t lines = 0;    // content lines (not blank, not comments)
  size_t written = 0;  // dyad entries written (patterns, actors, agents)
  size_t skipped = 0;  // lines with a `skipped` note
  size_t changed = 0;  // other lines with a `changed` note
};

struct PetrarchImportReport {
  std::vector<PetrarchFileSummary> files;
  std::vector<ImportNote> notes;  // in file order, then line order
  size_t cameo_codes_added = 0;
  size_t irregular_forms_added = 0;
};

// Converts and writes. Fails (writing nothing, or nothing more) on a missing
// input folder or file, a non-empty output folder without `force`, dyad's
// code table or verb list not found, or a file that cannot be written.
Result<PetrarchImportReport> ImportPetrarch(
    const PetrarchImportOptions& options);

}  // namespace dyad

#endif  // DYAD_DICT_PETRARCH_IMPORT_H_
