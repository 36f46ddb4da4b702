#include "query/json.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "text/utf8.h"

namespace dyad {
namespace {

// Builds one JSON value; the caller writes keys and values in order.
class Json {
 public:
  Json& Open(char c) {
    Sep();
    out_.push_back(c);
    first_ = true;
    return *this;
  }
  Json& Close(char c) {
    out_.push_back(c);
    first_ = false;
    return *this;
  }
  Json& Key(const char* k) {
    Sep();
    out_ += JsonString(k);
    out_.push_back(':');
    first_ = true;  // the value follows without a comma
    return *this;
  }
  Json& Str(std::string_view s) { return Raw(JsonString(s)); }
  Json& Int(int64_t v) { return Raw(std::to_string(v)); }
  Json& Num(double v) { return Raw(JsonNumber(v)); }
  Json& Null() { return Raw("null"); }
  Json& Raw(const std::string& text) {
    Sep();
    out_ += text;
    return *this;
  }
  Json& SpanOrNull(const std::optional<Span>& s) {
    if (!s) return Null();
    Open('{').Key("start").Int(static_cast<int64_t>(s->start));
    Key("end").Int(static_cast<int64_t>(s->end));
    return Close('}');
  }
  std::string Take() { return std::move(out_); }

 private:
  void Sep() {
    if (!first_) out_.push_back(',');
    first_ = false;
  }
  std::string out_;
  bool first_ = true;
};

void Quad(Json& j, const QuadCounts& q) {
  j.Key("quad").Open('{');
  j.Key("verbal_cooperation").Int(q[0]);
  j.Key("material_cooperation").Int(q[1]);
  j.Key("verbal_conflict").Int(q[2]);
  j.Key("material_conflict").Int(q[3]);
  j.Close('}');
}

void Mention(Json& j, const MentionRow& m) {
  j.Open('{');
  j.Key("id").Int(m.id).Key("event_id").Int(m.event_id);
  j.Key("article_id").Int(m.article_id);
  j.Key("doc_id").Str(m.doc_id).Key("url").Str(m.url);
  j.Key("title").Str(m.title).Key("article_date").Str(m.article_date);
  j.Key("outlet").Str(m.outlet);
  j.Key("sentence").Int(m.sentence).Key("act").Int(m.act);
  j.Key("rule").Str(m.rule);
  j.Key("source_text").Str(m.source_text);
  j.Key("target_text").Str(m.target_text);
  j.Key("verb_text").Str(m.verb_text);
  j.Key("source_span").SpanOrNull(m.source_span);
  j.Key("target_span").SpanOrNull(m.target_span);
  j.Key("verb_span").SpanOrNull(m.verb_span);
  j.Key("date_rule").Str(m.date_rule);
  j.Key("date_precision").Str(m.date_precision);
  j.Key("date_text").Str(m.date_text);
  j.Key("date_span").SpanOrNull(m.date_span);
  j.Key("place_name").Str(m.place_name);
  j.Key("place_text").Str(m.place_text);
  j.Key("place_rule").Str(m.place_rule);
  j.Key("place_span").SpanOrNull(m.place_span);
  j.Key("sentence_start");
  if (m.sentence_start) {
    j.Int(*m.sentence_start);
  } else {
    j.Null();
  }
  j.Key("sentence_text");
  if (m.sentence_text) {
    j.Str(*m.sentence_text);
  } else {
    j.Null();
  }
  // The explanation as a string of JSON: a reader parses it (the database
  // is not trusted to hold valid JSON).
  j.Key("explain");
  if (m.explain) {
    j.Str(*m.explain);
  } else {
    j.Null();
  }
  j.Close('}');
}

// The event's fields, inside an object the caller opened.
void EventFields(Json& j, const EventRow& e) {
  j.Key("id").Int(e.id).Key("date").Str(e.date);
  j.Key("source_code").Str(e.source_code);
  j.Key("target_code").Str(e.target_code);
  j.Key("source_country").Str(e.source_country);
  j.Key("target_country").Str(e.target_country);
  j.Key("code").Str(e.code).Key("code_name").Str(e.code_name);
  j.Key("root").Str(e.root).Key("quad_class").Int(e.quad_class);
  j.Key("goldstein").Num(e.goldstein).Key("plover").Str(e.plover);
  j.Key("num_mentions").Int(e.num_mentions);
  j.Key("num_articles").Int(e.num_articles);
  j.Key("num_sources").Int(e.num_sources);
  j.Key("place_name").Str(e.place_name);
  j.Key("place_country").Str(e.place_country);
  j.Key("lat");
  e.lat ? j.Num(*e.lat) : j.Null();
  j.Key("lon");
  e.lon ? j.Num(*e.lon) : j.Null();
}

void WriteEvent(Json& j, const EventRow& e) {
  j.Open('{');
  EventFields(j, e);
  j.Key("first_mention");
  if (e.first_mention.id != 0) {
    Mention(j, e.first_mention);
  } else {
    j.Null();
  }
  j.Close('}');
}

}  // namespace

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = s[i];
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
      ++i;
    } else if (c < 0x20) {
      switch (c) {
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\b':
          out += "\\b";
          break;
        case '\f':
          out += "\\f";
          break;
        default: {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        }
      }
      ++i;
    } else {
      const size_t n = text_internal::ValidUtf8Length(s, i);
      if (n == 0) {
        out += "\xEF\xBF\xBD";  // U+FFFD
        ++i;
      } else {
        out.append(s.substr(i, n));
        i += n;
      }
    }
  }
  out.push_back('"');
  return out;
}

std::string JsonNumber(double v) {
  if (!std::isfinite(v)) return "null";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string ToJson(const DbStats& s) {
  Json j;
  j.Open('{');
  j.Key("path").Str(s.path).Key("schema_version").Int(s.schema_version);
  j.Key("file_bytes").Int(s.file_bytes);
  j.Key("articles").Int(s.articles).Key("events").Int(s.events);
  j.Key("mentions").Int(s.mentions);
  j.Key("first_date").Str(s.first_date).Key("last_date").Str(s.last_date);
  j.Key("undated_events").Int(s.undated_events);
  Quad(j, s.quad);
  j.Key("top_roots").Open('[');
  for (const RootCount& r : s.top_roots) {
    j.Open('{').Key("root").Str(r.root).Key("name").Str(r.name);
    j.Key("events").Int(r.events).Close('}');
  }
  j.Close(']');
  j.Key("events_with_place").Int(s.events_with_place);
  j.Key("mentions_sentence_dated").Int(s.mentions_sentence_dated);
  j.Close('}');
  return j.Take();
}

std::string ToJson(const std::vector<DyadRow>& rows) {
  Json j;
  j.Open('[');
  for (const DyadRow& d : rows) {
    j.Open('{').Key("source").Str(d.source).Key("target").Str(d.target);
    j.Key("events").Int(d.events).Key("mentions").Int(d.mentions);
    j.Key("mean_goldstein").Num(d.mean_goldstein);
    Quad(j, d.quad);
    j.Close('}');
  }
  j.Close(']');
  return j.Take();
}

std::string ToJson(const std::vector<ActorRow>& rows) {
  Json j;
  j.Open('[');
  for (const ActorRow& a : rows) {
    j.Open('{').Key("actor").Str(a.actor).Key("events").Int(a.events);
    j.Key("as_source").Int(a.as_source).Key("as_target").Int(a.as_target);
    j.Key("mentions").Int(a.mentions);
    j.Key("mean_goldstein").Num(a.mean_goldstein);
    j.Close('}');
  }
  j.Close(']');
  return j.Take();
}

std::string ToJson(const std::vector<TimelineRow>& rows) {
  Json j;
  j.Open('[');
  for (const TimelineRow& t : rows) {
    j.Open('{').Key("period").Str(t.period).Key("start").Str(t.start);
    j.Key("events").Int(t.events);
    Quad(j, t.quad);
    j.Key("mentions").Int(t.mentions);
    j.Key("mean_goldstein").Num(t.mean_goldstein);
    j.Key("mean_goldstein_events").Num(t.mean_goldstein_events);
    j.Close('}');
  }
  j.Close(']');
  return j.Take();
}

std::string ToJson(const EventRow& e) {
  Json j;
  WriteEvent(j, e);
  return j.Take();
}

std::string ToJson(const std::vector<EventRow>& rows) {
  Json j;
  j.Open('[');
  for (const EventRow& e : rows) WriteEvent(j, e);
  j.Close(']');
  return j.Take();
}

std::string ToJson(const std::vector<PlaceRow>& rows) {
  Json j;
  j.Open('[');
  for (const PlaceRow& p : rows) {
    j.Open('{').Key("name").Str(p.name).Key("country").Str(p.country);
    j.Key("type").Int(p.type);
    j.Key("lat");
    if (p.lat) {
      j.Num(*p.lat);
    } else {
      j.Null();
    }
    j.Key("lon");
    if (p.lon) {
      j.Num(*p.lon);
    } else {
      j.Null();
    }
    j.Key("events").Int(p.events).Key("mentions").Int(p.mentions);
    j.Key("mean_goldstein").Num(p.mean_goldstein);
    Quad(j, p.quad);
    j.Close('}');
  }
  j.Close(']');
  return j.Take();
}

std::string ToJson(const MentionRow& m) {
  Json j;
  Mention(j, m);
  return j.Take();
}

std::string ToJson(const EventDetail& d) {
  Json j;
  j.Open('{');
  EventFields(j, d.event);
  j.Key("mentions").Open('[');
  for (const MentionRow& m : d.mentions) Mention(j, m);
  j.Close(']');
  j.Close('}');
  return j.Take();
}

}  // namespace dyad
