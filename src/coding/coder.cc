#include "dyad/coder.h"

#include <algorithm>

#include "coding/sentence_coder.h"
#include "dict/dictionary_set.h"
#include "text/furniture.h"
#include "text/normalizer.h"
#include "text/sentence_splitter.h"

namespace dyad {

Coder::Coder(std::shared_ptr<const DictionarySet> dicts,
             const CoderOptions& options)
    : dicts_(std::move(dicts)), options_(options) {}

Coder::~Coder() = default;

Result<std::unique_ptr<Coder>> Coder::Create(const CoderOptions& options) {
  std::vector<std::string> dirs = options.dictionary_dirs;
  if (dirs.empty()) dirs = DictionarySet::DefaultDirs();
  auto dicts = DictionarySet::Load(dirs);
  if (!dicts.ok()) return dicts.status();
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
      if (!e.date_source.text.empty()) Shift(&e.date_source.span, begin);
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
    coder.Code(norm, article, index, s.begin, s.end, context, &out.events);
    ++index;
  }
  out.sentences = index - first_sentence;
}

}  // namespace dyad
