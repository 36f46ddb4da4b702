#include <gtest/gtest.h>

#include "query/query.h"

namespace dyad {
namespace {

TEST(PeriodsTest, ParseAndFormatDays) {
  int64_t d = -1;
  ASSERT_TRUE(ParseDay("1970-01-01", &d));
  EXPECT_EQ(d, 0);
  ASSERT_TRUE(ParseDay("2024-02-29", &d));
  EXPECT_EQ(FormatDay(d), "2024-02-29");
  EXPECT_EQ(FormatDay(d + 1), "2024-03-01");
  for (const char* bad : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-1-01",
                          "20240101", "", "2024-01-32", "1900-02-29"})
    EXPECT_FALSE(ParseDay(bad, &d)) << bad;
  ASSERT_TRUE(ParseDay("2000-02-29", &d));
}

// ISO 8601 weeks: Monday first; week 1 holds the year's first Thursday, so
// early January can belong to the previous year's last week and late
// December to the next year's first.
TEST(PeriodsTest, IsoWeeks) {
  struct {
    const char* day;
    const char* label;
    const char* monday;
  } cases[] = {
      {"2024-03-04", "2024-W10", "2024-03-04"},  // a Monday
      {"2024-03-10", "2024-W10", "2024-03-04"},  // its Sunday
      {"2024-03-11", "2024-W11", "2024-03-11"},
      {"2021-01-01", "2020-W53", "2020-12-28"},  // a Friday
      {"2021-01-04", "2021-W01", "2021-01-04"},
      {"2024-12-30", "2025-W01", "2024-12-30"},
      {"2026-01-01", "2026-W01", "2025-12-29"},  // a Thursday
      {"2027-01-03", "2026-W53", "2026-12-28"},
  };
  for (const auto& c : cases) {
    int64_t d, start;
    std::string label;
    ASSERT_TRUE(ParseDay(c.day, &d));
    PeriodOf(d, Period::kWeek, &label, &start);
    EXPECT_EQ(label, c.label) << c.day;
    EXPECT_EQ(FormatDay(start), c.monday) << c.day;
    EXPECT_EQ(FormatDay(NextPeriod(start, Period::kWeek)),
              FormatDay(start + 7));
  }
}

TEST(PeriodsTest, MonthsAndYears) {
  int64_t d, start;
  std::string label;
  ASSERT_TRUE(ParseDay("2024-12-31", &d));
  PeriodOf(d, Period::kMonth, &label, &start);
  EXPECT_EQ(label, "2024-12");
  EXPECT_EQ(FormatDay(start), "2024-12-01");
  EXPECT_EQ(FormatDay(NextPeriod(start, Period::kMonth)), "2025-01-01");
  PeriodOf(d, Period::kYear, &label, &start);
  EXPECT_EQ(label, "2024");
  EXPECT_EQ(FormatDay(start), "2024-01-01");
  EXPECT_EQ(FormatDay(NextPeriod(start, Period::kYear)), "2025-01-01");
  PeriodOf(d, Period::kDay, &label, &start);
  EXPECT_EQ(label, "2024-12-31");
  EXPECT_EQ(start, d);
}

TEST(PeriodsTest, ParseNames) {
  Period p;
  EXPECT_TRUE(ParsePeriod("week", &p));
  EXPECT_EQ(p, Period::kWeek);
  EXPECT_FALSE(ParsePeriod("fortnight", &p));
  EXPECT_FALSE(ParsePeriod("Week", &p));
  EventOrder o;
  EXPECT_TRUE(ParseEventOrder("conflict", &o));
  EXPECT_EQ(o, EventOrder::kConflict);
  EXPECT_FALSE(ParseEventOrder("date; DROP TABLE events", &o));
}

}  // namespace
}  // namespace dyad
