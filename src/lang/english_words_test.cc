#include "lang/english_words.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace dyad {
namespace {

namespace fs = std::filesystem;

// A tiny brill.tsv and WordNet folder in a temporary directory.
class EnglishWordsTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(testing::TempDir()) /
           ("dyad_english_" + std::to_string(getpid()) + "_" +
            testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "wordnet");
    Write("brill.tsv",
          "# Generated; do not edit.\n"
          "#\t$\n"
          "current\tJJ NN\n"
          "talks\tNNS VBZ\n"
          "Police\tNNP NNS\n"
          "police\tNN VB NNS\n"
          "wound\tNN VBD VBN VB\n"
          "the\tDT\n");
    Write(
        "wordnet/index.noun",
        "  1 This software and database is being provided\n"
        "police n 1 2 @ ; 1 1 08337324  \n"
        "talk n 5 3 @ ~ + 5 2 07133701 07134850 07135734 07135080 06282651  \n"
        "a_priori n 1 0 1 0 00000001  \n");
    Write("wordnet/index.verb",
          "police v 2 2 @ ~ 2 0 02561332 02561888  \n"
          "talk v 5 2 @ ~ 5 4 00941990 01037498 00962447 00941140 00740577  \n"
          "wind v 3 1 @ 3 1 01522276 01523054 01523986  \n"
          "lie v 2 1 @ 2 2 01547001 02690708  \n"
          "lay v 2 1 @ 2 1 01494310 01547390  \n");
    Write("wordnet/index.adj", "current a 1 1 & 1 1 00023219  \n");
    Write("wordnet/index.adv", "");
    Write("wordnet/verb.exc", "wound wind\nlay lie\nlain lie\n");
    Write("wordnet/noun.exc", "men man\n");
    files_.brill_tsv = (dir_ / "brill.tsv").string();
    files_.wordnet_dir = (dir_ / "wordnet").string();
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& rel, const std::string& text) {
    std::ofstream(dir_ / rel) << text;
  }

  fs::path dir_;
  LexiconFiles files_;
};

TEST_F(EnglishWordsTest, ReadsClassesFromBrillAndWordNet) {
  auto words = EnglishWords::Load(files_);
  ASSERT_TRUE(words.ok()) << words.status().message();
  const EnglishWords& w = **words;
  WordClasses current = w.Classes("current");
  EXPECT_EQ(current.brill, kClassAdj | kClassNoun);
  EXPECT_EQ(current.brill_first, kClassAdj);
  EXPECT_EQ(current.wordnet, kClassAdj);
  WordClasses police = w.Classes("police");
  EXPECT_EQ(police.brill_first, kClassNoun);
  EXPECT_EQ(police.capital, kClassName | kClassNoun);
  EXPECT_EQ(police.wordnet, kClassNoun | kClassVerb);
  EXPECT_EQ(police.wordnet_first, kClassNoun);  // more tagged senses
  EXPECT_EQ(w.Classes("talk").wordnet_first, kClassVerb);
  EXPECT_EQ(w.Classes("talks").brill, kClassNoun | kClassVerb);
  EXPECT_EQ(w.Classes("the").brill, 0);  // closed-class tags are left out
  EXPECT_EQ(w.Classes("a_priori").wordnet, 0);
  EXPECT_EQ(w.Classes("unheard-of").brill, 0);
  EXPECT_EQ(w.verb_lemmas().size(), 5u);
  EXPECT_EQ(w.noun_exceptions().at("men"), "man");
}

TEST_F(EnglishWordsTest, KeepsOnlyVerbExceptionsThatAreMostlyVerbs) {
  auto words = EnglishWords::Load(files_);
  ASSERT_TRUE(words.ok()) << words.status().message();
  const auto& exc = (*words)->verb_exceptions();
  EXPECT_EQ(exc.count("wound"), 0u);  // brill: mostly a noun
  EXPECT_EQ(exc.count("lay"), 0u);    // a verb lemma itself
  ASSERT_EQ(exc.count("lain"), 1u);
  EXPECT_EQ(exc.at("lain"), "lie");
}

TEST_F(EnglishWordsTest, MissingFilesTellTheUserToRunSetup) {
  fs::remove(dir_ / "brill.tsv");
  auto words = EnglishWords::Load(files_);
  ASSERT_FALSE(words.ok());
  EXPECT_NE(words.status().message().find("brill.tsv"), std::string::npos);
  EXPECT_NE(words.status().message().find("scripts/setup.sh"),
            std::string::npos);
  LexiconFiles no_wordnet = files_;
  no_wordnet.wordnet_dir = (dir_ / "nowhere").string();
  Write("brill.tsv", "current\tJJ\n");
  auto w2 = EnglishWords::Load(no_wordnet);
  ASSERT_FALSE(w2.ok());
  EXPECT_NE(w2.status().message().find("index.noun"), std::string::npos);
  EXPECT_NE(w2.status().message().find("wordnet-base"), std::string::npos);
}

TEST_F(EnglishWordsTest, BadLinesAreReportedWithFileAndLine) {
  Write("brill.tsv", "current\tJJ\nbroken line\n");
  auto words = EnglishWords::Load(files_);
  ASSERT_FALSE(words.ok());
  EXPECT_NE(words.status().message().find("brill.tsv:2:"), std::string::npos)
      << words.status().message();
}

TEST(EnglishWordsInstalledTest, TheInstalledListsKnowNewsWords) {
  auto words = EnglishWords::Load(LexiconFiles::Default());
  ASSERT_TRUE(words.ok()) << words.status().message();
  const EnglishWords& w = **words;
  EXPECT_GT(w.size(), 100000u);
  EXPECT_EQ(w.Classes("current").brill_first, kClassAdj);
  EXPECT_EQ(w.Classes("eastern").brill_first, kClassAdj);
  EXPECT_EQ(w.Classes("appeared").brill, kClassVerb);
  EXPECT_EQ(w.Classes("talks").brill, kClassNoun | kClassVerb);
  EXPECT_TRUE(w.Classes("appear").wordnet & kClassVerb);
  // Loading twice in one process shares the lists.
  auto again = EnglishWords::Load(LexiconFiles::Default());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(words->get(), again->get());
}

}  // namespace
}  // namespace dyad
