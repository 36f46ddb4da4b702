#include "io/event_writer.h"

#include <cstdio>
#include <vector>

#include "text/utf8.h"

namespace dyad {
namespace {

using text_internal::ValidUtf8Length;

void AppendString(std::string_view s, std::string* out) {
  out->push_back('"');
  AppendJsonEscaped(s, out);
  out->push_back('"');
}

void AppendNumber(double v, std::string* out) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  out->append(buf);
}

// `, "start": N, "end": M}`: the span that closes every object.
void AppendSpanAndClose(const Span& span, std::string* out) {
  out->append(", \"start\": " + std::to_string(span.start));
  out->append(", \"end\": " + std::to_string(span.end) + "}");
}

// `, "verb": {"text": ..., "start": N, "end": M}`.
void AppendVerb(const Event& e, std::string* out) {
  out->append(", \"verb\": {\"text\": ");
  AppendString(e.verb_text, out);
  AppendSpanAndClose(e.verb, out);
}

// `, "date_source": {...}, "article_date": ...`: how the event's date was
// found, and the article's date.
void AppendDateSource(const Event& e, std::string* out) {
  const DateSource& d = e.date_source;
  out->append(", \"date_source\": {\"rule\": ");
  AppendString(d.rule, out);
  out->append(", \"precision\": ");
  AppendString(d.precision, out);
  out->append(", \"text\": ");
  AppendString(d.text, out);
  AppendSpanAndClose(d.span, out);
  out->append(", \"article_date\": ");
  AppendString(e.article_date, out);
}

void AppendActor(const EventActor& a, std::string* out) {
  out->append("{\"code\": ");
  AppendString(a.code, out);
  out->append(", \"country\": ");
  AppendString(a.country, out);
  out->append(", \"text\": ");
  AppendString(a.text, out);
  AppendSpanAndClose(a.span, out);
}

void AppendCoordinate(bool has, double v, std::string* out) {
  if (!has) {
    out->append("null");
    return;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.5f", v);
  out->append(buf);
}

// `, "place": {...}` or `, "place": null`.
void AppendPlace(const Event& e, std::string* out) {
  out->append(", \"place\": ");
  if (!e.place) {
    out->append("null");
    return;
  }
  const EventPlace& p = *e.place;
  out->append("{\"name\": ");
  AppendString(p.name, out);
  out->append(", \"type\": " + std::to_string(p.type));
  out->append(", \"country\": ");
  AppendString(p.country, out);
  out->append(", \"fips\": ");
  AppendString(p.fips, out);
  out->append(", \"adm1\": ");
  AppendString(p.adm1, out);
  out->append(", \"feature_id\": ");
  AppendString(p.feature_id, out);
  out->append(", \"lat\": ");
  AppendCoordinate(p.has_coords, p.lat, out);
  out->append(", \"lon\": ");
  AppendCoordinate(p.has_coords, p.lon, out);
  out->append(", \"rule\": ");
  AppendString(p.rule, out);
  out->append(", \"text\": ");
  AppendString(p.text, out);
  AppendSpanAndClose(p.span, out);
}

class JsonlWriter : public EventWriter {
 public:
  JsonlWriter(std::ostream* out, bool explain) : out_(out), explain_(explain) {}

  void Write(const Event& e) override {
    buf_.clear();
    buf_.append("{\"doc_id\": ");
    AppendString(e.doc_id, &buf_);
    buf_.append(", \"sentence\": " + std::to_string(e.sentence));
    buf_.append(", \"date\": ");
    AppendString(e.date, &buf_);
    buf_.append(", \"source\": ");
    AppendActor(e.source, &buf_);
    buf_.append(", \"target\": ");
    if (e.target)
      AppendActor(*e.target, &buf_);
    else
      buf_.append("null");
    buf_.append(", \"code\": ");
    AppendString(e.code, &buf_);
    buf_.append(", \"root\": ");
    AppendString(e.root, &buf_);
    buf_.append(", \"quad_class\": " + std::to_string(e.quad_class));
    buf_.append(", \"goldstein\": ");
    AppendNumber(e.goldstein, &buf_);
    buf_.append(", \"plover\": ");
    AppendString(e.plover, &buf_);
    buf_.append(", \"plover_mode\": ");
    AppendString(e.plover_mode, &buf_);
    buf_.append(", \"plover_context\": ");
    AppendString(e.plover_context, &buf_);
    AppendVerb(e, &buf_);
    AppendDateSource(e, &buf_);
    AppendPlace(e, &buf_);
    if (explain_) {
      buf_.append(", \"explain\": {\"rule\": ");
      AppendString(e.rule, &buf_);
      buf_.append(", \"evidence\": [");
      for (size_t i = 0; i < e.evidence.size(); ++i) {
        const Evidence& v = e.evidence[i];
        if (i) buf_.append(", ");
        buf_.append("{\"role\": ");
        AppendString(v.role, &buf_);
        buf_.append(", \"entry\": ");
        AppendString(v.entry, &buf_);
        buf_.append(", \"pattern\": ");
        AppendString(v.pattern, &buf_);
        buf_.append(", \"code\": ");
        AppendString(v.code, &buf_);
        AppendSpanAndClose(v.span, &buf_);
      }
      buf_.append("]}");
    }
    buf_.append("}\n");
    out_->write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  }

 private:
  std::ostream* out_;
  bool explain_;
  std::string buf_;
};

class TsvWriter : public EventWriter {
 public:
  TsvWriter(std::ostream* out, bool header) : out_(out) {
    if (header)
      *out_ << "doc_id\tsentence\tdate\tsource_code\tsource_country\tsource_"
               "text\t"
               "source_start\tsource_end\ttarget_code\ttarget_country\t"
               "target_text\ttarget_start\ttarget_end\tcode\troot\tquad_class\t"
               "goldstein\tplover\tverb_text\tverb_start\tverb_end\t"
               "article_date\tdate_rule\tdate_precision\tdate_text\t"
               "date_start\tdate_end\tplace_type\tplace_name\tplace_country\t"
               "place_fips\tplace_adm1\tplace_feature_id\tplace_lat\t"
               "place_lon\tplace_rule\tplace_text\tplace_start\tplace_end\n";
  }

  void Write(const Event& e) override {
    buf_.clear();
    Field(e.doc_id);
    Field(std::to_string(e.sentence));
    Field(e.date);
    Actor(&e.source);
    Actor(e.target ? &*e.target : nullptr);
    Field(e.code);
    Field(e.root);
    Field(std::to_string(e.quad_class));
    std::string g;
    AppendNumber(e.goldstein, &g);
    Field(g);
    Field(e.plover);
    Field(e.verb_text);
    Field(std::to_string(e.verb.start));
    Field(std::to_string(e.verb.end));
    const DateSource& d = e.date_source;
    Field(e.article_date);
    Field(d.rule);
    Field(d.precision);
    Field(d.text);
    Field(std::to_string(d.span.start));
    Field(std::to_string(d.span.end));
    Place(e.place ? &*e.place : nullptr);
    buf_.back() = '\n';
    out_->write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  }

 private:
  void Field(std::string_view s) {
    std::string clean;
    for (size_t i = 0; i < s.size();) {
      size_t n = ValidUtf8Length(s, i);
      if (n == 0) {
        clean.append("\xEF\xBF\xBD");
        ++i;
        continue;
      }
      char c = s[i];
      clean.push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
      if (n > 1) clean.append(s.substr(i + 1, n - 1));
      i += n;
    }
    buf_.append(clean);
    buf_.push_back('\t');
  }
  // Twelve fields, all empty when there is no place.
  void Place(const EventPlace* p) {
    if (!p) {
      for (int i = 0; i < 12; ++i) Field("");
      return;
    }
    Field(std::to_string(p->type));
    Field(p->name);
    Field(p->country);
    Field(p->fips);
    Field(p->adm1);
    Field(p->feature_id);
    std::string c;
    AppendCoordinate(p->has_coords, p->lat, &c);
    Field(p->has_coords ? c : "");
    c.clear();
    AppendCoordinate(p->has_coords, p->lon, &c);
    Field(p->has_coords ? c : "");
    Field(p->rule);
    Field(p->text);
    Field(std::to_string(p->span.start));
    Field(std::to_string(p->span.end));
  }
  void Actor(const EventActor* a) {
    if (!a) {
      for (int i = 0; i < 5; ++i) Field("");
      return;
    }
    Field(a->code);
    Field(a->country);
    Field(a->text);
    Field(std::to_string(a->span.start));
    Field(std::to_string(a->span.end));
  }

  std::ostream* out_;
  std::string buf_;
};

// PLOVER-style records: one record per act, compound actors as lists,
// statements (no PLOVER category) left out.
class PloverWriter : public EventWriter {
 public:
  explicit PloverWriter(std::ostream* out) : out_(out) {}
  ~PloverWriter() override { Flush(); }

  void Write(const Event& e) override {
    if (e.plover.empty()) return;
    if (!pending_.empty()) {
      const Event& p = pending_.front();
      if (p.doc_id != e.doc_id || p.sentence != e.sentence || p.act != e.act)
        Flush();
    }
    pending_.push_back(e);
  }

  void Flush() override {
    if (pending_.empty()) return;
    const Event& e = pending_.front();
    std::string b;
    b.append("{\"id\": ");
    AppendString(e.doc_id + ":" + std::to_string(e.sentence) + ":" +
                     std::to_string(e.act),
                 &b);
    b.append(", \"doc_id\": ");
    AppendString(e.doc_id, &b);
    b.append(", \"sentence\": " + std::to_string(e.sentence));
    b.append(", \"date\": ");
    AppendString(e.date, &b);
    b.append(", \"event_type\": ");
    AppendString(e.plover, &b);
    b.append(", \"mode\": ");
    AppendString(e.plover_mode, &b);
    b.append(", \"context\": ");
    AppendString(e.plover_context, &b);
    // Distinct actors and recipients, in order.
    std::vector<const EventActor*> actors, recipients;
    auto add = [](std::vector<const EventActor*>* list, const EventActor* a) {
      for (const EventActor* x : *list)
        if (x->span.start == a->span.start && x->span.end == a->span.end &&
            x->code == a->code)
          return;
      list->push_back(a);
    };
    for (const Event& p : pending_) {
      add(&actors, &p.source);
      if (p.target) add(&recipients, &*p.target);
    }
    for (auto [name, list] :
         {std::pair{"actor", &actors}, std::pair{"recipient", &recipients}}) {
      b.append(", \"");
      b.append(name);
      b.append("\": [");
      for (size_t i = 0; i < list->size(); ++i) {
        if (i) b.append(", ");
        AppendActor(*(*list)[i], &b);
      }
      b.append("]");
    }
    b.append(", \"cameo\": ");
    AppendString(e.code, &b);
    b.append(", \"quad_class\": " + std::to_string(e.quad_class));
    b.append(", \"goldstein\": ");
    AppendNumber(e.goldstein, &b);
    AppendVerb(e, &b);
    AppendDateSource(e, &b);
    b.append("}\n");
    out_->write(b.data(), static_cast<std::streamsize>(b.size()));
    pending_.clear();
  }

 private:
  std::ostream* out_;
  std::vector<Event> pending_;
};

}  // namespace

void AppendJsonEscaped(std::string_view s, std::string* out) {
  for (size_t i = 0; i < s.size();) {
    size_t n = ValidUtf8Length(s, i);
    if (n == 0) {
      out->append("\\ufffd");
      ++i;
      continue;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (n == 1) {
      switch (c) {
        case '"':
          out->append("\\\"");
          break;
        case '\\':
          out->append("\\\\");
          break;
        case '\n':
          out->append("\\n");
          break;
        case '\r':
          out->append("\\r");
          break;
        case '\t':
          out->append("\\t");
          break;
        default:
          if (c < 0x20 || c == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out->append(buf);
          } else {
            out->push_back(static_cast<char>(c));
          }
      }
    } else {
      out->append(s.substr(i, n));
    }
    i += n;
  }
}

std::unique_ptr<EventWriter> EventWriter::Create(OutputFormat format,
                                                 std::ostream* out,
                                                 bool explain, bool header) {
  if (format == OutputFormat::kTsv)
    return std::make_unique<TsvWriter>(out, header);
  if (format == OutputFormat::kPloverJsonl)
    return std::make_unique<PloverWriter>(out);
  return std::make_unique<JsonlWriter>(out, explain);
}

}  // namespace dyad
