// The JSON API without HTTP (AnswerApi): parameters, errors and the
// database met afresh on each request. The HTTP side (paths, sizes, slow
// clients) is tested on the real server by tests/web/hostile_test.py.
#include "serve/server.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "query/query.h"
#include "store/sqlite_store.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dyad-serve-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    options_.db_path = (dir_ / "events.db").string();
    auto store = SqliteStore::Open(options_.db_path);
    ASSERT_TRUE(store.ok()) << store.status().message();
    InputRecord r;
    r.article.id = "a1";
    r.article.text = "Russian forces shelled Ukrainian positions near Kharkiv.";
    r.article.date = ParseDate("2024-03-05");
    CodedArticle coded;
    Event e;
    e.date = e.article_date = "2024-03-05";
    e.source = EventActor{"RUSMIL", "RUS", "Russian forces", {0, 14}};
    e.target = EventActor{"UKR", "UKR", "Ukrainian positions", {23, 42}};
    e.code = "194";
    e.root = "19";
    e.quad_class = 4;
    e.goldstein = -10;
    e.verb_text = "shelled";
    e.verb = {15, 22};
    e.sentence_span = {0, 56};
    e.rule = "active";
    EventPlace p;
    p.type = 4;
    p.name = "Kharkiv, Kharkivska Oblast, Ukraine";
    p.country = "UKR";
    p.lat = 49.98;
    p.lon = 36.25;
    p.has_coords = true;
    p.text = "Kharkiv";
    p.span = {48, 55};
    p.rule = "locative";
    e.place = p;
    coded.events = {e};
    ASSERT_TRUE((*store)->Add(r, coded).ok());
    ASSERT_TRUE((*store)->EndBatch().ok());
  }
  void TearDown() override { fs::remove_all(dir_); }

  ApiReply Get(const std::string& path,
               std::multimap<std::string, std::string> params = {}) {
    return AnswerApi(options_, path, params);
  }

  fs::path dir_;
  ServeOptions options_;
};

TEST_F(ApiTest, AnswersEachPath) {
  ApiReply r = Get("/api/stats");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("\"events\":1"), std::string::npos) << r.body;
  r = Get("/api/timeline", {{"by", "week"}, {"source", "RUS"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("2024-W10"), std::string::npos) << r.body;
  r = Get("/api/places");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("\"name\":\"Kharkiv, Kharkivska Oblast, Ukraine\""),
            std::string::npos)
      << r.body;
  r = Get("/api/event", {{"id", "1"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("\"sentence_start\":0"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\"explain\":\"{\\\"rule\\\": \\\"active\\\""),
            std::string::npos)
      << r.body;
  for (const char* path : {"/api/top/dyads", "/api/top/actors", "/api/events"})
    EXPECT_EQ(Get(path).status, 200) << path;
}

TEST_F(ApiTest, BadParametersAre400WithAMessage) {
  for (const auto& params :
       std::vector<std::multimap<std::string, std::string>>{
           {{"nonsense", "1"}},
           {{"source", "A"}, {"source", "B"}},
           {{"limit", "-5"}},
           {{"limit", "12x"}},
           {{"quad", "7"}},
           {{"from", "2024-13-01"}},
           {{"order", "random"}},
           {{"source", std::string(300, 'A')}}}) {
    ApiReply r = Get("/api/events", params);
    EXPECT_EQ(r.status, 400) << params.begin()->first;
    EXPECT_EQ(r.body.rfind("{\"error\": ", 0), 0u) << r.body;
  }
  EXPECT_EQ(Get("/api/timeline", {{"by", "hour"}}).status, 400);
  EXPECT_EQ(Get("/api/event", {{"id", "0"}}).status, 400);
  EXPECT_EQ(Get("/api/event", {{"id", "77"}}).status, 404);
  EXPECT_EQ(Get("/api/secret").status, 404);
}

TEST_F(ApiTest, SqlInValuesMatchesNothing) {
  ApiReply r = Get("/api/events", {{"source", "RUS' OR 1=1 --"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "[]");
  r = Get("/api/events", {{"source", "RUS"}});
  EXPECT_NE(r.body, "[]");
}

TEST_F(ApiTest, ABrokenOrMissingDatabaseIs503NamingIt) {
  std::ofstream(options_.db_path, std::ios::trunc) << "not a database";
  fs::remove(options_.db_path + "-wal");
  fs::remove(options_.db_path + "-shm");
  ApiReply r = Get("/api/stats");
  EXPECT_EQ(r.status, 503);
  EXPECT_NE(r.body.find("events.db"), std::string::npos) << r.body;
  fs::remove(options_.db_path);
  EXPECT_EQ(Get("/api/stats").status, 503);
}

TEST_F(ApiTest, QueriesStopAtTheTimeLimit) {
  {
    // Enough rows for a query to run past a check of the clock.
    auto store = SqliteStore::Open(options_.db_path);
    ASSERT_TRUE(store.ok());
    InputRecord r;
    r.article.id = "many";
    r.article.text = "x";
    CodedArticle coded;
    for (int i = 0; i < 500; ++i) {
      Event e;
      e.date = "2024-01-" + std::string(i % 28 < 9 ? "0" : "") +
               std::to_string(i % 28 + 1);
      e.source = EventActor{"A" + std::to_string(i), "", "a", {0, 1}};
      e.code = "190";
      e.root = "19";
      e.quad_class = 4;
      coded.events.push_back(e);
    }
    ASSERT_TRUE((*store)->Add(r, coded).ok());
    ASSERT_TRUE((*store)->EndBatch().ok());
  }
  auto db = EventDb::Open(options_.db_path);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE((*db)->Stats().ok());  // no limit
  (*db)->SetTimeLimit(1);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto stats = (*db)->Stats();
  EXPECT_FALSE(stats.ok());
  (*db)->SetTimeLimit(0);
  EXPECT_TRUE((*db)->Stats().ok());
}

}  // namespace
}  // namespace dyad
