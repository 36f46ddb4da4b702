// Tests of the PETRARCH-2 importer's readers on small made-up dictionaries
// (the real PETRARCH files are imported by tests/petrarch/).
#include "dict/petrarch_import.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "dict/dictionary_set.h"
#include "dict/petrarch_actors.h"
#include "dict/petrarch_verbs.h"

namespace dyad {
namespace {

Lexicon TestLexicon(const std::vector<std::string>& verbs) {
  auto lex = Lexicon::Build(
      std::string(DYAD_TEST_DATA_DIR) + "/lang/irregular_verbs.txt", verbs);
  EXPECT_TRUE(lex.ok());
  return std::move(lex).value();
}

CameoTable TestCameo() {
  std::vector<std::string> errors;
  std::string text;
  EXPECT_TRUE(ReadFileToString(
                  std::string(DYAD_TEST_DATA_DIR) + "/cameo/codes.txt", &text)
                  .ok());
  return CameoTable::Parse(text, "codes.txt", &errors);
}

bool HasNote(const std::vector<ImportNote>& notes, int line,
             ImportNote::Kind kind, const std::string& reason_part) {
  return std::any_of(notes.begin(), notes.end(), [&](const ImportNote& n) {
    return n.line == line && n.kind == kind &&
           n.reason.find(reason_part) != std::string::npos;
  });
}

TEST(PetrarchFormatTest, ReadsLinesWithoutComments) {
  std::vector<PetrarchLine> lines = ReadPetrarchLines(
      "<!-- a comment\n"
      "   still in it -->\n"
      "# hash comment\n"
      "WORD [ABC] # trailing\n"
      "\n"
      "<!-- one line --> REST\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].number, 4);
  EXPECT_EQ(lines[0].text, "WORD [ABC]");
  EXPECT_EQ(lines[1].text, " REST");
}

TEST(PetrarchFormatTest, DatesAndDays) {
  EXPECT_EQ(ParsePetrarchDate("950601").ToString(), "1995-06-01");
  EXPECT_EQ(ParsePetrarchDate("300101").ToString(), "2030-01-01");
  EXPECT_EQ(ParsePetrarchDate("20121109").ToString(), "2012-11-09");
  EXPECT_FALSE(ParsePetrarchDate("2004017").valid());
  EXPECT_FALSE(ParsePetrarchDate("19990231").valid());
  EXPECT_EQ(AddDays(ParseDate("2012-02-28"), 1).ToString(), "2012-02-29");
  EXPECT_EQ(AddDays(ParseDate("1999-12-31"), 1).ToString(), "2000-01-01");
}

TEST(PetrarchVerbsTest, ExpandsBlocksSynsetsAndMarkers) {
  std::vector<ImportNote> notes;
  PetrarchVerbFile f = PetrarchVerbFile::Parse(
      "&GADGET\n"                       // 1
      "+WIDGET\n"                       // 2
      "+DOO_HICKEY\n"                   // 3
      "--- HAND [070] ---\n"            // 4
      "HAND {HANDS HANDED HANDING}\n"   // 5
      "PROFFER [071]\n"                 // 6
      "+PASS_ON\n"                      // 7
      "- * &GADGET (TO +) [072]\n"      // 8
      "- WILL NOT * [---]\n"            // 9
      "- DID N'T * GIFT [0711]\n"       // 10
      "- SAID * [010]\n"                // 11
      "- * GIFT FROM $ [071]\n"         // 12
      "- * TOKEN [042:043]\n"           // 13
      "- * TRIFLE [0012]\n"             // 14
      "- * PLEDGE [073]\n"              // 15
      "- * PLEDGES [074]\n"             // 16
      "~ a (b c HAND) SAY = a b 010\n"  // 17
      "- * BOW [:045]\n"                // 18
      "- * CURTSY [---:---]\n"          // 19
      "- VERY_QUICKLY * BOX [073]\n"    // 20
      "- &GADGET_* TRINKET [0711]\n"    // 21
      "- *_BAUBLE_+ [073]\n",           // 22
      "test.verbs.txt", &notes);
  Lexicon lex = TestLexicon(f.HeadWords());
  CameoTable cameo = TestCameo();
  std::map<std::string, std::string> new_codes;
  VerbConversion conv = f.Convert(cameo, lex, &new_codes, &notes);
  std::vector<std::string> got;
  for (const ConvertedPattern& p : conv.patterns)
    got.push_back(p.code + ": " + p.text);
  std::vector<std::string> want = {
      "070: hand",
      "071: proffer",
      "070: pass on",
      "072: hand widget to +",
      "072: proffer widget to +",
      "072: pass on widget to +",
      "072: hand doo _ hickey to +",
      "072: proffer doo _ hickey to +",
      "072: pass on doo _ hickey to +",
      "---: not hand",
      "---: not proffer",
      "---: not pass on",
      "0711: not hand gift",
      "0711: not proffer gift",
      "0711: not pass on gift",
      "010: said * hand",
      "010: said * proffer",
      "010: said * pass on",
      "042/043: hand token",
      "042/043: proffer token",
      "042/043: pass on token",
      "074: hand pledges",
      "074: proffer pledges",
      "074: pass on pledges",
      "---/045: hand bow",
      "---/045: proffer bow",
      "---/045: pass on bow",
      "---: hand curtsy",
      "---: proffer curtsy",
      "---: pass on curtsy",
      "073: very _ quickly * hand box",
      "073: very _ quickly * proffer box",
      "073: very _ quickly * pass on box",
      "0711: widget _ * hand trinket",
      "0711: widget _ * proffer trinket",
      "0711: widget _ * pass on trinket",
      "0711: doo _ hickey _ * hand trinket",
      "0711: doo _ hickey _ * proffer trinket",
      "0711: doo _ hickey _ * pass on trinket",
      "073: hand _ bauble +",
      "073: proffer _ bauble +",
      "073: pass on _ bauble +",
  };
  EXPECT_EQ(got, want);
  // Null codes, paired codes and reverse-only codes are carried over.
  // So are words before the verb, with PETRARCH's `_` (adjacent words).
  for (int line : {9, 11, 13, 18, 19, 20, 21, 22}) {
    for (const ImportNote& n : notes) EXPECT_NE(n.line, line) << n.reason;
  }
  EXPECT_TRUE(
      HasNote(notes, 12, ImportNote::Kind::kSkipped, "'$' source marker"));
  EXPECT_TRUE(HasNote(notes, 14, ImportNote::Kind::kSkipped, "root 00"));
  EXPECT_TRUE(HasNote(notes, 15, ImportNote::Kind::kSkipped, "comes later"));
  EXPECT_TRUE(HasNote(notes, 17, ImportNote::Kind::kSkipped, "transformation"));
  EXPECT_TRUE(new_codes.count("0711"));
  EXPECT_TRUE(HasNote(notes, 10, ImportNote::Kind::kChanged,
                      "not in dyad's CAMEO table"));
}

// A line with words before the verb whose synsets would give more than 2,000
// dyad patterns is skipped and reported; one after the verb is not.
TEST(PetrarchVerbsTest, CapsSynsetsBeforeTheVerb) {
  std::string text = "&THING\n";
  for (int i = 0; i < 1001; ++i) text += "+THING" + std::to_string(i) + "\n";
  text +=
      "--- HAND [070] ---\nHAND\nGIVE\n"  // lines 1003-1005
      "- &THING * [072]\n"                // 1006
      "- * &THING [073]\n";               // 1007
  std::vector<ImportNote> notes;
  PetrarchVerbFile f = PetrarchVerbFile::Parse(text, "t.verbs.txt", &notes);
  Lexicon lex = TestLexicon(f.HeadWords());
  std::map<std::string, std::string> new_codes;
  VerbConversion conv = f.Convert(TestCameo(), lex, &new_codes, &notes);
  EXPECT_TRUE(HasNote(notes, 1006, ImportNote::Kind::kSkipped,
                      "synsets before the verb give too many"));
  EXPECT_EQ(conv.patterns.size(), 2u + 2 * 1001);
}

TEST(PetrarchActorsTest, NamesCodesAndDatedRoles) {
  std::vector<ImportNote> notes;
  Lexicon lex = TestLexicon({});
  std::vector<ConvertedEntry> entries = ConvertPetrarchActors(
      "FREEDONIA_ [FRD]\n"                // 1
      "+FREEDONIAN\n"                     // 2
      "RUFUS_T._FIREFLY\n"                // 3
      "  [FRDREB <330101]\n"              // 4
      "  [FRDGOV 19330101 - 19331231]\n"  // 5
      "  [FRDELI >331231]\n"              // 6
      "US_ [usa]\n"                       // 7
      "NOBODY [---]\n"                    // 8
      "SYLVANIA [SYL/FRD]\n"              // 9
      "TRENTINO\n"                        // 10
      "  [SYLGOV 2004017-20061201]\n",    // 11
      "test.actors.txt", lex, &notes);
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(entries[0].code, "FRD");
  EXPECT_EQ(entries[0].phrases,
            (std::vector<std::string>{"freedonia", "freedonian"}));
  EXPECT_EQ(entries[1].code, "FRD");
  EXPECT_EQ(entries[1].phrases, (std::vector<std::string>{"rufus t. firefly"}));
  ASSERT_EQ(entries[1].roles.size(), 3u);
  EXPECT_EQ(entries[1].roles[0].range, "..1933-01-01");
  EXPECT_EQ(entries[1].roles[1].range, "1933-01-01..1934-01-01");
  EXPECT_EQ(entries[1].roles[2].range, "1934-01-01..");
  EXPECT_EQ(entries[2].code, "USA");
  EXPECT_EQ(entries[2].phrases, (std::vector<std::string>{"US"}));
  EXPECT_EQ(entries[3].code, "SYL");
  EXPECT_TRUE(
      HasNote(notes, 3, ImportNote::Kind::kChanged, "no code without a date"));
  EXPECT_TRUE(HasNote(notes, 7, ImportNote::Kind::kChanged, "lower case"));
  EXPECT_TRUE(HasNote(notes, 7, ImportNote::Kind::kChanged, "function word"));
  EXPECT_TRUE(HasNote(notes, 8, ImportNote::Kind::kSkipped, "null code"));
  EXPECT_TRUE(HasNote(notes, 9, ImportNote::Kind::kChanged, "several codes"));
  EXPECT_TRUE(HasNote(notes, 11, ImportNote::Kind::kSkipped, "bad date"));
  EXPECT_TRUE(HasNote(notes, 10, ImportNote::Kind::kSkipped, "no usable code"));
}

TEST(PetrarchActorsTest, AgentsPluralsMarkersAndLongCodes) {
  std::vector<ImportNote> notes;
  Lexicon lex = TestLexicon({});
  std::vector<ConvertedEntry> entries = ConvertPetrarchAgents(
      "!HAND! = HAND, HANDS\n"        // 1
      "DECK!HAND! [~MIL]\n"           // 2
      "GOOSE {GEESE} [~AGR]\n"        // 3
      "CHARITY [NGO~]\n"              // 4
      "FOREIGN_MINISTER [~GOVFRM]\n"  // 5
      "STRAY_WORD\n"                  // 6
      "FIELD!NOPE! [~MIL]\n",         // 7
      "test.agents.txt", lex, &notes);
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(entries[0].code, "MIL");
  EXPECT_EQ(entries[0].phrases,
            (std::vector<std::string>{"deckhand", "deckhands"}));
  EXPECT_EQ(entries[1].phrases, (std::vector<std::string>{"goose", "geese"}));
  EXPECT_EQ(entries[2].code, "NGO");
  EXPECT_EQ(entries[3].code, "GOV");
  EXPECT_TRUE(
      HasNote(notes, 4, ImportNote::Kind::kChanged, "before the actor code"));
  EXPECT_TRUE(
      HasNote(notes, 5, ImportNote::Kind::kChanged, "longer than three"));
  EXPECT_TRUE(
      HasNote(notes, 6, ImportNote::Kind::kSkipped, "without a [code]"));
  EXPECT_TRUE(
      HasNote(notes, 7, ImportNote::Kind::kSkipped, "undefined substitution"));
}

TEST(PetrarchActorsTest, DiscardsBecomeSentenceAndStoryDiscards) {
  std::vector<ImportNote> notes;
  Lexicon lex = TestLexicon({});
  std::vector<ConvertedEntry> entries = ConvertPetrarchDiscards(
      "CROQUET_TOURNAMENT\n"    // 1
      "+GRAND_PRIX  # story\n"  // 2
      "CRICKET_\n",             // 3
      "test.discards.txt", lex, &notes);
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].code, "DISCARD");
  EXPECT_EQ(entries[0].phrases,
            (std::vector<std::string>{"croquet tournament"}));
  EXPECT_EQ(entries[1].code, "STORYDISCARD");
  EXPECT_EQ(entries[1].phrases, (std::vector<std::string>{"grand prix"}));
  EXPECT_EQ(entries[2].phrases, (std::vector<std::string>{"cricket"}));
  EXPECT_TRUE(HasNote(notes, 1, ImportNote::Kind::kChanged, "discard stem"));
  EXPECT_TRUE(HasNote(notes, 2, ImportNote::Kind::kChanged, "discard stem"));
  for (const ImportNote& n : notes) EXPECT_NE(n.line, 3) << n.reason;
}

// The whole import writes a folder that dyad loads without a fault.
TEST(PetrarchImportTest, WritesAFolderDyadLoads) {
  namespace fs = std::filesystem;
  fs::path tmp = fs::temp_directory_path() /
                 ("dyad_petrarch_test_" + std::to_string(::getpid()));
  fs::remove_all(tmp);
  fs::create_directories(tmp / "in");
  auto write = [&](const char* name, const char* text) {
    std::ofstream(tmp / "in" / name) << text;
  };
  write(
      "mini.verbs.txt",
      "--- MEND [064] ---\nMEND\n- * TIES (WITH +) [064]\n- * FENCES [0711]\n");
  write("mini.actors.txt", "FREEDONIA [FRD]\nSYLVANIA [SYL]\n");
  write("mini.agents.txt", "MINISTER [~GOV]\n");
  write("mini.discards.txt", "CROQUET\n");
  PetrarchImportOptions o;
  o.from_dir = (tmp / "in").string();
  o.out_dir = (tmp / "out").string();
  o.dyad_dirs = {DYAD_TEST_DATA_DIR};
  auto report = ImportPetrarch(o);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->cameo_codes_added, 1u);  // 0711
  std::vector<std::string> errors;
  auto set = DictionarySet::LoadAll({o.out_dir}, &errors);
  EXPECT_TRUE(errors.empty()) << errors[0];
  EXPECT_EQ(set->verbs().size(), 3u);
  EXPECT_EQ(set->stats().actors, 2u);
  EXPECT_EQ(set->stats().agents, 1u);
  // A second import into the same folder needs --force.
  EXPECT_FALSE(ImportPetrarch(o).ok());
  fs::remove_all(tmp);
}

}  // namespace
}  // namespace dyad
