#include "dict/dictionary_file.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(DictionaryFileTest, ParsesEntriesPhrasesAndRoles) {
  std::vector<std::string> errors;
  DictionaryFile f = ParseDictionaryText(
      "# header\n"
      "\n"
      "IRQ: Iraq; Iraqi ; Republic of Iraq   # trailing comment\n"
      "USA: Joe Biden; Biden\n"
      "  + USAGOV 2021-01-20..2025-01-20   # President\n"
      "  + USALEG 1973..2009-01-15\n"
      "  + USAGOV 2009-01-20..\n",
      "people.txt", &errors);
  EXPECT_TRUE(errors.empty()) << errors[0];
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(f.entries[0].code, "IRQ");
  ASSERT_EQ(f.entries[0].phrases.size(), 3u);
  EXPECT_EQ(f.entries[0].phrases[1].text, "Iraqi");
  EXPECT_EQ(f.entries[0].phrases[2].text, "Republic of Iraq");
  EXPECT_EQ(f.entries[0].line, 3);
  ASSERT_EQ(f.entries[1].roles.size(), 3u);
  EXPECT_EQ(f.entries[1].roles[0].code, "USAGOV");
  EXPECT_EQ(f.entries[1].roles[0].from.ToString(), "2021-01-20");
  EXPECT_EQ(f.entries[1].roles[1].from.ToString(), "1973-01-01");
  EXPECT_FALSE(f.entries[1].roles[2].to.valid());
  EXPECT_EQ(f.entries[1].roles[2].line, 7);
}

TEST(DictionaryFileTest, ParsesDirectives) {
  std::vector<std::string> errors;
  DictionaryFile f = ParseDictionaryText("# x\n@modals-code-act\n040: meet\n",
                                         "v.txt", &errors);
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(f.directives.size(), 1u);
  EXPECT_EQ(f.directives[0].name, "modals-code-act");
  EXPECT_EQ(f.directives[0].line, 2);
  EXPECT_EQ(f.entries.size(), 1u);
}

TEST(DictionaryFileTest, ReportsEachFaultWithFileAndLine) {
  struct Case {
    const char* text;
    const char* message;
  } cases[] = {
      {"IRQ Iraq\n", "f.txt:1: missing ':'"},
      {"Iraq: Iraq\n", "f.txt:1: bad code 'Iraq'"},
      {"IRQ: Iraq;; Iraqi\n", "f.txt:1: empty phrase"},
      {"IRQ:\n", "f.txt:1: empty phrase"},
      {"  + IRQGOV 2020..\n", "f.txt:1: role line with no entry above it"},
      {"IRQ: Iraq\n  + IRQGOV 2021-13-01..\n",
       "f.txt:2: bad date '2021-13-01'"},
      {"IRQ: Iraq\n  + IRQGOV 2021-02-30..\n", "f.txt:2: bad date"},
      {"IRQ: Iraq\n  + IRQGOV 2021..2020\n", "f.txt:2: date range ends before"},
      {"IRQ: Iraq\n  + IRQGOV\n", "f.txt:2: role needs a date range"},
      {"IRQ: Iraq\n  IRQGOV 2020..\n", "f.txt:2: indented line must be"},
      {"@Bad_Name\n", "f.txt:1: bad directive '@Bad_Name'"},
      {"IRQ: Ira\xff\n", "f.txt:1: not valid UTF-8"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> errors;
    ParseDictionaryText(c.text, "f.txt", &errors);
    ASSERT_EQ(errors.size(), 1u) << c.text;
    EXPECT_EQ(errors[0].rfind(c.message, 0), 0u) << errors[0];
  }
}

TEST(DictionaryFileTest, KeepsGoodEntriesAfterAFault) {
  std::vector<std::string> errors;
  DictionaryFile f = ParseDictionaryText("IRQ Iraq\nIRN: Iran\n", "f", &errors);
  EXPECT_EQ(errors.size(), 1u);
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].code, "IRN");
}

TEST(DictionaryFileTest, MissingFileIsAnError) {
  std::vector<std::string> errors;
  ReadDictionaryFile("/nonexistent/dict.txt", &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("/nonexistent/dict.txt"), std::string::npos);
}

}  // namespace
}  // namespace dyad
