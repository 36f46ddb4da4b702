#include "dict/actor_dictionary.h"

#include <gtest/gtest.h>

#include "text/normalizer.h"

namespace dyad {
namespace {

class ActorDictionaryTest : public testing::Test {
 protected:
  void SetUp() override {
    std::vector<std::string> errors;
    dict_.Add(ParseDictionaryText("USA: United States; US; U.S.; America\n"
                                  "IRQ: Iraq; Iraqi\n"
                                  "IRQGOV: Baghdad\n"
                                  "USA: Joe Biden; Biden\n"
                                  "  + USAGOV 2021-01-20..2025-01-20\n"
                                  "  + USALEG 1973-01-03..2009-01-15\n",
                                  "actors.txt", &errors),
              ActorKind::kActor, &errors);
    dict_.Add(ParseDictionaryText("MIL: soldier; armed force\nGOV: official\n",
                                  "agents.txt", &errors),
              ActorKind::kAgent, &errors);
    ASSERT_TRUE(errors.empty()) << errors[0];
  }

  // The codes matched in `text`, longest first at each token: "IRQ MIL".
  std::string Matches(const std::string& text) {
    norm_ = Normalize(text);
    Tagger tagger(&lex_);
    tokens_ = tagger.Tag(norm_.text, norm_.lower, Tokenize(norm_.text));
    std::string out;
    for (size_t i = 0; i < tokens_.size();) {
      ActorMatch m;
      if (dict_.LongestAt(norm_.text, tokens_, i, &m)) {
        if (!out.empty()) out += ' ';
        out += m.entry->code;
        i = m.end;
      } else {
        ++i;
      }
    }
    return out;
  }

  Lexicon lex_ = Lexicon::Minimal({});
  ActorDictionary dict_;
  NormalizedText norm_;
  std::vector<TaggedToken> tokens_;
};

TEST_F(ActorDictionaryTest, MatchesLongestPhraseAndPlurals) {
  EXPECT_EQ(Matches("the United States and Iraq"), "USA IRQ");
  EXPECT_EQ(Matches("Iraqi soldiers"), "IRQ MIL");
  EXPECT_EQ(Matches("US armed forces"), "USA MIL");
  EXPECT_EQ(Matches("U.S. officials in Baghdad"), "USA GOV IRQGOV");
  EXPECT_EQ(Matches("IRAQ said"), "IRQ");
}

TEST_F(ActorDictionaryTest, CapitalizedNamesMatchOnlyCapitalizedWords) {
  EXPECT_EQ(Matches("iraq said"), "");
  EXPECT_EQ(Matches("IRAQ said"), "IRQ");
  EXPECT_EQ(Matches("SOLDIERS left"), "MIL");  // agents: any casing
}

TEST_F(ActorDictionaryTest, AllCapsWordsAreCaseSensitive) {
  EXPECT_EQ(Matches("they told us"), "");
  EXPECT_EQ(Matches("they told US officials"), "USA GOV");
}

TEST_F(ActorDictionaryTest, RolesFollowTheDate) {
  ActorMatch m;
  Matches("Biden said");
  ASSERT_TRUE(dict_.LongestAt(norm_.text, tokens_, 0, &m));
  EXPECT_EQ(ActorDictionary::CodeOn(*m.entry, Date{2022, 5, 1}), "USAGOV");
  EXPECT_EQ(ActorDictionary::CodeOn(*m.entry, Date{2000, 5, 1}), "USALEG");
  EXPECT_EQ(ActorDictionary::CodeOn(*m.entry, Date{2025, 1, 20}), "USA");
  EXPECT_EQ(ActorDictionary::CodeOn(*m.entry, Date{}), "USA");
}

TEST(ActorDictionaryCodes, BadCodesAreReported) {
  ActorDictionary dict;
  std::vector<std::string> errors;
  dict.Add(ParseDictionaryText("MILITARY: army\n", "agents.txt", &errors),
           ActorKind::kAgent, &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].rfind("agents.txt:1: bad agent code 'MILITARY'", 0), 0u);
}

}  // namespace
}  // namespace dyad
