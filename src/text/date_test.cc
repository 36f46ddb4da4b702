#include <gtest/gtest.h>

#include <string>

#include "dyad/article.h"

namespace dyad {
namespace {

struct ParseCase {
  const char* text;
  int year, month, day;  // year 0: invalid
};

constexpr ParseCase kParseCases[] = {
    {"2024-01-25", 2024, 1, 25},
    {"2024-12-31", 2024, 12, 31},
    {"2024-01", 2024, 1, 1},
    {"2024", 2024, 1, 1},
    {"2024-01-25T10:00:00Z", 2024, 1, 25},
    {"2024-01-25T23:59:59.123+05:30", 2024, 1, 25},
    {"2024-01-25 10:00", 2024, 1, 25},
    {"  2024-01-25\n", 2024, 1, 25},
    {"0001-01-01", 1, 1, 1},
    {"9999-12-31", 9999, 12, 31},
    // Leap years: every 4th, not every 100th, but every 400th.
    {"2024-02-29", 2024, 2, 29},
    {"2000-02-29", 2000, 2, 29},
    {"2023-02-29", 0, 0, 0},
    {"1900-02-29", 0, 0, 0},
    {"2100-02-29", 0, 0, 0},
    {"2023-02-28", 2023, 2, 28},
    // Days that do not exist.
    {"2024-04-31", 0, 0, 0},
    {"2024-06-31", 0, 0, 0},
    {"2024-09-31", 0, 0, 0},
    {"2024-11-31", 0, 0, 0},
    {"2024-01-32", 0, 0, 0},
    {"2024-01-00", 0, 0, 0},
    {"2024-13-01", 0, 0, 0},
    {"2024-00-10", 0, 0, 0},
    {"2024-13", 0, 0, 0},
    {"0000-01-01", 0, 0, 0},
    {"0000", 0, 0, 0},
    // Not the format.
    {"", 0, 0, 0},
    {"   ", 0, 0, 0},
    {"abcd", 0, 0, 0},
    {"24-01-25", 0, 0, 0},
    {"2024-1-5", 0, 0, 0},
    {"2024/01/25", 0, 0, 0},
    {"20240125", 0, 0, 0},
    {"2024-01-25X", 0, 0, 0},
    {"2024-01-25T", 0, 0, 0},
    {"2024-01-25Tnoon", 0, 0, 0},
    {"2024-01-25T25:00", 0, 0, 0},
    {"2024-01-25T10:60", 0, 0, 0},
    {"2024-01T10:00", 0, 0, 0},
    {"-2024-01-25", 0, 0, 0},
    {"January 25, 2024", 0, 0, 0},
};

TEST(ParseDateTest, Table) {
  for (const ParseCase& c : kParseCases) {
    SCOPED_TRACE(c.text);
    const Date d = ParseDate(c.text);
    EXPECT_EQ(d.valid(), c.year != 0);
    EXPECT_EQ(d.year, c.year);
    EXPECT_EQ(d.month, c.month);
    EXPECT_EQ(d.day, c.day);
  }
}

struct DayNumberCase {
  Date date;
  long days;
};

constexpr DayNumberCase kDayNumberCases[] = {
    {{1970, 1, 1}, 0},      {{1970, 1, 2}, 1},      {{1969, 12, 31}, -1},
    {{2000, 3, 1}, 11017},  {{2024, 1, 25}, 19747}, {{2024, 2, 29}, 19782},
    {{1900, 1, 1}, -25567}, {{1, 1, 1}, -719162},   {{9999, 12, 31}, 2932896},
};

TEST(DateTest, DayNumberTable) {
  for (const DayNumberCase& c : kDayNumberCases) {
    SCOPED_TRACE(c.date.ToString());
    EXPECT_EQ(c.date.DayNumber(), c.days);
  }
}

TEST(DateTest, InvalidDayNumberSortsFirst) {
  const long first = Date{1, 1, 1}.DayNumber();
  EXPECT_LT(Date{}.DayNumber(), first);
  EXPECT_LT((Date{2023, 2, 29}.DayNumber()), first);
}

// Walks every day from 1899 to 2101: day numbers go up by one, and every
// date survives ToString -> ParseDate.
TEST(DateTest, ConsecutiveDaysRoundTrip) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  long expected = Date{1899, 1, 1}.DayNumber();
  int days_seen = 0;
  for (int y = 1899; y <= 2101; ++y) {
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    for (int m = 1; m <= 12; ++m) {
      const int last = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
      for (int d = 1; d <= last; ++d) {
        const Date date{y, m, d};
        ASSERT_EQ(date.DayNumber(), expected) << date.ToString();
        ASSERT_EQ(ParseDate(date.ToString()), date);
        ++expected;
        ++days_seen;
      }
      ASSERT_FALSE(ParseDate(Date{y, m, last}.ToString().substr(0, 8) +
                             std::to_string(last + 1))
                       .valid())
          << y << "-" << m;
    }
  }
  EXPECT_EQ(days_seen, 203 * 365 + 49);  // 49 leap years in 1899-2101
}

struct ToStringCase {
  Date date;
  const char* text;
};

constexpr ToStringCase kToStringCases[] = {
    {{2024, 1, 5}, "2024-01-05"},
    {{1, 2, 3}, "0001-02-03"},
    {{9999, 12, 31}, "9999-12-31"},
    {{}, ""},
    {{2023, 2, 29}, ""},
    {{2024, 13, 1}, ""},
};

TEST(DateTest, ToStringTable) {
  for (const ToStringCase& c : kToStringCases) {
    EXPECT_EQ(c.date.ToString(), c.text);
  }
}

TEST(DateTest, Ordering) {
  EXPECT_LT(ParseDate("2023-12-31"), ParseDate("2024-01-01"));
  EXPECT_LT(ParseDate("2024-01-31"), ParseDate("2024-02-01"));
  EXPECT_EQ(ParseDate("2024-01"), ParseDate("2024-01-01"));
}

}  // namespace
}  // namespace dyad
