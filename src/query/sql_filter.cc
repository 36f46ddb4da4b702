#include "query/sql_filter.h"

#include <cctype>

namespace dyad {
namespace query_internal {
namespace {

// "USA" -> col in [USA, USA\xff): every string with that prefix and no
// other (0xFF never occurs in UTF-8, and SQLite compares text bytewise), so
// an index on `col` serves it. "=USAGOV" -> exactly USAGOV.
void AddCode(const std::string& col, const std::string& value, SqlWhere* w,
             std::string* clause) {
  if (!value.empty() && value[0] == '=') {
    *clause = col + " = ?";
    w->args.emplace_back(std::in_place_type<std::string>, value.substr(1));
  } else {
    *clause = "(" + col + " >= ? AND " + col + " < ?)";
    w->args.emplace_back(std::in_place_type<std::string>, value);
    w->args.emplace_back(std::in_place_type<std::string>, value + "\xff");
  }
}

}  // namespace

SqlWhere FilterSql(const Filter& f) {
  SqlWhere w;
  std::string clause;
  if (!f.from.empty() || !f.to.empty()) {
    w.sql += " AND e.date >= ? AND e.date <= ?";
    w.args.push_back(f.from.empty() ? std::string("0000-01-01") : f.from);
    w.args.push_back(f.to.empty() ? std::string("9999-12-31") : f.to);
  }
  if (!f.source.empty()) {
    AddCode("e.source_code", f.source, &w, &clause);
    w.sql += " AND " + clause;
  }
  if (!f.target.empty()) {
    AddCode("e.target_code", f.target, &w, &clause);
    w.sql += " AND " + clause;
  }
  if (!f.actor.empty()) {
    std::string a, b;
    AddCode("e.source_code", f.actor, &w, &a);
    AddCode("e.target_code", f.actor, &w, &b);
    w.sql += " AND (" + a + " OR " + b + ")";
  }
  if (!f.country.empty()) {
    w.sql += " AND (e.source_country = ? OR e.target_country = ?)";
    w.args.push_back(f.country);
    w.args.push_back(f.country);
  }
  if (!f.code.empty()) {
    AddCode("e.code", f.code, &w, &clause);
    w.sql += " AND " + clause;
  }
  if (!f.root.empty()) {
    w.sql += " AND e.root = ?";
    w.args.push_back(f.root);
  }
  if (f.quad != 0) {
    w.sql += " AND e.quad_class = ?";
    w.args.push_back(static_cast<int64_t>(f.quad));
  }
  if (!f.plover.empty()) {
    w.sql += " AND e.plover = ?";
    w.args.push_back(f.plover);
  }
  if (!f.place_country.empty()) {
    w.sql += " AND e.geo_country = ?";
    w.args.push_back(f.place_country);
  }
  return w;
}

void BindAll(sqlite3_stmt* q, const std::vector<SqlValue>& args, int first) {
  int i = first;
  for (const SqlValue& v : args) {
    if (const auto* n = std::get_if<int64_t>(&v)) {
      sqlite3_bind_int64(q, i++, *n);
    } else {
      const std::string& s = std::get<std::string>(v);
      sqlite3_bind_text(q, i++, s.data(), static_cast<int>(s.size()),
                        SQLITE_TRANSIENT);
    }
  }
}

}  // namespace query_internal

namespace {

bool AllDigits(const std::string& s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

}  // namespace

Status ValidateFilter(const Filter& f) {
  int64_t from = 0, to = 0;
  if (!f.from.empty() && !ParseDay(f.from, &from))
    return Status::InvalidArgument("--from: '" + f.from +
                                   "' is not a date (YYYY-MM-DD)");
  if (!f.to.empty() && !ParseDay(f.to, &to))
    return Status::InvalidArgument("--to: '" + f.to +
                                   "' is not a date (YYYY-MM-DD)");
  if (!f.from.empty() && !f.to.empty() && from > to)
    return Status::InvalidArgument("--from " + f.from + " is after --to " +
                                   f.to);
  if (f.quad < 0 || f.quad > 4)
    return Status::InvalidArgument("--quad: " + std::to_string(f.quad) +
                                   " is not a QuadClass (1-4)");
  const std::string code =
      !f.code.empty() && f.code[0] == '=' ? f.code.substr(1) : f.code;
  if (!f.code.empty() && (!AllDigits(code) || code.size() > 4))
    return Status::InvalidArgument("--code: '" + f.code +
                                   "' is not a CAMEO code prefix (1-4 digits)");
  if (!f.root.empty() && (!AllDigits(f.root) || f.root.size() != 2 ||
                          f.root < "01" || f.root > "20"))
    return Status::InvalidArgument("--root: '" + f.root +
                                   "' is not a CAMEO root (01-20)");
  if (f.limit < 0)
    return Status::InvalidArgument("--limit: " + std::to_string(f.limit) +
                                   " is negative");
  return Status::Ok();
}

bool ParseEventOrder(const std::string& s, EventOrder* o) {
  if (s == "newest")
    *o = EventOrder::kNewest;
  else if (s == "oldest")
    *o = EventOrder::kOldest;
  else if (s == "mentions")
    *o = EventOrder::kMentions;
  else if (s == "conflict")
    *o = EventOrder::kConflict;
  else
    return false;
  return true;
}

}  // namespace dyad
