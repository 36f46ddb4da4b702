#include "lang/tagger.h"

#include <gtest/gtest.h>

#include <string>

#include "text/normalizer.h"

namespace dyad {
namespace {

// Tags `sentence` and returns "word/TAG word/TAG ...".
std::string TagString(const Lexicon& lex, const std::string& sentence) {
  NormalizedText n = Normalize(sentence);
  Tagger tagger(&lex);
  std::vector<TaggedToken> tags = tagger.Tag(n.text, n.lower, Tokenize(n.text));
  std::string out;
  for (const TaggedToken& t : tags) {
    if (!out.empty()) out += ' ';
    out += n.text.substr(t.token.begin, t.token.end - t.token.begin);
    out += '/';
    out += PosName(t.pos);
  }
  return out;
}

TEST(TaggerTest, DecidesVerbOrNounFromContext) {
  Lexicon lex = Lexicon::Minimal({"attack", "talk", "force", "strike", "meet",
                                  "launch", "stall", "say", "kill"});
  struct Case {
    const char* sentence;
    const char* expected;
  } cases[] = {
      {"Israel attacks Gaza", "Israel/PROPN attacks/VERB Gaza/PROPN"},
      {"the talks stalled", "the/DET talks/NOUN stalled/VERB"},
      {"US forces attacked the base",
       "US/PROPN forces/NOUN attacked/VERB the/DET base/NOUN"},
      {"Iran will meet Iraq", "Iran/PROPN will/MODAL meet/VERB Iraq/PROPN"},
      {"they did not attack", "they/PRON did/AUX not/NEG attack/VERB"},
      {"the stalled talks", "the/DET stalled/ADJ talks/NOUN"},
      {"rebels launched an attack on the town",
       "rebels/NOUN launched/VERB an/DET attack/NOUN on/PREP the/DET "
       "town/NOUN"},
      {"airstrikes killed 12", "airstrikes/NOUN killed/VERB 12/NUM"},
  };
  for (const Case& c : cases)
    EXPECT_EQ(TagString(lex, c.sentence), c.expected) << c.sentence;
}

TEST(TaggerTest, UsesTheInstalledWordLists) {
  auto lex = Lexicon::Build(
      std::string(DYAD_TEST_DATA_DIR) + "/lang/irregular_verbs.txt",
      {"attack", "talk", "release", "kill", "strike"});
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  struct Case {
    const char* sentence;
    const char* expected;
  } cases[] = {
      // Open classes from the word lists.
      {"the current government", "the/DET current/ADJ government/NOUN"},
      {"in an eastern province", "in/PREP an/DET eastern/ADJ province/NOUN"},
      {"The minister appeared to reject it",
       "The/DET minister/NOUN appeared/VERB to/TO reject/VERB it/PRON"},
      {"the talks stalled", "the/DET talks/NOUN stalled/VERB"},
      // A noun that brill also knows as a rare verb stays a noun...
      {"A Czech court on Tuesday released him",
       "A/DET Czech/PROPN court/NOUN on/PREP Tuesday/PROPN released/VERB "
       "him/PRON"},
      // ... unless the context demands a verb.
      {"They court voters", "They/PRON court/VERB voters/NOUN"},
      // Sentence-initial capitals: common words and names.
      {"Police fired tear gas", "Police/NOUN fired/VERB tear/NOUN gas/NOUN"},
      {"Hamas fighters", "Hamas/PROPN fighters/NOUN"},
      {"Turkey's army", "Turkey/PROPN 's/POSS army/NOUN"},
      {"President Obama said", "President/PROPN Obama/PROPN said/VERB"},
      // An adjective ends a subject before a finite verb.
      {"Israeli military struck a target",
       "Israeli/PROPN military/NOUN struck/VERB a/DET target/NOUN"},
      {"the military said", "the/DET military/NOUN said/VERB"},
      {"its own envoy", "its/DET own/ADJ envoy/NOUN"},
      // Between a modal and a base form, an adverb: "must first disarm".
      {"Iran must first disarm", "Iran/PROPN must/MODAL first/ADV disarm/VERB"},
  };
  for (const Case& c : cases)
    EXPECT_EQ(TagString(*lex, c.sentence), c.expected) << c.sentence;
}

TEST(TaggerTest, LemmasPointAtKnownVerbs) {
  Lexicon lex = Lexicon::Minimal({"attack"});
  NormalizedText n = Normalize("Rebels attacked the town");
  Tagger tagger(&lex);
  auto tags = tagger.Tag(n.text, n.lower, Tokenize(n.text));
  ASSERT_EQ(tags.size(), 4u);
  EXPECT_EQ(tags[1].lemma, "attack");
  EXPECT_EQ(tags[1].form, VerbForm::kEd);
  EXPECT_EQ(tags[0].lemma, "rebel");  // plural removed for matching
}

}  // namespace
}  // namespace dyad
