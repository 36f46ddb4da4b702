#include "query/json.h"

#include <gtest/gtest.h>

#include <cmath>

namespace dyad {
namespace {

TEST(JsonTest, StringsAreEscaped) {
  struct {
    std::string in, out;
  } cases[] = {
      {"plain", "\"plain\""},
      {"say \"no\"", "\"say \\\"no\\\"\""},
      {"back\\slash", "\"back\\\\slash\""},
      {"line\nbreak\ttab\r", "\"line\\nbreak\\ttab\\r\""},
      {std::string("nul\0x", 5), "\"nul\\u0000x\""},
      {"\x1f", "\"\\u001f\""},
      {"Erdoğan – “quoted”", "\"Erdoğan – “quoted”\""},
      {"emoji \xF0\x9F\x98\x80", "\"emoji \xF0\x9F\x98\x80\""},
      // Not UTF-8: a lone continuation byte, a cut sequence, an overlong
      // slash, a surrogate. Each bad byte becomes U+FFFD.
      {"a\x80z", "\"a\xEF\xBF\xBDz\""},
      {"cut \xE2\x80", "\"cut \xEF\xBF\xBD\xEF\xBF\xBD\""},
      {"\xC0\xAF", "\"\xEF\xBF\xBD\xEF\xBF\xBD\""},
      {"\xED\xA0\x80", "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""},
      {"</script>", "\"</script>\""},
  };
  for (const auto& c : cases) EXPECT_EQ(JsonString(c.in), c.out) << c.in;
}

TEST(JsonTest, Numbers) {
  EXPECT_EQ(JsonNumber(-10), "-10");
  EXPECT_EQ(JsonNumber(1.9), "1.9");
  EXPECT_EQ(JsonNumber(-6.033333333333333), "-6.033333333333333");
  EXPECT_EQ(JsonNumber(std::nan("")), "null");
  EXPECT_EQ(JsonNumber(INFINITY), "null");
}

TEST(JsonTest, ResultsAreDocuments) {
  EXPECT_EQ(ToJson(std::vector<DyadRow>{}), "[]");
  EXPECT_EQ(ToJson(std::vector<EventRow>{}), "[]");
  DyadRow d;
  d.source = "USA";
  d.target = "IRQ\"";
  d.events = 3;
  d.mentions = 4;
  d.mean_goldstein = -2.5;
  d.quad = {1, 0, 0, 2};
  EXPECT_EQ(ToJson(std::vector<DyadRow>{d, d}),
            "[{\"source\":\"USA\",\"target\":\"IRQ\\\"\",\"events\":3,"
            "\"mentions\":4,\"mean_goldstein\":-2.5,\"quad\":{"
            "\"verbal_cooperation\":1,\"material_cooperation\":0,"
            "\"verbal_conflict\":0,\"material_conflict\":2}},"
            "{\"source\":\"USA\",\"target\":\"IRQ\\\"\",\"events\":3,"
            "\"mentions\":4,\"mean_goldstein\":-2.5,\"quad\":{"
            "\"verbal_cooperation\":1,\"material_cooperation\":0,"
            "\"verbal_conflict\":0,\"material_conflict\":2}}]");
  MentionRow m;
  m.id = 7;
  m.source_span = {0, 4};
  m.date_span = Span{10, 20};
  const std::string j = ToJson(m);
  EXPECT_NE(j.find("\"source_span\":{\"start\":0,\"end\":4}"),
            std::string::npos);
  EXPECT_NE(j.find("\"target_span\":null"), std::string::npos);
  EXPECT_NE(j.find("\"date_span\":{\"start\":10,\"end\":20}"),
            std::string::npos);
  EventRow e;
  e.id = 1;
  const std::string ej = ToJson(e);
  EXPECT_NE(ej.find("\"lat\":null,\"lon\":null,\"first_mention\":null}"),
            std::string::npos)
      << ej;
}

}  // namespace
}  // namespace dyad
