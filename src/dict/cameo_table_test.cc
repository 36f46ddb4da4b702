#include "dict/cameo_table.h"

#include <gtest/gtest.h>

#include "dict/dictionary_file.h"

namespace dyad {
namespace {

TEST(CameoTableTest, ParsesCodes) {
  std::vector<std::string> errors;
  CameoTable t = CameoTable::Parse(
      "# header\n19\t4\t-10.0\tASSAULT\t-\t-\tFIGHT\n"
      "190\t4\t-10.0\tASSAULT\t-\t-\tUse conventional military force\n"
      "01\t1\t0.0\t-\t-\t-\tMAKE PUBLIC STATEMENT\n",
      "codes.txt", &errors);
  EXPECT_TRUE(errors.empty());
  const CameoCode* c = t.Find("190");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->root, "19");
  EXPECT_EQ(c->quad_class, 4);
  EXPECT_DOUBLE_EQ(c->goldstein, -10.0);
  EXPECT_EQ(c->plover, "ASSAULT");
  EXPECT_EQ(t.Find("01")->plover, "");
  EXPECT_EQ(t.Find("999"), nullptr);
}

TEST(CameoTableTest, ReportsFaults) {
  struct Case {
    const char* text;
    const char* message;
  } cases[] = {
      {"19\t4\t-10.0\tASSAULT\n", "c:1: expected 7 tab-separated fields"},
      {"1x\t4\t-10\t-\t-\t-\tX\n", "c:1: bad CAMEO code '1x'"},
      {"00\t4\t-10\t-\t-\t-\tX\n", "c:1: root '00' must be 01-99"},
      {"19\t5\t-10\t-\t-\t-\tX\n", "c:1: QuadClass must be 1-4"},
      {"19\t4\tbig\t-\t-\t-\tX\n", "c:1: Goldstein must be a number"},
      // Found by dictionary_fuzzer: strtod reads "nan", which no range
      // comparison rejected.
      {"19\t4\tnan\t-\t-\t-\tX\n", "c:1: Goldstein must be a number"},
      {"190\t4\t-10\t-\t-\t-\tX\n", "c:1: code '190' listed before its root"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> errors;
    CameoTable::Parse(c.text, "c", &errors);
    ASSERT_FALSE(errors.empty()) << c.text;
    EXPECT_EQ(errors[0].rfind(c.message, 0), 0u) << errors[0];
  }
}

TEST(CameoTableTest, BundledTableIsCompleteAndClean) {
  std::string text;
  std::string path = std::string(DYAD_TEST_DATA_DIR) + "/cameo/codes.txt";
  ASSERT_TRUE(ReadFileToString(path, &text).ok());
  std::vector<std::string> errors;
  CameoTable t = CameoTable::Parse(text, path, &errors);
  EXPECT_TRUE(errors.empty()) << errors[0];
  EXPECT_GT(t.codes().size(), 300u);
  for (int root = 1; root <= 20; ++root) {
    char buf[3];
    std::snprintf(buf, sizeof buf, "%02d", root);
    EXPECT_NE(t.Find(buf), nullptr) << buf;
  }
  EXPECT_EQ(t.Find("036")->plover, "AGREE");
  EXPECT_EQ(t.Find("020")->plover, "REQUEST");
  EXPECT_EQ(t.Find("010")->plover, "");
  EXPECT_DOUBLE_EQ(t.Find("195")->goldstein, -10.0);
}

}  // namespace
}  // namespace dyad
