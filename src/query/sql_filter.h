// The WHERE clause of a Filter: fixed SQL text with `?` placeholders and
// the values to bind to them, in order. Internal to src/query.
#ifndef DYAD_QUERY_SQL_FILTER_H_
#define DYAD_QUERY_SQL_FILTER_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "query/query.h"

namespace dyad::query_internal {

using SqlValue = std::variant<int64_t, std::string>;

struct SqlWhere {
  std::string sql;  // "" or " AND ..." clauses on table alias `e`
  std::vector<SqlValue> args;
};

// The conditions of `f` (already validated) on `events e`.
SqlWhere FilterSql(const Filter& f);

// Binds `args` to parameters first, first + 1, ...
void BindAll(sqlite3_stmt* q, const std::vector<SqlValue>& args, int first = 1);

}  // namespace dyad::query_internal

#endif  // DYAD_QUERY_SQL_FILTER_H_
