// PlaceFinder and the places the Coder gives events, over a small
// gazetteer written here and the repository's dictionaries.
#include "coding/place_finder.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "dyad/coder.h"
#include "geo/gazetteer.h"
#include "text/normalizer.h"
#include "text/sentence_splitter.h"

namespace dyad {
namespace {

constexpr std::string_view kCountries =
    "COL\tCO\tCO\tColombia\n"
    "IRQ\tIQ\tIZ\tIraq\n"
    "LBN\tLB\tLE\tLebanon\n"
    "LBY\tLY\tLY\tLibya\n"
    "PAK\tPK\tPK\tPakistan\n"
    "POL\tPL\tPL\tPoland\n"
    "BRA\tBR\tBR\tBrazil\n"
    "USA\tUS\tUS\tUnited States\n"
    "VEN\tVE\tVE\tVenezuela\n"
    "BOL\tBO\tBL\tBolivia\n";

constexpr std::string_view kPlaces =
    "R\tCO\t29\tValle del Cauca Department\n"
    "R\tCO\t38\tMagdalena Department\n"
    "R\tIQ\t15\tNineveh\n"
    "R\tVE\t22\tSucre\n"
    "C\t3645528\tCumaná\tVE\t22\tPPLA\t257783\t10.45397\t-64.18256\n"
    "C\t3903987\tSucre\tBO\t01\tPPLC\t224838\t-19.03332\t-65.26274\n"
    "C\t3680387\tJamundí\tCO\t29\tPPLA2\t44833\t3.26074\t-76.53499\n"
    "C\t3668605\tSanta Marta\tCO\t38\tPPLA\t431781\t11.24079\t-74.19904\n"
    "C\t3688689\tBogotá\tCO\t34\tPPLC\t7674366\t4.60971\t-74.08175\n"
    "C\t99072\tMosul\tIQ\t15\tPPLA\t1739800\t36.335\t43.11889\n"
    "C\t266826\tTripoli\tLB\t09\tPPLA\t229398\t34.43352\t35.84415\n"
    "C\t2210247\tTripoli\tLY\t77\tPPLC\t1150989\t32.88743\t13.18733\n"
    "C\t3449433\tSantos\tBR\t27\tPPL\t433966\t-23.96083\t-46.33361\n"
    "C\t3088461\tPolice\tPL\t87\tPPL\t5000\t53.55214\t16.10172\n"
    "C\t1\tMay\tUS\tTX\tPPL\t300000\t31.97\t-98.91\n"
    "";

std::string TestGazetteerFile() {
  static const std::string path = [] {
    std::string p = ::testing::TempDir() + "/place_finder_gazetteer.tsv";
    std::ofstream(p) << kPlaces;
    return p;
  }();
  return path;
}

class PlaceFinderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto d =
        DictionarySet::Load({DYAD_TEST_DATA_DIR, DYAD_TEST_GENERATED_DATA_DIR});
    ASSERT_TRUE(d.ok()) << d.status().message();
    dicts_ = new std::shared_ptr<const DictionarySet>(d.value());
    auto g = Gazetteer::FromText(kPlaces, kCountries);
    ASSERT_TRUE(g.ok()) << g.status().message();
    gaz_ = new std::shared_ptr<const Gazetteer>(g.value());
  }

  // "name@country:L" for each place found (L when locative).
  std::vector<std::string> Find(const std::string& sentence,
                                std::vector<uint16_t> hints = {}) {
    NormalizedText norm = Normalize(sentence);
    PlaceFinder finder(dicts_->get(), gaz_->get());
    std::vector<std::string> out;
    for (const PlaceMention& m :
         finder.Find(norm, 0, norm.text.size(), hints, nullptr)) {
      const GeoPlace& p = (*gaz_)->place(m.place);
      out.push_back(norm.text.substr(m.begin, m.end - m.begin) + "@" +
                    (*gaz_)->country_of(p).iso3 + (m.locative ? ":L" : ""));
    }
    return out;
  }
  uint16_t CountryIndex(std::string_view iso3) {
    return (*gaz_)->place((*gaz_)->CountryByIso3(iso3)->place).country;
  }

  static std::shared_ptr<const DictionarySet>* dicts_;
  static std::shared_ptr<const Gazetteer>* gaz_;
};
std::shared_ptr<const DictionarySet>* PlaceFinderTest::dicts_ = nullptr;
std::shared_ptr<const Gazetteer>* PlaceFinderTest::gaz_ = nullptr;

using Places = std::vector<std::string>;

TEST_F(PlaceFinderTest, CityQualifiedByItsRegion) {
  EXPECT_EQ(Find("Troops clashed with rebels in Jamundi, Valle del Cauca."),
            (Places{"Jamundi@COL:L", "Valle del Cauca@COL"}));
}

TEST_F(PlaceFinderTest, LocativePhrases) {
  EXPECT_EQ(Find("Iraqi forces attacked fighters north of Mosul."),
            (Places{"Mosul@IRQ:L"}));
  EXPECT_EQ(Find("Clashes broke out in northern Mosul."),
            (Places{"Mosul@IRQ:L"}));
  EXPECT_EQ(Find("The United States sent troops to Iraq."),
            (Places{"United States@USA", "Iraq@IRQ"}));
  EXPECT_EQ(Find("A bomb exploded in Iraq."), (Places{"Iraq@IRQ:L"}));
}

TEST_F(PlaceFinderTest, NamesInsideLongerNamesAreNotPlaces) {
  EXPECT_EQ(Find("Colombian President Juan Manuel Santos spoke."), Places{});
  EXPECT_EQ(Find("The Santa Marta Police Department arrested him."), Places{});
  EXPECT_EQ(Find("Colombian soldiers patrolled."), Places{});  // a demonym
}

TEST_F(PlaceFinderTest, CommonWordsMonthsAndWeekdaysNeedMore) {
  EXPECT_EQ(Find("Police arrested five men."), Places{});
  EXPECT_EQ(Find("They met in May."), Places{});
  // A small place with a common-word name: only in a country the article
  // names, after a locative preposition.
  EXPECT_EQ(Find("The men were held in Police."), Places{});
  EXPECT_EQ(Find("The men were held in Police.", {CountryIndex("POL")}),
            (Places{"Police@POL:L"}));
}

TEST_F(PlaceFinderTest, RegionWordsPickRegions) {
  // Sucre: a region of Venezuela and the capital of Bolivia.
  EXPECT_EQ(Find("A grenade exploded in Sucre."), (Places{"Sucre@BOL:L"}));
  EXPECT_EQ(Find("A grenade exploded in the state of Sucre."),
            (Places{"Sucre@VEN:L"}));
  EXPECT_EQ(Find("A grenade exploded in Sucre state."),
            (Places{"Sucre@VEN:L"}));
}

TEST_F(PlaceFinderTest, AmbiguousNamesFollowTheArticle) {
  EXPECT_EQ(Find("A car bomb exploded in Tripoli."), (Places{"Tripoli@LBY:L"}));
  EXPECT_EQ(Find("A car bomb exploded in Tripoli.", {CountryIndex("LBN")}),
            (Places{"Tripoli@LBN:L"}));
  EXPECT_EQ(Find("A car bomb exploded in Tripoli, Lebanon."),
            (Places{"Tripoli@LBN:L", "Lebanon@LBN"}));
}

TEST_F(PlaceFinderTest, UnqualifiedMentionsOnlyInTheArticlesCountries) {
  // "Santos" alone without a preposition: a surname unless the article is
  // about Brazil.
  EXPECT_EQ(Find("Santos denied the charges."), Places{});
  EXPECT_EQ(Find("Santos port workers went on strike.", {CountryIndex("BRA")}),
            (Places{"Santos@BRA"}));
}

TEST_F(PlaceFinderTest, Dateline) {
  NormalizedText norm = Normalize("BOGOTA, Colombia");
  PlaceFinder finder(dicts_->get(), gaz_->get());
  uint32_t p = finder.Dateline(norm, 0, norm.text.size(), {});
  ASSERT_NE(p, UINT32_MAX);
  EXPECT_EQ((*gaz_)->place(p).geonameid, 3688689);
  norm = Normalize("IRAQ");
  p = finder.Dateline(norm, 0, norm.text.size(), {});
  ASSERT_NE(p, UINT32_MAX);
  EXPECT_EQ((*gaz_)->place(p).kind, GeoKind::kCountry);
}

// The Coder with this gazetteer: the event's place, its words and rule.
TEST(CoderPlacesTest, EventsGetTheirPlace) {
  CoderOptions o;
  o.dictionary_dirs = {DYAD_TEST_DATA_DIR, DYAD_TEST_GENERATED_DATA_DIR};
  o.gazetteer = TestGazetteerFile();
  auto coder = Coder::Create(o);
  ASSERT_TRUE(coder.ok()) << coder.status().message();
  ASSERT_TRUE((*coder)->gazetteer_status().ok());
  Article a;
  a.id = "a";
  a.text =
      "BOGOTA, Colombia (AP) -- Colombian troops clashed with FARC rebels in "
      "Jamundi, Valle del Cauca. The army attacked the rebels.";
  CodedArticle out = (*coder)->Code(a);
  ASSERT_EQ(out.events.size(), 2u);
  ASSERT_TRUE(out.events[0].place);
  const EventPlace& p = *out.events[0].place;
  EXPECT_EQ(p.name, "Jamundí, Valle del Cauca, Colombia");
  EXPECT_EQ(p.rule, "locative");
  EXPECT_EQ(p.text, "Jamundi");
  EXPECT_EQ(a.text.substr(p.span.start, p.span.end - p.span.start), "Jamundi");
  EXPECT_EQ(p.type, 4);
  EXPECT_EQ(p.adm1, "CO29");
  EXPECT_EQ(p.feature_id, "3680387");
  // The second sentence names no place: the dateline's.
  ASSERT_TRUE(out.events[1].place);
  EXPECT_EQ(out.events[1].place->rule, "dateline");
  EXPECT_EQ(out.events[1].place->text, "BOGOTA");
  EXPECT_EQ(out.events[1].place->country, "COL");
}

TEST(CoderPlacesTest, TheTownIsTheCityNamedJustBefore) {
  CoderOptions o;
  o.dictionary_dirs = {DYAD_TEST_DATA_DIR, DYAD_TEST_GENERATED_DATA_DIR};
  o.gazetteer = TestGazetteerFile();
  auto coder = Coder::Create(o);
  ASSERT_TRUE(coder.ok()) << coder.status().message();
  Article a;
  a.id = "a";
  a.text =
      "Colombian troops clashed with FARC rebels in Jamundi. The rebels "
      "attacked a police station in the town. Later the rebels attacked "
      "soldiers throughout the region.";
  CodedArticle out = (*coder)->Code(a);
  ASSERT_EQ(out.events.size(), 3u);
  ASSERT_TRUE(out.events[1].place);
  EXPECT_EQ(out.events[1].place->rule, "context");
  EXPECT_EQ(out.events[1].place->text, "the town");
  EXPECT_EQ(out.events[1].place->feature_id, "3680387");
  // "the region" is not taken for the city: too often somewhere wider.
  EXPECT_FALSE(out.events[2].place);
}

TEST(CoderPlacesTest, NoGazetteerMeansNoPlacesNotFailure) {
  CoderOptions o;
  o.dictionary_dirs = {DYAD_TEST_DATA_DIR, DYAD_TEST_GENERATED_DATA_DIR};
  o.gazetteer = ::testing::TempDir() + "/no_such_gazetteer.tsv";
  auto coder = Coder::Create(o);
  ASSERT_TRUE(coder.ok());
  EXPECT_EQ((*coder)->gazetteer_status().code(), Status::Code::kNotFound);
  Article a;
  a.id = "a";
  a.text = "Iraqi forces attacked fighters north of Mosul.";
  CodedArticle out = (*coder)->Code(a);
  ASSERT_FALSE(out.events.empty());
  EXPECT_FALSE(out.events[0].place);
}

TEST(CoderPlacesTest, BrokenGazetteerFailsWithFileAndLine) {
  const std::string path = ::testing::TempDir() + "/broken_gazetteer.tsv";
  std::ofstream(path) << "C\t1\tX\tCO\t29\tPPL\t10\t1\t1\nC\tbad line\n";
  CoderOptions o;
  o.dictionary_dirs = {DYAD_TEST_DATA_DIR, DYAD_TEST_GENERATED_DATA_DIR};
  o.gazetteer = path;
  auto coder = Coder::Create(o);
  ASSERT_FALSE(coder.ok());
  EXPECT_NE(coder.status().message().find(path + ":2:"), std::string::npos)
      << coder.status().message();
}

}  // namespace
}  // namespace dyad
