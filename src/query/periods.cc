// Calendar arithmetic for timelines: days since 1970-01-01 (proleptic
// Gregorian, Howard Hinnant's days_from_civil), ISO 8601 weeks (Monday
// first; week 1 holds the year's first Thursday), months and years.
#include <cstdio>
#include <string>

#include "dyad/article.h"
#include "query/query.h"

namespace dyad {
namespace {

int64_t DaysFromCivil(int64_t y, int64_t m, int64_t d) {
  return Date{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)}
      .DayNumber();
}

void CivilFromDays(int64_t z, int64_t* y, int* m, int* d) {
  const Date date = Date::FromDayNumber(static_cast<long>(z));
  *y = date.year;
  *m = date.month;
  *d = date.day;
}

// 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday).
int Weekday(int64_t days) { return static_cast<int>(((days % 7) + 7 + 3) % 7); }

}  // namespace

bool ParseDay(const std::string& date, int64_t* days) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (date[i] < '0' || date[i] > '9') return false;
  const int y = std::stoi(date.substr(0, 4));
  const int m = std::stoi(date.substr(5, 2));
  const int d = std::stoi(date.substr(8, 2));
  if (!Date::Exists(y, m, d)) return false;
  *days = DaysFromCivil(y, m, d);
  return true;
}

std::string FormatDay(int64_t days) {
  int64_t y;
  int m, d;
  CivilFromDays(days, &y, &m, &d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d", static_cast<long long>(y),
                m, d);
  return buf;
}

void PeriodOf(int64_t days, Period by, std::string* label, int64_t* start) {
  int64_t y;
  int m, d;
  char buf[32];
  switch (by) {
    case Period::kDay:
      *start = days;
      *label = FormatDay(days);
      return;
    case Period::kWeek: {
      *start = days - Weekday(days);
      // The ISO year is the year of the week's Thursday.
      const int64_t thursday = *start + 3;
      CivilFromDays(thursday, &y, &m, &d);
      const int64_t week = (thursday - DaysFromCivil(y, 1, 1)) / 7 + 1;
      std::snprintf(buf, sizeof buf, "%04lld-W%02lld",
                    static_cast<long long>(y), static_cast<long long>(week));
      *label = buf;
      return;
    }
    case Period::kMonth:
      CivilFromDays(days, &y, &m, &d);
      *start = DaysFromCivil(y, m, 1);
      std::snprintf(buf, sizeof buf, "%04lld-%02d", static_cast<long long>(y),
                    m);
      *label = buf;
      return;
    case Period::kYear:
      CivilFromDays(days, &y, &m, &d);
      *start = DaysFromCivil(y, 1, 1);
      std::snprintf(buf, sizeof buf, "%04lld", static_cast<long long>(y));
      *label = buf;
      return;
  }
}

int64_t NextPeriod(int64_t start, Period by) {
  int64_t y;
  int m, d;
  switch (by) {
    case Period::kDay:
      return start + 1;
    case Period::kWeek:
      return start + 7;
    case Period::kMonth:
      CivilFromDays(start, &y, &m, &d);
      return m == 12 ? DaysFromCivil(y + 1, 1, 1) : DaysFromCivil(y, m + 1, 1);
    case Period::kYear:
      CivilFromDays(start, &y, &m, &d);
      return DaysFromCivil(y + 1, 1, 1);
  }
  return start + 1;
}

bool ParsePeriod(const std::string& s, Period* p) {
  if (s == "day")
    *p = Period::kDay;
  else if (s == "week")
    *p = Period::kWeek;
  else if (s == "month")
    *p = Period::kMonth;
  else if (s == "year")
    *p = Period::kYear;
  else
    return false;
  return true;
}

}  // namespace dyad
