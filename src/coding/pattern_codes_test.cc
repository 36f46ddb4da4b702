// Tests the verb-pattern codes that PETRARCH dictionaries bring (see
// docs/formats/dictionaries.md): paired codes `A/B` (the reverse event,
// target to source, coded beside the forward one), reverse-only codes
// `---/B`, and null patterns `---` (match and code nothing).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "dyad/coder.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

class PatternCodesTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    fs::path dir = fs::path(testing::TempDir()) /
                   ("dyad_pattern_codes_" + std::to_string(getpid()));
    fs::remove_all(dir);
    for (const char* sub :
         {"cameo", "lang", "verbs", "actors", "agents", "discards"})
      fs::create_directories(dir / sub);
    fs::copy_file(fs::path(DYAD_TEST_DATA_DIR) / "cameo/codes.txt",
                  dir / "cameo/codes.txt");
    std::ofstream(dir / "lang/irregular_verbs.txt") << "left: leave\n";
    std::ofstream(dir / "verbs/v.txt") << "032/033: visit; leave for\n"
                                          "040/040: hold talks with\n"
                                          "190: shell\n"
                                          "---: shell border post\n"
                                          "---/043: host\n"
                                          "---: greet\n"
                                          "120: reject\n"
                                          "121: will * reject\n"
                                          "122: will not ever * reject\n"
                                          "123: never _ * reject\n"
                                          "124: sharply _ * reject\n"
                                          "040: meet\n"
                                          "043: % * meet\n"
                                          "046/045: % have * meet\n"
                                          "0311: sign deal\n"
                                          "0312: sign _ trade _ deal with +\n";
    // A PETRARCH-imported file: a modal before its verbs is no intent.
    std::ofstream(dir / "verbs/w.txt") << "# imported\n@modals-code-act\n"
                                          "071: donate\n";
    std::ofstream(dir / "actors/a.txt") << "USA: United States\n"
                                           "IRQ: Iraq; Iraqi\n"
                                           "IRN: Iran; Iranian\n";
    std::ofstream(dir / "agents/g.txt") << "GOV: minister\n";
    std::ofstream(dir / "discards/d.txt") << "DISCARD: baseball\n"
                                             "STORYDISCARD: typhoon\n"
                                             "NATURAL: earthquake\n";
    dir_ = dir.string();
  }

  // "SRC>TGT:CODE" for each event, space-separated.
  static std::string Code(const std::string& text) {
    CoderOptions o;
    o.dictionary_dirs = {dir_};
    auto coder = Coder::Create(o);
    EXPECT_TRUE(coder.ok()) << coder.status().message();
    if (!coder.ok()) return "";
    Article a;
    a.id = "t";
    a.text = text;
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

std::string PatternCodesTest::dir_;

TEST_F(PatternCodesTest, PairedCodesGiveTheReverseEvent) {
  EXPECT_EQ(Code("The Iraqi minister visited Iran."),
            "IRQGOV>IRN:032 IRN>IRQGOV:033");
  EXPECT_EQ(Code("The Iraqi minister left for Iran on Monday."),
            "IRQGOV>IRN:032 IRN>IRQGOV:033");
  EXPECT_EQ(Code("Iraq held talks with Iran."), "IRQ>IRN:040 IRN>IRQ:040");
  // No target actor, no reverse event.
  EXPECT_EQ(Code("The Iraqi minister visited the region."), "IRQGOV>---:032");
}

TEST_F(PatternCodesTest, ReverseOnlyCodes) {
  EXPECT_EQ(Code("Iraq hosted Iran."), "IRN>IRQ:043");
  EXPECT_EQ(Code("Iraq hosted a conference."), "");
}

TEST_F(PatternCodesTest, NullPatternsCodeNothing) {
  EXPECT_EQ(Code("Iraq shelled Iran."), "IRQ>IRN:190");
  // The null pattern is more specific than `shell`, so it wins.
  EXPECT_EQ(Code("Iraq shelled an Iranian border post."), "");
  EXPECT_EQ(Code("Iraq greeted Iran."), "");
}

// Words before the verb, in order, with at most four others between them
// (none where `_` joins them); a modal the pattern names is no intent.
TEST_F(PatternCodesTest, WordsBeforeTheVerb) {
  EXPECT_EQ(Code("Iraq rejected Iran."), "IRQ>IRN:120");
  EXPECT_EQ(Code("Iraq will reject Iran."), "IRQ>IRN:121");
  EXPECT_EQ(Code("Iraq will not ever reject Iran."), "IRQ>IRN:122");
  EXPECT_EQ(Code("Iraq will certainly not ever reject Iran."), "IRQ>IRN:122");
  EXPECT_EQ(Code("Iraq never rejected Iran."), "IRQ>IRN:123");
  EXPECT_EQ(Code("Iraq sharply rejected Iran."), "IRQ>IRN:124");
  EXPECT_EQ(Code("Iraq sharply has rejected Iran."), "IRQ>IRN:120");
  // A negated verb needs a negated pattern: `will not ever` is one.
  EXPECT_EQ(Code("Iraq will not reject Iran."), "");
}

// `@modals-code-act` (PETRARCH's semantics): "will donate" codes the
// donation; patterns of other files still turn it into an intention.
TEST_F(PatternCodesTest, ModalsCodeActDirective) {
  EXPECT_EQ(Code("Iraq will donate food to Iran."), "IRQ>IRN:071");
  EXPECT_EQ(Code("Iraq would donate food to Iran."), "IRQ>IRN:071");
  EXPECT_EQ(Code("Iraq will meet Iran."), "IRQ>IRN:036");
}

// `%`: a compound subject whose members act on each other; with a paired
// code, each pair once in each direction.
TEST_F(PatternCodesTest, CompoundSubjectActsOnItself) {
  EXPECT_EQ(Code("Iraq and Iran met."), "IRQ>IRN:043 IRN>IRQ:043");
  EXPECT_EQ(Code("Iraq, Iran and the United States met."),
            "IRQ>IRN:043 IRQ>USA:043 IRN>IRQ:043 IRN>USA:043 USA>IRQ:043 "
            "USA>IRN:043");
  EXPECT_EQ(Code("Iraq and Iran have met."), "IRQ>IRN:046 IRN>IRQ:045");
  // One actor: the pattern does not match; `meet` does.
  EXPECT_EQ(Code("Iraq met Iran."), "IRQ>IRN:040");
}

// `_` after the verb: the word right after the previous one.
TEST_F(PatternCodesTest, JoinedWordsAfterTheVerb) {
  EXPECT_EQ(Code("Iraq signed trade deal with Iran."), "IRQ>IRN:0312");
  EXPECT_EQ(Code("Iraq signed a trade deal with Iran."), "IRQ>IRN:0311");
  EXPECT_EQ(Code("Iraq signed a trade gas deal with Iran."), "IRQ>IRN:0311");
}

// PETRARCH's discards: a sentence naming a `DISCARD` phrase is not coded, an
// article naming a `STORYDISCARD` phrase gives no event at all; other
// discard codes only stop the events they cause.
TEST_F(PatternCodesTest, SentenceAndStoryDiscards) {
  EXPECT_EQ(Code("Iraq shelled Iran. Iran visited baseball games in Iraq."),
            "IRQ>IRN:190");
  EXPECT_EQ(Code("Iraq shelled Iran. A typhoon hit Iraq."), "");
  EXPECT_EQ(Code("Iraq shelled Iran after an earthquake."), "IRQ>IRN:190");
}

}  // namespace
}  // namespace dyad
