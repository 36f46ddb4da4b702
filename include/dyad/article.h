// Article: one input record, as the user gave it.
#ifndef DYAD_ARTICLE_H_
#define DYAD_ARTICLE_H_

#include <string>

namespace dyad {

// A civil date. `year == 0` means "no date".
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  bool valid() const { return year != 0; }
  // Days since 1970-01-01 (proleptic Gregorian); comparable.
  long DayNumber() const;
  // The date `days` days after 1970-01-01: the inverse of DayNumber().
  static Date FromDayNumber(long days);
  // Whether year-month-day names a day that exists (years 1 to 9999).
  static bool Exists(int year, int month, int day);
  // "YYYY-MM-DD", or "" when not valid.
  std::string ToString() const;
  auto operator<=>(const Date&) const = default;
};

// Parses "YYYY-MM-DD", "YYYY-MM" (day 1) or "YYYY" (Jan 1), optionally
// followed by a time ("2024-01-25T10:00:00Z"). Returns an invalid Date when
// the text is not such a date or names a day that does not exist.
Date ParseDate(const std::string& text);

struct Article {
  std::string id;
  std::string text;  // UTF-8 as given (may hold invalid bytes)
  Date date;         // may be invalid: no date
  std::string title;
  std::string url;
  std::string source;
};

}  // namespace dyad

#endif  // DYAD_ARTICLE_H_
