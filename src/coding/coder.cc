#include "dyad/coder.h"

#include <algorithm>
#include <future>
#include <mutex>
#include <unordered_map>

#include "coding/place_finder.h"
#include "coding/sentence_coder.h"
#include "dict/dictionary_set.h"
#include "geo/gazetteer.h"
#include "text/furniture.h"
#include "text/normalizer.h"
#include "text/sentence_splitter.h"

namespace dyad {

namespace {

// Gazetteers by path, loaded once per process (tests and the Python
// binding create many coders).
Result<std::shared_ptr<const Gazetteer>> LoadGazetteer(
    const CoderOptions& options) {
  if (options.gazetteer == "none")
    return Status::NotFound("places turned off (--gazetteer none)");
  const std::string path = options.gazetteer.empty()
                               ? Gazetteer::DefaultPlacesPath()
                               : options.gazetteer;
  std::vector<std::string> dirs = options.dictionary_dirs;
  for (const std::string& d : DictionarySet::DefaultDirs()) dirs.push_back(d);
  static std::mutex mu;
  static std::unordered_map<std::string,
                            Result<std::shared_ptr<const Gazetteer>>>
      cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(path);
  if (it == cache.end())
    it = cache.emplace(path, Gazetteer::Load(path, dirs)).first;
  return it->second;
}

}  // namespace

Coder::Coder(std::shared_ptr<const DictionarySet> dicts,
             const CoderOptions& options)
    : dicts_(std::move(dicts)), options_(options) {
  auto gazetteer = LoadGazetteer(options_);
  if (gazetteer.ok()) {
    gazetteer_ = gazetteer.value();
  } else {
    gazetteer_status_ = gazetteer.status();
  }
}

Coder::~Coder() = default;

Result<std::unique_ptr<Coder>> Coder::Create(const CoderOptions& options) {
  std::vector<std::string> dirs = options.dictionary_dirs;
  if (dirs.empty()) dirs = DictionarySet::DefaultDirs();
  // The gazetteer loads on another thread while the dictionaries do.
  auto gazetteer_loading = std::async(
      std::launch::async, [&options] { return LoadGazetteer(options); });
  auto dicts = DictionarySet::Load(dirs);
  auto gazetteer = gazetteer_loading.get();
  if (!dicts.ok()) return dicts.status();
  // A gazetteer that is there but broken is an error; one that is missing
  // only means no places (gazetteer_status() says so).
  if (!gazetteer.ok() && gazetteer.status().code() != Status::Code::kNotFound)
    return gazetteer.status();
  return Create(std::move(dicts).value(), options);
}

std::unique_ptr<Coder> Coder::Create(
    std::shared_ptr<const DictionarySet> dictionaries,
    const CoderOptions& options) {
  return std::unique_ptr<Coder>(new Coder(std::move(dictionaries), options));
}

namespace {

// Articles larger than this are coded in pieces of about kPieceBytes, cut
// at line ends (else sentence ends, else spaces), so that the normalized
// copy, its offset map and the sentence list of a huge record stay small.
constexpr size_t kPieceThreshold = size_t{4} << 20;
constexpr size_t kPieceBytes = size_t{1} << 20;

// Where to end the piece that starts at `begin`: a cut in the last 64 KiB
// before begin + kPieceBytes.
size_t PieceEnd(const std::string& text, size_t begin) {
  size_t limit = begin + kPieceBytes;
  if (limit >= text.size()) return text.size();
  size_t floor = limit - (size_t{64} << 10);
  for (const char* cut : {"\n", ". ", " "}) {
    size_t at = text.rfind(cut, limit - 1);
    if (at != std::string::npos && at >= floor) return at + 1;
  }
  // No space at all: any byte that starts a UTF-8 character.
  size_t at = limit;
  while (at > begin + 1 &&
         (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80)
    --at;
  return at;
}

// A sentence named a story discard (code STORYDISCARD): no event of the
// article is output.
void DropStoryDiscarded(const Article& article, const ArticleContext& context,
                        CodedArticle* out) {
  if (!context.story_discarded() || out->events.empty()) return;
  out->diagnostics.push_back(
      Diagnostic{article.id,
                 "story discard named: " + std::to_string(out->events.size()) +
                     " events not output",
                 0});
  out->events.clear();
}

void Shift(Span* s, size_t by) {
  s->start += by;
  s->end += by;
}

void FillPlace(const Gazetteer& gaz, const GeoPlace& p, EventPlace* out) {
  const GeoCountry& c = gaz.country_of(p);
  out->type = gaz.GdeltType(p);
  out->name = gaz.FullName(p);
  out->country = c.iso3;
  out->fips = c.fips;
  out->adm1 = gaz.Adm1Code(p);
  out->feature_id = gaz.FeatureId(p);
  out->lat = p.lat;
  out->lon = p.lon;
  out->has_coords = p.has_coords;
}

void SetOriginalSpan(const NormalizedText& norm, const Article& article,
                     size_t begin, size_t end, EventPlace* place) {
  norm.OriginalRange(begin, end, &place->span.start, &place->span.end);
  place->text = article.text.substr(place->span.start,
                                    place->span.end - place->span.start);
}

bool Overlaps(const Span& a, const Span& b) {
  return a.start < b.end && b.start < a.end;
}

// Gives each event of one sentence its place: a place named after a
// locative preposition, nearest the verb (after it first); else a city or
// region the sentence names outside the event's actor phrases. Else (and
// for statements, CAMEO 01) the dateline's place.
void AssignPlaces(const Gazetteer& gaz, const NormalizedText& norm,
                  const Article& article, const PlaceFinder& finder,
                  const std::vector<TaggedToken>& tagged,
                  ArticleContext* context, Event* first, Event* last) {
  for (Event* e = first; e != last; ++e)
    for (const std::string* code :
         {&e->source.country, e->target ? &e->target->country : nullptr})
      if (code && !code->empty())
        if (const GeoCountry* c = gaz.CountryByIso3(*code))
          context->NoteCountry(gaz.place(c->place).country);
  std::vector<PlaceMention> mentions =
      finder.Find(norm, tagged, context->place_countries(), context);
  std::vector<EventPlace> found(mentions.size());
  for (size_t m = 0; m < mentions.size(); ++m)
    SetOriginalSpan(norm, article, mentions[m].begin, mentions[m].end,
                    &found[m]);
  // "in the town": the city a sentence just before named after a
  // preposition (rule "context").
  EventPlace anaphor;
  size_t a_begin = 0, a_end = 0;
  if (const EventPlace* last = context->last_place(first->sentence);
      last && (last->type == 3 || last->type == 4) &&
      finder.PlaceAnaphor(tagged, &a_begin, &a_end)) {
    anaphor = *last;
    SetOriginalSpan(norm, article, a_begin, a_end, &anaphor);
    anaphor.rule = "context";
  }
  for (Event* e = first; e != last; ++e) {
    int best = -1;
    long best_score = 0;
    // A statement (CAMEO 01: "said", "told", "reported") was not made where
    // the places it talks of are ("growing in Mexico City, he told ..."):
    // only the dateline places it.
    const size_t candidates = e->root == "01" ? 0 : mentions.size();
    for (size_t m = 0; m < candidates; ++m) {
      const GeoPlace& p = gaz.place(mentions[m].place);
      // A name the event's actors are made of ("Baghdad said") is not its
      // place; "rebels in Jamundi" (a target phrase) still places it.
      if (!mentions[m].locative &&
          (Overlaps(found[m].span, e->source.span) ||
           (e->target && Overlaps(found[m].span, e->target->span))))
        continue;
      // A country named without a preposition is an actor, not a place.
      if (!mentions[m].locative && p.kind == GeoKind::kCountry) continue;
      const long after = static_cast<long>(found[m].span.start) -
                         static_cast<long>(e->verb.end);
      const long before = static_cast<long>(e->verb.start) -
                          static_cast<long>(found[m].span.end);
      long score = after >= 0 ? after : 2 * std::max(before, 0L);
      // "in the Colombian department of Antioquia": the most specific.
      if (p.kind == GeoKind::kCountry) score += 60;
      if (p.kind == GeoKind::kRegion) score += 20;
      if (!mentions[m].locative) score += 1L << 30;
      if (best < 0 || score < best_score) {
        best = static_cast<int>(m);
        best_score = score;
      }
    }
    if (best >= 0) {
      EventPlace place = found[best];
      FillPlace(gaz, gaz.place(mentions[best].place), &place);
      place.rule = mentions[best].locative ? "locative" : "mention";
      context->NoteCountry(gaz.place(mentions[best].place).country);
      e->place = std::move(place);
    } else if (e->root != "01" && anaphor.rule == "context") {
      e->place = anaphor;
    } else if (context->dateline_place()) {
      e->place = context->dateline_place();
    }
  }
  // The sentence's last locative place stands for "in the town" in the
  // next two.
  for (size_t m = mentions.size(); m-- > 0;)
    if (mentions[m].locative) {
      EventPlace place = found[m];
      FillPlace(gaz, gaz.place(mentions[m].place), &place);
      place.rule = "locative";
      context->set_last_place(std::move(place), first->sentence);
      break;
    }
}

}  // namespace

CodedArticle Coder::Code(const Article& article) const {
  return Code(article, nullptr);
}

CodedArticle Coder::Code(const Article& article, const EventSink& sink) const {
  if (article.text.size() <= kPieceThreshold) {
    CodedArticle out;
    ArticleContext context;
    CodePiece(article, 0, 0, &context, &out);
    DropStoryDiscarded(article, context, &out);
    if (out.sentences == 0 && !article.text.empty())
      out.diagnostics.push_back(
          Diagnostic{article.id, "no sentences found", 0});
    if (sink) {
      for (const Event& e : out.events) sink(e);
      out.events.clear();
    }
    return out;
  }
  CodedArticle out;
  if (article.text.size() >= (size_t{1} << 32) - 1) {
    out.diagnostics.push_back(
        Diagnostic{article.id, "article larger than 4 GiB: not coded", 0});
    return out;
  }
  out.diagnostics.push_back(
      Diagnostic{article.id,
                 "article of " + std::to_string(article.text.size() >> 20) +
                     " MiB coded in pieces of about 1 MiB cut at line ends",
                 0});
  ArticleContext context;  // names and titles carry over from piece to piece
  Article piece;
  piece.id = article.id;
  piece.date = article.date;
  piece.title = article.title;
  piece.url = article.url;
  piece.source = article.source;
  for (size_t begin = 0; begin < article.text.size();) {
    size_t end = PieceEnd(article.text, begin);
    piece.text.assign(article.text, begin, end - begin);
    CodedArticle part;
    CodePiece(piece, begin, out.sentences, &context, &part);
    // The events of earlier pieces are out already: a story discard drops
    // those of its piece and of the pieces after it.
    DropStoryDiscarded(article, context, &part);
    for (Event& e : part.events) {
      Shift(&e.source.span, begin);
      if (e.target) Shift(&e.target->span, begin);
      Shift(&e.verb, begin);
      Shift(&e.sentence_span, begin);
      if (!e.date_source.text.empty()) Shift(&e.date_source.span, begin);
      // A dateline place points into the first piece already.
      if (e.place && e.place->rule != "dateline") Shift(&e.place->span, begin);
      for (Evidence& ev : e.evidence) Shift(&ev.span, begin);
      if (sink) {
        sink(e);
      } else {
        out.events.push_back(std::move(e));
      }
    }
    for (Diagnostic& d : part.diagnostics) {
      d.offset += begin;
      out.diagnostics.push_back(std::move(d));
    }
    out.sentences += part.sentences;
    begin = end;
  }
  if (out.sentences == 0)
    out.diagnostics.push_back(Diagnostic{article.id, "no sentences found", 0});
  return out;
}

void Coder::CodePiece(const Article& article, size_t base, int first_sentence,
                      ArticleContext* context, CodedArticle* result) const {
  CodedArticle& out = *result;
  NormalizedText norm = Normalize(article.text);
  for (const TextDiagnostic& d : norm.diagnostics)
    out.diagnostics.push_back(Diagnostic{article.id, d.message, d.offset});
  if (options_.drop_furniture) {
    // Page furniture (share buttons, bylines, cookie notices) is blanked,
    // keeping every offset, and reported.
    for (const FurnitureSpan& f : FindFurniture(norm.text)) {
      std::string shown =
          norm.text.substr(f.begin, std::min<size_t>(f.end - f.begin, 60));
      for (char& c : shown)
        if (c == '\n' || c == '\t') c = ' ';
      out.diagnostics.push_back(
          Diagnostic{article.id,
                     "dropped page furniture (" + f.kind + "): \"" + shown +
                         (f.end - f.begin > 60 ? "...\"" : "\""),
                     norm.OriginalOffset(f.begin)});
      for (size_t i = f.begin; i < f.end; ++i) {
        if (norm.text[i] == '\n') continue;
        norm.text[i] = ' ';
        norm.lower[i] = ' ';
      }
    }
  }
  SplitOptions split_options;
  split_options.max_sentence_bytes = options_.max_sentence_bytes;
  SplitResult split = SplitSentences(norm.text, split_options);
  SentenceCoder coder(dicts_.get(), &options_);
  // Only an article's opening holds its dateline.
  if (base == 0)
    context->set_dateline_country(coder.PlaceCountry(
        norm, split.dateline_place_begin, split.dateline_place_end));
  std::optional<PlaceFinder> finder;
  if (gazetteer_) {
    finder.emplace(dicts_.get(), gazetteer_.get());
    if (base == 0) {
      if (const GeoCountry* c =
              gazetteer_->CountryByIso3(context->dateline_country()))
        context->NoteCountry(gazetteer_->place(c->place).country);
      uint32_t place = finder->Dateline(norm, split.dateline_place_begin,
                                        split.dateline_place_end,
                                        context->place_countries());
      if (place != UINT32_MAX) {
        EventPlace dateline;
        FillPlace(*gazetteer_, gazetteer_->place(place), &dateline);
        SetOriginalSpan(norm, article, split.dateline_place_begin,
                        split.dateline_place_end, &dateline);
        dateline.rule = "dateline";
        context->set_dateline_place(std::move(dateline));
        context->NoteCountry(gazetteer_->place(place).country);
      }
    }
  }
  std::vector<TaggedToken> tagged;  // of the sentence, for places
  int index = first_sentence;
  bool reported_cut = false;
  for (const SentenceSpan& s : split.sentences) {
    if (s.cut && !reported_cut) {
      out.diagnostics.push_back(
          Diagnostic{article.id,
                     "sentence longer than " +
                         std::to_string(options_.max_sentence_bytes) +
                         " bytes cut into pieces",
                     norm.OriginalOffset(s.begin)});
      reported_cut = true;
    }
    const size_t first_event = out.events.size();
    coder.Code(norm, article, index, s.begin, s.end, context, &out.events,
               finder ? &tagged : nullptr);
    if (out.events.size() > first_event) {
      Span sentence;
      norm.OriginalRange(s.begin, s.end, &sentence.start, &sentence.end);
      for (size_t k = first_event; k < out.events.size(); ++k)
        out.events[k].sentence_span = sentence;
    }
    if (finder && out.events.size() > first_event)
      AssignPlaces(*gazetteer_, norm, article, *finder, tagged, context,
                   out.events.data() + first_event,
                   out.events.data() + out.events.size());
    ++index;
  }
  out.sentences = index - first_sentence;
}

}  // namespace dyad
