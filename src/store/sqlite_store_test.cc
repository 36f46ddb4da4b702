#include "store/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace dyad {
namespace {

namespace fs = std::filesystem;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dyad-store-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "events.db").string();
  }
  void TearDown() override {
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add);
    fs::remove_all(dir_);
  }

  static InputRecord Record(const std::string& id, const std::string& text,
                            const std::string& source = "") {
    InputRecord r;
    r.article.id = id;
    r.article.text = text;
    r.article.date = ParseDate("2024-03-01");
    r.article.source = source;
    r.location = "test:1";
    return r;
  }
  static Event MakeEvent(const std::string& src, const std::string& tgt,
                         const std::string& code, int sentence) {
    Event e;
    e.doc_id = "x";
    e.date = "2024-03-01";
    e.sentence = sentence;
    e.source.code = src;
    e.source.country = src.substr(0, 3);
    e.source.text = src;
    e.source.span = {0, 4};
    if (!tgt.empty()) {
      e.target = EventActor{tgt, tgt.substr(0, 3), tgt, {10, 14}};
    }
    e.code = code;
    e.root = code.substr(0, 2);
    e.quad_class = 4;
    e.goldstein = -10;
    e.verb_text = "attacked";
    e.verb = {5, 13};
    return e;
  }
  int64_t Count(SqliteStore* s, const char* table) {
    auto n = s->CountRows(table);
    EXPECT_TRUE(n.ok()) << n.status().message();
    return n.ok() ? *n : -1;
  }
  int64_t Query(const std::string& sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(
        sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr),
        SQLITE_OK);
    sqlite3_stmt* q = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &q, nullptr), SQLITE_OK)
        << sql;
    int64_t v = -1;
    if (sqlite3_step(q) == SQLITE_ROW) v = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    sqlite3_close(db);
    return v;
  }

  fs::path dir_;
  std::string path_;
};

TEST_F(StoreTest, MentionsCollapseIntoEventsWithCounts) {
  auto store = SqliteStore::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status().message();
  CodedArticle a, b;
  a.sentences = 2;
  a.events = {MakeEvent("RUS", "UKR", "190", 0),
              MakeEvent("RUS", "UKR", "190", 1),
              MakeEvent("USA", "", "010", 1)};
  b.sentences = 1;
  b.events = {MakeEvent("RUS", "UKR", "190", 0)};
  ASSERT_TRUE((*store)->Add(Record("a", "text a", "wire1"), a).ok());
  ASSERT_TRUE((*store)->Add(Record("b", "text b", "wire2"), b).ok());
  ASSERT_TRUE((*store)->EndBatch().ok());
  EXPECT_EQ(Count(store->get(), "articles"), 2);
  EXPECT_EQ(Count(store->get(), "events"), 2);
  EXPECT_EQ(Count(store->get(), "mentions"), 4);
  EXPECT_EQ((*store)->stats().new_events, 2);
  EXPECT_EQ(Query("SELECT num_mentions FROM events WHERE code = '190'"), 3);
  EXPECT_EQ(Query("SELECT num_articles FROM events WHERE code = '190'"), 2);
  EXPECT_EQ(Query("SELECT num_sources FROM events WHERE code = '190'"), 2);
  EXPECT_EQ(Query("SELECT count(*) FROM events WHERE target_code = ''"), 1);
}

TEST_F(StoreTest, SameArticleAgainChangesNothingChangedTextReplaces) {
  CodedArticle a;
  a.sentences = 1;
  a.events = {MakeEvent("RUS", "UKR", "190", 0)};
  {
    auto store = SqliteStore::Open(path_);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->Add(Record("a", "text a"), a).ok());
    ASSERT_TRUE((*store)->EndBatch().ok());
  }
  auto store = SqliteStore::Open(path_);
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->Add(Record("a", "text a"), a).ok());
  ASSERT_TRUE((*store)->EndBatch().ok());
  EXPECT_EQ((*store)->stats().articles_skipped, 1);
  EXPECT_EQ(Count(store->get(), "mentions"), 1);
  // A new version of the article: its old event goes, the new one comes.
  CodedArticle changed;
  changed.sentences = 1;
  changed.events = {MakeEvent("ISR", "PSE", "195", 0)};
  ASSERT_TRUE((*store)->Add(Record("a", "text a, corrected"), changed).ok());
  ASSERT_TRUE((*store)->EndBatch().ok());
  EXPECT_EQ((*store)->stats().articles_replaced, 1);
  EXPECT_EQ(Count(store->get(), "articles"), 1);
  EXPECT_EQ(Count(store->get(), "mentions"), 1);
  EXPECT_EQ(Count(store->get(), "events"), 1);
  EXPECT_EQ(Query("SELECT count(*) FROM events WHERE code = '195'"), 1);
}

TEST_F(StoreTest, UncommittedBatchLeavesNoTrace) {
  {
    auto store = SqliteStore::Open(path_);
    ASSERT_TRUE(store.ok());
    CodedArticle a;
    a.events = {MakeEvent("RUS", "UKR", "190", 0)};
    ASSERT_TRUE((*store)->Add(Record("a", "text a"), a).ok());
    ASSERT_TRUE((*store)->EndBatch().ok());
    ASSERT_TRUE((*store)->Add(Record("b", "text b"), a).ok());
    // destroyed without EndBatch: as if the process died
  }
  EXPECT_EQ(Query("SELECT count(*) FROM articles"), 1);
  EXPECT_EQ(Query("SELECT num_mentions FROM events"), 1);
}

// Two articles of different days report the same attack "on Tuesday": the
// events carry the date the sentences give, so they are one event, and each
// mention says which words dated it.
TEST_F(StoreTest, SentenceDatedReportsOfDifferentDaysAreOneEvent) {
  auto store = SqliteStore::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status().message();
  CodedArticle a, b;
  a.sentences = b.sentences = 1;
  a.events = {MakeEvent("RUS", "UKR", "190", 0)};
  a.events[0].date = "2024-02-27";  // Tuesday, in a Wednesday article
  a.events[0].article_date = "2024-02-28";
  a.events[0].date_source =
      DateSource{"weekday", "day", "on Tuesday", {14, 24}};
  b.events = {a.events[0]};
  b.events[0].article_date = "2024-02-29";  // Thursday's article
  b.events[0].date_source.span = {30, 40};
  InputRecord ra = Record("a", "text a"), rb = Record("b", "text b");
  ra.article.date = ParseDate("2024-02-28");
  rb.article.date = ParseDate("2024-02-29");
  ASSERT_TRUE((*store)->Add(ra, a).ok());
  ASSERT_TRUE((*store)->Add(rb, b).ok());
  ASSERT_TRUE((*store)->EndBatch().ok());
  EXPECT_EQ(Count(store->get(), "events"), 1);
  EXPECT_EQ(Query("SELECT num_articles FROM events WHERE date = '2024-02-27'"),
            2);
  EXPECT_EQ(Query("SELECT count(*) FROM mentions WHERE date_text = 'on "
                  "Tuesday' AND date_rule = 'weekday' AND date_precision = "
                  "'day'"),
            2);
  EXPECT_EQ(Query("SELECT date_start FROM mentions m JOIN articles a ON "
                  "a.id = m.article_id WHERE a.doc_id = 'b'"),
            30);
  EXPECT_EQ(Query("SELECT count(*) FROM articles WHERE date = '2024-02-29'"),
            1);
}

TEST_F(StoreTest, ArticleDatedMentionHasNoDateWords) {
  auto store = SqliteStore::Open(path_);
  ASSERT_TRUE(store.ok());
  CodedArticle a;
  a.events = {MakeEvent("RUS", "UKR", "190", 0)};
  a.events[0].date_source.precision = "day";
  ASSERT_TRUE((*store)->Add(Record("a", "text a"), a).ok());
  ASSERT_TRUE((*store)->EndBatch().ok());
  EXPECT_EQ(Query("SELECT count(*) FROM mentions WHERE date_rule = 'article' "
                  "AND date_text IS NULL AND date_start IS NULL"),
            1);
}

// A database written by a dyad of schema version 1 is migrated in place:
// its rows stay, its mentions get the date columns (NULL for old rows).
TEST_F(StoreTest, MigratesSchemaVersion1) {
  {
    auto store = SqliteStore::Open(path_);
    ASSERT_TRUE(store.ok());
    CodedArticle a;
    a.events = {MakeEvent("RUS", "UKR", "190", 0)};
    ASSERT_TRUE((*store)->Add(Record("a", "text a"), a).ok());
    ASSERT_TRUE((*store)->EndBatch().ok());
  }
  // Back to version 1: the mentions table as it was (and no index on a
  // column version 1 lacks).
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(
      sqlite3_exec(db, "DROP INDEX events_place; DROP INDEX mentions_dated",
                   nullptr, nullptr, nullptr),
      SQLITE_OK);
  for (const char* c : {"mentions date_text",      "mentions date_start",
                        "mentions date_end",       "mentions date_rule",
                        "mentions date_precision", "mentions place_name",
                        "mentions place_text",     "mentions place_start",
                        "mentions place_end",      "mentions place_rule",
                        "mentions sentence_start", "mentions sentence_text",
                        "mentions explain",        "events geo_type",
                        "events geo_name",         "events geo_country",
                        "events geo_fips",         "events geo_adm1",
                        "events geo_feature_id",   "events geo_lat",
                        "events geo_lon"}) {
    std::string table_column = c;
    const size_t space = table_column.find(' ');
    std::string sql = "ALTER TABLE " + table_column.substr(0, space) +
                      " DROP COLUMN " + table_column.substr(space + 1);
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr),
              SQLITE_OK)
        << sqlite3_errmsg(db);
  }
  ASSERT_EQ(sqlite3_exec(db,
                         "UPDATE meta SET value = '1' WHERE key = "
                         "'schema_version'",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  ASSERT_EQ(Query("SELECT count(*) FROM pragma_table_info('mentions') WHERE "
                  "name LIKE 'date%'"),
            0);

  auto store = SqliteStore::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ(Query("SELECT value FROM meta WHERE key = 'schema_version'"), 2);
  EXPECT_EQ(Query("SELECT count(*) FROM pragma_table_info('mentions') WHERE "
                  "name LIKE 'date%'"),
            5);
  EXPECT_EQ(Query("SELECT count(*) FROM mentions WHERE date_rule IS NULL"), 1);
  EXPECT_EQ(Query("SELECT count(*) FROM pragma_table_info('events') WHERE "
                  "name LIKE 'geo%'"),
            8);
  EXPECT_EQ(Query("SELECT count(*) FROM pragma_table_info('mentions') WHERE "
                  "name LIKE 'place%'"),
            5);
  EXPECT_EQ(Query("SELECT count(*) FROM pragma_table_info('mentions') WHERE "
                  "name IN ('sentence_start', 'sentence_text', 'explain')"),
            3);
  // The query indexes come with the migration.
  EXPECT_EQ(Query("SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                  "AND name IN ('events_code', 'events_place', "
                  "'mentions_dated')"),
            3);
  CodedArticle b;
  b.events = {MakeEvent("RUS", "UKR", "190", 0)};
  b.events[0].date_source.precision = "day";
  ASSERT_TRUE((*store)->Add(Record("b", "text b"), b).ok());
  ASSERT_TRUE((*store)->EndBatch().ok());
  EXPECT_EQ(Query("SELECT num_mentions FROM events"), 2);
  EXPECT_EQ(Query("SELECT count(*) FROM mentions WHERE date_rule = 'article'"),
            1);
}

TEST_F(StoreTest, EventTakesThePlaceOfItsFirstPlacedMention) {
  auto store = SqliteStore::Open(path_);
  ASSERT_TRUE(store.ok());
  EventPlace mosul;
  mosul.type = 4;
  mosul.name = "Mosul, Nineveh, Iraq";
  mosul.country = "IRQ";
  mosul.fips = "IZ";
  mosul.adm1 = "IZ15";
  mosul.feature_id = "99072";
  mosul.lat = 36.335;
  mosul.lon = 43.11889;
  mosul.has_coords = true;
  mosul.text = "Mosul";
  mosul.span = {20, 25};
  mosul.rule = "locative";
  EventPlace iraq = mosul;
  iraq.type = 1;
  iraq.name = "Iraq";
  iraq.has_coords = false;
  CodedArticle a, b, c;
  a.events = {MakeEvent("IRQMIL", "IMGMOSISI", "190", 0)};  // no place
  b.events = a.events;
  b.events[0].place = mosul;
  c.events = a.events;
  c.events[0].place = iraq;  // a later mention does not move the event
  ASSERT_TRUE((*store)->Add(Record("a", "text a"), a).ok());
  ASSERT_TRUE((*store)->Add(Record("b", "text b"), b).ok());
  ASSERT_TRUE((*store)->Add(Record("c", "text c"), c).ok());
  ASSERT_TRUE((*store)->EndBatch().ok());
  EXPECT_EQ(Query("SELECT count(*) FROM events"), 1);
  EXPECT_EQ(Query("SELECT geo_type FROM events"), 4);
  EXPECT_EQ(Query("SELECT count(*) FROM events WHERE geo_name = 'Mosul, "
                  "Nineveh, Iraq' AND geo_adm1 = 'IZ15' AND geo_feature_id = "
                  "'99072' AND abs(geo_lat - 36.335) < 1e-9"),
            1);
  EXPECT_EQ(Query("SELECT count(*) FROM mentions WHERE place_rule IS NULL"), 1);
  EXPECT_EQ(Query("SELECT place_start FROM mentions WHERE place_text = "
                  "'Mosul'"),
            20);
  EXPECT_EQ(Query("SELECT count(*) FROM mentions WHERE place_name = 'Iraq'"),
            1);
}

TEST_F(StoreTest, MentionsKeepTheirSentenceAndExplanation) {
  auto store = SqliteStore::Open(path_);
  ASSERT_TRUE(store.ok());
  InputRecord r = Record("a", "Intro. RUS attacked UKR today.");
  CodedArticle coded;
  Event e = MakeEvent("RUS", "UKR", "190", 1);
  e.sentence_span = {7, 30};
  e.source.span = {7, 10};
  e.rule = "active";
  e.evidence.push_back(Evidence{"verb", "data/verbs/19_fight.txt:3",
                                "attack \"x\"", "190", Span{11, 19}});
  Event bare = MakeEvent("RUS", "UKR", "190", 1);  // coded without --explain
  bare.sentence_span = {7, 30};
  coded.events = {e, bare};
  ASSERT_TRUE((*store)->Add(r, coded).ok());
  ASSERT_TRUE((*store)->EndBatch().ok());
  EXPECT_EQ(Query("SELECT count(*) FROM mentions WHERE sentence_start = 7 AND "
                  "sentence_text = 'RUS attacked UKR today.'"),
            2);
  EXPECT_EQ(Query("SELECT count(*) FROM mentions WHERE explain = "
                  "'{\"rule\": \"active\", \"evidence\": [{\"role\": \"verb\", "
                  "\"entry\": \"data/verbs/19_fight.txt:3\", \"pattern\": "
                  "\"attack \\\"x\\\"\", \"code\": \"190\", \"start\": 11, "
                  "\"end\": 19}]}'"),
            1);
  EXPECT_EQ(Query("SELECT count(*) FROM mentions WHERE explain IS NULL"), 1);
}

TEST_F(StoreTest, RefusesANewerSchema) {
  { ASSERT_TRUE(SqliteStore::Open(path_).ok()); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "UPDATE meta SET value = '9' WHERE key = 'schema_version'",
               nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto store = SqliteStore::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("schema version 9"),
            std::string::npos)
      << store.status().message();
}

TEST_F(StoreTest, NotADatabase) {
  std::ofstream(path_) << "this is a text file, not a database, but it is "
                          "long enough to be read as one page or more "
                       << std::string(5000, 'x');
  auto store = SqliteStore::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find(path_), std::string::npos);
  EXPECT_NE(store.status().message().find("not a"), std::string::npos)
      << store.status().message();
}

TEST_F(StoreTest, ForeignDatabase) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "CREATE TABLE people (name TEXT)", nullptr, nullptr,
               nullptr);
  sqlite3_close(db);
  auto store = SqliteStore::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("not a dyad event database"),
            std::string::npos)
      << store.status().message();
}

TEST_F(StoreTest, MissingFolder) {
  const std::string path = (dir_ / "no" / "such" / "events.db").string();
  auto store = SqliteStore::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find(path), std::string::npos)
      << store.status().message();
}

TEST_F(StoreTest, ReadOnlyFile) {
  if (::geteuid() == 0) GTEST_SKIP() << "root ignores file permissions";
  { ASSERT_TRUE(SqliteStore::Open(path_).ok()); }
  ::chmod(path_.c_str(), 0444);
  auto store = SqliteStore::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("read-only"), std::string::npos)
      << store.status().message();
}

}  // namespace
}  // namespace dyad
