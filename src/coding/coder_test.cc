// Coder: whole articles, including huge ones coded in pieces.
#include "dyad/coder.h"

#include <gtest/gtest.h>

#include <string>

namespace dyad {
namespace {

const Coder& DefaultCoder() {
  static const Coder* coder = [] {
    CoderOptions o;
    o.dictionary_dirs = {DYAD_TEST_DATA_DIR, DYAD_TEST_GENERATED_DATA_DIR};
    auto c = Coder::Create(o);
    EXPECT_TRUE(c.ok()) << c.status().message();
    return std::move(c).value().release();
  }();
  return *coder;
}

TEST(CoderTest, HugeArticleCodedInPiecesLikeItsParagraphs) {
  const std::string paragraph =
      "Russian forces shelled Ukrainian positions near Kharkiv on Monday. "
      "Japan and South Korea signed a defence agreement in Tokyo.\n";
  Article small;
  small.id = "p";
  small.text = paragraph;
  CodedArticle one = DefaultCoder().Code(small);
  ASSERT_FALSE(one.events.empty());

  Article big;
  big.id = "big";
  const size_t copies = (size_t{6} << 20) / paragraph.size();  // > 4 MiB
  big.text.reserve(copies * paragraph.size());
  for (size_t i = 0; i < copies; ++i) big.text += paragraph;
  CodedArticle all = DefaultCoder().Code(big);

  EXPECT_EQ(all.sentences, static_cast<int>(copies) * one.sentences);
  ASSERT_EQ(all.events.size(), copies * one.events.size());
  bool noted = false;
  for (const Diagnostic& d : all.diagnostics)
    noted = noted || d.message.find("coded in pieces") != std::string::npos;
  EXPECT_TRUE(noted);
  // Every event points at the same words as its twin in the paragraph, at
  // the paragraph's place in the article, with sentences numbered on.
  for (size_t i = 0; i < all.events.size(); i += 997) {
    const Event& e = all.events[i];
    const Event& twin = one.events[i % one.events.size()];
    const size_t copy = i / one.events.size();
    EXPECT_EQ(e.code, twin.code);
    EXPECT_EQ(e.source.code, twin.source.code);
    EXPECT_EQ(e.source.text, twin.source.text);
    EXPECT_EQ(e.source.span.start,
              twin.source.span.start + copy * paragraph.size());
    EXPECT_EQ(e.verb.start, twin.verb.start + copy * paragraph.size());
    EXPECT_EQ(big.text.substr(e.verb.start, e.verb.end - e.verb.start),
              twin.verb_text);
    EXPECT_EQ(e.sentence,
              twin.sentence + static_cast<int>(copy) * one.sentences);
  }
}

}  // namespace
}  // namespace dyad
