#include "text/sentence_splitter.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "text/normalizer.h"

namespace dyad {
namespace {

std::vector<std::string> Texts(std::string_view text, const SplitResult& r) {
  std::vector<std::string> out;
  for (const SentenceSpan& s : r.sentences) {
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

// What every split must satisfy.
void ExpectWellFormed(std::string_view text, const SplitResult& r,
                      size_t max_bytes) {
  size_t prev = 0;
  for (const SentenceSpan& s : r.sentences) {
    ASSERT_LT(s.begin, s.end);
    ASSERT_LE(s.end, text.size());
    ASSERT_GE(s.begin, prev);
    ASSERT_LE(s.end - s.begin, max_bytes);
    ASSERT_NE(text[s.begin], ' ');
    ASSERT_NE(text[s.end - 1], ' ');
    ASSERT_NE(text[s.end - 1], '\n');
    prev = s.end;
  }
}

struct SplitCase {
  const char* name;
  const char* text;  // raw; normalized before splitting
  std::vector<std::string> sentences;
  const char* dateline = "";
  const char* place = "";
};

const SplitCase kSplitCases[] = {
    {"empty", "", {}},
    {"whitespace only", " \n\t\n  \n", {}},
    {"one sentence", "Troops entered the city.", {"Troops entered the city."}},
    {"no final period", "Troops entered the city", {"Troops entered the city"}},
    {"two sentences",
     "Troops entered the city. Residents fled.",
     {"Troops entered the city.", "Residents fled."}},
    {"surrounding space",
     "  Troops left.   They returned.  ",
     {"Troops left.", "They returned."}},
    // Abbreviations and initialisms inside sentences.
    {"U.S. and U.N. inside",
     "U.S. officials met U.N. envoys. They agreed.",
     {"U.S. officials met U.N. envoys.", "They agreed."}},
    {"possessive after an initialism, then a quote",
     "Iran denounced the U.S.' \"illegal\" sanctions. It spoke.",
     {"Iran denounced the U.S.' \"illegal\" sanctions.", "It spoke."}},
    {"U.S. before a name",
     "The U.S. Army said it would stay.",
     {"The U.S. Army said it would stay."}},
    {"U.S. at sentence end",
     "The aid came from the U.S. The money arrived.",
     {"The aid came from the U.S.", "The money arrived."}},
    {"U.S. then He",
     "He flew to the U.S. He met Biden.",
     {"He flew to the U.S.", "He met Biden."}},
    {"titles",
     "Gen. Smith met Mr. Jones and Dr. Brown. They talked.",
     {"Gen. Smith met Mr. Jones and Dr. Brown.", "They talked."}},
    {"title then The",
     "Sen. The Rev. Jackson spoke.",
     {"Sen. The Rev. Jackson spoke."}},
    {"month and day",
     "Talks began on Jan. 10 in Geneva. They ended.",
     {"Talks began on Jan. 10 in Geneva.", "They ended."}},
    {"Sept. 11",
     "The Sept. 11 attacks changed everything.",
     {"The Sept. 11 attacks changed everything."}},
    {"No. 10",
     "He went to No. 10 Downing Street. The premier was out.",
     {"He went to No. 10 Downing Street.", "The premier was out."}},
    {"St. Louis", "He lives in St. Louis now.", {"He lives in St. Louis now."}},
    {"Inc. then The",
     "He sold it to Apple Inc. The deal closed.",
     {"He sold it to Apple Inc.", "The deal closed."}},
    {"Inc. then lower", "Apple Inc. shares rose.", {"Apple Inc. shares rose."}},
    {"state abbreviation",
     "He was born in Springfield, Ill. He moved.",
     {"He was born in Springfield, Ill.", "He moved."}},
    {"initials",
     "George W. Bush met J. K. Rowling.",
     {"George W. Bush met J. K. Rowling."}},
    {"a.m.",
     "It began at 10 a.m. Tuesday and ended at 5 p.m. The city slept.",
     {"It began at 10 a.m. Tuesday and ended at 5 p.m.", "The city slept."}},
    {"won't before a name",
     "They won't. Iraqi officials agreed.",
     {"They won't.", "Iraqi officials agreed."}},
    {"abbreviation in brackets",
     "Forces (led by Gen. Smith) left. Others stayed.",
     {"Forces (led by Gen. Smith) left.", "Others stayed."}},
    // Numbers.
    {"decimals",
     "Prices rose 3.5 percent. Oil fell 2.75 percent.",
     {"Prices rose 3.5 percent.", "Oil fell 2.75 percent."}},
    {"number then sentence",
     "He was 45. 2024 was his year.",
     {"He was 45.", "2024 was his year."}},
    {"web address",
     "Visit example.com for more. Thanks.",
     {"Visit example.com for more.", "Thanks."}},
    // Quotations.
    {"quote then attribution",
     "\"We will not retreat,\" the general said. The next day troops "
     "advanced.",
     {"\"We will not retreat,\" the general said.",
      "The next day troops advanced."}},
    {"question in quote",
     "\"Is it over?\" he asked. No one answered.",
     {"\"Is it over?\" he asked.", "No one answered."}},
    {"exclamation in quote",
     "\"Fire!\" shouted the sergeant.",
     {"\"Fire!\" shouted the sergeant."}},
    {"closing quote kept",
     "He said: \"It's over.\" Then he left.",
     {"He said: \"It's over.\"", "Then he left."}},
    {"curly quotes",
     "He said: \u201CIt\u2019s over.\u201D Then he left.",
     {"He said: \"It's over.\"", "Then he left."}},
    {"two sentences in a quote",
     "\"We will fight. We will win,\" he said.",
     {"\"We will fight.", "We will win,\" he said."}},
    {"opening quote starts a sentence",
     "He left. \"We won,\" she said.",
     {"He left.", "\"We won,\" she said."}},
    {"closing bracket kept",
     "He left (for good.) Then it rained.",
     {"He left (for good.)", "Then it rained."}},
    // Other terminators.
    {"exclamation", "Stop! The troops fired.", {"Stop!", "The troops fired."}},
    {"question", "Why? Nobody knows.", {"Why?", "Nobody knows."}},
    {"mixed run", "Really?! Yes.", {"Really?!", "Yes."}},
    {"ellipsis then capital",
     "He paused... Then he spoke.",
     {"He paused...", "Then he spoke."}},
    {"ellipsis then lower", "And then... it ended.", {"And then... it ended."}},
    {"unicode ellipsis",
     "He paused\u2026 Then he spoke.",
     {"He paused...", "Then he spoke."}},
    {"lower-case next word",
     "The talks failed. talks resumed later.",
     {"The talks failed. talks resumed later."}},
    {"accented capital",
     "He left. \u00C9lys\u00E9e officials said so.",
     {"He left.", "\u00C9lys\u00E9e officials said so."}},
    // Lines and paragraphs.
    {"blank line",
     "First paragraph without a period\n\nSecond one.",
     {"First paragraph without a period", "Second one."}},
    {"blank line with spaces", "One\n  \t\n\nTwo", {"One", "Two"}},
    {"crlf paragraphs", "One.\r\n\r\nTwo.", {"One.", "Two."}},
    {"line ends a sentence",
     "Line one ends here.\nline two starts.",
     {"Line one ends here.", "line two starts."}},
    {"wrapped line",
     "The army said on Tuesday that\nit had won the battle.",
     {"The army said on Tuesday that\nit had won the battle."}},
    {"title across lines", "Mr.\nSmith agreed.", {"Mr.\nSmith agreed."}},
    {"headline line",
     "Iraqi Troops Retake Mosul\nThe army said it won.",
     {"Iraqi Troops Retake Mosul", "The army said it won."}},
    {"headline with small words",
     "Talks on the Future of Iraq\nThe talks opened Monday.",
     {"Talks on the Future of Iraq", "The talks opened Monday."}},
    {"wrapped capitals are not a headline",
     "He met the Iraqi Prime Minister\nand the Foreign Minister.",
     {"He met the Iraqi Prime Minister\nand the Foreign Minister."}},
    {"mid-line capitals are not a headline",
     "It was hot. Officials of the United Nations\nSecurity Council met.",
     {"It was hot.", "Officials of the United Nations\nSecurity Council met."}},
    // Datelines.
    {"reuters dateline",
     "BAGHDAD (Reuters) - Iraqi troops entered the city. Residents fled.",
     {"Iraqi troops entered the city.", "Residents fled."},
     "BAGHDAD (Reuters) -",
     "BAGHDAD"},
    {"ap dateline with date",
     "WASHINGTON, Jan. 5 (AP) -- The Senate voted. It was close.",
     {"The Senate voted.", "It was close."},
     "WASHINGTON, Jan. 5 (AP) --",
     "WASHINGTON"},
    {"em dash dateline",
     "KABUL \u2014 Taliban fighters attacked a post.",
     {"Taliban fighters attacked a post."},
     "KABUL -",
     "KABUL"},
    {"two-word place",
     "NEW YORK (Reuters) - Stocks fell.",
     {"Stocks fell."},
     "NEW YORK (Reuters) -",
     "NEW YORK"},
    {"place with country",
     "RIO DE JANEIRO, Brazil (AFP) - It rained.",
     {"It rained."},
     "RIO DE JANEIRO, Brazil (AFP) -",
     "RIO DE JANEIRO"},
    {"mixed-case place needs agency",
     "Gaza City (AFP) -- Strikes continued.",
     {"Strikes continued."},
     "Gaza City (AFP) --",
     "Gaza City"},
    {"dateline after headline",
     "Iraqi troops retake Mosul\nBAGHDAD (Reuters) - Troops took the city.",
     {"Iraqi troops retake Mosul", "Troops took the city."},
     "BAGHDAD (Reuters) -",
     "BAGHDAD"},
    {"dateline on its own line",
     "KABUL -\nTaliban fighters attacked.",
     {"Taliban fighters attacked."},
     "KABUL -",
     "KABUL"},
    {"no dateline: mixed case without agency",
     "Kabul - Taliban fighters attacked.",
     {"Kabul - Taliban fighters attacked."}},
    {"no dateline: short acronym",
     "US - China talks resumed.",
     {"US - China talks resumed."}},
    {"no dateline: not at the start",
     "Talks resumed. BAGHDAD (Reuters) - Troops left.",
     {"Talks resumed.", "BAGHDAD (Reuters) - Troops left."}},
    {"no dateline: dash inside word",
     "KABUL-based groups met.",
     {"KABUL-based groups met."}},
};

TEST(SplitSentencesTest, Table) {
  for (const SplitCase& c : kSplitCases) {
    SCOPED_TRACE(c.name);
    const NormalizedText n = Normalize(c.text);
    const SplitResult r = SplitSentences(n.text);
    EXPECT_EQ(Texts(n.text, r), c.sentences);
    EXPECT_EQ(
        n.text.substr(r.dateline_begin, r.dateline_end - r.dateline_begin),
        c.dateline);
    EXPECT_EQ(n.text.substr(r.dateline_place_begin,
                            r.dateline_place_end - r.dateline_place_begin),
              c.place);
    for (const SentenceSpan& s : r.sentences) EXPECT_FALSE(s.cut);
    ExpectWellFormed(n.text, r, SplitOptions{}.max_sentence_bytes);
  }
}

TEST(SplitSentencesTest, OffsetsAreExact) {
  const std::string_view text = "  One two.  Three.\n";
  const SplitResult r = SplitSentences(text);
  ASSERT_EQ(r.sentences.size(), 2u);
  EXPECT_EQ(r.sentences[0].begin, 2u);
  EXPECT_EQ(r.sentences[0].end, 10u);
  EXPECT_EQ(r.sentences[1].begin, 12u);
  EXPECT_EQ(r.sentences[1].end, 18u);
}

TEST(SplitSentencesTest, LongSentenceIsCutAtWordBoundaries) {
  std::string text;
  while (text.size() < 100000) text += "troops advanced again ";
  text.pop_back();
  const SplitResult r = SplitSentences(text);
  ExpectWellFormed(text, r, 2000);
  ASSERT_GE(r.sentences.size(), 50u);
  size_t covered = 0;
  for (const SentenceSpan& s : r.sentences) {
    EXPECT_TRUE(s.cut);
    EXPECT_TRUE(s.begin == 0 || text[s.begin - 1] == ' ');
    EXPECT_TRUE(s.end == text.size() || text[s.end] == ' ');
    covered += s.end - s.begin + 1;
  }
  EXPECT_EQ(covered, text.size() + 1);  // nothing lost but the spaces
}

TEST(SplitSentencesTest, LongRunWithoutSpacesIsCutOnCharBoundaries) {
  std::string text;
  while (text.size() < 100000) text += "\u011F";  // two bytes each
  text += "x";                                    // odd total length
  SplitOptions options;
  options.max_sentence_bytes = 999;
  const SplitResult r = SplitSentences(text, options);
  ExpectWellFormed(text, r, 999);
  size_t covered = 0;
  for (const SentenceSpan& s : r.sentences) {
    EXPECT_TRUE(s.cut);
    EXPECT_NE(static_cast<unsigned char>(text[s.begin]) & 0xC0, 0x80u);
    covered += s.end - s.begin;
  }
  EXPECT_EQ(covered, text.size());
}

TEST(SplitSentencesTest, ShortLimitCutsEveryLongSentence) {
  SplitOptions options;
  options.max_sentence_bytes = 10;
  const std::string text = "Short one. This sentence is a bit longer. Ok.";
  const SplitResult r = SplitSentences(text, options);
  ExpectWellFormed(text, r, 10);
  EXPECT_EQ(Texts(text, r),
            (std::vector<std::string>{"Short one.", "This", "sentence",
                                      "is a bit", "longer.", "Ok."}));
  EXPECT_FALSE(r.sentences[0].cut);
  EXPECT_TRUE(r.sentences[1].cut);
  EXPECT_TRUE(r.sentences[4].cut);
  EXPECT_FALSE(r.sentences[5].cut);
}

// Texts of a few megabytes in shapes that would be slow if any step were
// quadratic: one endless sentence, endless abbreviations, endless periods,
// endless newlines and endless terminators without spaces.
TEST(SplitSentencesTest, PathologicalInputsRunInLinearTime) {
  const std::vector<std::pair<std::string, std::string>> unit = {
      {"words", "word "},         {"no spaces", "x"},
      {"abbreviations", "Gen. "}, {"initials", "U.S. "},
      {"periods", ". "},          {"dots", "."},
      {"newlines", "\n"},         {"headline lines", "Big News\n"},
      {"quotes", "\"a.\" "},      {"dateline", "BAGHDAD "},
  };
  for (const auto& [name, piece] : unit) {
    SCOPED_TRACE(name);
    std::string text;
    while (text.size() < (2 << 20)) text += piece;
    const auto start = std::chrono::steady_clock::now();
    const SplitResult r = SplitSentences(text);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    ExpectWellFormed(text, r, 2000);
    // Linear time is a few milliseconds here; quadratic would be minutes.
    EXPECT_LT(seconds, 2.0);
  }
}

}  // namespace
}  // namespace dyad
