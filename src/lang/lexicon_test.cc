#include "lang/lexicon.h"

#include <gtest/gtest.h>
#include <unistd.h>

namespace dyad {
namespace {

TEST(LexiconTest, LemmatizesRegularVerbForms) {
  Lexicon lex = Lexicon::Minimal({"attack", "bomb", "urge", "stop", "deny",
                                  "free", "shell", "try", "die"});
  struct Case {
    const char* word;
    const char* lemma;
    VerbForm form;
  } cases[] = {
      {"attacks", "attack", VerbForm::kS},
      {"attacked", "attack", VerbForm::kEd},
      {"attacking", "attack", VerbForm::kIng},
      {"attack", "attack", VerbForm::kBase},
      {"bombed", "bomb", VerbForm::kEd},
      {"urged", "urge", VerbForm::kEd},
      {"urging", "urge", VerbForm::kIng},
      {"stopped", "stop", VerbForm::kEd},
      {"stopping", "stop", VerbForm::kIng},
      {"denies", "deny", VerbForm::kS},
      {"denied", "deny", VerbForm::kEd},
      {"freed", "free", VerbForm::kEd},
      {"shelled", "shell", VerbForm::kEd},
      {"tries", "try", VerbForm::kS},
      {"dying", "die", VerbForm::kIng},
  };
  for (const Case& c : cases) {
    VerbLemma v = lex.LemmatizeVerb(c.word);
    EXPECT_EQ(v.lemma, c.lemma) << c.word;
    EXPECT_EQ(v.form, c.form) << c.word;
  }
}

TEST(LexiconTest, PrefersTheLemmaEnglishSpellingImplies) {
  // With both "hop" and "hope" known, an undoubled consonant after a short
  // vowel points to the lemma in -e; "-es" is an ending only after
  // sibilants and o.
  Lexicon lex = Lexicon::Minimal(
      {"hop", "hope", "star", "stare", "push", "go", "visit", "bus"});
  struct Case {
    const char* word;
    const char* lemma;
  } cases[] = {
      {"hoped", "hope"},   {"hoping", "hope"},   {"hopes", "hope"},
      {"hopped", "hop"},   {"hopping", "hop"},   {"hops", "hop"},
      {"stared", "stare"}, {"starred", "star"},  {"pushes", "push"},
      {"goes", "go"},      {"visited", "visit"}, {"buses", "bus"},
  };
  for (const Case& c : cases)
    EXPECT_EQ(lex.LemmatizeVerb(c.word).lemma, c.lemma) << c.word;
}

TEST(LexiconTest, MarksDictionaryVerbs) {
  Lexicon lex = Lexicon::Minimal({"attack"});
  EXPECT_TRUE(lex.LemmatizeVerb("attacked").dictionary);
  EXPECT_FALSE(lex.LemmatizeVerb("walked").dictionary);
}

TEST(LexiconTest, TheInstalledWordListsAddVerbsAndClasses) {
  auto lex = Lexicon::Build(
      std::string(DYAD_TEST_DATA_DIR) + "/lang/irregular_verbs.txt",
      {"attack"});
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_TRUE(lex->has_english_words());
  VerbLemma appeared = lex->LemmatizeVerb("appeared");
  EXPECT_EQ(appeared.lemma, "appear");  // a WordNet verb
  EXPECT_FALSE(appeared.dictionary);
  EXPECT_TRUE(lex->LemmatizeVerb("attacks").dictionary);
  EXPECT_EQ(lex->LemmatizeVerb("hoped").lemma, "hope");
  EXPECT_EQ(lex->LemmatizeVerb("lain").lemma, "lie");  // verb.exc
  EXPECT_EQ(lex->LemmaOf("men"), "man");               // noun.exc
  EXPECT_EQ(lex->Classes("eastern").brill_first, kClassAdj);
  EXPECT_EQ(
      lex->irregular_count(),
      Lexicon::Build(
          std::string(DYAD_TEST_DATA_DIR) + "/lang/irregular_verbs.txt", {})
          ->irregular_count());
}

TEST(LexiconTest, MissingWordListsFailTheBuild) {
  LexiconFiles files;
  files.brill_tsv = "/nonexistent/brill.tsv";
  files.wordnet_dir = "/usr/share/wordnet";
  auto lex = Lexicon::Build(
      std::string(DYAD_TEST_DATA_DIR) + "/lang/irregular_verbs.txt", {}, files);
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find("scripts/setup.sh"), std::string::npos);
}

TEST(LexiconTest, UnknownWordsHaveNoLemmaButKeepEdForm) {
  Lexicon lex = Lexicon::Minimal({"attack"});
  EXPECT_TRUE(lex.LemmatizeVerb("government").lemma.empty());
  EXPECT_EQ(lex.LemmatizeVerb("stalled").form, VerbForm::kEd);
  EXPECT_TRUE(lex.LemmatizeVerb("class").lemma.empty());
}

TEST(LexiconTest, LemmaOfRemovesRegularPlurals) {
  Lexicon lex = Lexicon::Minimal({"talk"});
  EXPECT_EQ(lex.LemmaOf("airstrikes"), "airstrike");
  EXPECT_EQ(lex.LemmaOf("churches"), "church");
  EXPECT_EQ(lex.LemmaOf("talks"), "talk");
  EXPECT_EQ(lex.LemmaOf("crisis"), "crisis");
  EXPECT_EQ(lex.LemmaOf("congress"), "congress");
}

TEST(LexiconTest, ClosedClassWords) {
  Lexicon lex = Lexicon::Minimal({});
  Pos pos;
  ASSERT_TRUE(lex.ClosedClass("the", &pos));
  EXPECT_EQ(pos, Pos::kDet);
  ASSERT_TRUE(lex.ClosedClass("n't", &pos));
  EXPECT_EQ(pos, Pos::kNeg);
  ASSERT_TRUE(lex.ClosedClass("would", &pos));
  EXPECT_EQ(pos, Pos::kModal);
  EXPECT_FALSE(lex.ClosedClass("iraq", &pos));
}

TEST(LexiconTest, BuildReadsIrregularVerbsAndReportsBadLines) {
  std::string path =
      testing::TempDir() + "/irregular_" + std::to_string(getpid()) + ".txt";
  {
    FILE* f = fopen(path.c_str(), "w");
    fputs("# comment\nstruck: strike\nheld: hold\n", f);
    fclose(f);
  }
  auto lex = Lexicon::Build(path, {});
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_EQ(lex->LemmatizeVerb("struck").lemma, "strike");
  EXPECT_EQ(lex->LemmatizeVerb("held").lemma, "hold");
  {
    FILE* f = fopen(path.c_str(), "w");
    fputs("went: go\nBroken Line\n", f);
    fclose(f);
  }
  auto bad = Lexicon::Build(path, {});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find(".txt:2:"), std::string::npos)
      << bad.status().message();
  EXPECT_FALSE(Lexicon::Build("/nonexistent/file.txt", {}).ok());
}

}  // namespace
}  // namespace dyad
