// Civil dates: validation, day numbers and ISO 8601 text.
//
// DayNumber uses Howard Hinnant's days_from_civil algorithm (proleptic
// Gregorian calendar, exact for every year ParseDate accepts).
#include <cstdio>
#include <limits>
#include <string>
#include <string_view>

#include "dyad/article.h"

namespace dyad {
namespace {

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

bool IsValid(int y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
         d <= DaysInMonth(y, m);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `width` digits at s[*pos]; advances *pos on success.
bool ReadDigits(std::string_view s, size_t* pos, size_t width, int* value) {
  if (s.size() - *pos < width) return false;
  int v = 0;
  for (size_t k = 0; k < width; ++k) {
    const char c = s[*pos + k];
    if (!IsDigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  *value = v;
  *pos += width;
  return true;
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

}  // namespace

long Date::DayNumber() const {
  // An invalid date sorts before every valid one.
  if (!IsValid(year, month, day)) return std::numeric_limits<long>::min();
  const long y = month <= 2 ? year - 1 : year;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;                          // [0, 399]
  const long mp = (month + 9) % 12;                        // March = 0
  const long doy = (153 * mp + 2) / 5 + day - 1;           // [0, 365]
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;  // [0, 146096]
  return era * 146097 + doe - 719468;
}

Date Date::FromDayNumber(long z) {
  // Howard Hinnant's civil_from_days.
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;  // [0, 146096]
  const long yoe =
      (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);   // [0, 365]
  const long mp = (5 * doy + 2) / 153;                        // March = 0
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return Date{y, m, d};
}

bool Date::Exists(int year, int month, int day) {
  return IsValid(year, month, day);
}

std::string Date::ToString() const {
  if (!IsValid(year, month, day)) return "";
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", year, month, day);
  return buf;
}

Date ParseDate(const std::string& text) {
  std::string_view s(text);
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  size_t pos = 0;
  int y = 0, m = 1, d = 1;
  if (!ReadDigits(s, &pos, 4, &y)) return Date{};
  if (pos < s.size()) {
    if (s[pos] != '-') return Date{};
    ++pos;
    if (!ReadDigits(s, &pos, 2, &m)) return Date{};
    if (pos < s.size()) {
      if (s[pos] != '-') return Date{};
      ++pos;
      if (!ReadDigits(s, &pos, 2, &d)) return Date{};
      if (pos < s.size()) {
        // A time: 'T' or a space, then at least "HH:MM". The rest (seconds,
        // fraction, zone) is not needed for a date and is not checked.
        if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') return Date{};
        ++pos;
        int hour = 0, minute = 0;
        if (!ReadDigits(s, &pos, 2, &hour) || pos >= s.size() ||
            s[pos] != ':') {
          return Date{};
        }
        ++pos;
        if (!ReadDigits(s, &pos, 2, &minute) || hour > 24 || minute > 59) {
          return Date{};
        }
      }
    }
  }
  if (!IsValid(y, m, d)) return Date{};
  return Date{y, m, d};
}

}  // namespace dyad
