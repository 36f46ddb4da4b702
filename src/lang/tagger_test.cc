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
       "rebels/NOUN launched/VERB an/DET attack/NOUN on/PREP the/DET town/NOUN"},
      {"airstrikes killed 12", "airstrikes/NOUN killed/VERB 12/NUM"},
  };
  for (const Case& c : cases)
    EXPECT_EQ(TagString(lex, c.sentence), c.expected) << c.sentence;
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
