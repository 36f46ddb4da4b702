// JSON text of query results (query.h), for `dyad ... --json` and the HTTP
// API. Field names are the struct members' names; spans are
// {"start": N, "end": N} byte offsets or null; absent optional numbers are
// null. Strings are escaped per RFC 8259, and bytes that are not UTF-8
// become U+FFFD, so the output is always valid UTF-8 JSON.
//
// Each function returns one JSON value (an object or an array) without a
// trailing newline. Thread-safe (no state).
#ifndef DYAD_QUERY_JSON_H_
#define DYAD_QUERY_JSON_H_

#include <string>
#include <string_view>
#include <vector>

#include "query/query.h"

namespace dyad {

// `s` as a quoted JSON string.
std::string JsonString(std::string_view s);
// `v` as a JSON number (shortest text that reads back the same); null for
// NaN and infinities, which JSON lacks.
std::string JsonNumber(double v);

std::string ToJson(const DbStats& s);
std::string ToJson(const std::vector<DyadRow>& rows);
std::string ToJson(const std::vector<ActorRow>& rows);
std::string ToJson(const std::vector<TimelineRow>& rows);
std::string ToJson(const EventRow& e);
std::string ToJson(const std::vector<EventRow>& rows);
std::string ToJson(const MentionRow& m);
std::string ToJson(const std::vector<PlaceRow>& rows);
// The event with "mentions": [...].
std::string ToJson(const EventDetail& d);

}  // namespace dyad

#endif  // DYAD_QUERY_JSON_H_
