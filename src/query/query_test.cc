#include "query/query.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "store/sqlite_store.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

// Seven events in two articles, stored through SqliteStore:
//   e1 USAGOV->IRQ    190 2024-03-04 (Mon, 2024-W10) q4 -10.0 ASSAULT, 2
//                     mentions (a1, a2), placed in Baghdad, IRQ
//   e2 USA->IRQGOV    042 2024-03-10 (Sun, W10)      q1   1.9 CONSULT
//   e3 IRQ->USA       111 2024-03-25 (W13)           q3  -2.0 ACCUSE,
//                     dated by its sentence ("on Monday")
//   e4 RUS->UKR       190 2024-03-12 (W11)           q4 -10.0 ASSAULT
//   e5 USA->(none)    010 2024-03-05 (W10)           q1   0.0 ""
//   e6 USA->IRQ       061 2024-04-01 (W14)           q2   6.4 COOPERATE
//   e7 USAGOV->USAOPP 112 2024-02-15 (W07)           q3  -2.0 ACCUSE
class QueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dyad-query-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "events.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  static Event Make(const std::string& src, const std::string& tgt,
                    const std::string& code, const std::string& date, int quad,
                    double goldstein, const std::string& plover) {
    Event e;
    e.date = date;
    e.source = EventActor{src, src.substr(0, 3), "src " + src, {0, 6}};
    if (!tgt.empty())
      e.target = EventActor{tgt, tgt.substr(0, 3), "tgt " + tgt, {16, 22}};
    e.code = code;
    e.root = code.substr(0, 2);
    e.quad_class = quad;
    e.goldstein = goldstein;
    e.plover = plover;
    e.verb_text = "verbed";
    e.verb = {7, 13};
    return e;
  }
  static InputRecord Record(const std::string& id) {
    InputRecord r;
    r.article.id = id;
    r.article.text = "text of " + id;
    r.article.date = ParseDate("2024-03-01");
    r.article.url = "https://example.org/" + id;
    r.location = "test:1";
    return r;
  }

  void Build() {
    auto store = SqliteStore::Open(path_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    Event e1 = Make("USAGOV", "IRQ", "190", "2024-03-04", 4, -10, "ASSAULT");
    EventPlace baghdad;
    baghdad.type = 4;
    baghdad.name = "Baghdad, Baghdad, Iraq";
    baghdad.country = "IRQ";
    baghdad.lat = 33.34;
    baghdad.lon = 44.4;
    baghdad.has_coords = true;
    baghdad.text = "Baghdad";
    baghdad.span = {30, 37};
    baghdad.rule = "locative";
    e1.place = baghdad;
    Event e3 = Make("IRQ", "USA", "111", "2024-03-25", 3, -2, "ACCUSE");
    e3.date_source = DateSource{"weekday", "day", "on Monday", {40, 49}};
    CodedArticle a1, a2;
    a1.sentences = 3;
    a1.events = {e1,
                 Make("USA", "IRQGOV", "042", "2024-03-10", 1, 1.9, "CONSULT"),
                 e3, Make("RUS", "UKR", "190", "2024-03-12", 4, -10, "ASSAULT"),
                 Make("USA", "", "010", "2024-03-05", 1, 0, "")};
    a2.sentences = 2;
    a2.events = {
        e1, Make("USA", "IRQ", "061", "2024-04-01", 2, 6.4, "COOPERATE"),
        Make("USAGOV", "USAOPP", "112", "2024-02-15", 3, -2, "ACCUSE")};
    ASSERT_TRUE((*store)->Add(Record("a1"), a1).ok());
    ASSERT_TRUE((*store)->Add(Record("a2"), a2).ok());
    ASSERT_TRUE((*store)->EndBatch().ok());
  }

  std::unique_ptr<EventDb> Open() {
    auto db = EventDb::Open(path_);
    EXPECT_TRUE(db.ok()) << db.status().message();
    return db.ok() ? std::move(*db) : nullptr;
  }

  // The codes of the events `f` selects, as "SRC>TGT:CODE", sorted.
  std::set<std::string> Select(EventDb* db, const Filter& f) {
    auto rows = db->Events(f);
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    std::set<std::string> out;
    if (!rows.ok()) return out;
    for (const EventRow& e : *rows)
      out.insert(e.source_code + ">" + e.target_code + ":" + e.code);
    return out;
  }

  void Exec(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    char* msg = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg), SQLITE_OK)
        << (msg ? msg : "") << " in " << sql;
    sqlite3_free(msg);
    sqlite3_close(db);
  }

  fs::path dir_;
  std::string path_;
};

TEST_F(QueryTest, StatsCountsEverything) {
  Build();
  auto db = Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->LoadCodeNames(DYAD_TEST_DATA_DIR "/cameo/codes.txt").ok());
  auto st = db->Stats();
  ASSERT_TRUE(st.ok()) << st.status().message();
  EXPECT_EQ(st->schema_version, 2);
  EXPECT_EQ(st->articles, 2);
  EXPECT_EQ(st->events, 7);
  EXPECT_EQ(st->mentions, 8);
  EXPECT_EQ(st->first_date, "2024-02-15");
  EXPECT_EQ(st->last_date, "2024-04-01");
  EXPECT_EQ(st->undated_events, 0);
  EXPECT_EQ(st->quad, (QuadCounts{2, 1, 2, 2}));
  EXPECT_EQ(st->events_with_place, 1);
  EXPECT_EQ(st->mentions_sentence_dated, 1);
  EXPECT_GT(st->file_bytes, 0);
  ASSERT_EQ(st->top_roots.size(), 5u);  // 19 and 11 twice; 01, 04, 06 once
  EXPECT_EQ(st->top_roots[0].root, "11");
  EXPECT_EQ(st->top_roots[0].events, 2);
  EXPECT_EQ(st->top_roots[1].root, "19");
  EXPECT_EQ(st->top_roots[1].name, "FIGHT");
  EXPECT_EQ(st->top_roots[1].events, 2);
}

TEST_F(QueryTest, TopDyadsByEventsMentionsAndCountry) {
  Build();
  auto db = Open();
  ASSERT_TRUE(db);
  auto rows = db->TopDyads(Filter{});
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  // The event without a target is no dyad; ties go alphabetically.
  ASSERT_EQ(rows->size(), 6u);
  EXPECT_EQ((*rows)[0].source, "IRQ");
  EXPECT_EQ((*rows)[0].target, "USA");

  TopOptions by_mentions;
  by_mentions.by = RankBy::kMentions;
  rows = db->TopDyads(Filter{}, by_mentions);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].source, "USAGOV");
  EXPECT_EQ((*rows)[0].target, "IRQ");
  EXPECT_EQ((*rows)[0].mentions, 2);
  EXPECT_DOUBLE_EQ((*rows)[0].mean_goldstein, -10);

  TopOptions countries;
  countries.level = ActorLevel::kCountry;
  rows = db->TopDyads(Filter{}, countries);
  ASSERT_TRUE(rows.ok());
  ASSERT_FALSE(rows->empty());
  const DyadRow& top = (*rows)[0];
  EXPECT_EQ(top.source + ">" + top.target, "USA>IRQ");
  EXPECT_EQ(top.events, 3);    // e1, e2, e6
  EXPECT_EQ(top.mentions, 4);  // e1 twice
  EXPECT_NEAR(top.mean_goldstein, (-10 * 2 + 1.9 + 6.4) / 4, 1e-9);
  EXPECT_EQ(top.quad, (QuadCounts{1, 1, 0, 1}));

  Filter one;
  one.limit = 1;
  rows = db->TopDyads(one);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->size(), 1u);
}

TEST_F(QueryTest, TopActorsCountAnEventOnBothSidesOnce) {
  Build();
  auto db = Open();
  ASSERT_TRUE(db);
  TopOptions countries;
  countries.level = ActorLevel::kCountry;
  auto rows = db->TopActors(Filter{}, countries);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_FALSE(rows->empty());
  const ActorRow& usa = (*rows)[0];
  EXPECT_EQ(usa.actor, "USA");
  EXPECT_EQ(usa.events, 6);     // all but RUS>UKR
  EXPECT_EQ(usa.as_source, 5);  // e1 e2 e5 e6 e7
  EXPECT_EQ(usa.as_target, 2);  // e3 e7
  EXPECT_EQ(usa.mentions, 7);
  EXPECT_EQ((*rows)[1].actor, "IRQ");
  EXPECT_EQ((*rows)[1].events, 4);

  rows = db->TopActors(Filter{});  // full codes
  ASSERT_TRUE(rows.ok());
  std::map<std::string, int64_t> events;
  for (const ActorRow& a : *rows) events[a.actor] = a.events;
  EXPECT_EQ(events["USA"], 4);  // e2 e5 e6 as source, e3 as target
  EXPECT_EQ(events["USAGOV"], 2);
  EXPECT_EQ(events["IRQ"], 3);
  EXPECT_EQ(events.count(""), 0u);
}

TEST_F(QueryTest, TimelineByWeekFillsEmptyWeeks) {
  Build();
  auto db = Open();
  ASSERT_TRUE(db);
  Filter f;
  f.source = "USA";
  f.target = "IRQ";
  auto rows = db->Timeline(f, Period::kWeek);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 5u);  // W10 .. W14
  const TimelineRow& w10 = (*rows)[0];
  EXPECT_EQ(w10.period, "2024-W10");
  EXPECT_EQ(w10.start, "2024-03-04");
  EXPECT_EQ(w10.events, 2);  // e1 (Monday) and e2 (Sunday)
  EXPECT_EQ(w10.quad, (QuadCounts{1, 0, 0, 1}));
  EXPECT_EQ(w10.mentions, 3);
  EXPECT_NEAR(w10.mean_goldstein, (-10 * 2 + 1.9) / 3, 1e-9);
  EXPECT_NEAR(w10.mean_goldstein_events, (-10 + 1.9) / 2, 1e-9);
  for (int i = 1; i <= 3; ++i) {
    EXPECT_EQ((*rows)[i].events, 0) << (*rows)[i].period;
    EXPECT_EQ((*rows)[i].quad, (QuadCounts{0, 0, 0, 0}));
    EXPECT_EQ((*rows)[i].mean_goldstein, 0);
  }
  EXPECT_EQ((*rows)[1].period, "2024-W11");
  EXPECT_EQ((*rows)[3].start, "2024-03-25");
  EXPECT_EQ((*rows)[4].period, "2024-W14");
  EXPECT_EQ((*rows)[4].quad, (QuadCounts{0, 1, 0, 0}));
  EXPECT_NEAR((*rows)[4].mean_goldstein, 6.4, 1e-9);

  rows = db->Timeline(Filter{}, Period::kMonth);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].period, "2024-02");
  EXPECT_EQ((*rows)[1].events, 5);
  EXPECT_EQ((*rows)[2].start, "2024-04-01");

  rows = db->Timeline(Filter{}, Period::kDay);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->size(), 47u);  // 2024-02-15 .. 2024-04-01

  f.source = "ZZZ";
  rows = db->Timeline(f, Period::kWeek);
  ASSERT_TRUE(rows.ok());
  EXPECT_TRUE(rows->empty());
}

TEST_F(QueryTest, EventFilters) {
  Build();
  auto db = Open();
  ASSERT_TRUE(db);
  Filter f;
  EXPECT_EQ(Select(db.get(), f).size(), 7u);

  f.from = "2024-03-04";  // both ends inclusive
  f.to = "2024-03-10";
  EXPECT_EQ(
      Select(db.get(), f),
      (std::set<std::string>{"USAGOV>IRQ:190", "USA>IRQGOV:042", "USA>:010"}));
  f = Filter{};
  f.code = "19";
  EXPECT_EQ(Select(db.get(), f),
            (std::set<std::string>{"USAGOV>IRQ:190", "RUS>UKR:190"}));
  f.code = "11";
  EXPECT_EQ(Select(db.get(), f),
            (std::set<std::string>{"IRQ>USA:111", "USAGOV>USAOPP:112"}));
  f.code = "=111";
  EXPECT_EQ(Select(db.get(), f), (std::set<std::string>{"IRQ>USA:111"}));
  f = Filter{};
  f.root = "06";
  EXPECT_EQ(Select(db.get(), f), (std::set<std::string>{"USA>IRQ:061"}));
  f = Filter{};
  f.country = "IRQ";
  EXPECT_EQ(Select(db.get(), f),
            (std::set<std::string>{"USAGOV>IRQ:190", "USA>IRQGOV:042",
                                   "IRQ>USA:111", "USA>IRQ:061"}));
  f = Filter{};
  f.quad = 4;
  EXPECT_EQ(Select(db.get(), f),
            (std::set<std::string>{"USAGOV>IRQ:190", "RUS>UKR:190"}));
  f = Filter{};
  f.plover = "ACCUSE";
  EXPECT_EQ(Select(db.get(), f),
            (std::set<std::string>{"IRQ>USA:111", "USAGOV>USAOPP:112"}));
  f = Filter{};
  f.place_country = "IRQ";
  EXPECT_EQ(Select(db.get(), f), (std::set<std::string>{"USAGOV>IRQ:190"}));
  f = Filter{};
  f.source = "=USA";
  EXPECT_EQ(
      Select(db.get(), f),
      (std::set<std::string>{"USA>IRQGOV:042", "USA>:010", "USA>IRQ:061"}));
  f = Filter{};
  f.target = "=";  // no target
  EXPECT_EQ(Select(db.get(), f), (std::set<std::string>{"USA>:010"}));
  f = Filter{};
  f.actor = "USAOPP";
  EXPECT_EQ(Select(db.get(), f), (std::set<std::string>{"USAGOV>USAOPP:112"}));
  f = Filter{};
  f.actor = "IRQ";
  f.quad = 1;
  EXPECT_EQ(Select(db.get(), f), (std::set<std::string>{"USA>IRQGOV:042"}));
}

TEST_F(QueryTest, EventsCarryTheirFirstMentionAndOrder) {
  Build();
  auto db = Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->LoadCodeNames(DYAD_TEST_DATA_DIR "/cameo/codes.txt").ok());
  auto rows = db->Events(Filter{});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 7u);
  EXPECT_EQ(rows->front().date, "2024-04-01");  // newest first
  EXPECT_EQ(rows->back().date, "2024-02-15");
  rows = db->Events(Filter{}, EventOrder::kMentions);
  ASSERT_TRUE(rows.ok());
  const EventRow& e1 = rows->front();
  EXPECT_EQ(e1.code, "190");
  EXPECT_EQ(e1.source_code, "USAGOV");
  EXPECT_EQ(e1.code_name, "Use conventional military force");
  EXPECT_EQ(e1.num_mentions, 2);
  EXPECT_EQ(e1.num_articles, 2);
  EXPECT_EQ(e1.place_name, "Baghdad, Baghdad, Iraq");
  EXPECT_EQ(e1.place_country, "IRQ");
  ASSERT_TRUE(e1.lat.has_value());
  EXPECT_NEAR(*e1.lat, 33.34, 1e-9);
  const MentionRow& m = e1.first_mention;
  EXPECT_EQ(m.doc_id, "a1");
  EXPECT_EQ(m.url, "https://example.org/a1");
  EXPECT_EQ(m.source_text, "src USAGOV");
  EXPECT_EQ(m.target_text, "tgt IRQ");
  EXPECT_EQ(m.verb_text, "verbed");
  EXPECT_EQ(m.source_span.start, 0u);
  EXPECT_EQ(m.source_span.end, 6u);
  ASSERT_TRUE(m.target_span.has_value());
  EXPECT_EQ(m.target_span->start, 16u);
  EXPECT_EQ(m.verb_span.end, 13u);
  ASSERT_TRUE(m.place_span.has_value());
  EXPECT_EQ(m.place_span->start, 30u);
  EXPECT_EQ(m.place_text, "Baghdad");
  EXPECT_EQ(m.date_rule, "article");
  EXPECT_FALSE(m.date_span.has_value());

  rows = db->Events(Filter{}, EventOrder::kConflict);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->front().goldstein, -10);
  EXPECT_EQ(rows->back().goldstein, 6.4);

  auto detail = db->Event(e1.id);
  ASSERT_TRUE(detail.ok()) << detail.status().message();
  ASSERT_EQ(detail->mentions.size(), 2u);
  EXPECT_EQ(detail->mentions[0].doc_id, "a1");
  EXPECT_EQ(detail->mentions[1].doc_id, "a2");
  EXPECT_EQ(detail->event.code_name, "Use conventional military force");

  Filter sentence_dated;
  sentence_dated.code = "111";
  rows = db->Events(sentence_dated);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->front().first_mention.date_rule, "weekday");
  EXPECT_EQ(rows->front().first_mention.date_text, "on Monday");
  ASSERT_TRUE(rows->front().first_mention.date_span.has_value());
  EXPECT_EQ(rows->front().first_mention.date_span->end, 49u);
  EXPECT_FALSE(rows->front().first_mention.target_span->start == 0);

  auto missing = db->Event(999999);
  EXPECT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
}

// Values that look like SQL are values: they match no code, and do not
// widen the query.
TEST_F(QueryTest, HostileFilterValuesMatchNothing) {
  Build();
  auto db = Open();
  ASSERT_TRUE(db);
  for (const std::string& evil :
       {std::string("USA' OR 1=1 --"), std::string("\" OR \"\"=\""),
        std::string("%"), std::string("_"), std::string("USA%"),
        std::string("') UNION SELECT * FROM events --"),
        std::string("=USA' OR '1'='1")}) {
    for (std::string Filter::*field :
         {&Filter::source, &Filter::target, &Filter::actor, &Filter::country,
          &Filter::plover, &Filter::place_country}) {
      Filter f;
      f.*field = evil;
      auto rows = db->Events(f);
      ASSERT_TRUE(rows.ok()) << evil << ": " << rows.status().message();
      EXPECT_TRUE(rows->empty()) << evil;
      auto dyads = db->TopDyads(f);
      ASSERT_TRUE(dyads.ok());
      EXPECT_TRUE(dyads->empty()) << evil;
      auto timeline = db->Timeline(f, Period::kWeek);
      ASSERT_TRUE(timeline.ok());
      EXPECT_TRUE(timeline->empty()) << evil;
    }
  }
  // Codes, roots and dates must look like what they are.
  Filter f;
  f.code = "19' OR '1'='1";
  EXPECT_EQ(db->Events(f).status().code(), Status::Code::kInvalidArgument);
  f = Filter{};
  f.from = "2024-01-01' OR 1=1";
  EXPECT_EQ(db->Events(f).status().code(), Status::Code::kInvalidArgument);
  // The database is still whole.
  EXPECT_EQ(db->Events(Filter{})->size(), 7u);
}

TEST_F(QueryTest, LimitsAreBounded) {
  Build();
  auto db = Open();
  ASSERT_TRUE(db);
  Filter f;
  f.limit = 0;  // the default
  EXPECT_EQ(db->Events(f)->size(), 7u);
  f.limit = 2;
  EXPECT_EQ(db->Events(f)->size(), 2u);
  f.limit = int64_t{1} << 62;  // cut to kMaxLimit
  EXPECT_EQ(db->Events(f)->size(), 7u);
  EXPECT_EQ(db->TopActors(f)->size(), 7u);
  f.limit = -1;
  auto rows = db->Events(f);
  EXPECT_FALSE(rows.ok());
  EXPECT_NE(rows.status().message().find("--limit"), std::string::npos);
}

TEST_F(QueryTest, BadFiltersNameTheirFlag) {
  auto with = [](auto set) {
    Filter f;
    set(f);
    return f;
  };
  struct {
    Filter f;
    const char* flag;
  } cases[] = {
      {with([](Filter& f) { f.from = "2024-02-30"; }), "--from"},
      {with([](Filter& f) { f.to = "yesterday"; }), "--to"},
      {with([](Filter& f) {
         f.from = "2024-03-02";
         f.to = "2024-03-01";
       }),
       "--from"},
      {with([](Filter& f) { f.code = "1x"; }), "--code"},
      {with([](Filter& f) { f.code = "12345"; }), "--code"},
      {with([](Filter& f) { f.root = "21"; }), "--root"},
      {with([](Filter& f) { f.quad = 5; }), "--quad"},
      {with([](Filter& f) { f.limit = -5; }), "--limit"},
  };
  for (const auto& c : cases) {
    Status s = ValidateFilter(c.f);
    EXPECT_FALSE(s.ok()) << c.flag;
    EXPECT_EQ(s.message().rfind(c.flag, 0), 0u) << s.message();
  }
  EXPECT_TRUE(
      ValidateFilter(with([](Filter& f) { f.from = "2024-02-29"; })).ok());
}

TEST_F(QueryTest, UnknownPloverIsRefusedOnceTheTableIsLoaded) {
  Build();
  auto db = Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->LoadCodeNames(DYAD_TEST_DATA_DIR "/cameo/codes.txt").ok());
  Filter f;
  f.plover = "ASSAULTS";
  auto rows = db->Events(f);
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.status().message().find("--plover: 'ASSAULTS'"),
            std::string::npos);
}

TEST_F(QueryTest, BadDatabaseFilesAreNamed) {
  auto missing = EventDb::Open(path_);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find(path_), std::string::npos);
  EXPECT_FALSE(fs::exists(path_));  // read-only: nothing created

  {
    std::ofstream junk(path_, std::ios::binary);
    junk << std::string(8192, 'x');
  }
  auto corrupt = EventDb::Open(path_);
  ASSERT_FALSE(corrupt.ok());
  EXPECT_NE(corrupt.status().message().find(path_ + ": not a SQLite database"),
            std::string::npos)
      << corrupt.status().message();

  fs::remove(path_);
  Exec("CREATE TABLE other (x)");
  auto other = EventDb::Open(path_);
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.status().message().find("not a dyad event database"),
            std::string::npos)
      << other.status().message();

  fs::remove(path_);
  Build();
  Exec("UPDATE meta SET value = '3' WHERE key = 'schema_version'");
  auto future = EventDb::Open(path_);
  ASSERT_FALSE(future.ok());
  EXPECT_NE(future.status().message().find("schema version 3"),
            std::string::npos);

  // A truncated database: the header is there, the pages are not.
  fs::remove(path_);
  Build();
  Exec("PRAGMA wal_checkpoint(TRUNCATE)");
  fs::resize_file(path_, 4096 + 100);
  auto cut = EventDb::Open(path_);
  EXPECT_TRUE(!cut.ok() || !(*cut)->Stats().ok());
}

// A schema-1 database (no places, no sentence dates) is read; the columns
// it lacks come back empty and a place filter is refused.
TEST_F(QueryTest, ReadsSchemaVersion1) {
  Build();
  std::string drop;
  for (const char* c :
       {"date_text", "date_start", "date_end", "date_rule", "date_precision",
        "place_name", "place_text", "place_start", "place_end", "place_rule"})
    drop += std::string("ALTER TABLE mentions DROP COLUMN ") + c + ";";
  for (const char* c : {"geo_type", "geo_name", "geo_country", "geo_fips",
                        "geo_adm1", "geo_feature_id", "geo_lat", "geo_lon"})
    drop += std::string("ALTER TABLE events DROP COLUMN ") + c + ";";
  Exec("DROP INDEX events_place; DROP INDEX mentions_dated;" + drop +
       "UPDATE meta SET value = '1' WHERE key = 'schema_version'");
  auto db = Open();
  ASSERT_TRUE(db);
  EXPECT_EQ(db->schema_version(), 1);
  auto st = db->Stats();
  ASSERT_TRUE(st.ok()) << st.status().message();
  EXPECT_EQ(st->events, 7);
  EXPECT_EQ(st->events_with_place, 0);
  auto rows = db->Events(Filter{}, EventOrder::kMentions);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  EXPECT_EQ(rows->front().place_name, "");
  EXPECT_EQ(rows->front().first_mention.doc_id, "a1");
  EXPECT_FALSE(rows->front().first_mention.place_span.has_value());
  auto detail = db->Event(rows->front().id);
  ASSERT_TRUE(detail.ok()) << detail.status().message();
  EXPECT_EQ(detail->mentions.size(), 2u);
  Filter f;
  f.place_country = "IRQ";
  auto placed = db->Events(f);
  ASSERT_FALSE(placed.ok());
  EXPECT_NE(placed.status().message().find("schema-1"), std::string::npos);
  auto weeks = db->Timeline(Filter{}, Period::kWeek);
  ASSERT_TRUE(weeks.ok());
  EXPECT_EQ(weeks->size(), 8u);  // 2024-W07 .. 2024-W14
}

}  // namespace
}  // namespace dyad
