// Event: one coded political event, with the spans and dictionary entries
// that produced it. All offsets are byte offsets into Article::text.
#ifndef DYAD_EVENT_H_
#define DYAD_EVENT_H_

#include <optional>
#include <string>
#include <vector>

namespace dyad {

struct Span {
  size_t start = 0;
  size_t end = 0;  // exclusive
};

// Where a code came from: a dictionary entry (file:line) and what it matched.
struct Evidence {
  std::string role;     // "source", "target", "verb", "agent", ...
  std::string entry;    // "data/actors/countries.txt:112"
  std::string pattern;  // the dictionary phrase or pattern as written
  std::string code;     // the code it contributed
  Span span;            // what it matched in the article
};

struct EventActor {
  std::string code;     // "USAGOV", "IRQ", "MIL"
  std::string country;  // ISO alpha-3 or "" when none
  std::string text;     // the article's bytes in `span`
  Span span;
};

// Where an event took place: a place its sentence names ("in Jamundi"),
// else the article's dateline, resolved with the gazetteer
// (docs/formats/gazetteer.md). These are GDELT's ActionGeo fields.
struct EventPlace {
  // GDELT's Geo_Type: 1 country, 2 US state, 3 US city, 4 world city,
  // 5 first-level region elsewhere.
  int type = 0;
  std::string name;        // "Jamundí, Valle del Cauca, Colombia"
  std::string country;     // ISO alpha-3, dyad's country code ("COL")
  std::string fips;        // FIPS 10-4 country code, GDELT's ("CO")
  std::string adm1;        // FIPS country + admin1 code ("CO29")
  std::string feature_id;  // GeoNames id; ADM1 code of a region; FIPS
  double lat = 0.0;
  double lon = 0.0;
  bool has_coords = false;
  std::string text;  // the words that named it ("Jamundi")
  Span span;         // where, in the article
  // "locative" ("in Jamundi", "north of Mosul"), "mention" (named in the
  // sentence without a preposition), "dateline" (the article's dateline).
  std::string rule;
};

// How an event's date was found (docs/formats/events.md).
struct DateSource {
  // "article": nothing in the sentence dates the event, the article's date
  // stands; else the kind of words that set it: "date", "month-day",
  // "month", "year", "weekday", "relative-day", "relative-period",
  // "season", "since".
  std::string rule = "article";
  // "day", "week", "month", "season" or "year" (the date is the first day of
  // that period); "" when the date is unknown.
  std::string precision;
  std::string text;  // the words ("on Tuesday"); "" for "article"
  Span span;         // where they are; empty for "article"
};

struct Event {
  std::string doc_id;
  int sentence = 0;    // index of the sentence in the article
  Span sentence_span;  // the sentence's bytes in the article
  // Index of the act within the sentence: the events of one act (one per
  // source x target of a compound actor) share it.
  int act = 0;
  // The event's date, "YYYY-MM-DD", as the sentence says (see
  // date_source), else the article's; "" when unknown (no article date and
  // no absolute date in the sentence).
  std::string date;
  std::string article_date;  // the article's date, "" when none
  DateSource date_source;
  EventActor source;
  std::optional<EventActor> target;
  std::string code;  // CAMEO code, "190"
  std::string root;  // "19"
  int quad_class = 0;
  double goldstein = 0.0;
  std::string plover;          // "" where CAMEO has none (root 01)
  std::string plover_mode;     // may be ""
  std::string plover_context;  // may be ""
  std::string verb_text;
  Span verb;
  std::optional<EventPlace> place;  // none when no place could be resolved
  // Explanation: the rule that assembled the event and the entries it used.
  std::string rule;  // "active", "passive", "nominal", "reported-speech", ...
  std::vector<Evidence> evidence;
};

// A problem with one article that does not stop the batch (invalid UTF-8,
// a missing date, a sentence cut at the length limit).
struct Diagnostic {
  std::string doc_id;
  std::string message;
  size_t offset = 0;  // byte offset in the article's text, when it applies
};

}  // namespace dyad

#endif  // DYAD_EVENT_H_
