#include "store/sqlite_store.h"

#include <openssl/evp.h>
#include <sqlite3.h>

#include <ctime>
#include <string_view>

#include "io/event_writer.h"

namespace dyad {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  doc_id TEXT UNIQUE NOT NULL,
  date TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  text_sha256 TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  sentences INTEGER NOT NULL,
  loaded_at TEXT NOT NULL);
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL,
  source_code TEXT NOT NULL,
  target_code TEXT NOT NULL,
  code TEXT NOT NULL,
  root TEXT NOT NULL,
  quad_class INTEGER NOT NULL,
  goldstein REAL NOT NULL,
  plover TEXT NOT NULL,
  source_country TEXT NOT NULL,
  target_country TEXT NOT NULL,
  num_mentions INTEGER NOT NULL DEFAULT 0,
  num_articles INTEGER NOT NULL DEFAULT 0,
  num_sources INTEGER NOT NULL DEFAULT 0,
  first_article_id INTEGER REFERENCES articles(id),
  geo_type INTEGER, geo_name TEXT, geo_country TEXT, geo_fips TEXT,
  geo_adm1 TEXT, geo_feature_id TEXT, geo_lat REAL, geo_lon REAL,
  UNIQUE (date, source_code, target_code, code));
CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id),
  article_id INTEGER NOT NULL REFERENCES articles(id),
  sentence INTEGER NOT NULL,
  act INTEGER NOT NULL,
  source_text TEXT NOT NULL,
  target_text TEXT,
  verb_text TEXT NOT NULL,
  source_start INTEGER NOT NULL, source_end INTEGER NOT NULL,
  target_start INTEGER, target_end INTEGER,
  verb_start INTEGER NOT NULL, verb_end INTEGER NOT NULL,
  rule TEXT NOT NULL,
  date_text TEXT, date_start INTEGER, date_end INTEGER, date_rule TEXT,
  date_precision TEXT,
  place_name TEXT, place_text TEXT, place_start INTEGER, place_end INTEGER,
  place_rule TEXT,
  sentence_start INTEGER, sentence_text TEXT, explain TEXT);
CREATE INDEX mentions_event ON mentions(event_id);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_dyad ON events(source_code, target_code);
)sql";

// Indexes for the queries of src/query (docs/queries.md) that came after
// version 2: created when a database is made or opened read-write, so older
// files get them too; the queries are right without them, only slower.
constexpr const char* kQueryIndexes = R"sql(
CREATE INDEX IF NOT EXISTS events_code ON events(code, quad_class);
CREATE INDEX IF NOT EXISTS events_place ON events(geo_country);
CREATE INDEX IF NOT EXISTS mentions_dated ON mentions(event_id)
  WHERE date_rule <> 'article';
)sql";

// Schema version 1 to 2: mentions say how the event's date was found
// (events.date became the date the sentence gives) and where it took place;
// events get their place (GDELT's ActionGeo). Old rows keep NULL there, and
// their events the article's date.
constexpr const char* kMigrate1To2 = R"sql(
ALTER TABLE mentions ADD COLUMN date_text TEXT;
ALTER TABLE mentions ADD COLUMN date_start INTEGER;
ALTER TABLE mentions ADD COLUMN date_end INTEGER;
ALTER TABLE mentions ADD COLUMN date_rule TEXT;
ALTER TABLE mentions ADD COLUMN date_precision TEXT;
ALTER TABLE mentions ADD COLUMN place_name TEXT;
ALTER TABLE mentions ADD COLUMN place_text TEXT;
ALTER TABLE mentions ADD COLUMN place_start INTEGER;
ALTER TABLE mentions ADD COLUMN place_end INTEGER;
ALTER TABLE mentions ADD COLUMN place_rule TEXT;
ALTER TABLE mentions ADD COLUMN sentence_start INTEGER;
ALTER TABLE mentions ADD COLUMN sentence_text TEXT;
ALTER TABLE mentions ADD COLUMN explain TEXT;
ALTER TABLE events ADD COLUMN geo_type INTEGER;
ALTER TABLE events ADD COLUMN geo_name TEXT;
ALTER TABLE events ADD COLUMN geo_country TEXT;
ALTER TABLE events ADD COLUMN geo_fips TEXT;
ALTER TABLE events ADD COLUMN geo_adm1 TEXT;
ALTER TABLE events ADD COLUMN geo_feature_id TEXT;
ALTER TABLE events ADD COLUMN geo_lat REAL;
ALTER TABLE events ADD COLUMN geo_lon REAL;
UPDATE meta SET value = '2' WHERE key = 'schema_version';
)sql";

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < size; ++i) {
    out.push_back(hex[digest[i] >> 4]);
    out.push_back(hex[digest[i] & 15]);
  }
  return out;
}

std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void BindText(sqlite3_stmt* s, int i, std::string_view v) {
  sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()),
                    SQLITE_TRANSIENT);
}

void BindInt(sqlite3_stmt* s, int i, int64_t v) { sqlite3_bind_int64(s, i, v); }

void AppendJsonString(std::string_view v, std::string* out) {
  out->push_back('"');
  AppendJsonEscaped(v, out);
  out->push_back('"');
}

// {"rule": ..., "evidence": [{"role", "entry", "pattern", "code", "start",
// "end"}...]}: the explanation, as `dyad code --explain` writes it.
std::string ExplainJson(const Event& e) {
  std::string out = "{\"rule\": ";
  AppendJsonString(e.rule, &out);
  out += ", \"evidence\": [";
  for (size_t i = 0; i < e.evidence.size(); ++i) {
    const Evidence& v = e.evidence[i];
    if (i) out += ", ";
    out += "{\"role\": ";
    AppendJsonString(v.role, &out);
    out += ", \"entry\": ";
    AppendJsonString(v.entry, &out);
    out += ", \"pattern\": ";
    AppendJsonString(v.pattern, &out);
    out += ", \"code\": ";
    AppendJsonString(v.code, &out);
    out += ", \"start\": " + std::to_string(v.span.start) +
           ", \"end\": " + std::to_string(v.span.end) + "}";
  }
  return out + "]}";
}

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(
    const std::string& path) {
  std::unique_ptr<SqliteStore> store(new SqliteStore(path));
  Status s = store->Init();
  if (!s.ok()) return s;
  return store;
}

Status SqliteStore::Error(const char* what) const {
  return Status::IoError(path_ + ": " + what + ": " +
                         (db_ ? sqlite3_errmsg(db_) : "cannot open"));
}

Status SqliteStore::Exec(const char* sql) {
  char* msg = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
    std::string m = msg ? msg : sqlite3_errmsg(db_);
    sqlite3_free(msg);
    return Status::IoError(path_ + ": " + m);
  }
  return Status::Ok();
}

Status SqliteStore::Prepare(const char* sql, sqlite3_stmt** stmt) {
  if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt,
                         nullptr) != SQLITE_OK)
    return Error("cannot prepare a statement");
  return Status::Ok();
}

Status SqliteStore::Init() {
  if (sqlite3_open_v2(path_.c_str(), &db_,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                      nullptr) != SQLITE_OK)
    return Error("cannot open the database");
  sqlite3_busy_timeout(db_, 10000);
  if (sqlite3_db_readonly(db_, "main") == 1)
    return Status::IoError(path_ + ": the database is read-only");
  // The first read tells a non-database file.
  Status s = Exec("PRAGMA journal_mode=WAL");
  if (!s.ok())
    return Status::Corrupt(s.message() + " (not a SQLite database?)");
  // A 64 MB page cache: the event and mention indexes of a large load stay
  // in memory instead of being read back for every batch.
  s = Exec(
      "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
      "PRAGMA cache_size=-65536");
  if (!s.ok()) return s;
  // Our schema, another one, or none.
  sqlite3_stmt* q = nullptr;
  if (Prepare("SELECT count(*), sum(name = 'meta') FROM sqlite_master "
              "WHERE type = 'table'",
              &q)
          .ok() == false)
    return Error("cannot read the schema");
  int tables = 0, has_meta = 0;
  int rc = sqlite3_step(q);
  if (rc == SQLITE_ROW) {
    tables = sqlite3_column_int(q, 0);
    has_meta = sqlite3_column_int(q, 1);
  }
  sqlite3_finalize(q);
  if (rc != SQLITE_ROW) return Error("cannot read the schema");
  if (tables == 0) {
    s = Exec("BEGIN");
    if (s.ok()) s = Exec(kSchema);
    if (s.ok()) {
      std::string meta = "INSERT INTO meta VALUES ('schema_version', '" +
                         std::to_string(kSchemaVersion) +
                         "'), ('created_by', 'dyad')";
      s = Exec(meta.c_str());
    }
    if (s.ok()) s = Exec("COMMIT");
    if (!s.ok()) return s;
  } else {
    std::string version;
    if (has_meta) {
      s = Prepare("SELECT value FROM meta WHERE key = 'schema_version'", &q);
      if (!s.ok()) return s;
      rc = sqlite3_step(q);
      if (rc == SQLITE_ROW && sqlite3_column_text(q, 0))
        version = reinterpret_cast<const char*>(sqlite3_column_text(q, 0));
      sqlite3_finalize(q);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return Error("cannot read table meta");
    }
    if (version.empty())
      return Status::Corrupt(path_ +
                             ": a SQLite database, but not a dyad event "
                             "database (no schema_version in table meta)");
    if (version == "1") {
      s = Exec("BEGIN IMMEDIATE");
      if (s.ok()) s = Exec(kMigrate1To2);
      if (s.ok()) s = Exec("COMMIT");
      if (!s.ok()) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        return Status::IoError(s.message() +
                               " (while migrating schema version 1 to 2)");
      }
      version = "2";
    }
    if (version != std::to_string(kSchemaVersion))
      return Status::Corrupt(path_ + ": schema version " + version +
                             ", this dyad reads version " +
                             std::to_string(kSchemaVersion));
  }
  s = Exec(kQueryIndexes);
  if (!s.ok()) return s;
  struct {
    const char* sql;
    sqlite3_stmt** stmt;
  } statements[] = {
      {"SELECT id, text_sha256 FROM articles WHERE doc_id = ?1",
       &find_article_},
      {"INSERT INTO articles (doc_id, date, title, url, source, text_sha256, "
       "bytes, sentences, loaded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
       "?9)",
       &insert_article_},
      {"UPDATE articles SET date = ?2, title = ?3, url = ?4, source = ?5, "
       "text_sha256 = ?6, bytes = ?7, sentences = ?8, loaded_at = ?9 WHERE "
       "id = ?1",
       &update_article_},
      {"SELECT DISTINCT event_id FROM mentions WHERE article_id = ?1",
       &old_events_},
      {"DELETE FROM mentions WHERE article_id = ?1", &delete_mentions_},
      {"INSERT INTO events (date, source_code, target_code, code, root, "
       "quad_class, goldstein, plover, source_country, target_country, "
       "first_article_id, geo_type, geo_name, geo_country, geo_fips, "
       "geo_adm1, geo_feature_id, geo_lat, geo_lon) VALUES (?1, ?2, ?3, ?4, "
       "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19) "
       "ON CONFLICT (date, source_code, target_code, code) DO UPDATE SET "
       "num_mentions = num_mentions, "
       // An event takes the place of the first mention stored that has one.
       "geo_type = coalesce(geo_type, excluded.geo_type), "
       "geo_name = coalesce(geo_name, excluded.geo_name), "
       "geo_country = coalesce(geo_country, excluded.geo_country), "
       "geo_fips = coalesce(geo_fips, excluded.geo_fips), "
       "geo_adm1 = coalesce(geo_adm1, excluded.geo_adm1), "
       "geo_feature_id = coalesce(geo_feature_id, excluded.geo_feature_id), "
       "geo_lat = CASE WHEN geo_type IS NULL THEN excluded.geo_lat ELSE "
       "geo_lat END, "
       "geo_lon = CASE WHEN geo_type IS NULL THEN excluded.geo_lon ELSE "
       "geo_lon END "
       "RETURNING id, num_mentions",
       &upsert_event_},
      {"INSERT INTO mentions (event_id, article_id, sentence, act, "
       "source_text, target_text, verb_text, source_start, source_end, "
       "target_start, target_end, verb_start, verb_end, rule, date_text, "
       "date_start, date_end, date_rule, date_precision, place_name, "
       "place_text, place_start, place_end, place_rule, sentence_start, "
       "sentence_text, explain) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
       "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, "
       "?24, ?25, ?26, ?27)",
       &insert_mention_},
      {"UPDATE events SET "
       "num_mentions = (SELECT count(*) FROM mentions WHERE event_id = ?1), "
       "num_articles = (SELECT count(DISTINCT article_id) FROM mentions "
       "WHERE event_id = ?1), "
       "num_sources = (SELECT count(DISTINCT CASE a.source WHEN '' THEN "
       "'article:' || a.id ELSE a.source END) FROM mentions m JOIN articles "
       "a ON a.id = m.article_id WHERE m.event_id = ?1) "
       "WHERE id = ?1",
       &recount_},
      {"DELETE FROM events WHERE id = ?1 AND num_mentions = 0", &delete_empty_},
  };
  for (auto& st : statements) {
    s = Prepare(st.sql, st.stmt);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

SqliteStore::~SqliteStore() {
  if (in_transaction_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  for (sqlite3_stmt* s : {find_article_, insert_article_, update_article_,
                          old_events_, delete_mentions_, upsert_event_,
                          insert_mention_, recount_, delete_empty_})
    sqlite3_finalize(s);
  sqlite3_close(db_);
}

Status SqliteStore::Begin() {
  if (in_transaction_) return Status::Ok();
  Status s = Exec("BEGIN IMMEDIATE");
  if (s.ok()) in_transaction_ = true;
  return s;
}

Status SqliteStore::Add(const InputRecord& record, const CodedArticle& coded) {
  Status s = Begin();
  if (!s.ok()) return s;
  const Article& a = record.article;
  const std::string sha = Sha256Hex(a.text);
  const std::string date = a.date.ToString();
  const std::string now = NowUtc();
  // Parameters 2-9 of both the insert and the update statement.
  auto bind_article = [&](sqlite3_stmt* q) {
    BindText(q, 2, date);
    BindText(q, 3, a.title);
    BindText(q, 4, a.url);
    BindText(q, 5, a.source);
    BindText(q, 6, sha);
    BindInt(q, 7, static_cast<int64_t>(a.text.size()));
    BindInt(q, 8, coded.sentences);
    BindText(q, 9, now);
  };

  sqlite3_reset(find_article_);
  BindText(find_article_, 1, a.id);
  int64_t article_id = 0;
  int rc = sqlite3_step(find_article_);
  if (rc == SQLITE_ROW) {
    article_id = sqlite3_column_int64(find_article_, 0);
    std::string old_sha =
        reinterpret_cast<const char*>(sqlite3_column_text(find_article_, 1));
    sqlite3_reset(find_article_);
    if (old_sha == sha) {
      ++stats_.articles_skipped;
      return Status::Ok();
    }
    // Another version of the article: its old mentions go.
    sqlite3_reset(old_events_);
    BindInt(old_events_, 1, article_id);
    while ((rc = sqlite3_step(old_events_)) == SQLITE_ROW)
      touched_.insert(sqlite3_column_int64(old_events_, 0));
    sqlite3_reset(old_events_);
    if (rc != SQLITE_DONE) return Error("cannot read mentions");
    sqlite3_reset(delete_mentions_);
    BindInt(delete_mentions_, 1, article_id);
    if (sqlite3_step(delete_mentions_) != SQLITE_DONE)
      return Error("cannot delete old mentions");
    sqlite3_reset(update_article_);
    BindInt(update_article_, 1, article_id);
    bind_article(update_article_);
    if (sqlite3_step(update_article_) != SQLITE_DONE)
      return Error("cannot update an article");
    ++stats_.articles_replaced;
  } else {
    sqlite3_reset(find_article_);
    if (rc != SQLITE_DONE) return Error("cannot read articles");
    sqlite3_reset(insert_article_);
    BindText(insert_article_, 1, a.id);
    bind_article(insert_article_);
    if (sqlite3_step(insert_article_) != SQLITE_DONE)
      return Error("cannot store an article");
    article_id = sqlite3_last_insert_rowid(db_);
    ++stats_.articles_added;
  }

  for (const Event& e : coded.events) {
    const std::string target_code = e.target ? e.target->code : "";
    sqlite3_reset(upsert_event_);
    BindText(upsert_event_, 1, e.date);
    BindText(upsert_event_, 2, e.source.code);
    BindText(upsert_event_, 3, target_code);
    BindText(upsert_event_, 4, e.code);
    BindText(upsert_event_, 5, e.root);
    BindInt(upsert_event_, 6, e.quad_class);
    sqlite3_bind_double(upsert_event_, 7, e.goldstein);
    BindText(upsert_event_, 8, e.plover);
    BindText(upsert_event_, 9, e.source.country);
    BindText(upsert_event_, 10, e.target ? e.target->country : "");
    BindInt(upsert_event_, 11, article_id);
    if (e.place) {
      const EventPlace& p = *e.place;
      BindInt(upsert_event_, 12, p.type);
      BindText(upsert_event_, 13, p.name);
      BindText(upsert_event_, 14, p.country);
      BindText(upsert_event_, 15, p.fips);
      BindText(upsert_event_, 16, p.adm1);
      BindText(upsert_event_, 17, p.feature_id);
      if (p.has_coords) {
        sqlite3_bind_double(upsert_event_, 18, p.lat);
        sqlite3_bind_double(upsert_event_, 19, p.lon);
      } else {
        sqlite3_bind_null(upsert_event_, 18);
        sqlite3_bind_null(upsert_event_, 19);
      }
    } else {
      for (int i = 12; i <= 19; ++i) sqlite3_bind_null(upsert_event_, i);
    }
    if (sqlite3_step(upsert_event_) != SQLITE_ROW)
      return Error("cannot store an event");
    const int64_t event_id = sqlite3_column_int64(upsert_event_, 0);
    const bool created = sqlite3_column_int64(upsert_event_, 1) == 0 &&
                         !touched_.count(event_id);
    sqlite3_reset(upsert_event_);
    if (created) ++stats_.new_events;
    touched_.insert(event_id);

    sqlite3_stmt* m = insert_mention_;
    sqlite3_reset(m);
    BindInt(m, 1, event_id);
    BindInt(m, 2, article_id);
    BindInt(m, 3, e.sentence);
    BindInt(m, 4, e.act);
    BindText(m, 5, e.source.text);
    if (e.target) {
      BindText(m, 6, e.target->text);
    } else {
      sqlite3_bind_null(m, 6);
    }
    BindText(m, 7, e.verb_text);
    BindInt(m, 8, static_cast<int64_t>(e.source.span.start));
    BindInt(m, 9, static_cast<int64_t>(e.source.span.end));
    if (e.target) {
      BindInt(m, 10, static_cast<int64_t>(e.target->span.start));
      BindInt(m, 11, static_cast<int64_t>(e.target->span.end));
    } else {
      sqlite3_bind_null(m, 10);
      sqlite3_bind_null(m, 11);
    }
    BindInt(m, 12, static_cast<int64_t>(e.verb.start));
    BindInt(m, 13, static_cast<int64_t>(e.verb.end));
    BindText(m, 14, e.rule.empty() ? "active" : e.rule);
    const DateSource& when = e.date_source;
    if (when.text.empty()) {  // the article's date: no words set it
      for (int i : {15, 16, 17}) sqlite3_bind_null(m, i);
    } else {
      BindText(m, 15, when.text);
      BindInt(m, 16, static_cast<int64_t>(when.span.start));
      BindInt(m, 17, static_cast<int64_t>(when.span.end));
    }
    BindText(m, 18, when.rule);
    BindText(m, 19, when.precision);
    if (e.place) {
      BindText(m, 20, e.place->name);
      BindText(m, 21, e.place->text);
      BindInt(m, 22, static_cast<int64_t>(e.place->span.start));
      BindInt(m, 23, static_cast<int64_t>(e.place->span.end));
      BindText(m, 24, e.place->rule);
    } else {
      for (int i = 20; i <= 24; ++i) sqlite3_bind_null(m, i);
    }
    // The sentence, so that a reader sees the event in its words (offsets
    // in this row stay article offsets; subtract sentence_start).
    const Span& sent = e.sentence_span;
    if (sent.end > sent.start && sent.end <= a.text.size()) {
      BindInt(m, 25, static_cast<int64_t>(sent.start));
      BindText(
          m, 26,
          std::string_view(a.text).substr(sent.start, sent.end - sent.start));
    } else {
      sqlite3_bind_null(m, 25);
      sqlite3_bind_null(m, 26);
    }
    if (e.rule.empty() && e.evidence.empty()) {
      sqlite3_bind_null(m, 27);
    } else {
      BindText(m, 27, ExplainJson(e));
    }
    if (sqlite3_step(m) != SQLITE_DONE) return Error("cannot store a mention");
    ++stats_.mentions;
  }
  return Status::Ok();
}

Status SqliteStore::EndBatch() {
  if (!in_transaction_) return Status::Ok();
  for (int64_t id : touched_) {
    sqlite3_reset(recount_);
    BindInt(recount_, 1, id);
    if (sqlite3_step(recount_) != SQLITE_DONE)
      return Error("cannot count mentions");
    sqlite3_reset(delete_empty_);
    BindInt(delete_empty_, 1, id);
    if (sqlite3_step(delete_empty_) != SQLITE_DONE)
      return Error("cannot delete an event");
  }
  touched_.clear();
  Status s = Exec("COMMIT");
  if (!s.ok()) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    in_transaction_ = false;
    return s;
  }
  in_transaction_ = false;
  return Status::Ok();
}

Result<int64_t> SqliteStore::CountRows(const char* table) const {
  std::string sql = std::string("SELECT count(*) FROM ") + table;
  sqlite3_stmt* q = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &q, nullptr) != SQLITE_OK)
    return Error("cannot count rows");
  int64_t n = 0;
  if (sqlite3_step(q) == SQLITE_ROW) n = sqlite3_column_int64(q, 0);
  sqlite3_finalize(q);
  return n;
}

}  // namespace dyad
