// What the query commands (stats, top, timeline, events, event) share: the
// --db and filter options, opening the database, and output as an aligned
// table, CSV or JSON (docs/queries.md).
#ifndef DYAD_CLI_QUERY_OPTIONS_H_
#define DYAD_CLI_QUERY_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "query/query.h"

namespace dyad::cli {

struct QueryArgs {
  std::string db;
  Filter filter;
  bool csv = false;
  bool json = false;
};

// --db (required), --csv, --json.
void AddDbOptions(CLI::App* cmd, QueryArgs* args);
// The Filter flags (--from ... --limit).
void AddFilterOptions(CLI::App* cmd, QueryArgs* args);

// Upper-cases codes, checks the filter and opens the database with the
// CAMEO code names; on failure prints "dyad CMD: message" and returns null.
std::unique_ptr<EventDb> OpenQueryDb(const char* cmd, QueryArgs* args);

// A table of text cells, printed aligned for people or as CSV.
class TextTable {
 public:
  struct Column {
    std::string name;
    bool numeric = false;  // right-aligned
    size_t max_width = 0;  // in characters, for people; 0: no limit
  };
  explicit TextTable(std::vector<Column> columns)
      : columns_(std::move(columns)) {}
  void AddRow(std::vector<std::string> cells) {
    rows_.push_back(std::move(cells));
  }
  bool empty() const { return rows_.empty(); }
  // Columns as wide as their widest cell (cut at max_width with "…"),
  // numbers right-aligned, two spaces between columns.
  void PrintAligned(std::ostream& out, bool header = true) const;
  // RFC 4180: fields with a comma, quote or line break in quotes, quotes
  // doubled; a header line; LF line ends.
  void PrintCsv(std::ostream& out) const;
  void Print(std::ostream& out, bool csv) const {
    csv ? PrintCsv(out) : PrintAligned(out);
  }

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

// Number formats: "2.35" for people, shortest exact text for programs.
std::string Fixed(double v, int decimals = 2);
std::string Exact(double v);

}  // namespace dyad::cli

#endif  // DYAD_CLI_QUERY_OPTIONS_H_
