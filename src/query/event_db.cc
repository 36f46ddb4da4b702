#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>

#include "dict/cameo_table.h"
#include "query/query.h"
#include "query/sql_filter.h"

namespace dyad {
namespace {

using query_internal::BindAll;
using query_internal::FilterSql;
using query_internal::SqlWhere;

// Owns one prepared statement.
class Stmt {
 public:
  Stmt() = default;
  ~Stmt() { sqlite3_finalize(q_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  sqlite3_stmt** out() { return &q_; }
  sqlite3_stmt* get() const { return q_; }

 private:
  sqlite3_stmt* q_ = nullptr;
};

std::string Text(sqlite3_stmt* q, int col) {
  const unsigned char* t = sqlite3_column_text(q, col);
  return t ? reinterpret_cast<const char*>(t) : "";
}

bool IsNull(sqlite3_stmt* q, int col) {
  return sqlite3_column_type(q, col) == SQLITE_NULL;
}

std::optional<Span> OptSpan(sqlite3_stmt* q, int col) {
  if (IsNull(q, col) || IsNull(q, col + 1)) return std::nullopt;
  return Span{static_cast<size_t>(sqlite3_column_int64(q, col)),
              static_cast<size_t>(sqlite3_column_int64(q, col + 1))};
}

int64_t Limit(const Filter& f, int64_t fallback) {
  if (f.limit <= 0) return fallback;
  return std::min(f.limit, kMaxLimit);
}

// The columns of a mention with its article (30 of them), read by
// ReadMention. Version-1 databases have no date_* and place_* columns.
constexpr const char* kMentionColumns =
    "m.id, m.event_id, m.article_id, a.doc_id, a.url, a.title, a.date, "
    "a.source, m.sentence, m.act, m.rule, m.source_text, m.target_text, "
    "m.verb_text, m.source_start, m.source_end, m.target_start, m.target_end, "
    "m.verb_start, m.verb_end, ";
constexpr const char* kMentionColumnsV2 =
    "m.date_rule, m.date_precision, m.date_text, m.date_start, m.date_end, "
    "m.place_name, m.place_text, m.place_rule, m.place_start, m.place_end, "
    "m.sentence_start, m.sentence_text, m.explain";
constexpr const char* kMentionColumnsV1 =
    "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
    "NULL";

MentionRow ReadMention(sqlite3_stmt* q, int c) {
  MentionRow m;
  m.id = sqlite3_column_int64(q, c + 0);
  m.event_id = sqlite3_column_int64(q, c + 1);
  m.article_id = sqlite3_column_int64(q, c + 2);
  m.doc_id = Text(q, c + 3);
  m.url = Text(q, c + 4);
  m.title = Text(q, c + 5);
  m.article_date = Text(q, c + 6);
  m.outlet = Text(q, c + 7);
  m.sentence = sqlite3_column_int(q, c + 8);
  m.act = sqlite3_column_int(q, c + 9);
  m.rule = Text(q, c + 10);
  m.source_text = Text(q, c + 11);
  m.target_text = Text(q, c + 12);
  m.verb_text = Text(q, c + 13);
  m.source_span = OptSpan(q, c + 14).value_or(Span{});
  m.target_span = OptSpan(q, c + 16);
  m.verb_span = OptSpan(q, c + 18).value_or(Span{});
  m.date_rule = Text(q, c + 20);
  m.date_precision = Text(q, c + 21);
  m.date_text = Text(q, c + 22);
  m.date_span = OptSpan(q, c + 23);
  m.place_name = Text(q, c + 25);
  m.place_text = Text(q, c + 26);
  m.place_rule = Text(q, c + 27);
  m.place_span = OptSpan(q, c + 28);
  if (!IsNull(q, c + 30)) m.sentence_start = sqlite3_column_int64(q, c + 30);
  if (!IsNull(q, c + 31)) m.sentence_text = Text(q, c + 31);
  if (!IsNull(q, c + 32)) m.explain = Text(q, c + 32);
  return m;
}

// The columns of an event (18 of them), read by ReadEvent.
constexpr const char* kEventColumns =
    "e.id, e.date, e.source_code, e.target_code, e.source_country, "
    "e.target_country, e.code, e.root, e.quad_class, e.goldstein, e.plover, "
    "e.num_mentions, e.num_articles, e.num_sources, ";
constexpr const char* kEventColumnsV2 =
    "e.geo_name, e.geo_country, e.geo_lat, e.geo_lon";
constexpr const char* kEventColumnsV1 = "NULL, NULL, NULL, NULL";
constexpr int kEventColumnCount = 18;

EventRow ReadEvent(sqlite3_stmt* r) {
  EventRow e;
  e.id = sqlite3_column_int64(r, 0);
  e.date = Text(r, 1);
  e.source_code = Text(r, 2);
  e.target_code = Text(r, 3);
  e.source_country = Text(r, 4);
  e.target_country = Text(r, 5);
  e.code = Text(r, 6);
  e.root = Text(r, 7);
  e.quad_class = sqlite3_column_int(r, 8);
  e.goldstein = sqlite3_column_double(r, 9);
  e.plover = Text(r, 10);
  e.num_mentions = sqlite3_column_int64(r, 11);
  e.num_articles = sqlite3_column_int64(r, 12);
  e.num_sources = sqlite3_column_int64(r, 13);
  e.place_name = Text(r, 14);
  e.place_country = Text(r, 15);
  if (!IsNull(r, 16)) e.lat = sqlite3_column_double(r, 16);
  if (!IsNull(r, 17)) e.lon = sqlite3_column_double(r, 17);
  return e;
}

void AddQuad(int quad, int64_t n, QuadCounts* counts) {
  if (quad >= 1 && quad <= 4) (*counts)[quad - 1] += n;
}

}  // namespace

Result<std::unique_ptr<EventDb>> EventDb::Open(const std::string& path) {
  std::unique_ptr<EventDb> db(new EventDb(path));
  Status s = db->Init();
  if (!s.ok()) return s;
  return db;
}

EventDb::~EventDb() { sqlite3_close(db_); }

Status EventDb::Error(const std::string& what) const {
  return Status::IoError(path_ + ": " + what + ": " +
                         (db_ ? sqlite3_errmsg(db_) : "cannot open"));
}

Status EventDb::Init() {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path_, ec)) return Status::NotFound(path_ + ": no such file");
  if (fs::is_directory(path_, ec))
    return Status::InvalidArgument(path_ + ": a folder, not a database");
  if (sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) !=
      SQLITE_OK)
    return Error("cannot open the database");
  sqlite3_busy_timeout(db_, 10000);
  Stmt q;
  if (sqlite3_prepare_v2(db_,
                         "SELECT value FROM meta WHERE key = 'schema_version'",
                         -1, q.out(), nullptr) != SQLITE_OK) {
    const int rc = sqlite3_extended_errcode(db_);
    if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
      return Status::Corrupt(path_ + ": not a SQLite database (" +
                             sqlite3_errmsg(db_) + ")");
    return Status::Corrupt(path_ +
                           ": not a dyad event database (no table meta: " +
                           sqlite3_errmsg(db_) + ")");
  }
  std::string version;
  const int rc = sqlite3_step(q.get());
  if (rc == SQLITE_ROW)
    version = Text(q.get(), 0);
  else if (rc != SQLITE_DONE)
    return Error("cannot read table meta");
  if (version == "1" || version == "2") {
    schema_version_ = version[0] - '0';
    return Status::Ok();
  }
  if (version.empty())
    return Status::Corrupt(path_ +
                           ": not a dyad event database (no schema_version "
                           "in table meta)");
  return Status::Corrupt(path_ + ": schema version " + version +
                         ", this dyad reads versions 1 and 2");
}

Status EventDb::LoadCodeNames(const std::string& codes_txt) {
  std::ifstream in(codes_txt, std::ios::binary);
  if (!in) return Status::NotFound(codes_txt + ": cannot read");
  std::stringstream text;
  text << in.rdbuf();
  std::vector<std::string> errors;
  CameoTable table = CameoTable::Parse(text.str(), codes_txt, &errors);
  if (!errors.empty()) return Status::InvalidArgument(errors.front());
  code_names_.clear();
  plover_.clear();
  for (const CameoCode& c : table.codes()) {
    code_names_[c.code] = c.name;
    if (!c.plover.empty()) plover_.insert(c.plover);
  }
  return Status::Ok();
}

std::string EventDb::CodeName(const std::string& code) const {
  auto it = code_names_.find(code);
  return it == code_names_.end() ? "" : it->second;
}

Status EventDb::CheckFilter(const Filter& f) const {
  Status s = ValidateFilter(f);
  if (!s.ok()) return s;
  if (!f.place_country.empty() && schema_version_ < 2)
    return Status::InvalidArgument(
        "--place-country: " + path_ +
        " is a schema-1 database, which has no places (load the articles "
        "into a new database to get them)");
  if (!f.plover.empty() && !plover_.empty() && !plover_.count(f.plover)) {
    std::string known;
    for (const std::string& p : plover_)
      known += (known.empty() ? "" : " ") + p;
    return Status::InvalidArgument("--plover: '" + f.plover +
                                   "' is not a PLOVER category (" + known +
                                   ")");
  }
  return Status::Ok();
}

Result<DbStats> EventDb::Stats() {
  DbStats st;
  st.path = path_;
  st.schema_version = schema_version_;
  std::error_code ec;
  st.file_bytes = static_cast<int64_t>(std::filesystem::file_size(path_, ec));
  // Each part can use an index (the store's events_code, events_place,
  // events_date): no pass over the whole events table.
  Stmt q;
  if (sqlite3_prepare_v2(db_,
                         "SELECT code, quad_class, count(*) FROM events "
                         "GROUP BY code, quad_class",
                         -1, q.out(), nullptr) != SQLITE_OK)
    return Error("cannot read events");
  std::map<std::string, int64_t> roots;
  int rc;
  while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
    sqlite3_stmt* r = q.get();
    const int64_t n = sqlite3_column_int64(r, 2);
    roots[Text(r, 0).substr(0, 2)] += n;
    AddQuad(sqlite3_column_int(r, 1), n, &st.quad);
    st.events += n;
  }
  if (rc != SQLITE_DONE) return Error("cannot read events");
  struct {
    const char* sql;
    std::string* out;
  } dates[] = {
      {"SELECT min(date) FROM events WHERE date > ''", &st.first_date},
      {"SELECT max(date) FROM events", &st.last_date},
  };
  for (auto& d : dates) {
    Stmt dq;
    if (sqlite3_prepare_v2(db_, d.sql, -1, dq.out(), nullptr) != SQLITE_OK ||
        sqlite3_step(dq.get()) != SQLITE_ROW)
      return Error("cannot read event dates");
    *d.out = Text(dq.get(), 0);
  }
  for (const auto& [root, n] : roots)
    st.top_roots.push_back(RootCount{root, CodeName(root), n});
  std::stable_sort(st.top_roots.begin(), st.top_roots.end(),
                   [](const RootCount& a, const RootCount& b) {
                     return a.events > b.events;
                   });
  if (st.top_roots.size() > 10) st.top_roots.resize(10);

  struct {
    const char* sql;
    int64_t* out;
  } counts[] = {
      {"SELECT count(*) FROM articles", &st.articles},
      {"SELECT count(*) FROM events WHERE date = ''", &st.undated_events},
      {schema_version_ >= 2
           ? "SELECT count(*) FROM events WHERE geo_country IS NOT NULL"
           : "SELECT 0",
       &st.events_with_place},
      {"SELECT count(*) FROM mentions", &st.mentions},
      {schema_version_ >= 2
           ? "SELECT count(*) FROM mentions WHERE date_rule <> 'article'"
           : "SELECT 0",
       &st.mentions_sentence_dated},
  };
  for (auto& c : counts) {
    Stmt cq;
    if (sqlite3_prepare_v2(db_, c.sql, -1, cq.out(), nullptr) != SQLITE_OK ||
        sqlite3_step(cq.get()) != SQLITE_ROW)
      return Error("cannot count rows");
    *c.out = sqlite3_column_int64(cq.get(), 0);
  }
  return st;
}

// Ranking dyads by events over a date range reads only (date, source_code,
// target_code, code), all in the index of the events' UNIQUE constraint, so
// SQLite ranks them without touching the table (200,000 random row reads
// for a year of a 1M-event database take a second). The sums come after,
// for the dyads returned only, through the events_dyad index. Ranking by
// mentions or by country needs the table: one query does all.
Result<std::vector<DyadRow>> EventDb::TopDyads(const Filter& f,
                                               const TopOptions& o) {
  Status s = CheckFilter(f);
  if (!s.ok()) return s;
  const bool by_country = o.level == ActorLevel::kCountry;
  const bool two_steps = !by_country && o.by == RankBy::kEvents;
  const char* src = by_country ? "e.source_country" : "e.source_code";
  const char* tgt = by_country ? "e.target_country" : "e.target_code";
  const std::string sums =
      "count(*), sum(e.num_mentions), sum(e.goldstein * e.num_mentions), "
      "sum(e.quad_class = 1), sum(e.quad_class = 2), sum(e.quad_class = 3), "
      "sum(e.quad_class = 4)";
  SqlWhere w = FilterSql(f);
  std::string sql =
      std::string("SELECT ") + src + ", " + tgt + ", " +
      (two_steps ? std::string("count(*)") : sums) + " FROM events e WHERE " +
      tgt + " <> ''" + (by_country ? " AND e.source_country <> ''" : "") +
      w.sql + " GROUP BY 1, 2 ORDER BY " +
      (o.by == RankBy::kMentions ? "4" : "3") + " DESC, 1, 2 LIMIT ?";
  Stmt q;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, q.out(), nullptr) != SQLITE_OK)
    return Error("cannot query top dyads");
  BindAll(q.get(), w.args);
  sqlite3_bind_int64(q.get(), static_cast<int>(w.args.size()) + 1,
                     Limit(f, kDefaultTopLimit));
  Stmt sum_q;
  if (two_steps &&
      sqlite3_prepare_v2(db_,
                         ("SELECT " + sums +
                          " FROM events e WHERE e.source_code = ? AND "
                          "e.target_code = ?" +
                          w.sql)
                             .c_str(),
                         -1, sum_q.out(), nullptr) != SQLITE_OK)
    return Error("cannot query top dyads");
  std::vector<DyadRow> rows;
  int rc;
  while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
    sqlite3_stmt* r = q.get();
    DyadRow d;
    d.source = Text(r, 0);
    d.target = Text(r, 1);
    int first = 2;  // of the sums
    if (two_steps) {
      r = sum_q.get();
      sqlite3_reset(r);
      sqlite3_bind_text(r, 1, d.source.data(),
                        static_cast<int>(d.source.size()), SQLITE_TRANSIENT);
      sqlite3_bind_text(r, 2, d.target.data(),
                        static_cast<int>(d.target.size()), SQLITE_TRANSIENT);
      BindAll(r, w.args, 3);
      if (sqlite3_step(r) != SQLITE_ROW) return Error("cannot query top dyads");
      first = 0;
    }
    d.events = sqlite3_column_int64(r, first);
    d.mentions = sqlite3_column_int64(r, first + 1);
    if (d.mentions > 0)
      d.mean_goldstein = sqlite3_column_double(r, first + 2) / d.mentions;
    for (int i = 0; i < 4; ++i)
      d.quad[i] = sqlite3_column_int64(r, first + 3 + i);
    rows.push_back(std::move(d));
  }
  if (rc != SQLITE_DONE) return Error("cannot query top dyads");
  return rows;
}

Result<std::vector<ActorRow>> EventDb::TopActors(const Filter& f,
                                                 const TopOptions& o) {
  Status s = CheckFilter(f);
  if (!s.ok()) return s;
  const bool by_country = o.level == ActorLevel::kCountry;
  const std::string src = by_country ? "e.source_country" : "e.source_code";
  const std::string tgt = by_country ? "e.target_country" : "e.target_code";
  SqlWhere w = FilterSql(f);
  // One pass over the events, summed here (a UNION of the two sides grouped
  // by SQLite reads the events twice and sorts them). Each event counts
  // once per side; an event whose two sides are the same actor counts once
  // in `events` and `mentions`, and on both sides.
  const std::string sql = "SELECT " + src + ", " + tgt +
                          ", e.num_mentions, e.goldstein FROM events e "
                          "WHERE 1" +
                          w.sql;
  Stmt q;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, q.out(), nullptr) != SQLITE_OK)
    return Error("cannot query top actors");
  BindAll(q.get(), w.args);
  struct Sum {
    ActorRow row;
    double goldstein_mentions = 0;
  };
  std::unordered_map<std::string, Sum> by_actor;
  int rc;
  while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
    sqlite3_stmt* r = q.get();
    const std::string source = Text(r, 0), target = Text(r, 1);
    const int64_t m = sqlite3_column_int64(r, 2);
    const double g = sqlite3_column_double(r, 3);
    if (!source.empty()) {
      Sum& sum = by_actor[source];
      ++sum.row.events;
      ++sum.row.as_source;
      sum.row.mentions += m;
      sum.goldstein_mentions += g * static_cast<double>(m);
    }
    if (!target.empty()) {
      Sum& sum = by_actor[target];
      ++sum.row.as_target;
      if (target != source) {
        ++sum.row.events;
        sum.row.mentions += m;
        sum.goldstein_mentions += g * static_cast<double>(m);
      }
    }
  }
  if (rc != SQLITE_DONE) return Error("cannot query top actors");
  std::vector<ActorRow> rows;
  rows.reserve(by_actor.size());
  for (auto& [actor, sum] : by_actor) {
    sum.row.actor = actor;
    if (sum.row.mentions > 0)
      sum.row.mean_goldstein =
          sum.goldstein_mentions / static_cast<double>(sum.row.mentions);
    rows.push_back(std::move(sum.row));
  }
  const bool by_mentions = o.by == RankBy::kMentions;
  std::sort(rows.begin(), rows.end(),
            [by_mentions](const ActorRow& a, const ActorRow& b) {
              const int64_t x = by_mentions ? a.mentions : a.events;
              const int64_t y = by_mentions ? b.mentions : b.events;
              return x != y ? x > y : a.actor < b.actor;
            });
  const size_t limit = static_cast<size_t>(Limit(f, kDefaultTopLimit));
  if (rows.size() > limit) rows.resize(limit);
  return rows;
}

Result<std::vector<TimelineRow>> EventDb::Timeline(const Filter& f, Period by) {
  Status s = CheckFilter(f);
  if (!s.ok()) return s;
  SqlWhere w = FilterSql(f);
  // SQLite groups by day; days are folded into periods here.
  const std::string sql =
      "SELECT e.date, e.quad_class, count(*), sum(e.num_mentions), "
      "sum(e.goldstein * e.num_mentions), sum(e.goldstein) FROM events e "
      "WHERE e.date <> ''" +
      // "+e.date": not through the date index for its order, which would
      // read the whole table in random order when nothing else narrows it
      // (6 s instead of 0.3 s for --country IRQ on 1M events).
      w.sql + " GROUP BY +e.date, e.quad_class";
  Stmt q;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, q.out(), nullptr) != SQLITE_OK)
    return Error("cannot query the timeline");
  BindAll(q.get(), w.args);
  struct Acc {
    TimelineRow row;
    double g_weighted = 0, g_sum = 0;
  };
  std::map<int64_t, Acc> periods;  // by first day
  int rc;
  std::string label;
  while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
    sqlite3_stmt* r = q.get();
    int64_t day, start;
    if (!ParseDay(Text(r, 0), &day)) continue;  // not a date: not placeable
    PeriodOf(day, by, &label, &start);
    Acc& a = periods[start];
    if (a.row.period.empty()) a.row.period = label;
    const int64_t n = sqlite3_column_int64(r, 2);
    a.row.events += n;
    AddQuad(sqlite3_column_int(r, 1), n, &a.row.quad);
    a.row.mentions += sqlite3_column_int64(r, 3);
    a.g_weighted += sqlite3_column_double(r, 4);
    a.g_sum += sqlite3_column_double(r, 5);
  }
  if (rc != SQLITE_DONE) return Error("cannot query the timeline");
  std::vector<TimelineRow> rows;
  if (periods.empty()) return rows;
  const int64_t last = periods.rbegin()->first;
  for (int64_t start = periods.begin()->first; start <= last;
       start = NextPeriod(start, by)) {
    auto it = periods.find(start);
    TimelineRow row;
    if (it != periods.end()) {
      row = it->second.row;
      if (row.mentions > 0)
        row.mean_goldstein = it->second.g_weighted / row.mentions;
      if (row.events > 0)
        row.mean_goldstein_events = it->second.g_sum / row.events;
    } else {
      int64_t unused;
      PeriodOf(start, by, &row.period, &unused);
    }
    row.start = FormatDay(start);
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::vector<EventRow>> EventDb::Events(const Filter& f,
                                              EventOrder order) {
  Status s = CheckFilter(f);
  if (!s.ok()) return s;
  const char* order_sql = "e.date DESC, e.id DESC";
  switch (order) {
    case EventOrder::kNewest:
      break;
    case EventOrder::kOldest:
      order_sql = "e.date, e.id";
      break;
    case EventOrder::kMentions:
      order_sql = "e.num_mentions DESC, e.id";
      break;
    case EventOrder::kConflict:
      order_sql = "e.goldstein, e.id";
      break;
  }
  const bool v2 = schema_version_ >= 2;
  SqlWhere w = FilterSql(f);
  // The events are chosen first, then joined with their first mention, so
  // the join runs for the rows returned only.
  const std::string sql =
      std::string("SELECT ") + kEventColumns +
      (v2 ? kEventColumnsV2 : kEventColumnsV1) + ", " + kMentionColumns +
      (v2 ? kMentionColumnsV2 : kMentionColumnsV1) +
      " FROM (SELECT * FROM events e WHERE 1" + w.sql + " ORDER BY " +
      order_sql +
      " LIMIT ?) e LEFT JOIN mentions m ON m.id = (SELECT min(id) FROM "
      "mentions WHERE event_id = e.id) LEFT JOIN articles a ON a.id = "
      "m.article_id ORDER BY " +
      order_sql;
  Stmt q;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, q.out(), nullptr) != SQLITE_OK)
    return Error("cannot query events");
  BindAll(q.get(), w.args);
  sqlite3_bind_int64(q.get(), static_cast<int>(w.args.size()) + 1,
                     Limit(f, kDefaultEventsLimit));
  std::vector<EventRow> rows;
  int rc;
  while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
    sqlite3_stmt* r = q.get();
    EventRow e = ReadEvent(r);
    e.code_name = CodeName(e.code);
    if (!IsNull(r, kEventColumnCount))
      e.first_mention = ReadMention(r, kEventColumnCount);
    rows.push_back(std::move(e));
  }
  if (rc != SQLITE_DONE) return Error("cannot query events");
  return rows;
}

Result<std::vector<MentionRow>> EventDb::Mentions(int64_t event_id) {
  const std::string sql =
      std::string("SELECT ") + kMentionColumns +
      (schema_version_ >= 2 ? kMentionColumnsV2 : kMentionColumnsV1) +
      " FROM mentions m LEFT JOIN articles a ON a.id = m.article_id WHERE "
      "m.event_id = ? ORDER BY m.id";
  Stmt q;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, q.out(), nullptr) != SQLITE_OK)
    return Error("cannot query mentions");
  sqlite3_bind_int64(q.get(), 1, event_id);
  std::vector<MentionRow> rows;
  int rc;
  while ((rc = sqlite3_step(q.get())) == SQLITE_ROW)
    rows.push_back(ReadMention(q.get(), 0));
  if (rc != SQLITE_DONE) return Error("cannot query mentions");
  return rows;
}

Result<EventDetail> EventDb::Event(int64_t id) {
  // The event row through Events() would need an id filter; one small
  // query keeps Filter free of it.
  const bool v2 = schema_version_ >= 2;
  const std::string sql = std::string("SELECT ") + kEventColumns +
                          (v2 ? kEventColumnsV2 : kEventColumnsV1) +
                          " FROM events e WHERE e.id = ?";
  Stmt q;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, q.out(), nullptr) != SQLITE_OK)
    return Error("cannot query events");
  sqlite3_bind_int64(q.get(), 1, id);
  const int rc = sqlite3_step(q.get());
  if (rc == SQLITE_DONE)
    return Status::NotFound(path_ + ": no event " + std::to_string(id));
  if (rc != SQLITE_ROW) return Error("cannot query events");
  sqlite3_stmt* r = q.get();
  EventDetail d;
  EventRow& e = d.event;
  e = ReadEvent(r);
  e.code_name = CodeName(e.code);
  auto mentions = Mentions(id);
  if (!mentions.ok()) return mentions.status();
  d.mentions = std::move(*mentions);
  if (!d.mentions.empty()) e.first_mention = d.mentions.front();
  return d;
}

void EventDb::SetTimeLimit(int ms) {
  time_limit_ms_ = ms > 0 ? ms : 0;
  if (time_limit_ms_ == 0) {
    sqlite3_progress_handler(db_, 0, nullptr, nullptr);
    return;
  }
  // Every 1,000 virtual machine steps, look at the clock.
  sqlite3_progress_handler(
      db_, 1000,
      [](void* self) -> int {
        const auto* db = static_cast<const EventDb*>(self);
        if (db->deadline_ms_ == 0) return 0;
        const int64_t now =
            std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::steady_clock::now().time_since_epoch())
                .count();
        return now > db->deadline_ms_ ? 1 : 0;
      },
      this);
  StartClock();
}

void EventDb::StartClock() {
  if (time_limit_ms_ == 0) return;
  deadline_ms_ = std::chrono::duration_cast<std::chrono::milliseconds>(
                     std::chrono::steady_clock::now().time_since_epoch())
                     .count() +
                 time_limit_ms_;
}

Result<std::vector<PlaceRow>> EventDb::Places(const Filter& f) {
  Status s = CheckFilter(f);
  if (!s.ok()) return s;
  if (schema_version_ < 2) return std::vector<PlaceRow>{};
  SqlWhere w = FilterSql(f);
  // One pass over the events, summed here: SQLite's GROUP BY over 600,000
  // place names sorts them, five times slower.
  const std::string sql =
      "SELECT e.geo_name, e.geo_country, e.geo_type, e.geo_lat, e.geo_lon, "
      "e.num_mentions, e.goldstein, e.quad_class, e.geo_feature_id FROM "
      "events e WHERE e.geo_type IS NOT NULL" +
      w.sql;
  Stmt q;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, q.out(), nullptr) != SQLITE_OK)
    return Error("cannot query places");
  BindAll(q.get(), w.args);
  struct Sum {
    PlaceRow row;
    double goldstein_mentions = 0;
    double lat = 0, lon = 0;
    int64_t located = 0;
  };
  std::unordered_map<std::string, Sum> by_place;
  std::string key;
  int rc;
  while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
    sqlite3_stmt* r = q.get();
    // A place is its gazetteer id and name (two places may share a name;
    // a region and its capital may share an id's digits, not the name).
    key = Text(r, 8);
    key.push_back('\t');
    key += Text(r, 0);
    auto [it, added] = by_place.try_emplace(key);
    Sum& sum = it->second;
    if (added) {
      sum.row.name = Text(r, 0);
      sum.row.country = Text(r, 1);
      sum.row.type = sqlite3_column_int(r, 2);
    }
    // Its coordinates: the mean of its events' (all the same, from the
    // gazetteer, unless the database was made otherwise).
    if (!IsNull(r, 3) && !IsNull(r, 4)) {
      sum.lat += sqlite3_column_double(r, 3);
      sum.lon += sqlite3_column_double(r, 4);
      ++sum.located;
    }
    const int64_t mentions = sqlite3_column_int64(r, 5);
    ++sum.row.events;
    sum.row.mentions += mentions;
    sum.goldstein_mentions += sqlite3_column_double(r, 6) * mentions;
    const int quad = sqlite3_column_int(r, 7);
    if (quad >= 1 && quad <= 4) ++sum.row.quad[quad - 1];
  }
  if (rc != SQLITE_DONE) return Error("cannot query places");
  std::vector<PlaceRow> rows;
  rows.reserve(by_place.size());
  for (auto& [k, sum] : by_place) {
    sum.row.mean_goldstein =
        sum.goldstein_mentions /
        static_cast<double>(std::max<int64_t>(sum.row.mentions, 1));
    if (sum.located > 0) {
      sum.row.lat = sum.lat / static_cast<double>(sum.located);
      sum.row.lon = sum.lon / static_cast<double>(sum.located);
    }
    rows.push_back(std::move(sum.row));
  }
  std::sort(rows.begin(), rows.end(), [](const PlaceRow& a, const PlaceRow& b) {
    return a.events != b.events ? a.events > b.events : a.name < b.name;
  });
  const size_t limit = static_cast<size_t>(Limit(f, kDefaultPlacesLimit));
  if (rows.size() > limit) rows.resize(limit);
  return rows;
}

}  // namespace dyad
