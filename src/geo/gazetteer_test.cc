#include "geo/gazetteer.h"

#include <gtest/gtest.h>

#include <fstream>

namespace dyad {
namespace {

constexpr std::string_view kCountries =
    "# test countries\n"
    "COL\tCO\tCO\tColombia\n"
    "IRQ\tIQ\tIZ\tIraq\n"
    "LBN\tLB\tLE\tLebanon\n"
    "LBY\tLY\tLY\tLibya\n"
    "USA\tUS\tUS\tUnited States\n";

constexpr std::string_view kPlaces =
    "R\tCO\t29\tValle del Cauca Department\n"
    "R\tIQ\t07\tBaghdad\n"
    "R\tIQ\t01\tAnbar\n"
    "R\tUS\tTX\tTexas\n"
    "C\t3680387\tJamundí\tCO\t29\tPPLA2\t44833\t3.26074\t-76.53499\n"
    "C\t3687925\tCali\tCO\t29\tPPLA\t2392877\t3.43722\t-76.5225\n"
    "C\t3688689\tBogotá\tCO\t34\tPPLC\t7674366\t4.60971\t-74.08175\n"
    "C\t98182\tBaghdad\tIQ\t07\tPPLC\t7216000\t33.34058\t44.40088\n"
    "C\t99454\tAl Fallūjah\tIQ\t01\tPPLA2\t190159\t33.34913\t43.78599\n"
    "C\t266826\tTripoli\tLB\t09\tPPLA\t229398\t34.43352\t35.84415\n"
    "C\t2210247\tTripoli\tLY\t77\tPPLC\t1150989\t32.88743\t13.18733\n"
    "C\t4699066\tHouston\tUS\tTX\tPPLA2\t2296224\t29.76328\t-95.36327\n"
    "C\t1\tSomewhere\tZZ\t01\tPPL\t5000\t1\t1\n";  // unknown country: skipped

std::shared_ptr<const Gazetteer> Small() {
  auto g = Gazetteer::FromText(kPlaces, kCountries);
  EXPECT_TRUE(g.ok()) << g.status().message();
  return g.ok() ? g.value() : nullptr;
}

TEST(GazetteerTest, FoldsCaseAccentsAndPunctuation) {
  EXPECT_EQ(Gazetteer::Fold("Bogotá"), "bogota");
  EXPECT_EQ(Gazetteer::Fold("Al Fallūjah"), "al fallujah");
  EXPECT_EQ(Gazetteer::Fold("N'Djamena"), "n djamena");
  EXPECT_EQ(Gazetteer::Fold("N’Djamena"), "n djamena");
  EXPECT_EQ(Gazetteer::Fold("Winston-Salem"), "winston salem");
  EXPECT_EQ(Gazetteer::Fold("St. Louis"), "st louis");
  EXPECT_EQ(Gazetteer::Fold("  São   Paulo "), "sao paulo");
  EXPECT_EQ(Gazetteer::Fold("Kraków"), "krakow");
  EXPECT_EQ(Gazetteer::Fold("Москва"), "Москва");  // left as it is
}

TEST(GazetteerTest, LooksUpFoldedNamesAndAliases) {
  auto g = Small();
  ASSERT_NE(g, nullptr);
  auto jamundi = g->Lookup("jamundi");
  ASSERT_EQ(jamundi.size(), 1u);
  EXPECT_EQ(g->place(jamundi[0]).geonameid, 3680387);
  // A region without its generic word, a place without its article.
  ASSERT_EQ(g->Lookup("valle del cauca").size(), 1u);
  EXPECT_EQ(g->place(g->Lookup("valle del cauca")[0]).kind, GeoKind::kRegion);
  ASSERT_EQ(g->Lookup("fallujah").size(), 1u);
  EXPECT_TRUE(g->Lookup("somewhere").empty());
  EXPECT_TRUE(g->Lookup("colombia").empty());  // countries via dictionaries
  EXPECT_EQ(g->Lookup("tripoli").size(), 2u);
  EXPECT_GE(g->max_words(), 3);
}

TEST(GazetteerTest, ChoosesByQualifierHintAndSize) {
  auto g = Small();
  ASSERT_NE(g, nullptr);
  auto tripoli = g->Lookup("tripoli");
  // No hint: the capital of Libya (more people, a capital).
  EXPECT_EQ(g->country_of(g->place(g->Choose(tripoli, {}, nullptr))).iso3,
            "LBY");
  // An article about Lebanon.
  const uint16_t lebanon = g->place(g->CountryByIso3("LBN")->place).country;
  std::vector<uint16_t> hints = {lebanon};
  EXPECT_EQ(g->country_of(g->place(g->Choose(tripoli, hints, nullptr))).iso3,
            "LBN");
  // A qualifier that contains neither: nothing.
  const GeoPlace& iraq = g->place(g->CountryByIso3("IRQ")->place);
  EXPECT_EQ(g->Choose(tripoli, {}, &iraq), UINT32_MAX);
  // A city over the region of the same name.
  uint32_t baghdad = g->Choose(g->Lookup("baghdad"), {}, nullptr);
  EXPECT_EQ(g->place(baghdad).kind, GeoKind::kCity);
}

TEST(GazetteerTest, AliasesAndShortNames) {
  auto g = Gazetteer::FromText(
      std::string(kPlaces) +
          "C\t4140963\tWashington, D.C.\tUS\tDC\tPPLC\t601723\t38.9\t-77.0\n"
          "C\t5128581\tNew York City\tUS\tNY\tPPL\t8175133\t40.7\t-74.0\n",
      kCountries, "# aliases\nBaghdad City\tIQ\tBaghdad\nX\tIQ\tNowhere\n");
  ASSERT_TRUE(g.ok()) << g.status().message();
  ASSERT_EQ(g.value()->Lookup("washington").size(), 1u);
  ASSERT_EQ(g.value()->Lookup("new york").size(), 1u);
  auto alias = g.value()->Lookup("baghdad city");
  ASSERT_EQ(alias.size(), 1u);
  EXPECT_EQ(g.value()->place(alias[0]).geonameid, 98182);  // the city
  EXPECT_TRUE(g.value()->Lookup("x").empty());             // names nothing here
  auto bad = Gazetteer::FromText(kPlaces, kCountries, "Rio\tBR\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("aliases:1:"), std::string::npos);
}

TEST(GazetteerTest, GdeltFields) {
  auto g = Small();
  ASSERT_NE(g, nullptr);
  const GeoPlace& jamundi = g->place(g->Lookup("jamundi")[0]);
  EXPECT_EQ(g->FullName(jamundi), "Jamundí, Valle del Cauca, Colombia");
  EXPECT_EQ(g->GdeltType(jamundi), 4);
  EXPECT_EQ(g->Adm1Code(jamundi), "CO29");
  EXPECT_EQ(g->FeatureId(jamundi), "3680387");
  const GeoPlace& houston = g->place(g->Lookup("houston")[0]);
  EXPECT_EQ(g->GdeltType(houston), 3);
  EXPECT_EQ(g->FullName(houston), "Houston, Texas, United States");
  EXPECT_EQ(g->Adm1Code(houston), "USTX");
  const GeoPlace& texas = g->place(g->Lookup("texas")[0]);
  EXPECT_EQ(g->GdeltType(texas), 2);
  EXPECT_TRUE(texas.has_coords);  // from Houston
  EXPECT_NEAR(texas.lat, 29.76328, 1e-6);
  const GeoPlace& region = g->place(g->Lookup("valle del cauca")[0]);
  EXPECT_EQ(g->GdeltType(region), 5);
  EXPECT_EQ(g->FullName(region), "Valle del Cauca, Colombia");
  // Population-weighted: much nearer Cali than Jamundí.
  EXPECT_NEAR(region.lat, 3.43, 0.02);
  const GeoPlace& iraq = g->place(g->CountryByIso3("IRQ")->place);
  EXPECT_EQ(g->GdeltType(iraq), 1);
  EXPECT_EQ(g->FullName(iraq), "Iraq");
  EXPECT_EQ(g->Adm1Code(iraq), "IZ");
  EXPECT_NEAR(iraq.lat, 33.34058, 1e-6);  // its capital
}

TEST(GazetteerTest, MalformedLinesNameFileAndLine) {
  auto g = Gazetteer::FromText("R\tCO\t29\tValle\nC\t1\tX\tCO\n", kCountries);
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("places:2:"), std::string::npos)
      << g.status().message();
  g = Gazetteer::FromText("C\t1\tX\tCO\t29\tPPL\tmany\t1\t1\n", kCountries);
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("places:1: bad number"),
            std::string::npos);
  g = Gazetteer::FromText("C\t1\tX\tCO\t29\tPPL\t1\t91\t1\n", kCountries);
  EXPECT_FALSE(g.ok());
  g = Gazetteer::FromText("X\tfoo\n", kCountries);
  EXPECT_FALSE(g.ok());
  g = Gazetteer::FromText("", "COL\tCO\n");
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("countries:1:"), std::string::npos);
}

TEST(GazetteerTest, MissingFileIsNotFound) {
  auto g = Gazetteer::Load("/nonexistent/gazetteer.tsv", {DYAD_TEST_DATA_DIR});
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), Status::Code::kNotFound);
}

// The installed gazetteer, when scripts/setup.sh has built it.
TEST(GazetteerTest, InstalledGazetteerLoads) {
  if (!std::ifstream(DYAD_TEST_GAZETTEER)) GTEST_SKIP() << "not installed";
  auto g = Gazetteer::Load(DYAD_TEST_GAZETTEER, {DYAD_TEST_DATA_DIR});
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_GT(g.value()->size(), 100000u);
  auto bogota = g.value()->Lookup("bogota");
  ASSERT_FALSE(bogota.empty());
  const GeoPlace& p = g.value()->place(g.value()->Choose(bogota, {}, nullptr));
  EXPECT_EQ(g.value()->country_of(p).iso3, "COL");
  // Every country of countries.tsv that GeoNames has places for has
  // coordinates.
  const GeoCountry* iraq = g.value()->CountryByIso3("IRQ");
  ASSERT_NE(iraq, nullptr);
  EXPECT_TRUE(g.value()->place(iraq->place).has_coords);
}

}  // namespace
}  // namespace dyad
