// Queries over an event database (docs/formats/database.md): the counts,
// top dyads and actors, timelines and event lists an analyst asks for
// (docs/queries.md defines every column).
//
//   auto db = EventDb::Open("events.db");
//   if (!db.ok()) { ... db.status().message() names the file ... }
//   Filter f;
//   f.source = "USA";
//   f.target = "IRQ";
//   f.from = "2023-10-01";
//   auto weeks = (*db)->Timeline(f, Period::kWeek);
//
// The database is opened read-only; nothing here writes to it, and no index
// is needed for correctness (the store creates the ones that make these
// queries fast). Every user value reaches SQL as a bound parameter; sort
// orders and groupings come from fixed lists.
//
// Counts are of de-duplicated events (rows of `events`) unless a column says
// mentions. Events with no date (events.date = '') are left out of
// timelines and of any query with a date range.
//
// Results are plain structs; query/json.h renders them as JSON.
//
// An EventDb is not thread-safe (one SQLite connection); open one per
// thread. Schema versions 1 and 2 are read; version 1 has no places and no
// sentence dates, so those columns come back empty and a place filter is
// refused.
#ifndef DYAD_QUERY_QUERY_H_
#define DYAD_QUERY_QUERY_H_

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "dyad/event.h"
#include "dyad/status.h"

struct sqlite3;

namespace dyad {

// Which events a query looks at. Empty strings and 0 mean "any".
struct Filter {
  std::string from;  // YYYY-MM-DD, inclusive
  std::string to;    // YYYY-MM-DD, inclusive
  // Actor codes: a prefix ("USA" matches USA, USAGOV, USAMIL), or an exact
  // code when written with a leading '=' ("=USAGOV").
  std::string source;
  std::string target;
  std::string actor;          // either side, same syntax
  std::string country;        // ISO alpha-3 of either side's country (exact)
  std::string code;           // CAMEO code prefix: "19", "190", "1902"
  std::string root;           // CAMEO root, two digits (exact)
  int quad = 0;               // QuadClass 1-4
  std::string plover;         // PLOVER category (exact, "ASSAULT")
  std::string place_country;  // ISO alpha-3 of events.geo_country (exact)
  // Rows to return: 0 means the query's default; above kMaxLimit is cut to
  // kMaxLimit; negative is an error.
  int64_t limit = 0;
};

constexpr int64_t kMaxLimit = 100000;
constexpr int64_t kDefaultEventsLimit = 100;
constexpr int64_t kDefaultTopLimit = 20;
constexpr int64_t kDefaultPlacesLimit = 500;

// Checks dates (real days, from <= to), quad, code and root (digits) and
// limit. The message names the field as the CLI spells it (--from).
Status ValidateFilter(const Filter& f);

enum class Period { kDay, kWeek, kMonth, kYear };
// "day", "week", "month", "year"; false for anything else.
bool ParsePeriod(const std::string& s, Period* p);

// Per-QuadClass counts: [0] verbal cooperation ... [3] material conflict.
using QuadCounts = std::array<int64_t, 4>;

struct RootCount {
  std::string root;  // "19"
  std::string name;  // "FIGHT" (empty without a CAMEO table)
  int64_t events = 0;
};

struct DbStats {
  std::string path;
  int schema_version = 0;
  int64_t file_bytes = 0;
  int64_t articles = 0;
  int64_t events = 0;
  int64_t mentions = 0;
  std::string first_date, last_date;  // of dated events; "" when none
  int64_t undated_events = 0;         // events.date = ''
  QuadCounts quad{};
  std::vector<RootCount> top_roots;  // by events, at most 10
  // Events with a place (geo_country set); 0 in a schema-1 database.
  int64_t events_with_place = 0;
  // Mentions whose date the sentence set (date_rule not 'article', not
  // NULL); 0 in a schema-1 database.
  int64_t mentions_sentence_dated = 0;
};

// What to count when ranking.
enum class RankBy { kEvents, kMentions };
// What an actor is: its full code (USAGOV) or its country (USA).
enum class ActorLevel { kCode, kCountry };

struct TopOptions {
  RankBy by = RankBy::kEvents;
  ActorLevel level = ActorLevel::kCode;
};

struct DyadRow {
  std::string source, target;  // codes or countries, per ActorLevel
  int64_t events = 0;
  int64_t mentions = 0;       // sum of num_mentions
  double mean_goldstein = 0;  // weighted by num_mentions
  QuadCounts quad{};
};

struct ActorRow {
  std::string actor;
  int64_t events = 0;  // events with the actor on either side
  int64_t as_source = 0;
  int64_t as_target = 0;
  int64_t mentions = 0;
  double mean_goldstein = 0;  // weighted by num_mentions
};

struct TimelineRow {
  std::string period;  // "2024-03-05", "2024-W10", "2024-03", "2024"
  std::string start;   // the period's first day, YYYY-MM-DD
  int64_t events = 0;
  QuadCounts quad{};
  int64_t mentions = 0;
  // Goldstein means: weighted by num_mentions (GDELT's habit: an event
  // reported ten times weighs ten times), and per event. 0 when empty.
  double mean_goldstein = 0;
  double mean_goldstein_events = 0;
};

// One mention of an event: where it was reported and the spans that made
// it. Offsets are byte offsets into the article's text, which the database
// does not keep: fetch it by doc_id/url to highlight.
struct MentionRow {
  int64_t id = 0;
  int64_t event_id = 0;
  int64_t article_id = 0;
  std::string doc_id, url, title, article_date, outlet;
  int sentence = 0;
  int act = 0;
  std::string rule;
  std::string source_text, target_text, verb_text;
  Span source_span;
  std::optional<Span> target_span;
  Span verb_span;
  std::string date_rule;  // "" in schema-1 rows
  std::string date_precision, date_text;
  std::optional<Span> date_span;
  std::string place_name, place_text, place_rule;
  std::optional<Span> place_span;
  // The sentence the event was coded from (article offsets minus
  // sentence_start index it) and the coder's explanation as JSON text
  // (docs/formats/database.md); absent in rows stored without them.
  std::optional<int64_t> sentence_start;
  std::optional<std::string> sentence_text;
  std::optional<std::string> explain;
};

// Events per place, for a map: the places of events.geo_*.
struct PlaceRow {
  std::string name;     // "Mosul, Nineveh, Iraq"
  std::string country;  // ISO alpha-3
  int type = 0;         // GDELT Geo_Type
  std::optional<double> lat, lon;
  int64_t events = 0;
  int64_t mentions = 0;
  double mean_goldstein = 0;  // weighted by num_mentions
  QuadCounts quad{};
};

struct EventRow {
  int64_t id = 0;
  std::string date;
  std::string source_code, target_code, source_country, target_country;
  std::string code, code_name, root;
  int quad_class = 0;
  double goldstein = 0;
  std::string plover;
  int64_t num_mentions = 0, num_articles = 0, num_sources = 0;
  std::string place_name, place_country;
  std::optional<double> lat, lon;
  MentionRow first_mention;  // the first stored (lowest id)
};

struct EventDetail {
  EventRow event;
  std::vector<MentionRow> mentions;  // in the order stored
};

// How Events() sorts. Ties go by id.
enum class EventOrder {
  kNewest,    // date descending (default)
  kOldest,    // date ascending
  kMentions,  // num_mentions descending
  kConflict,  // Goldstein ascending (most hostile first)
};
// "newest", "oldest", "mentions", "conflict".
bool ParseEventOrder(const std::string& s, EventOrder* o);

class EventDb {
 public:
  // Opens `path` read-only and checks meta.schema_version (1 or 2). Fails,
  // naming the file, when it is missing, not SQLite, or not a dyad event
  // database of a version this dyad reads.
  static Result<std::unique_ptr<EventDb>> Open(const std::string& path);
  ~EventDb();
  EventDb(const EventDb&) = delete;
  EventDb& operator=(const EventDb&) = delete;

  // Names for CAMEO codes and roots ("190" -> "Use conventional military
  // force") and the PLOVER categories, read from data/cameo/codes.txt
  // (docs/formats/cameo_codes.md). Without them, code_name and
  // RootCount::name are empty and any --plover value is accepted.
  Status LoadCodeNames(const std::string& codes_txt);

  int schema_version() const { return schema_version_; }
  const std::string& path() const { return path_; }

  Result<DbStats> Stats();
  Result<std::vector<DyadRow>> TopDyads(const Filter& f,
                                        const TopOptions& o = {});
  Result<std::vector<ActorRow>> TopActors(const Filter& f,
                                          const TopOptions& o = {});
  // Periods from the first to the last with an event, empty ones as zeros.
  Result<std::vector<TimelineRow>> Timeline(const Filter& f, Period by);
  Result<std::vector<EventRow>> Events(const Filter& f,
                                       EventOrder order = EventOrder::kNewest);
  // NotFound when there is no event `id`.
  Result<EventDetail> Event(int64_t id);
  Result<std::vector<MentionRow>> Mentions(int64_t event_id);
  // The places of the filtered events, most events first (at most
  // Filter::limit, default kDefaultPlacesLimit). Empty in a schema-1
  // database, which has no places.
  Result<std::vector<PlaceRow>> Places(const Filter& f);

  // From now on, any query still running `ms` milliseconds later is
  // stopped with an error; 0 for no limit. (A server sets it once per
  // request: the limit is on the whole request.)
  void SetTimeLimit(int ms);

 private:
  explicit EventDb(std::string path) : path_(std::move(path)) {}
  Status Init();
  Status Error(const std::string& what) const;
  std::string CodeName(const std::string& code) const;
  // ValidateFilter, and what this database and code table can answer.
  Status CheckFilter(const Filter& f) const;

  std::string path_;
  sqlite3* db_ = nullptr;
  int schema_version_ = 0;
  std::unordered_map<std::string, std::string> code_names_;
  std::set<std::string> plover_;  // known categories; empty: not loaded
  int64_t deadline_ms_ = 0;       // steady-clock ms; 0: none
  int time_limit_ms_ = 0;
  // Arms the deadline for the statement about to run.
  void StartClock();
};

// Date arithmetic for timelines (exposed for tests). Days since 1970-01-01
// of a valid YYYY-MM-DD; false when `date` is not one.
bool ParseDay(const std::string& date, int64_t* days);
std::string FormatDay(int64_t days);
// The period holding `days`: its label and first day.
void PeriodOf(int64_t days, Period by, std::string* label, int64_t* start);
// The first day of the period after the one starting at `start`.
int64_t NextPeriod(int64_t start, Period by);

}  // namespace dyad

#endif  // DYAD_QUERY_QUERY_H_
