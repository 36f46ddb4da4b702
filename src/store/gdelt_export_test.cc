#include "store/gdelt_export.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "store/sqlite_store.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> Split(const std::string& line) {
  std::vector<std::string> f;
  size_t start = 0;
  for (;;) {
    size_t tab = line.find('\t', start);
    f.push_back(line.substr(start, tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return f;
}

TEST(GdeltExportTest, SplitsActorCodes) {
  GdeltActorParts p = SplitActorCode("USAGOV");
  EXPECT_EQ(p.country, "USA");
  EXPECT_EQ(p.type1, "GOV");
  p = SplitActorCode("IGOUNOSEC");
  EXPECT_EQ(p.country, "");
  EXPECT_EQ(p.type1, "IGO");
  EXPECT_EQ(p.known_group, "UNO");
  p = SplitActorCode("AFGREBTAL");
  EXPECT_EQ(p.country, "AFG");
  EXPECT_EQ(p.type1, "REB");
  p = SplitActorCode("CVL");
  EXPECT_EQ(p.country, "");
  EXPECT_EQ(p.type1, "CVL");
  p = SplitActorCode("RUSMILGOV");
  EXPECT_EQ(p.type1, "MIL");
  EXPECT_EQ(p.type2, "GOV");
}

TEST(GdeltExportTest, EventsAndMentionsInGdeltColumns) {
  const fs::path dir =
      fs::temp_directory_path() / ("dyad-gdelt-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string db = (dir / "events.db").string();
  {
    auto store = SqliteStore::Open(db);
    ASSERT_TRUE(store.ok()) << store.status().message();
    InputRecord r;
    r.article.id = "a1";
    r.article.text = "Russian forces shelled Ukrainian positions.";
    r.article.date = ParseDate("2024-03-05");
    r.article.url = "https://www.example.org/news/1";
    CodedArticle coded;
    coded.sentences = 1;
    Event e;
    // "... shelled Ukrainian positions yesterday": the event's date is the
    // day before the article's.
    e.date = "2024-03-04";
    e.article_date = "2024-03-05";
    e.date_source = DateSource{"relative-day", "day", "yesterday", {43, 52}};
    e.source = EventActor{"RUSMIL", "RUS", "Russian forces", {0, 14}};
    e.target = EventActor{"UKR", "UKR", "Ukrainian positions", {23, 42}};
    e.code = "194";
    e.root = "19";
    e.quad_class = 4;
    e.goldstein = -10;
    e.verb_text = "shelled";
    e.verb = {15, 22};
    coded.events = {e, e};
    coded.events[1].sentence = 3;
    // The second mention names the place; the event takes it.
    EventPlace place;
    place.type = 4;
    place.name = "Kharkiv, Kharkivska Oblast, Ukraine";
    place.country = "UKR";
    place.fips = "UP";
    place.adm1 = "UP07";
    place.feature_id = "706483";
    place.lat = 49.98081;
    place.lon = 36.25272;
    place.has_coords = true;
    place.text = "Kharkiv";
    place.span = {100, 107};
    place.rule = "locative";
    coded.events[1].place = place;
    ASSERT_TRUE((*store)->Add(r, coded).ok());
    ASSERT_TRUE((*store)->EndBatch().ok());
  }
  std::ostringstream events, mentions;
  long n = 0;
  ASSERT_TRUE(ExportGdelt(db, GdeltTable::kEvents, &events, &n).ok());
  EXPECT_EQ(n, 1);
  std::vector<std::string> f =
      Split(events.str().substr(0, events.str().size() - 1));
  ASSERT_EQ(f.size(), 61u);
  EXPECT_EQ(f[1], "20240304");        // SQLDATE: the event's date
  EXPECT_EQ(f[2], "202403");          // MonthYear
  EXPECT_EQ(f[3], "2024");            // Year
  EXPECT_EQ(f[4], "2024.1753");       // FractionDate: day 64 / 365
  EXPECT_EQ(f[5], "RUSMIL");          // Actor1Code
  EXPECT_EQ(f[6], "Russian forces");  // Actor1Name
  EXPECT_EQ(f[7], "RUS");             // Actor1CountryCode
  EXPECT_EQ(f[12], "MIL");            // Actor1Type1Code
  EXPECT_EQ(f[15], "UKR");            // Actor2Code
  EXPECT_EQ(f[17], "UKR");            // Actor2CountryCode
  EXPECT_EQ(f[25], "1");              // IsRootEvent
  EXPECT_EQ(f[26], "194");            // EventCode
  EXPECT_EQ(f[28], "19");             // EventRootCode
  EXPECT_EQ(f[29], "4");              // QuadClass
  EXPECT_EQ(f[30], "-10.0");          // GoldsteinScale
  EXPECT_EQ(f[31], "2");              // NumMentions
  EXPECT_EQ(f[33], "1");              // NumArticles
  EXPECT_EQ(f[35], "0");              // Actor1Geo_Type: not placed
  EXPECT_EQ(f[43], "0");              // Actor2Geo_Type
  EXPECT_EQ(f[51], "4");              // ActionGeo_Type: world city
  EXPECT_EQ(f[52], "Kharkiv, Kharkivska Oblast, Ukraine");
  EXPECT_EQ(f[53], "UP");              // ActionGeo_CountryCode (FIPS)
  EXPECT_EQ(f[54], "UP07");            // ActionGeo_ADM1Code
  EXPECT_EQ(f[55], "");                // ActionGeo_ADM2Code
  EXPECT_EQ(f[56], "49.9808");         // ActionGeo_Lat
  EXPECT_EQ(f[57], "36.2527");         // ActionGeo_Long
  EXPECT_EQ(f[58], "706483");          // ActionGeo_FeatureID
  EXPECT_EQ(f[59], "20240305000000");  // DATEADDED: the article's date
  EXPECT_EQ(f[60], "https://www.example.org/news/1");

  ASSERT_TRUE(ExportGdelt(db, GdeltTable::kMentions, &mentions, &n).ok());
  EXPECT_EQ(n, 2);
  std::istringstream lines(mentions.str());
  std::string line;
  std::getline(lines, line);
  f = Split(line);
  ASSERT_EQ(f.size(), 16u);
  EXPECT_EQ(f[1], "20240304000000");  // EventTimeDate: the event's date
  EXPECT_EQ(f[2], "20240305000000");  // MentionTimeDate: the article's
  EXPECT_EQ(f[4], "example.org");     // MentionSourceName from the URL
  EXPECT_EQ(f[6], "1");               // SentenceID, from 1
  EXPECT_EQ(f[7], "0");               // Actor1CharOffset
  EXPECT_EQ(f[8], "23");
  EXPECT_EQ(f[9], "15");
  EXPECT_EQ(f[12], "43");  // MentionDocLen
  std::getline(lines, line);
  EXPECT_EQ(Split(line)[6], "4");

  std::ostringstream none;
  Status missing =
      ExportGdelt((dir / "nothing.db").string(), GdeltTable::kEvents, &none);
  EXPECT_FALSE(missing.ok());
  EXPECT_NE(missing.message().find("nothing.db"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dyad
