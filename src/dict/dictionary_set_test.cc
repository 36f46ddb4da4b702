#include "dict/dictionary_set.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

namespace dyad {
namespace {

namespace fs = std::filesystem;

TEST(DictionarySetTest, BundledDictionariesLoadWithoutFaults) {
  std::vector<std::string> errors;
  auto set = DictionarySet::LoadAll(
      {DYAD_TEST_DATA_DIR, DYAD_TEST_GENERATED_DATA_DIR}, &errors);
  for (const std::string& e : errors) ADD_FAILURE() << e;
  const DictionaryStats& s = set->stats();
  EXPECT_GT(s.cameo_codes, 300u);
  EXPECT_GT(s.verb_patterns, 500u);
  EXPECT_GT(s.actors, 500u);
  EXPECT_GT(s.agents, 10u);
  EXPECT_TRUE(set->IsCountry("IRQ"));
  EXPECT_TRUE(set->IsCountry("USA"));
  // Every CAMEO root has verb patterns.
  std::set<std::string> roots;
  for (const VerbPattern& p : set->verbs().patterns())
    roots.insert(p.code.substr(0, 2));
  EXPECT_EQ(roots.size(), 20u);
}

TEST(DictionarySetTest, ReportsFaultsInAnyFileWithFileAndLine) {
  fs::path dir = fs::path(testing::TempDir()) /
                 ("dyad_bad_dict_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "cameo");
  fs::create_directories(dir / "verbs");
  fs::create_directories(dir / "actors");
  fs::create_directories(dir / "lang");
  std::ofstream(dir / "cameo/codes.txt")
      << "19\t4\t-10\tASSAULT\t-\t-\tFIGHT\n";
  std::ofstream(dir / "lang/irregular_verbs.txt") << "struck: strike\n";
  std::ofstream(dir / "verbs/v.txt") << "19: attack\n18: kill\n";
  std::ofstream(dir / "actors/a.txt") << "IRQ: Iraq\nbroken line\n";
  auto result = DictionarySet::Load({dir.string()});
  ASSERT_FALSE(result.ok());
  const std::string& msg = result.status().message();
  EXPECT_NE(msg.find("v.txt:2: unknown CAMEO code '18'"), std::string::npos)
      << msg;
  EXPECT_NE(msg.find("a.txt:2: missing ':'"), std::string::npos) << msg;
}

TEST(DictionarySetTest, MissingFolderIsReported) {
  std::vector<std::string> errors;
  DictionarySet::LoadAll({"/nonexistent/dyad"}, &errors);
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors[0].find("/nonexistent/dyad"), std::string::npos);
}

}  // namespace
}  // namespace dyad
