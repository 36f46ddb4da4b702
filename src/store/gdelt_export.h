// Writes an event database (docs/formats/database.md) as GDELT 2.0's
// Events or Mentions table (docs/formats/gdelt.md).
#ifndef DYAD_STORE_GDELT_EXPORT_H_
#define DYAD_STORE_GDELT_EXPORT_H_

#include <ostream>
#include <string>

#include "dyad/status.h"

namespace dyad {

enum class GdeltTable { kEvents, kMentions };

// Streams the rows of `table` from the database at `db_path` (opened
// read-only) to `out`; `rows` (if given) gets the number written.
Status ExportGdelt(const std::string& db_path, GdeltTable table,
                   std::ostream* out, long* rows = nullptr);

// The parts of a CAMEO actor code as GDELT splits them (for tests).
struct GdeltActorParts {
  std::string country, known_group, type1, type2, type3;
};
GdeltActorParts SplitActorCode(const std::string& code);

}  // namespace dyad

#endif  // DYAD_STORE_GDELT_EXPORT_H_
