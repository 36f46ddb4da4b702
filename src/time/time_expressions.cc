#include "time/time_expressions.h"

#include <array>
#include <cctype>
#include <optional>
#include <unordered_set>

namespace dyad {
namespace {

using Kind = TimeExpression::Kind;

constexpr std::array<std::string_view, 12> kMonthNames = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdayNames = {
    "monday", "tuesday",  "wednesday", "thursday",
    "friday", "saturday", "sunday"};

bool Valid(int y, int m, int d) { return Date::Exists(y, m, d); }

bool Capitalized(const TimeToken& t) {
  return !t.text.empty() && t.text[0] >= 'A' && t.text[0] <= 'Z';
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// Abbreviations (lower case) and the month (1-12) or weekday (0-6) they
// stand for.
constexpr std::pair<std::string_view, int> kMonthAbbreviations[] = {
    {"jan", 1},  {"jan.", 1},  {"feb", 2},  {"feb.", 2},  {"mar.", 3},
    {"apr", 4},  {"apr.", 4},  {"jun.", 6}, {"jul.", 7},  {"aug", 8},
    {"aug.", 8}, {"sep", 9},   {"sep.", 9}, {"sept", 9},  {"sept.", 9},
    {"oct", 10}, {"oct.", 10}, {"nov", 11}, {"nov.", 11}, {"dec", 12},
    {"dec.", 12}};
constexpr std::pair<std::string_view, int> kWeekdayAbbreviations[] = {
    {"mon.", 0},  {"tue.", 1},   {"tues.", 1}, {"wed.", 2}, {"thu.", 3},
    {"thur.", 3}, {"thurs.", 3}, {"fri.", 4},  {"sat.", 5}, {"sun.", 6}};

// 1-12 for a capitalized month name or abbreviation; `*abbreviated` tells
// "Jan." from "January" (an abbreviation needs a day or year with it).
int MonthOf(const TimeToken& t, bool* abbreviated) {
  if (!Capitalized(t)) return 0;
  std::string_view w = t.lower;
  for (size_t m = 0; m < kMonthNames.size(); ++m) {
    if (w == kMonthNames[m]) {
      *abbreviated = false;
      return static_cast<int>(m) + 1;
    }
  }
  for (const auto& [a, m] : kMonthAbbreviations) {
    if (w == a) {
      *abbreviated = true;
      return m;
    }
  }
  return 0;
}

// 0-6 (Monday first) for a capitalized weekday name, else -1.
int WeekdayOf(const TimeToken& t) {
  if (!Capitalized(t)) return -1;
  for (size_t d = 0; d < kWeekdayNames.size(); ++d)
    if (t.lower == kWeekdayNames[d]) return static_cast<int>(d);
  for (const auto& [a, d] : kWeekdayAbbreviations)
    if (t.lower == a) return d;
  return -1;
}

// A day of the month: "10", "10th", "1st", "22nd"; 0 when not.
int DayOf(const TimeToken& t) {
  std::string_view w = t.lower;
  size_t digits = 0;
  while (digits < w.size() && w[digits] >= '0' && w[digits] <= '9') ++digits;
  if (digits == 0 || digits > 2) return 0;
  std::string_view rest = w.substr(digits);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" &&
      rest != "th")
    return 0;
  int d = ToInt(w.substr(0, digits));
  return d >= 1 && d <= 31 ? d : 0;
}

// A year: four digits 1900-2099; 0 when not.
int YearOf(const TimeToken& t) {
  if (t.lower.size() != 4 || !AllDigits(t.lower)) return 0;
  int y = ToInt(t.lower);
  return y >= 1900 && y <= 2099 ? y : 0;
}

// "two", "2", "a": a small count; 0 when not.
int CountOf(const TimeToken& t) {
  static constexpr std::array<std::string_view, 13> kWords = {
      "",      "one",   "two",  "three", "four",   "five",  "six",
      "seven", "eight", "nine", "ten",   "eleven", "twelve"};
  if (t.lower == "a" || t.lower == "an") return 1;
  for (size_t k = 1; k < kWords.size(); ++k)
    if (t.lower == kWords[k]) return static_cast<int>(k);
  if (AllDigits(t.lower) && t.lower.size() <= 2) return ToInt(t.lower);
  return 0;
}

int SeasonOf(std::string_view w) {
  if (w == "spring") return 0;
  if (w == "summer") return 1;
  if (w == "autumn" || w == "fall") return 2;
  if (w == "winter") return 3;
  return -1;
}

bool IsTimeOfDay(std::string_view w) {
  return w == "morning" || w == "afternoon" || w == "evening" || w == "night" ||
         w == "midday" || w == "noon";
}

// The first words of named days ("Good Friday", "Super Tuesday").
bool IsHolidayWord(std::string_view w) {
  for (std::string_view h : {"good", "black", "super", "ash", "holy", "maundy",
                             "easter", "palm", "bloody", "cyber", "great"})
    if (w == h) return true;
  return false;
}

bool IsDateWord(std::string_view w) {
  return w == "on" || w == "in" || w == "during" || w == "since" ||
         w == "early" || w == "late" || w == "mid" || w == "earlier" ||
         w == "later" || w == "last" || w == "next" || w == "this" ||
         w == "the" || w == "of";
}

// After these words a date is a limit or a range end, not the date of the
// event ("until March", "by 2025", "before Tuesday's vote").
bool IsLimitWord(std::string_view w) {
  return w == "until" || w == "till" || w == "by" || w == "before" ||
         w == "after" || w == "from" || w == "to" || w == "through" ||
         w == "between" || w == "than";
}

// A period unit: 'w'eek, 'm'onth, 'y'ear, 'd'ay, 'e' weekend; 0 when not.
char UnitOf(std::string_view w) {
  if (w == "day" || w == "days") return 'd';
  if (w == "week" || w == "weeks") return 'w';
  if (w == "month" || w == "months") return 'm';
  if (w == "year" || w == "years") return 'y';
  if (w == "weekend") return 'e';
  return 0;
}

// The words before the core of an expression.
struct Lead {
  std::string_view prep;  // "on", "in", "during", "since" or ""
  bool edge = false;      // early, late, mid, earlier, later, end of ...
  bool the = false;
  int direction = 0;  // last -1, next +1
  bool this_one = false;
};

class Finder {
 public:
  explicit Finder(std::span<const TimeToken> t) : t_(t) {}

  std::vector<TimeExpression> Run() {
    std::vector<TimeExpression> out;
    for (size_t i = 0; i < t_.size();) {
      TimeExpression e;
      bool limit = IsLimitWord(t_[i].lower);
      if (limit ? At(i + 1, &e, t_[i].lower) : At(i, &e)) {
        if (!limit) out.push_back(e);
        i = e.last;  // a limit's date is consumed, not reported
        // ... and so are the rest of it ("by May next year") and the other
        // end of a range ("between May and June").
        while (limit && At(i, &e) && e.first == i) i = e.last;
        while (limit && (W(i) == "and" || W(i) == "or") && At(i + 1, &e))
          i = e.last;
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  std::string_view W(size_t k) const {
    return k < t_.size() ? t_[k].lower : std::string_view();
  }
  bool Noun(size_t k) const {
    return k < t_.size() && t_[k].noun && !IsTimeOfDay(t_[k].lower);
  }
  bool Possessive(size_t k) const { return W(k) == "'s" || W(k) == "'"; }
  // A capitalized word (not one of ours) before `k`: `k` is part of a name
  // ("Good Friday", "Theresa May", "USA Today").
  bool AfterName(size_t k) const {
    return k > 0 && Capitalized(t_[k - 1]) && !IsDateWord(t_[k - 1].lower) &&
           std::isalpha(static_cast<unsigned char>(t_[k - 1].text[0]));
  }

  // Tries an expression starting at token i; `limit` is the word before it
  // ("until", "by"), which stands for a preposition ("by March").
  bool At(size_t i, TimeExpression* e, std::string_view limit = {}) {
    if (i >= t_.size()) return false;
    Lead lead;
    lead.prep = limit;
    size_t j = i;
    for (; j < t_.size(); ++j) {
      std::string_view w = t_[j].lower;
      if (lead.prep.empty() && !lead.the && limit.empty() &&
          (w == "on" || w == "in" || w == "during" || w == "since")) {
        lead.prep = w;
      } else if (!lead.edge && (w == "early" || w == "late" || w == "mid" ||
                                w == "earlier" || w == "later")) {
        lead.edge = true;
      } else if (!lead.edge &&
                 (w == "end" || w == "beginning" || w == "start" ||
                  w == "middle") &&
                 W(j + 1) == "of") {
        lead.edge = true;
        lead.the = false;  // "the end of March": not a determiner of March
        ++j;
      } else if (lead.direction == 0 && !lead.this_one &&
                 (w == "last" || w == "next" || w == "this")) {
        lead.direction = w == "last" ? -1 : w == "next" ? 1 : 0;
        lead.this_one = w == "this";
      } else if (!lead.the && w == "the") {
        lead.the = true;
      } else {
        break;
      }
    }
    if (j >= t_.size()) return false;
    e->first = i;
    e->direction = lead.direction;
    e->this_one = lead.this_one;
    if (!Core(j, lead, e)) return false;
    e->start = t_[e->first].start;
    e->end = t_[e->last - 1].end;
    if (lead.prep == "since") e->rule = "since";
    return true;
  }

  // Includes a time of day after a day ("Friday night").
  size_t TimeOfDay(size_t k) const {
    return k < t_.size() && IsTimeOfDay(t_[k].lower) ? k + 1 : k;
  }

  bool Core(size_t j, const Lead& lead, TimeExpression* e) {
    const bool bare = j == e->first;  // nothing before the core
    const bool modified = lead.edge || lead.direction != 0 || lead.this_one;
    const std::string_view w = t_[j].lower;
    // ISO 8601: 2021-01-10.
    if (w.size() == 10 && w[4] == '-' && w[7] == '-' &&
        AllDigits(w.substr(0, 4)) && AllDigits(w.substr(5, 2)) &&
        AllDigits(w.substr(8, 2))) {
      int y = ToInt(w.substr(0, 4)), m = ToInt(w.substr(5, 2)),
          d = ToInt(w.substr(8, 2));
      if (!Valid(y, m, d)) return false;
      Set(e, Kind::kDate, "date", j + 1);
      e->year = y, e->month = m, e->day = d;
      return !Possessive(e->last);
    }
    // today, yesterday, tomorrow, tonight, last night.
    if (lead.the && w == "day" &&
        (W(j + 1) == "before" || W(j + 1) == "after") &&
        (W(j + 2) == "yesterday" || W(j + 2) == "tomorrow")) {
      Set(e, Kind::kDays, "relative-day", TimeOfDay(j + 3));
      e->offset = W(j + 2) == "yesterday" ? -2 : 2;
      return !Possessive(e->last);
    }
    if (!lead.the && !lead.this_one && lead.direction == 0 &&
        (w == "today" || w == "yesterday" || w == "tomorrow" ||
         w == "tonight")) {
      if (bare && Capitalized(t_[j]) && AfterName(j)) return false;
      Set(e, Kind::kDays, "relative-day",
          w == "tonight" ? j + 1 : TimeOfDay(j + 1));
      e->offset = w == "yesterday" ? -1 : w == "tomorrow" ? 1 : 0;
      return !Possessive(e->last) && !Noun(e->last);
    }
    if (lead.direction == -1 && !lead.edge && w == "night") {
      Set(e, Kind::kDays, "relative-day", j + 1);
      e->offset = -1;
      return !Possessive(e->last);
    }
    // two days ago, a year ago.
    if (int n = CountOf(t_[j]); n > 0 && !modified && !lead.the) {
      char unit = UnitOf(W(j + 1));
      if (unit && unit != 'e' && W(j + 2) == "ago") {
        Set(e,
            unit == 'd'   ? Kind::kDays
            : unit == 'w' ? Kind::kWeeksAgo
            : unit == 'm' ? Kind::kMonths
                          : Kind::kYears,
            unit == 'd' ? "relative-day" : "relative-period", j + 3);
        e->offset = unit == 'd' ? -n : unit == 'w' ? -7 * n : -n;
        return true;
      }
    }
    // last week, this month, earlier this year, next weekend, over the
    // weekend.
    if (char unit = UnitOf(w);
        unit && unit != 'd' && W(j + 1) != "ago" &&
        (lead.direction != 0 || lead.this_one || (unit == 'e' && lead.the))) {
      if (unit == 'e' && lead.the && !lead.this_one && lead.direction == 0 &&
          !(j >= 2 && (t_[j - 2].lower == "over" || t_[j - 2].lower == "at")))
        return false;
      if (lead.the && unit != 'e') return false;  // "the last year": a span
      // "the last week of April", "during the past year".
      if (W(j + 1) == "of" || (e->first > 0 && W(e->first - 1) == "the"))
        return false;
      if (Possessive(j + 1)) return false;            // "last year's election"
      if (unit == 'e' && lead.the) e->first = j - 2;  // "over the weekend"
      Set(e,
          unit == 'w'   ? Kind::kWeeks
          : unit == 'm' ? Kind::kMonths
          : unit == 'y' ? Kind::kYears
                        : Kind::kWeekend,
          "relative-period", j + 1);
      e->offset = lead.direction;
      return true;
    }
    // Weekdays: on Tuesday, Tuesday, last Tuesday, late Friday night,
    // Tuesday, March 5.
    if (int wd = WeekdayOf(t_[j]); wd >= 0) {
      if (bare && j > 0 && IsHolidayWord(t_[j - 1].lower)) return false;
      if (lead.the && lead.prep.empty()) return false;  // "the Sunday Times"
      size_t k = j + 1;
      size_t after_comma = W(k) == "," ? k + 1 : k;
      TimeExpression md;
      if (MonthDay(after_comma, &md) && !Possessive(md.last)) {
        size_t first = e->first;
        *e = md;
        e->first = first;
        e->weekday = wd;
        return true;
      }
      k = TimeOfDay(k);
      if (Possessive(k)) return false;
      if (lead.prep.empty() && !modified && k < t_.size() &&
          (Noun(k) ||
           (Capitalized(t_[k]) &&
            std::isalpha(static_cast<unsigned char>(t_[k].text[0])))))
        return false;  // "Friday prayers", "Sunday Times"
      Set(e, Kind::kWeekday, "weekday", k);
      e->weekday = wd;
      return true;
    }
    // Seasons: last summer, in the spring, summer 2019, the winter of 2020.
    if (int s = SeasonOf(w); s >= 0) {
      size_t k = j + 1;
      if (W(k) == "of" && k + 1 < t_.size() && YearOf(t_[k + 1])) ++k;
      if (int y = k < t_.size() ? YearOf(t_[k]) : 0) {
        Set(e, Kind::kSeason, "season", k + 1);
        e->season = s;
        e->year = y;
        return !Possessive(e->last) && !Noun(e->last);
      }
      if (lead.prep.empty() && !modified) return false;
      if (lead.prep == "on") return false;
      if (W(j + 1) == "of" || Possessive(j + 1) || Noun(j + 1)) return false;
      Set(e, Kind::kSeason, "season", j + 1);
      e->season = s;
      return true;
    }
    // Months and days: January 10, 2021; Jan. 10; 10 January; March 2019.
    TimeExpression md;
    if (MonthDay(j, &md)) {
      if (bare && AfterName(j)) return false;
      if (lead.the && lead.prep.empty() && md.kind == Kind::kMonthDay)
        return false;  // "the September 11 attacks"
      if (lead.prep != "on" && lead.prep != "since" && Noun(md.last))
        return false;  // "Jan. 6 committee"
      size_t first = e->first;
      *e = md;
      e->first = first;
      e->direction = lead.direction;
      e->this_one = lead.this_one;
      return !Possessive(e->last);
    }
    bool abbreviated = false;
    if (int m = MonthOf(t_[j], &abbreviated)) {
      if (lead.the) return false;
      size_t k = j + 1;
      if (W(k) == "of" && k + 1 < t_.size() && YearOf(t_[k + 1])) ++k;
      if (int y = k < t_.size() ? YearOf(t_[k]) : 0) {
        if (bare && AfterName(j)) return false;
        Set(e, Kind::kMonthYear, "month", k + 1);
        e->year = y;
        e->month = m;
        return !Possessive(e->last) && !Noun(e->last);
      }
      if (abbreviated || (lead.prep.empty() && !modified) || lead.prep == "on")
        return false;
      if (Possessive(j + 1) || Noun(j + 1)) return false;  // "in May elections"
      Set(e, Kind::kMonth, "month", j + 1);
      e->month = m;
      return true;
    }
    // mid-March, mid-2019.
    if (w.size() > 4 && w.substr(0, 4) == "mid-") {
      std::string_view rest = w.substr(4);
      TimeToken part{t_[j].text.substr(4), rest, 0, 0, false};
      int m = MonthOf(part, &abbreviated);
      int y = YearOf(part);
      if ((m && !abbreviated) || y) {
        if (Possessive(j + 1) || Noun(j + 1)) return false;
        Set(e, m ? Kind::kMonth : Kind::kYear, m ? "month" : "year", j + 1);
        e->month = m;
        e->year = y;
        return true;
      }
    }
    // in 2019, early 2019, since 2019.
    if (int y = YearOf(t_[j])) {
      if ((lead.prep.empty() || lead.prep == "on") && !lead.edge) return false;
      if (lead.the || lead.direction != 0 || lead.this_one) return false;
      if (Possessive(j + 1) || Noun(j + 1))
        return false;  // "in 2019 elections"
      Set(e, Kind::kYear, "year", j + 1);
      e->year = y;
      return true;
    }
    return false;
  }

  // "January 10[, 2021]", "Jan. 10th", "10 January [2021]", "10th of
  // January" at k.
  bool MonthDay(size_t k, TimeExpression* e) const {
    bool abbreviated = false;
    int m = 0, d = 0;
    size_t next = k;
    if (k + 1 < t_.size() && (m = MonthOf(t_[k], &abbreviated)) &&
        (d = DayOf(t_[k + 1]))) {
      next = k + 2;
    } else if (k + 1 < t_.size() && (d = DayOf(t_[k]))) {
      size_t q = W(k + 1) == "of" ? k + 2 : k + 1;
      if (q < t_.size() && (m = MonthOf(t_[q], &abbreviated))) {
        next = q + 1;
      } else {
        return false;
      }
    } else {
      return false;
    }
    // A year: "January 10, 2021", "10 January 2021".
    size_t q = W(next) == "," ? next + 1 : next;
    int y = q < t_.size() ? YearOf(t_[q]) : 0;
    if (y) {
      if (!Valid(y, m, d)) return false;
      Set(e, Kind::kDate, "date", q + 1);
      e->year = y;
    } else {
      if (!Valid(2000, m, d)) return false;  // a leap year: Feb 29 exists
      Set(e, Kind::kMonthDay, "month-day", TimeOfDay(next));
    }
    e->first = k;
    e->month = m;
    e->day = d;
    return true;
  }

  static void Set(TimeExpression* e, Kind kind, std::string_view rule,
                  size_t last) {
    e->kind = kind;
    e->rule = rule;
    e->last = last;
  }

  std::span<const TimeToken> t_;
};

Date AddDays(const Date& d, long days) {
  return Date::FromDayNumber(d.DayNumber() + days);
}

// The first day of season `s` of the season instance whose start falls in
// `year` (winter: December of `year`).
Date SeasonStart(int s, int year) { return Date{year, 3 + 3 * s, 1}; }
Date SeasonEnd(int s, int year) {
  Date start = SeasonStart(s, year);
  int m = start.month + 3, y = year;
  if (m > 12) m -= 12, ++y;
  return AddDays(Date{y, m, 1}, -1);
}

}  // namespace

std::string_view DatePrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kWeek:
      return "week";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kSeason:
      return "season";
    case DatePrecision::kYear:
      return "year";
    case DatePrecision::kNone:
      break;
  }
  return "";
}

int Weekday(const Date& d) {
  // 1970-01-01 was a Thursday.
  return static_cast<int>(((d.DayNumber() % 7) + 7 + 3) % 7);
}

// Whether a sentence may hold a time expression at all. Every expression
// holds a number, a month, weekday or season name (or an abbreviation
// MonthOf or WeekdayOf reads, or "mid-" something), or one of the day and
// period words; a sentence with none is not searched further.
bool MayHoldTime(std::span<const TimeToken> tokens) {
  static const std::unordered_set<std::string_view> kWords = [] {
    std::unordered_set<std::string_view> words = {
        "today",  "yesterday", "tomorrow", "tonight", "night",
        "day",    "days",      "week",     "weeks",   "month",
        "months", "year",      "years",    "weekend", "spring",
        "summer", "autumn",    "fall",     "winter"};
    for (std::string_view m : kMonthNames) words.insert(m);
    for (std::string_view d : kWeekdayNames) words.insert(d);
    for (const auto& [a, m] : kMonthAbbreviations) words.insert(a);
    for (const auto& [a, d] : kWeekdayAbbreviations) words.insert(a);
    return words;
  }();
  for (const TimeToken& t : tokens) {
    const std::string_view w = t.lower;
    if (w.empty()) continue;
    if (w[0] >= '0' && w[0] <= '9') return true;
    if (w.size() > 4 && w.compare(0, 4, "mid-") == 0) return true;
    if (w.size() <= 9 && kWords.count(w)) return true;
  }
  return false;
}

std::vector<TimeExpression> FindTimeExpressions(
    std::span<const TimeToken> tokens) {
  if (!MayHoldTime(tokens)) return {};
  return Finder(tokens).Run();
}

ResolvedDate Resolve(const TimeExpression& e, const Date& anchor, Tense tense) {
  using P = DatePrecision;
  const bool past = tense == Tense::kPast;
  // Absolute expressions.
  switch (e.kind) {
    case Kind::kDate:
      return {Date{e.year, e.month, e.day}, P::kDay};
    case Kind::kMonthYear:
      return {Date{e.year, e.month, 1}, P::kMonth};
    case Kind::kYear:
      if (e.year) return {Date{e.year, 1, 1}, P::kYear};
      break;
    case Kind::kMonth:
      if (e.year) return {Date{e.year, e.month, 1}, P::kMonth};
      break;
    case Kind::kSeason:
      // Winter 2021 is the one that ends in 2021.
      if (e.year)
        return {SeasonStart(e.season, e.season == 3 ? e.year - 1 : e.year),
                P::kSeason};
      break;
    default:
      break;
  }
  if (!anchor.valid()) return {};
  const int y = anchor.year;
  switch (e.kind) {
    case Kind::kMonthDay: {
      // The nearest existing such day on the tense's side of the anchor.
      const int step = past ? -1 : 1;
      for (int year = y, k = 0; k < 9; year += step, ++k) {
        if (!Valid(year, e.month, e.day)) continue;
        Date d{year, e.month, e.day};
        if (past ? d <= anchor : d >= anchor) return {d, P::kDay};
      }
      return {};
    }
    case Kind::kMonth: {
      int year = y;
      if (e.direction < 0) {
        if (e.month >= anchor.month) --year;
      } else if (e.direction > 0) {
        if (e.month <= anchor.month) ++year;
      } else if (!e.this_one) {
        if (past && e.month > anchor.month) --year;
        if (!past && e.month < anchor.month) ++year;
      }
      return {Date{year, e.month, 1}, P::kMonth};
    }
    case Kind::kYear:
      return {Date{y, 1, 1}, P::kYear};
    case Kind::kWeekday: {
      const int today = Weekday(anchor);
      int back = (today - e.weekday + 7) % 7;   // 0..6 days before
      int ahead = (e.weekday - today + 7) % 7;  // 0..6 days after
      long delta;
      if (e.direction < 0) {
        delta = -(back == 0 ? 7 : back);
      } else if (e.direction > 0) {
        delta = ahead == 0 ? 7 : ahead;
      } else {
        delta = past ? -back : ahead;
      }
      return {AddDays(anchor, delta), P::kDay};
    }
    case Kind::kDays:
      return {AddDays(anchor, e.offset), P::kDay};
    case Kind::kWeeksAgo:
      return {AddDays(anchor, e.offset), P::kWeek};
    case Kind::kWeeks:
      return {AddDays(anchor, -Weekday(anchor) + 7L * e.offset), P::kWeek};
    case Kind::kWeekend: {
      int offset = e.offset;
      // "over the weekend" in a weekday's story: the one just past.
      if (offset == 0 && Weekday(anchor) < 5 && past) offset = -1;
      return {AddDays(anchor, 5 - Weekday(anchor) + 7L * offset), P::kDay};
    }
    case Kind::kMonths: {
      int months = y * 12 + (anchor.month - 1) + e.offset;
      return {Date{months / 12, months % 12 + 1, 1}, P::kMonth};
    }
    case Kind::kYears:
      return {Date{y + e.offset, 1, 1}, P::kYear};
    case Kind::kSeason: {
      // Season instances by the year their start falls in; pick among the
      // neighbours of the anchor.
      std::optional<Date> pick;
      for (int year = y - 2; year <= y + 1; ++year) {
        Date start = SeasonStart(e.season, year);
        Date end = SeasonEnd(e.season, year);
        bool fits;
        if (e.direction < 0) {
          fits = end < anchor;
          if (fits) pick = start;  // the latest that ended
          continue;
        }
        if (e.direction > 0) {
          fits = start > anchor;
        } else if (e.this_one) {
          // This winter: the one under way, or about to start this year.
          fits = e.season == 3 ? (anchor.month <= 2 ? year == y - 1 : year == y)
                               : year == y;
        } else if (past) {
          fits = start <= anchor;
          if (fits) pick = start;  // the latest begun
          continue;
        } else {
          fits = end >= anchor;
        }
        if (fits && !pick) pick = start;  // the earliest that fits
      }
      if (!pick) return {};
      return {*pick, P::kSeason};
    }
    default:
      break;
  }
  return {};
}

}  // namespace dyad
