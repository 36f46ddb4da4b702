#include "dict/verb_dictionary.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

CameoTable Table() {
  std::vector<std::string> errors;
  return CameoTable::Parse(
      "19\t4\t-10\tASSAULT\t-\t-\tFIGHT\n190\t4\t-10\tASSAULT\t-\t-\tforce\n"
      "02\t1\t3\tREQUEST\t-\t-\tAPPEAL\n04\t1\t1\tCONSULT\t-\t-\tCONSULT\n"
      "12\t3\t-4\tREJECT\t-\t-\tREJECT\n",
      "codes.txt", &errors);
}

TEST(VerbDictionaryTest, CompilesPatterns) {
  std::vector<std::string> errors;
  std::vector<DictionaryFile> files = {
      ParseDictionaryText("190: attack; launch attack on; ~airstrike on\n"
                          "02: call on + to\n"
                          "12: not allow\n",
                          "verbs.txt", &errors)};
  std::vector<std::string> heads = VerbDictionary::HeadWords(files);
  Lexicon lex = Lexicon::Minimal(heads);
  VerbDictionary verbs;
  verbs.Build(files, Table(), lex, &errors);
  EXPECT_TRUE(errors.empty()) << errors[0];
  ASSERT_EQ(verbs.size(), 5u);
  const auto* launch = verbs.ForHead("launch");
  ASSERT_NE(launch, nullptr);
  const VerbPattern& p = verbs.pattern((*launch)[0]);
  EXPECT_EQ(p.words, 3);
  EXPECT_EQ(p.elements[1].lemma, "attack");
  EXPECT_EQ(p.line, 1);
  const VerbPattern& nominal = verbs.pattern((*verbs.ForHead("airstrike"))[0]);
  EXPECT_TRUE(nominal.nominal);
  const VerbPattern& call = verbs.pattern((*verbs.ForHead("call"))[0]);
  EXPECT_TRUE(call.elements[2].slot);
  const VerbPattern& allow = verbs.pattern((*verbs.ForHead("allow"))[0]);
  EXPECT_TRUE(allow.negated);
}

TEST(VerbDictionaryTest, ReportsUnknownCodesAndBadPatterns) {
  std::vector<std::string> errors;
  std::vector<DictionaryFile> files = {ParseDictionaryText(
      "999: explode\n190: + attack\n190: attack + on +\n", "v.txt", &errors)};
  Lexicon lex = Lexicon::Minimal({});
  VerbDictionary verbs;
  verbs.Build(files, Table(), lex, &errors);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0], "v.txt:1: unknown CAMEO code '999'");
  EXPECT_EQ(errors[1].rfind("v.txt:2: pattern '+ attack' must start", 0), 0u);
  EXPECT_EQ(errors[2].rfind("v.txt:3: pattern", 0), 0u);
}

TEST(VerbDictionaryTest, PairedAndNullCodes) {
  std::vector<std::string> errors;
  std::vector<DictionaryFile> files = {
      ParseDictionaryText("190/190: shell\n---: shell post\n---/04: host\n"
                          "190/999: bomb\n---/---: hug\n-: kiss\n",
                          "v.txt", &errors)};
  Lexicon lex = Lexicon::Minimal(VerbDictionary::HeadWords(files));
  VerbDictionary verbs;
  verbs.Build(files, Table(), lex, &errors);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0],
            "v.txt:4: unknown CAMEO code '999' in paired code '190/999'");
  EXPECT_EQ(errors[1],
            "v.txt:5: unknown CAMEO code '---' in paired code '---/---'");
  EXPECT_EQ(errors[2], "v.txt:6: unknown CAMEO code '-'");
  const VerbPattern& shell = verbs.pattern((*verbs.ForHead("shell"))[1]);
  EXPECT_EQ(shell.code, "190");
  EXPECT_EQ(shell.reverse_code, "190");
  EXPECT_FALSE(shell.null());
  const VerbPattern& post = verbs.pattern((*verbs.ForHead("shell"))[0]);
  EXPECT_TRUE(post.null());
  EXPECT_EQ(post.reverse_code, "");
  const VerbPattern& host = verbs.pattern((*verbs.ForHead("host"))[0]);
  EXPECT_TRUE(host.null());
  EXPECT_EQ(host.reverse_code, "04");
}

TEST(VerbDictionaryTest, WordsBeforeTheVerb) {
  std::vector<std::string> errors;
  std::vector<DictionaryFile> files = {
      ParseDictionaryText("12: most _ certainly will not * reject offer\n"  // 1
                          "12: recently _ * reject\n"                       // 2
                          "12: ~will * rejection\n"                         // 3
                          "12: will * refuse _ offer\n"                     // 4
                          "12: a * b * reject\n"                            // 5
                          "12: % have * reject\n"                           // 6
                          "12: have % * reject\n",                          // 7
                          "v.txt", &errors)};
  Lexicon lex = Lexicon::Minimal(VerbDictionary::HeadWords(files));
  VerbDictionary verbs;
  verbs.Build(files, Table(), lex, &errors);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].rfind("v.txt:3: pattern '~will * rejection' may", 0), 0u);
  EXPECT_EQ(errors[1].rfind("v.txt:5: pattern", 0), 0u);
  EXPECT_EQ(errors[2],
            "v.txt:7: pattern 'have % * reject' may hold '%' only "
            "as its first word");
  const auto* reject = verbs.ForHead("reject");
  ASSERT_NE(reject, nullptr);
  ASSERT_EQ(reject->size(), 3u);
  const VerbPattern& most = verbs.pattern((*reject)[0]);
  EXPECT_EQ(most.before,
            (std::vector<std::string>{"most", "certainly", "will", "not"}));
  EXPECT_EQ(most.before_tight, (std::vector<bool>{true, false, false, false}));
  EXPECT_TRUE(most.negated);  // the negation is among its words
  EXPECT_EQ(most.words, 6);
  EXPECT_EQ(most.elements[0].lemma, "reject");
  const VerbPattern& compound = verbs.pattern((*reject)[1]);
  EXPECT_TRUE(compound.compound);
  EXPECT_EQ(compound.before, (std::vector<std::string>{"have"}));
  EXPECT_EQ(compound.words, 3);
  const VerbPattern& recently = verbs.pattern((*reject)[2]);
  EXPECT_EQ(recently.before_tight, (std::vector<bool>{true}));
  EXPECT_FALSE(recently.negated);
  const VerbPattern& refuse = verbs.pattern((*verbs.ForHead("refuse"))[0]);
  EXPECT_TRUE(refuse.elements[1].tight);
}

TEST(VerbDictionaryTest, JoinedWordsAfterTheVerb) {
  std::vector<std::string> errors;
  std::vector<DictionaryFile> files = {
      ParseDictionaryText("12: reject _ offer by +\n"
                          "12: reject _ + offer\n"
                          "12: reject offer _\n"
                          "12: reject _ _ offer\n",
                          "v.txt", &errors)};
  Lexicon lex = Lexicon::Minimal(VerbDictionary::HeadWords(files));
  VerbDictionary verbs;
  verbs.Build(files, Table(), lex, &errors);
  ASSERT_EQ(errors.size(), 3u);
  for (size_t i = 0; i < 3; ++i)
    EXPECT_NE(errors[i].find("may join only two words with '_'"),
              std::string::npos)
        << errors[i];
  const VerbPattern& p = verbs.pattern((*verbs.ForHead("reject"))[0]);
  ASSERT_EQ(p.elements.size(), 4u);
  EXPECT_TRUE(p.elements[1].tight);
  EXPECT_FALSE(p.elements[2].tight);
  EXPECT_EQ(p.words, 3);
}

}  // namespace
}  // namespace dyad
