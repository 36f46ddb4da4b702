#include "time/time_expressions.h"

#include <gtest/gtest.h>

#include <string>

#include "text/tokenizer.h"

namespace dyad {
namespace {

// The nouns of the test sentences that follow a date: in the coder the
// tagger says which words are nouns.
bool TestNoun(std::string_view w) {
  for (std::string_view n :
       {"prayers", "attacks", "committee", "agreement", "election", "elections",
        "people", "sentence", "offensive", "heat", "police", "talks", "vote",
        "show", "school", "markets"})
    if (w == n) return true;
  return false;
}

struct Found {
  std::string text;  // the expression's words, "" when none
  std::string date;  // resolved, "" when unresolved
  std::string precision;
  std::string rule;
};

// The first expression of `sentence`, resolved against `anchor`.
Found First(const std::string& sentence, const std::string& anchor,
            Tense tense = Tense::kPast) {
  std::string lower = sentence;
  for (char& c : lower) c = static_cast<char>(std::tolower(c));
  std::vector<TimeToken> tokens;
  for (const Token& t : Tokenize(sentence)) {
    std::string_view w(lower.data() + t.begin, t.end - t.begin);
    tokens.push_back(
        TimeToken{std::string_view(sentence).substr(t.begin, t.end - t.begin),
                  w, t.begin, t.end, TestNoun(w)});
  }
  std::vector<TimeExpression> found = FindTimeExpressions(tokens);
  if (found.empty()) return {};
  const TimeExpression& e = found[0];
  ResolvedDate r = Resolve(e, ParseDate(anchor), tense);
  return Found{sentence.substr(e.start, e.end - e.start), r.date.ToString(),
               std::string(DatePrecisionName(r.precision)),
               std::string(e.rule)};
}

struct Case {
  const char* sentence;
  const char* anchor;  // the article's date ("" none)
  const char* text;    // expected words ("" none found)
  const char* date;
  const char* precision;
  const char* rule;
  Tense tense = Tense::kPast;
};

// 2024-01-25 is a Thursday.
const Case kCases[] = {
    // Weekdays: the latest on or before the article's day when past.
    {"Rebels attacked the town on Tuesday.", "2024-01-25", "on Tuesday",
     "2024-01-23", "day", "weekday"},
    {"Rebels attacked the town Tuesday.", "2024-01-25", "Tuesday", "2024-01-23",
     "day", "weekday"},
    {"Rebels attacked the town on Thursday.", "2024-01-25", "on Thursday",
     "2024-01-25", "day", "weekday"},
    {"Rebels attacked the town on Friday night.", "2024-01-25",
     "on Friday night", "2024-01-19", "day", "weekday"},
    {"Rebels attacked the town late on Wednesday.", "2024-01-25",
     "late on Wednesday", "2024-01-24", "day", "weekday"},
    {"Rebels attacked the town last Thursday.", "2024-01-25", "last Thursday",
     "2024-01-18", "day", "weekday"},
    {"The ministers will meet on Tuesday.", "2024-01-25", "on Tuesday",
     "2024-01-30", "day", "weekday", Tense::kFuture},
    {"The ministers will meet next Thursday.", "2024-01-25", "next Thursday",
     "2024-02-01", "day", "weekday", Tense::kFuture},
    // ... across a month and a year.
    {"Police arrested him on Sunday.", "2024-03-01", "on Sunday", "2024-02-25",
     "day", "weekday"},
    {"Police arrested him on Saturday.", "2024-01-01", "on Saturday",
     "2023-12-30", "day", "weekday"},
    // Month and day without a year: nearest on the tense's side.
    {"Rebels attacked the town on January 10th.", "2024-01-25",
     "on January 10th", "2024-01-10", "day", "month-day"},
    {"Rebels attacked the town on Jan. 10.", "2024-01-25", "on Jan. 10",
     "2024-01-10", "day", "month-day"},
    {"Rebels attacked the town on 10 January.", "2024-01-25", "on 10 January",
     "2024-01-10", "day", "month-day"},
    {"Rebels attacked the town on December 30.", "2024-01-02", "on December 30",
     "2023-12-30", "day", "month-day"},
    {"The summit will open on January 5.", "2023-12-28", "on January 5",
     "2024-01-05", "day", "month-day", Tense::kFuture},
    {"It happened on the 10th of January.", "2024-01-25",
     "on the 10th of January", "2024-01-10", "day", "month-day"},
    {"Protests began on Tuesday, March 5.", "2024-03-07", "on Tuesday, March 5",
     "2024-03-05", "day", "month-day"},
    // Leap years: February 29 is the latest that existed.
    {"The deal was signed on February 29.", "2023-06-01", "on February 29",
     "2020-02-29", "day", "month-day"},
    {"The deal was signed on February 29.", "2024-03-10", "on February 29",
     "2024-02-29", "day", "month-day"},
    // Full dates need no article date.
    {"The deal was signed on 10 January 2021.", "", "on 10 January 2021",
     "2021-01-10", "day", "date"},
    {"The deal was signed on January 10, 2021.", "", "on January 10, 2021",
     "2021-01-10", "day", "date"},
    {"The deal was signed on Jan. 10, 2021.", "", "on Jan. 10, 2021",
     "2021-01-10", "day", "date"},
    {"The deal was signed on 2021-01-10 in Doha.", "", "on 2021-01-10",
     "2021-01-10", "day", "date"},
    {"The deal was signed on February 29, 2020.", "", "on February 29, 2020",
     "2020-02-29", "day", "date"},
    // Months and years.
    {"Troops entered the city in March.", "2024-01-25", "in March",
     "2023-03-01", "month", "month"},
    {"Troops entered the city in January.", "2024-01-25", "in January",
     "2024-01-01", "month", "month"},
    {"Troops will enter the city in March.", "2024-01-25", "in March",
     "2024-03-01", "month", "month", Tense::kFuture},
    {"Troops entered the city last December.", "2024-01-25", "last December",
     "2023-12-01", "month", "month"},
    {"Troops entered the city in early March.", "2024-05-02", "in early March",
     "2024-03-01", "month", "month"},
    {"Troops entered the city in mid-March.", "2024-05-02", "in mid-March",
     "2024-03-01", "month", "month"},
    {"Troops entered the city in March 2019.", "", "in March 2019",
     "2019-03-01", "month", "month"},
    {"Troops entered the city in 2019.", "", "in 2019", "2019-01-01", "year",
     "year"},
    {"Troops entered the city in late 2019.", "", "in late 2019", "2019-01-01",
     "year", "year"},
    {"Troops entered the city at the end of March.", "2024-05-02",
     "the end of March", "2024-03-01", "month", "month"},
    {"Gangs have controlled the port since December 2021.", "2024-05-02",
     "since December 2021", "2021-12-01", "month", "since"},
    {"Gangs have controlled the port since 2019.", "", "since 2019",
     "2019-01-01", "year", "since"},
    // Relative days and periods.
    {"Rebels attacked the town yesterday.", "2024-01-25", "yesterday",
     "2024-01-24", "day", "relative-day"},
    {"Iraq condemned Turkey yesterday.", "2024-01-25", "yesterday",
     "2024-01-24", "day", "relative-day"},
    {"Iraq condemned Turkey Tuesday.", "2024-01-25", "Tuesday", "2024-01-23",
     "day", "weekday"},
    {"Rebels attacked the town today.", "2024-01-25", "today", "2024-01-25",
     "day", "relative-day"},
    {"Rebels attacked the town last night.", "2024-01-01", "last night",
     "2023-12-31", "day", "relative-day"},
    {"Rebels attacked the town two days ago.", "2024-03-01", "two days ago",
     "2024-02-28", "day", "relative-day"},
    {"Rebels attacked the town 3 weeks ago.", "2024-01-25", "3 weeks ago",
     "2024-01-04", "week", "relative-period"},
    {"Rebels attacked the town the day before yesterday.", "2024-01-25",
     "the day before yesterday", "2024-01-23", "day", "relative-day"},
    {"Rebels attacked the town last week.", "2024-01-25", "last week",
     "2024-01-15", "week", "relative-period"},
    {"Rebels attacked the town last month.", "2024-01-25", "last month",
     "2023-12-01", "month", "relative-period"},
    {"Rebels attacked the town a year ago.", "2024-01-25", "a year ago",
     "2023-01-01", "year", "relative-period"},
    {"Rebels attacked the town earlier this year.", "2024-05-25",
     "earlier this year", "2024-01-01", "year", "relative-period"},
    {"Rebels attacked the town over the weekend.", "2024-01-25",
     "over the weekend", "2024-01-20", "day", "relative-period"},
    // Seasons: the day the season starts.
    {"Rebels attacked the town last summer.", "2024-01-25", "last summer",
     "2023-06-01", "season", "season"},
    {"Rebels attacked the town last summer.", "2024-07-10", "last summer",
     "2023-06-01", "season", "season"},
    {"Rebels attacked the town last winter.", "2024-03-10", "last winter",
     "2023-12-01", "season", "season"},
    {"Rebels attacked the town in the spring.", "2024-01-25", "in the spring",
     "2023-03-01", "season", "season"},
    {"Rebels attacked the town in the summer of 2019.", "",
     "in the summer of 2019", "2019-06-01", "season", "season"},
    // Relative expressions need an article date.
    {"Rebels attacked the town on Tuesday.", "", "on Tuesday", "", "",
     "weekday"},
    {"Rebels attacked the town yesterday.", "", "yesterday", "", "",
     "relative-day"},
    {"Rebels attacked the town on January 10.", "", "on January 10", "", "",
     "month-day"},
    // Traps: no date here.
    {"He may visit Iran.", "2024-01-25", "", "", "", ""},
    {"May officials visit Iran?", "2024-01-25", "", "", "", ""},
    {"Theresa May visited Iran.", "2024-01-25", "", "", "", ""},
    {"Protesters march to the embassy.", "2024-01-25", "", "", "", ""},
    {"The Sunday Times reported the raid.", "2024-01-25", "", "", "", ""},
    {"Police broke up Friday prayers.", "2024-01-25", "", "", "", ""},
    {"Crowds gathered for Good Friday.", "2024-01-25", "", "", "", ""},
    {"They signed a 2019 agreement.", "2024-01-25", "", "", "", ""},
    {"He recalled the September 11 attacks.", "2024-01-25", "", "", "", ""},
    {"He testified to the Jan. 6 committee.", "2024-01-25", "", "", "", ""},
    {"Rebels killed 10 people.", "2024-01-25", "", "", "", ""},
    {"He was given a 10-year sentence.", "2024-01-25", "", "", "", ""},
    {"He won the 2024 election.", "2024-01-25", "", "", "", ""},
    {"He won in 2024 elections.", "2024-01-25", "", "", "", ""},
    {"The 45-year-old was arrested at 10 p.m.", "2024-01-25", "", "", "", ""},
    {"He finished 3rd in the race.", "2024-01-25", "", "", "", ""},
    {"The deal was signed on February 30.", "2024-01-25", "", "", "", ""},
    {"Troops must leave by March.", "2024-01-25", "", "", "", ""},
    {"Talks continue until Friday.", "2024-01-25", "", "", "", ""},
    {"Sunday's vote was close.", "2024-01-25", "", "", "", ""},
    {"Last year's election was close.", "2024-01-25", "", "", "", ""},
    {"It marked the fall of Kabul.", "2024-01-25", "", "", "", ""},
    {"Prices fall in winter markets.", "2024-01-25", "", "", "", ""},
    {"Troops fought in the summer heat.", "2024-01-25", "", "", "", ""},
    {"He read USA Today.", "2024-01-25", "", "", "", ""},
    {"The talks lasted from March to June.", "2024-01-25", "", "", "", ""},
    {"They met during the last week of April.", "2024-05-25", "", "", "", ""},
    {"It must finish by May next year.", "2024-01-25", "", "", "", ""},
};

TEST(TimeExpressionsTest, FindsAndResolves) {
  for (const Case& c : kCases) {
    Found f = First(c.sentence, c.anchor, c.tense);
    SCOPED_TRACE(std::string(c.sentence) + " @ " + c.anchor);
    EXPECT_EQ(f.text, c.text);
    EXPECT_EQ(f.date, c.date);
    EXPECT_EQ(f.precision, c.precision);
    EXPECT_EQ(f.rule, c.rule);
  }
}

TEST(TimeExpressionsTest, FindsEachExpressionOnce) {
  std::string s =
      "Police said on Wednesday that rebels attacked the town on Monday.";
  std::string lower = s;
  for (char& c : lower) c = static_cast<char>(std::tolower(c));
  std::vector<TimeToken> tokens;
  for (const Token& t : Tokenize(s))
    tokens.push_back(
        TimeToken{std::string_view(s).substr(t.begin, t.end - t.begin),
                  std::string_view(lower).substr(t.begin, t.end - t.begin),
                  t.begin, t.end, false});
  auto found = FindTimeExpressions(tokens);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(s.substr(found[0].start, found[0].end - found[0].start),
            "on Wednesday");
  EXPECT_EQ(s.substr(found[1].start, found[1].end - found[1].start),
            "on Monday");
}

TEST(TimeExpressionsTest, Weekday) {
  EXPECT_EQ(Weekday(Date{2024, 1, 25}), 3);  // Thursday
  EXPECT_EQ(Weekday(Date{1970, 1, 1}), 3);
  EXPECT_EQ(Weekday(Date{2000, 2, 29}), 1);  // Tuesday
}

}  // namespace
}  // namespace dyad
