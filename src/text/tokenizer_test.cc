#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "text/normalizer.h"
#include "text/sentence_splitter.h"

namespace dyad {
namespace {

std::vector<std::string> Texts(std::string_view text,
                               const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) {
    out.emplace_back(text.substr(t.begin, t.end - t.begin));
  }
  return out;
}

struct TokenizeCase {
  const char* name;
  const char* text;  // normalized text
  std::vector<std::string> tokens;
};

const TokenizeCase kTokenizeCases[] = {
    {"empty", "", {}},
    {"spaces", "  \n\t ", {}},
    {"words", "Iraqi troops", {"Iraqi", "troops"}},
    {"final period", "Troops left.", {"Troops", "left", "."}},
    {"punctuation",
     "Yes, no; maybe: (ok) [x]!?",
     {"Yes", ",", "no", ";", "maybe", ":", "(", "ok", ")", "[", "x", "]", "!",
      "?"}},
    // Possessives and clitics.
    {"possessive", "Iraq's army", {"Iraq", "'s", "army"}},
    {"plural possessive",
     "the forces' leaders",
     {"the", "forces", "'", "leaders"}},
    {"upper-case possessive", "IRAQ'S ARMY", {"IRAQ", "'S", "ARMY"}},
    {"possessive at end", "It was Iraq's.", {"It", "was", "Iraq", "'s", "."}},
    {"n't", "don't can't won't", {"do", "n't", "ca", "n't", "wo", "n't"}},
    {"upper n't", "DON'T", {"DO", "N'T"}},
    {"didn't.", "They didn't.", {"They", "did", "n't", "."}},
    {"other clitics",
     "they're we've you'll he'd I'm",
     {"they", "'re", "we", "'ve", "you", "'ll", "he", "'d", "I", "'m"}},
    {"it's", "it's", {"it", "'s"}},
    {"inner apostrophes",
     "O'Brien of Cote d'Ivoire",
     {"O'Brien", "of", "Cote", "d'Ivoire"}},
    {"inner apostrophe then possessive", "d'Ivoire's", {"d'Ivoire", "'s"}},
    {"not a clitic",
     "rock'n'roll Shi'ite Qur'an",
     {"rock'n'roll", "Shi'ite", "Qur'an"}},
    {"decade possessive", "1990's", {"1990", "'s"}},
    // Hyphens.
    {"hyphenated",
     "al-Sudani Iran-backed cease-fire",
     {"al-Sudani", "Iran-backed", "cease-fire"}},
    {"hyphenated numbers",
     "a 19-year-old F-16 won 2-1",
     {"a", "19-year-old", "F-16", "won", "2-1"}},
    {"dash between words", "war - again", {"war", "-", "again"}},
    {"double dash", "war--again", {"war", "--", "again"}},
    {"trailing hyphen", "pre- and post-war", {"pre", "-", "and", "post-war"}},
    // Abbreviations and initialisms.
    {"initialisms", "U.S. and U.N. forces", {"U.S.", "and", "U.N.", "forces"}},
    {"initialism at end", "in the U.S.", {"in", "the", "U.S."}},
    {"initialism possessive", "the U.S.'s role", {"the", "U.S.", "'s", "role"}},
    {"initialism compound", "U.S.-led forces", {"U.S.-led", "forces"}},
    {"lower-case initialisms",
     "at 10 a.m. e.g. here",
     {"at", "10", "a.m.", "e.g.", "here"}},
    {"titles",
     "Gen. Smith and Mr. Jones",
     {"Gen.", "Smith", "and", "Mr.", "Jones"}},
    {"months", "Jan. 10 and Sept. 11", {"Jan.", "10", "and", "Sept.", "11"}},
    {"No.", "No. 10 Downing St.", {"No.", "10", "Downing", "St."}},
    {"company at end", "Apple Inc.", {"Apple", "Inc."}},
    {"initial", "George W. Bush", {"George", "W.", "Bush"}},
    {"pronoun I at end", "so did I.", {"so", "did", "I", "."}},
    {"not an abbreviation", "the end.", {"the", "end", "."}},
    {"ellipsis", "wait... what", {"wait", "...", "what"}},
    {"abbreviation before ellipsis", "the U.S...", {"the", "U.S", "..."}},
    {"Ph.D.", "a Ph.D. student", {"a", "Ph.D.", "student"}},
    // Numbers.
    {"decimal", "3.5 percent", {"3.5", "percent"}},
    {"thousands", "1,000 and 1,000,000", {"1,000", "and", "1,000,000"}},
    {"decimal and thousands", "$1,000.50", {"$", "1,000.50"}},
    {"not thousands",
     "2,50 and 1,0000",
     {"2", ",", "50", "and", "1", ",", "0000"}},
    {"time", "10:30 p.m.", {"10:30", "p.m."}},
    {"percent", "20% rise", {"20", "%", "rise"}},
    {"ordinal", "the 3rd time", {"the", "3rd", "time"}},
    {"number at end", "He was 45.", {"He", "was", "45", "."}},
    {"list comma", "1, 2, 3", {"1", ",", "2", ",", "3"}},
    // Quotes.
    {"double quotes",
     "\"We won,\" he said.",
     {"\"", "We", "won", ",", "\"", "he", "said", "."}},
    {"single quotes", "'quoted' text", {"'", "quoted", "'", "text"}},
    {"quote after period", "over.\" Then", {"over", ".", "\"", "Then"}},
    // Other.
    {"ampersand", "AT&T and S&P", {"AT&T", "and", "S&P"}},
    {"spaced ampersand", "war & peace", {"war", "&", "peace"}},
    {"web address", "Amazon.com", {"Amazon.com"}},
    {"accents",
     "Erdo\u011Fan's \u00C9lys\u00E9e",
     {"Erdo\u011Fan", "'s", "\u00C9lys\u00E9e"}},
    {"currency symbol",
     "\u20AC5 and \u00A33",
     {"\u20AC", "5", "and", "\u00A3", "3"}},
    {"degree", "40\u00B0C", {"40", "\u00B0", "C"}},
    {"cjk", "\u65E5\u672C said", {"\u65E5\u672C", "said"}},
    {"emoji", "ok\U0001F600", {"ok", "\U0001F600"}},
    {"combining accent", "Jose\u0301 said", {"Jose\u0301", "said"}},
    {"hashtag", "#Iraq @user", {"#", "Iraq", "@", "user"}},
};

TEST(TokenizeTest, Table) {
  for (const TokenizeCase& c : kTokenizeCases) {
    SCOPED_TRACE(c.name);
    const std::string_view text = c.text;
    const std::vector<Token> tokens = Tokenize(text);
    EXPECT_EQ(Texts(text, tokens), c.tokens);
    uint32_t prev = 0;
    for (const Token& t : tokens) {
      EXPECT_LT(t.begin, t.end);
      EXPECT_GE(t.begin, prev);
      EXPECT_LE(t.end, text.size());
      prev = t.end;
    }
  }
}

struct FlagsCase {
  const char* token;
  uint8_t flags;
};

const FlagsCase kFlagsCases[] = {
    {"troops", kTokenWord},
    {"Iraq", kTokenWord | kTokenCapitalized},
    {"NATO", kTokenWord | kTokenCapitalized | kTokenAllCaps},
    {"U.S.", kTokenWord | kTokenCapitalized | kTokenAllCaps | kTokenHasPeriod},
    {"Gen.", kTokenWord | kTokenCapitalized | kTokenHasPeriod},
    {"a.m.", kTokenWord | kTokenHasPeriod},
    {"I", kTokenWord | kTokenCapitalized},  // one letter: not all caps
    {"F-16", kTokenWord | kTokenCapitalized},
    {"3.5", kTokenNumber},
    {"3rd", kTokenNumber},
    {"1,000", kTokenNumber},
    {".", kTokenPunct},
    {"\"", kTokenPunct},
    {"--", kTokenPunct},
    {"\u20AC", kTokenPunct},
    {"\u00D6calan", kTokenWord | kTokenCapitalized},
    {"\u00F6calan", kTokenWord},
    {"\u00C9LYS\u00C9E", kTokenWord | kTokenCapitalized | kTokenAllCaps},
    {"\u0130stanbul", kTokenWord | kTokenCapitalized},
    {"\u041C\u043E\u0441\u043A\u0432\u0430", kTokenWord | kTokenCapitalized},
    {"\u0628\u063A\u062F\u0627\u062F", kTokenWord},  // Arabic: no case
};

TEST(TokenizeTest, FlagsTable) {
  for (const FlagsCase& c : kFlagsCases) {
    SCOPED_TRACE(c.token);
    const std::vector<Token> tokens = Tokenize(c.token);
    ASSERT_EQ(tokens.size(), 1u);
    EXPECT_EQ(tokens[0].flags, c.flags);
  }
}

TEST(TokenizeTest, CliticsAreWords) {
  const std::string_view text = "Iraq's forces' don't";
  const std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_EQ(tokens[1].flags, kTokenWord);   // 's
  EXPECT_EQ(tokens[3].flags, kTokenPunct);  // '
  EXPECT_EQ(tokens[5].flags, kTokenWord);   // n't
}

TEST(TokenizeTest, RangeOffsetsAreAbsolute) {
  const std::string_view text = "xx Hello world. yy";
  const std::vector<Token> tokens = Tokenize(text, 3, 15);
  EXPECT_EQ(Texts(text, tokens),
            (std::vector<std::string>{"Hello", "world", "."}));
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].begin, 3u);
  EXPECT_EQ(tokens[2].end, 15u);
}

TEST(TokenizeTest, RangeEndStopsLookAhead) {
  // "U.S" is cut before its final period and "1,000" before its last digit:
  // no token may reach past `end`.
  const std::string_view text = "the U.S. 1,000";
  EXPECT_EQ(Texts(text, Tokenize(text, 0, 7)),
            (std::vector<std::string>{"the", "U.S"}));
  EXPECT_EQ(Texts(text, Tokenize(text, 9, 13)),
            (std::vector<std::string>{"1", ",", "00"}));
  EXPECT_TRUE(Tokenize(text, 5, 5).empty());
  EXPECT_TRUE(Tokenize(text, 20, 30).empty());
}

struct OriginalCase {
  const char* name;
  std::string_view raw;                // as the user gave it
  std::vector<std::string> originals;  // each token's original bytes
};

const OriginalCase kOriginalCases[] = {
    {"curly quotes and dash",
     "Iraq\u2019s \u201Cforces\u201D \u2014 3.5\u00A0percent",
     {"Iraq", "\u2019s", "\u201C", "forces", "\u201D", "\u2014", "3.5",
      "percent"}},
    {"US apostrophe", "US\u2019 troops", {"US", "\u2019", "troops"}},
    {"don't", "don\u2019t", {"do", "n\u2019t"}},
    {"invisible characters",
     "\uFEFFcease\u00ADfire\u200B now",
     {"cease\u00ADfire", "now"}},
    {"invalid bytes",
     "Mosul\xFF"
     "city \xE2\x80"
     "fell",
     {"Mosul", "city", "fell"}},
    {"crlf", "One.\r\nTwo.", {"One", ".", "Two", "."}},
    {"ellipsis", "wait\u2026 what", {"wait", "\u2026", "what"}},
    {"accents", "Erdo\u011Fan\u2019s", {"Erdo\u011Fan", "\u2019s"}},
};

// For every token, OriginalRange gives back the bytes the user wrote.
TEST(TokenizeTest, OriginalRangeOfEveryToken) {
  for (const OriginalCase& c : kOriginalCases) {
    SCOPED_TRACE(c.name);
    const NormalizedText n = Normalize(c.raw);
    std::vector<std::string> originals;
    for (const SentenceSpan& s : SplitSentences(n.text).sentences) {
      for (const Token& t : Tokenize(n.text, s.begin, s.end)) {
        size_t b, e;
        n.OriginalRange(t.begin, t.end, &b, &e);
        originals.emplace_back(c.raw.substr(b, e - b));
        // Normalizing the original bytes again gives the token back.
        EXPECT_EQ(Normalize(originals.back()).text,
                  n.text.substr(t.begin, t.end - t.begin));
      }
    }
    EXPECT_EQ(originals, c.originals);
  }
}

}  // namespace
}  // namespace dyad
