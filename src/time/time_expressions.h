// Time expressions: finds the words of a sentence that say when something
// happened ("on Tuesday", "Jan. 10", "last summer", "since December 2021",
// "two days ago") and resolves them to a calendar date against the
// article's date.
//
// How it works: FindTimeExpressions scans the tokens left to right and at
// each one tries the shapes below, longest first; a match consumes its
// tokens. The words before a date decide its role: "on"/"in"/"during"/
// "since" and modifiers ("last", "early", "late", "this", "next") belong to
// the expression; after "until", "by", "before", "after", "from", "to",
// "through", "between" or "than" the words name a limit, not the event's
// date, and are skipped.
//
//   date        10 January 2021, January 10, 2021, Jan. 10 2021, 2021-01-10
//   month-day   January 10th, Jan. 10, 10 January, Tuesday, March 5
//   month       in March, March 2019 (a year makes it absolute), mid-March
//   year        in 2019, early 2019, mid-2019
//   weekday     on Tuesday, Tuesday, last Tuesday, Friday night
//   relative-day  today, yesterday, tomorrow, last night, two days ago
//   relative-period  last week/month/year, this year, earlier this month,
//               last weekend, three weeks ago, a year ago
//   season      last summer, in the spring, summer 2019, the winter of 2020
//   since       any of the above after "since" (the rule says "since"; the
//               precision is that of the expression)
//
// Guards against words that only look like dates: month and weekday names
// must be capitalized ("may", "march" are verbs); a bare month needs a
// preposition or modifier before it ("in May", "early March"), and a month
// or weekday right after a capitalized word is part of a name ("Theresa
// May", "Good Friday"); a date followed by a noun modifies it ("a 2019
// agreement", "the September 11 attacks", "Jan. 6 committee", "Friday
// prayers", "Sunday Times"), as does one followed by a possessive
// ("Sunday's vote"); day numbers must follow or precede a month name ("10
// people" is no date) and name a day that exists (no February 30).
//
// Resolution (Resolve) against the anchor, the article's date:
//  - absolute expressions (a year is named) resolve without an anchor;
//    relative ones need it and stay unresolved (invalid date) without one;
//  - a weekday is the most recent such day on or before the anchor in a
//    past-tense sentence (a weekday equal to the article's is the article's
//    day: wire copy says "on Wednesday" for the day it is filed), the next
//    one on or after it in a future one; "last Tuesday" is strictly before,
//    "next Tuesday" strictly after;
//  - a month and day without a year is the nearest such day on or before
//    the anchor (past) or on or after it (future): "on December 30" in an
//    article of January 2 is the previous year's;
//  - a month alone is the month of the anchor or before (past) or after
//    (future); "last March" is before the anchor's month, "next March" after;
//  - a season gives the day it starts (meteorological seasons of the
//    northern hemisphere: spring March 1, summer June 1, autumn September 1,
//    winter December 1, so "winter 2021" starts 2020-12-01) with precision
//    "season"; "last summer" is the latest summer that ended before the
//    anchor;
//  - a week gives its Monday (precision "week"), a month its first day, a
//    year January 1.
//
// Thread-safe: pure functions.
#ifndef DYAD_TIME_TIME_EXPRESSIONS_H_
#define DYAD_TIME_TIME_EXPRESSIONS_H_

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "dyad/article.h"

namespace dyad {

// One token of the sentence, as the caller's tokenizer and tagger see it.
struct TimeToken {
  std::string_view text;   // as written
  std::string_view lower;  // lower-cased
  size_t start = 0;        // offsets in the caller's text
  size_t end = 0;
  bool noun = false;  // a common noun (the tagger's word class)
};

enum class DatePrecision { kNone, kDay, kWeek, kMonth, kSeason, kYear };

// "day", "week", "month", "season", "year"; "" for kNone.
std::string_view DatePrecisionName(DatePrecision p);

// The tense of the clause an expression dates: it decides which way a
// relative date without "last" or "next" points.
enum class Tense { kPast, kFuture };

struct TimeExpression {
  enum class Kind {
    kDate,       // year, month, day
    kMonthDay,   // month, day
    kMonthYear,  // year, month
    kMonth,      // month
    kYear,       // year
    kWeekday,    // weekday
    kDays,       // offset days from the anchor
    kWeeks,      // offset weeks: the Monday of that week
    kWeeksAgo,   // offset days, precision week ("three weeks ago")
    kMonths,     // offset months
    kYears,      // offset years
    kWeekend,    // offset weekends (-1: the previous week's Saturday)
    kSeason,     // season, and year when named
  };
  Kind kind = Kind::kDate;
  size_t first = 0;  // tokens [first, last)
  size_t last = 0;
  size_t start = 0;  // offsets of the words, as in the tokens
  size_t end = 0;
  // "date", "month-day", "month", "year", "weekday", "relative-day",
  // "relative-period", "season" or "since".
  std::string_view rule;
  int year = 0;      // 0: not named
  int month = 0;     // 1-12
  int day = 0;       // 1-31
  int weekday = -1;  // 0 = Monday ... 6 = Sunday
  int season = -1;   // 0 spring, 1 summer, 2 autumn, 3 winter
  int offset = 0;    // for the relative kinds
  // -1 "last"/"past", +1 "next", 0 "this" or none: the tense decides.
  int direction = 0;
  bool this_one = false;  // "this summer", "this March"
};

struct ResolvedDate {
  Date date;  // invalid: could not be resolved (no anchor)
  DatePrecision precision = DatePrecision::kNone;
};

// Finds the time expressions of one sentence, in order, not overlapping.
std::vector<TimeExpression> FindTimeExpressions(
    std::span<const TimeToken> tokens);

// Resolves `e` against `anchor` (may be invalid: then only absolute
// expressions resolve).
ResolvedDate Resolve(const TimeExpression& e, const Date& anchor, Tense tense);

// The day of the week of a valid date: 0 = Monday ... 6 = Sunday.
int Weekday(const Date& d);

}  // namespace dyad

#endif  // DYAD_TIME_TIME_EXPRESSIONS_H_
