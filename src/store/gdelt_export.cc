#include "store/gdelt_export.h"

#include <sqlite3.h>

#include <array>
#include <cstdio>
#include <string_view>

#include "store/sqlite_store.h"

namespace dyad {
namespace {

// Role and organisation types of CAMEO actor codes (GDELT's Type codes).
bool IsTypeCode(std::string_view c) {
  static constexpr std::array<std::string_view, 31> kTypes = {
      "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI",
      "ENV", "GOV", "HLH", "HRI", "INS", "JUD", "LAB", "LEG",
      "MED", "MIL", "OPP", "REB", "REF", "REL", "SEP", "SPY",
      "UAF", "MOD", "RAD", "IGO", "NGO", "IMG", "MNC"};
  for (std::string_view t : kTypes)
    if (c == t) return true;
  return false;
}

bool IsGroupType(std::string_view c) {
  return c == "IGO" || c == "NGO" || c == "IMG" || c == "MNC";
}

std::string Text(sqlite3_stmt* q, int col) {
  const unsigned char* t = sqlite3_column_text(q, col);
  return t ? reinterpret_cast<const char*>(t) : "";
}

// "2024-03-05" -> "20240305"; "" when not a date.
std::string Compact(const std::string& date) {
  if (date.size() < 10 || date[4] != '-' || date[7] != '-') return "";
  return date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
}

// "2024-03-05T10:11:12Z" -> "20240305101112".
std::string CompactTime(const std::string& t) {
  std::string out;
  for (char c : t)
    if (c >= '0' && c <= '9') out.push_back(c);
  return out.size() >= 14 ? out.substr(0, 14) : out;
}

std::string FractionDate(const std::string& date) {
  if (Compact(date).empty()) return "";
  int y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2)),
      d = std::stoi(date.substr(8, 2));
  static const int kBefore[] = {0,   31,  59,  90,  120, 151,
                                181, 212, 243, 273, 304, 334};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int doy = kBefore[(m - 1) % 12] + d + (leap && m > 2 ? 1 : 0);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d.%04d", y,
                static_cast<int>(doy * 10000.0 / 365.0 + 0.5) > 9999
                    ? 9999
                    : static_cast<int>(doy * 10000.0 / 365.0 + 0.5));
  return buf;
}

std::string Host(const std::string& url) {
  size_t start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  size_t end = url.find_first_of("/:?#", start);
  std::string host = url.substr(
      start, end == std::string::npos ? std::string::npos : end - start);
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

// Tabs and newlines would break the table.
std::string Field(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

// The events with what the Events table needs; `geo` is the list of the
// seven place columns (events.geo_*), or NULLs in a version-1 database,
// which has none.
std::string EventsSql(const char* geo) {
  return std::string(R"sql(
SELECT e.id, e.date, e.source_code, e.target_code, e.code, e.root,
       e.quad_class, e.goldstein, e.num_mentions, e.num_sources,
       e.num_articles,
       (SELECT m.source_text FROM mentions m WHERE m.event_id = e.id
          ORDER BY m.id LIMIT 1),
       (SELECT m.target_text FROM mentions m WHERE m.event_id = e.id
          ORDER BY m.id LIMIT 1),
       EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.id
                 AND m.sentence = 0),
       a.loaded_at, a.url, a.doc_id, a.date, )sql") +
         geo + R"sql(
FROM events e LEFT JOIN articles a ON a.id = e.first_article_id
ORDER BY e.id)sql";
}
constexpr const char* kGeoColumns =
    "e.geo_type, e.geo_name, e.geo_fips, e.geo_adm1, e.geo_lat, e.geo_lon, "
    "e.geo_feature_id";
constexpr const char* kNoGeoColumns =
    "NULL, NULL, NULL, NULL, NULL, NULL, NULL";

// The eight Geo columns of one place, from columns [first, first + 7) of
// `q`: Type, FullName, CountryCode, ADM1Code, ADM2Code (none), Lat, Long,
// FeatureID. No place: type 0 and empty fields, as GDELT writes them.
void AppendGeo(sqlite3_stmt* q, int first, std::string* row) {
  if (sqlite3_column_type(q, first) == SQLITE_NULL) {
    row->append("0\t\t\t\t\t\t\t\t");
    return;
  }
  row->append(std::to_string(sqlite3_column_int(q, first)) + '\t');
  row->append(Field(Text(q, first + 1)) + '\t');
  row->append(Text(q, first + 2) + '\t');
  row->append(Text(q, first + 3) + '\t');
  row->append("\t");  // ADM2Code: dyad resolves no second-level division
  for (int c : {first + 4, first + 5}) {
    if (sqlite3_column_type(q, c) == SQLITE_NULL) {
      row->append("\t");
      continue;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", sqlite3_column_double(q, c));
    row->append(std::string(buf) + '\t');
  }
  row->append(Field(Text(q, first + 6)) + '\t');
}

constexpr const char* kMentionsSql = R"sql(
SELECT m.event_id, e.date, a.date, a.loaded_at, a.source, a.url, a.doc_id,
       m.sentence, m.source_start, m.target_start, m.verb_start, a.bytes
FROM mentions m JOIN events e ON e.id = m.event_id
     JOIN articles a ON a.id = m.article_id
ORDER BY m.id)sql";

void AppendActor(const std::string& code, const std::string& name,
                 std::string* row) {
  const std::string c = code == "---" ? "" : code;
  GdeltActorParts p = SplitActorCode(c);
  for (const std::string& f :
       {c, Field(name), p.country, p.known_group, std::string(), std::string(),
        std::string(), p.type1, p.type2, p.type3}) {
    row->append(f);
    row->push_back('\t');
  }
}

}  // namespace

GdeltActorParts SplitActorCode(const std::string& code) {
  GdeltActorParts p;
  std::string* types[] = {&p.type1, &p.type2, &p.type3};
  size_t next_type = 0;
  bool after_group_type = false;
  for (size_t i = 0; i + 3 <= code.size(); i += 3) {
    std::string part = code.substr(i, 3);
    if (i == 0 && !IsTypeCode(part)) {
      p.country = part;
    } else if (IsTypeCode(part)) {
      if (next_type < 3) *types[next_type++] = part;
      after_group_type = IsGroupType(part);
      continue;
    } else if (after_group_type && p.known_group.empty()) {
      p.known_group = part;
    }
    after_group_type = false;
  }
  return p;
}

Status ExportGdelt(const std::string& db_path, GdeltTable table,
                   std::ostream* out, long* rows) {
  sqlite3* db = nullptr;
  auto fail = [&](const std::string& what) {
    Status s = Status::IoError(db_path + ": " + what + ": " +
                               (db ? sqlite3_errmsg(db) : "cannot open"));
    sqlite3_close(db);
    return s;
  };
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) !=
      SQLITE_OK)
    return fail("cannot open the database");
  sqlite3_busy_timeout(db, 10000);
  sqlite3_stmt* q = nullptr;
  if (sqlite3_prepare_v2(db,
                         "SELECT value FROM meta WHERE key = 'schema_version'",
                         -1, &q, nullptr) != SQLITE_OK)
    return fail("not a dyad event database");
  std::string version;
  if (sqlite3_step(q) == SQLITE_ROW) version = Text(q, 0);
  sqlite3_finalize(q);
  // Version 1 has every column read here (its events carry article dates).
  if (version != "1" &&
      version != std::to_string(SqliteStore::kSchemaVersion)) {
    sqlite3_close(db);
    return Status::Corrupt(db_path + ": schema version '" + version +
                           "', this dyad reads version " +
                           std::to_string(SqliteStore::kSchemaVersion));
  }
  const std::string sql =
      table == GdeltTable::kMentions
          ? kMentionsSql
          : EventsSql(version == "1" ? kNoGeoColumns : kGeoColumns);
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &q, nullptr) != SQLITE_OK)
    return fail("cannot read the events");
  std::string row;
  long n = 0;
  int rc;
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
    row.clear();
    if (table == GdeltTable::kEvents) {
      const std::string date = Text(q, 1), code = Text(q, 4);
      const std::string sqldate = Compact(date);
      row += std::to_string(sqlite3_column_int64(q, 0)) + '\t';
      row += sqldate + '\t';
      row += (sqldate.empty() ? "" : sqldate.substr(0, 6)) + '\t';
      row += (sqldate.empty() ? "" : sqldate.substr(0, 4)) + '\t';
      row += FractionDate(date) + '\t';
      AppendActor(Text(q, 2), Text(q, 11), &row);
      AppendActor(Text(q, 3), Text(q, 12), &row);
      row += std::to_string(sqlite3_column_int(q, 13)) + '\t';
      row += code + '\t' + code.substr(0, 3) + '\t' + Text(q, 5) + '\t';
      row += std::to_string(sqlite3_column_int(q, 6)) + '\t';
      char g[32];
      std::snprintf(g, sizeof g, "%.1f", sqlite3_column_double(q, 7));
      row += std::string(g) + '\t';
      row += std::to_string(sqlite3_column_int64(q, 8)) + '\t';
      row += std::to_string(sqlite3_column_int64(q, 9)) + '\t';
      row += std::to_string(sqlite3_column_int64(q, 10)) + '\t';
      row += "0\t";  // AvgTone
      // Actor1Geo and Actor2Geo: dyad does not place actors apart from
      // the action; ActionGeo is the event's place.
      for (int geo = 0; geo < 2; ++geo) row += "0\t\t\t\t\t\t\t\t";
      AppendGeo(q, 18, &row);
      // DATEADDED: when the first article appeared (its date), else when
      // it was loaded.
      const std::string added = Compact(Text(q, 17));
      row +=
          (added.empty() ? CompactTime(Text(q, 14)) : added + "000000") + '\t';
      std::string url = Text(q, 15);
      row += Field(url.empty() ? Text(q, 16) : url);
    } else {
      const std::string event_date = Compact(Text(q, 1));
      const std::string article_date = Compact(Text(q, 2));
      const std::string url = Text(q, 5), source = Text(q, 4);
      row += std::to_string(sqlite3_column_int64(q, 0)) + '\t';
      row += (event_date.empty() ? "" : event_date + "000000") + '\t';
      row += (article_date.empty() ? CompactTime(Text(q, 3))
                                   : article_date + "000000") +
             '\t';
      row += "1\t";
      row += Field(source.empty() ? Host(url) : source) + '\t';
      row += Field(url.empty() ? Text(q, 6) : url) + '\t';
      row += std::to_string(sqlite3_column_int64(q, 7) + 1) + '\t';
      row += std::to_string(sqlite3_column_int64(q, 8)) + '\t';
      row += (sqlite3_column_type(q, 9) == SQLITE_NULL
                  ? std::string("-1")
                  : std::to_string(sqlite3_column_int64(q, 9))) +
             '\t';
      row += std::to_string(sqlite3_column_int64(q, 10)) + '\t';
      row += "1\t100\t";
      row += std::to_string(sqlite3_column_int64(q, 11)) + '\t';
      row += "0\t\t";
    }
    row.push_back('\n');
    out->write(row.data(), static_cast<std::streamsize>(row.size()));
    ++n;
  }
  sqlite3_finalize(q);
  if (rc != SQLITE_DONE) return fail("cannot read the events");
  sqlite3_close(db);
  if (rows) *rows = n;
  if (!*out) return Status::IoError("error writing the output");
  return Status::Ok();
}

}  // namespace dyad
