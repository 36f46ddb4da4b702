// Tests the coder's rules on a small dictionary written here, so each rule is
// checked apart from the bundled dictionaries (the golden tests check those).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "dict/dictionary_set.h"
#include "dyad/coder.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

class CoderRulesTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    fs::path dir = fs::path(testing::TempDir()) /
                   ("dyad_rules_dict_" + std::to_string(getpid()));
    fs::remove_all(dir);
    for (const char* sub : {"cameo", "lang", "verbs", "actors", "agents"})
      fs::create_directories(dir / sub);
    fs::copy_file(fs::path(DYAD_TEST_DATA_DIR) / "cameo/codes.txt",
                  dir / "cameo/codes.txt");
    std::ofstream(dir / "lang/irregular_verbs.txt")
        << "said: say\nmet: meet\nstruck: strike\nrefused: refuse\n";
    std::ofstream(dir / "verbs/v.txt")
        << "010: say\n"
           "190: attack; launch attack on; strike\n"
           "190: ~airstrike on\n";
    std::ofstream(dir / "verbs/w.txt") << "040: meet; hold talks with\n"
                                          "046: begin talks\n"
                                          "0233: call on + to\n"
                                          "111: criticize; criticise\n"
                                          "120: refuse; reject\n"
                                          "0872: withdraw\n"
                                          "173: arrest\n"
                                          "023: believe\n";
    std::ofstream(dir / "actors/a.txt")
        << "USA: United States; US; U.S.; American\n"
           "IRQ: Iraq; Iraqi\n"
           "IRN: Iran; Iranian\n"
           "SYR: Syria; Syrian\n"
           "IRQ: Mohammed Shia al-Sudani; al-Sudani\n"
           "  + IRQGOV 2022-10-27..\n";
    std::ofstream(dir / "agents/g.txt")
        << "GOV: government; official; ambassador; prime minister\n"
           "MIL: troop; soldier; military\n"
           "COP: police\n"
           "OPP: protester\n"
           "LEG: lawmaker\n"
           "REL: cleric\n";
    dir_ = dir.string();
  }

  // "SRC>TGT:CODE" for each event, space-separated.
  std::string Code(const std::string& text, Date date = Date{}) {
    CoderOptions o;
    o.dictionary_dirs = {dir_};
    auto coder = Coder::Create(o);
    EXPECT_TRUE(coder.ok()) << coder.status().message();
    if (!coder.ok()) return "";
    Article a;
    a.id = "t";
    a.text = text;
    a.date = date;
    CodedArticle out = (*coder)->Code(a);
    std::string s;
    for (const Event& e : out.events) {
      if (!s.empty()) s += ' ';
      s += e.source.code + ">" + (e.target ? e.target->code : "-") + ":" +
           e.code;
    }
    return s;
  }

  static std::string dir_;
};

std::string CoderRulesTest::dir_;

TEST_F(CoderRulesTest, Rules) {
  struct Case {
    const char* text;
    const char* expected;
  } cases[] = {
      // Active voice with country + agent composition.
      {"Iraqi troops attacked Syrian soldiers.", "IRQMIL>SYRMIL:190"},
      // Filler words between pattern words.
      {"Iraqi troops launched a brazen attack on Syria.", "IRQMIL>SYR:190"},
      // Passive voice with and without an agent.
      {"Syria was attacked by Iraq.", "IRQ>SYR:190"},
      // Compound actors give one event each.
      {"The US and Iraq criticized Iran.", "USA>IRN:111 IRQ>IRN:111"},
      // Negation codes nothing; refusing is an act of its own.
      {"Iraq did not attack Syria.", ""},
      {"Iraq has not criticized Iran.", ""},
      {"Iraq refused to meet Iran.", "IRQ>IRN:120"},
      // Reported speech: the reported act, not the statement.
      {"Iran said Iraqi troops attacked Syria.", "IRQMIL>SYR:190"},
      // A statement alone is coded when nothing else is.
      {"Iran said the weather was fine.", "IRN>---:010"},
      // Intent and expectation.
      {"Iraq and the US are expected to begin talks.", "IRQ>-:036 USA>-:036"},
      {"Iraq will meet Iran on Monday.", "IRQ>IRN:036"},
      // Object control: the urged party is the target.
      {"Iraq called on the US to withdraw its troops.", "IRQ>USA:0233"},
      // Apposition gives the actor its role.
      {"Elena Romanowski, the US ambassador, criticized Iraq.",
       "USAGOV>IRQ:111"},
      // Nominal event when there is no verbal one.
      {"US airstrikes on Iraqi troops.", "USA>IRQMIL:190"},
      // Relative clause inside the subject is skipped.
      // The main clause comes first; the relative clause's agentless
      // passive keeps an unknown source.
      {"The Iraqi police, which had been criticized, arrested protesters.",
       "IRQCOP>IRQOPP:173 --->IRQCOP:111"},
  };
  for (const Case& c : cases) EXPECT_EQ(Code(c.text), c.expected) << c.text;
}

TEST_F(CoderRulesTest, PeopleTakeTheirRoleOnTheArticleDate) {
  EXPECT_EQ(Code("al-Sudani criticized Iran.", Date{2023, 1, 5}),
            "IRQGOV>IRN:111");
  EXPECT_EQ(Code("al-Sudani criticized Iran.", Date{2015, 1, 5}),
            "IRQ>IRN:111");
  EXPECT_EQ(Code("al-Sudani criticized Iran."), "IRQ>IRN:111");
}

TEST_F(CoderRulesTest, SpansPointIntoTheOriginalText) {
  CoderOptions o;
  o.dictionary_dirs = {dir_};
  o.explain = true;
  auto coder = Coder::Create(o);
  ASSERT_TRUE(coder.ok());
  Article a;
  a.id = "s";
  // Curly quote and an invalid byte before the event shift nothing.
  a.text = "\xe2\x80\x9cOK\xe2\x80\x9d \xff. Iraqi troops attacked Syria.";
  CodedArticle out = (*coder)->Code(a);
  ASSERT_EQ(out.events.size(), 1u);
  const Event& e = out.events[0];
  EXPECT_EQ(e.source.text, "Iraqi troops");
  EXPECT_EQ(a.text.substr(e.source.span.start,
                          e.source.span.end - e.source.span.start),
            "Iraqi troops");
  EXPECT_EQ(e.target->text, "Syria");
  EXPECT_EQ(e.verb_text, "attacked");
  EXPECT_EQ(e.rule, "active");
  ASSERT_FALSE(e.evidence.empty());
  EXPECT_EQ(e.evidence[0].role, "verb");
  EXPECT_NE(e.evidence[0].entry.find("v.txt:2"), std::string::npos);
  EXPECT_FALSE(out.diagnostics.empty());  // the invalid byte
}

// An agent word shared by a list of countries composes with each: before
// the first ("the ambassadors of A, B and C") or after the last ("A and B's
// soldiers"); a part with its own agent keeps it.
TEST_F(CoderRulesTest, SharedAgentOverCoordinatedCountries) {
  EXPECT_EQ(Code("The ambassadors of Iraq, Syria and Iran criticized the "
                 "United States."),
            "IRQGOV>USA:111 SYRGOV>USA:111 IRNGOV>USA:111");
  EXPECT_EQ(Code("Iraq and Syria's soldiers attacked Iran."),
            "IRQMIL>IRN:190 SYRMIL>IRN:190");
  EXPECT_EQ(Code("The United States criticized the police of Iraq and Syria."),
            "USA>IRQCOP:111 USA>SYRCOP:111");
  EXPECT_EQ(Code("Iraqi soldiers and Iran attacked Syria."),
            "IRQMIL>SYR:190 IRN>SYR:190");
}

// A list of three or more actors after the verb gives one event per member;
// a single name after a comma is still an apposition of the same actor.
TEST_F(CoderRulesTest, ListOfTargets) {
  EXPECT_EQ(Code("The United States criticized Iraq, Syria and Iran."),
            "USA>IRQ:111 USA>SYR:111 USA>IRN:111");
  EXPECT_EQ(Code("Iran held talks with Iraq, Syria and the United States."),
            "IRN>IRQ:040 IRN>SYR:040 IRN>USA:040");
  EXPECT_EQ(Code("The United States criticized Iraq, Syria."), "USA>IRQ:111");
}

// A relation that names no actor ("talks between A and B") is aimed at the
// parties named after it; one that names an actor keeps it.
TEST_F(CoderRulesTest, RelationBetweenParties) {
  EXPECT_EQ(Code("The United States criticized the talks between Iraq and "
                 "Syria."),
            "USA>IRQ:111 USA>SYR:111");
  EXPECT_EQ(Code("The United States criticized Iranian talks with Iraq."),
            "USA>IRN:111");
}

// After a verb taking a clause, "A and B <verb>" is the clause's compound
// subject, all of it the object; after other verbs the list stops where a
// verb follows the next name.
TEST_F(CoderRulesTest, ListBeforeClauseVerb) {
  EXPECT_EQ(Code("The United States believes Iraq and Syria can withdraw."),
            "USA>IRQ:023 USA>SYR:023 IRQ>-:0872 SYR>-:0872");
  EXPECT_EQ(Code("The United States criticized Iraq and Syria withdrew."),
            "USA>IRQ:111 IRQ>-:0872 SYR>-:0872");
}

// A subject list with a comma before "and" and a determiner in an item.
TEST_F(CoderRulesTest, SubjectListWithSerialComma) {
  EXPECT_EQ(Code("Iraq, the Syrian government, and Iran criticized the "
                 "United States."),
            "IRQ>USA:111 SYRGOV>USA:111 IRN>USA:111");
}

// A subject listing agents of no country acts as each of them; as a target
// such a list stays one phrase.
TEST_F(CoderRulesTest, SubjectListOfAgents) {
  EXPECT_EQ(Code("Clerics and lawmakers criticized the decision."),
            "REL>---:111 LEG>---:111");
  EXPECT_EQ(Code("The United States criticized clerics and lawmakers."),
            "USA>USAREL:111");
}

// A list never pairs an actor with itself.
TEST_F(CoderRulesTest, ListNeverPairsActorWithItself) {
  EXPECT_EQ(Code("Iraq and Syria criticized Syria and Iran."),
            "IRQ>SYR:111 IRQ>IRN:111 SYR>IRN:111");
}

// "Lawmakers and officials in A and B": each agent of each country.
TEST_F(CoderRulesTest, AgentsOverCountries) {
  EXPECT_EQ(Code("Lawmakers and officials in Iraq and Syria criticized Iran."),
            "IRQLEG>IRN:111 IRQGOV>IRN:111 SYRLEG>IRN:111 SYRGOV>IRN:111");
}

}  // namespace
}  // namespace dyad
