// Coder: turns articles into CAMEO events. The main entry point of the
// library:
//
//   auto coder = dyad::Coder::Create(dyad::CoderOptions{});
//   if (!coder.ok()) { ... coder.status().message() ... }
//   dyad::CodedArticle out = (*coder)->Code(article);
//
// A Coder is immutable once created and Code() is const and thread-safe:
// share one Coder between threads. Problems with one article (invalid
// UTF-8, an over-long sentence) never fail the call: they come back as
// diagnostics beside the events.
#ifndef DYAD_CODER_H_
#define DYAD_CODER_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "dyad/article.h"
#include "dyad/event.h"
#include "dyad/status.h"

namespace dyad {

class ArticleContext;
class DictionarySet;
class Gazetteer;

struct CoderOptions {
  // Dictionary folders; empty means the defaults (the repository's data/
  // and the build's generated data, or $DYAD_DATA).
  std::vector<std::string> dictionary_dirs;
  // Fill Event::rule and Event::evidence with the entries and pattern used.
  bool explain = false;
  // Drop events whose source has no dictionary actor (code "---").
  bool require_source_actor = false;
  // Blank the page furniture pasted along with the article (share buttons,
  // bylines, cookie notices, "Related" lists) before coding, reporting each
  // piece dropped as a diagnostic.
  bool drop_furniture = true;
  // Sentences longer than this are cut into pieces (with a diagnostic).
  size_t max_sentence_bytes = 2000;
  // The gazetteer of places (docs/formats/gazetteer.md): "" for the
  // installed one (Gazetteer::DefaultPlacesPath()), "none" for no places.
  std::string gazetteer;
};

struct CodedArticle {
  std::vector<Event> events;            // in document order
  std::vector<Diagnostic> diagnostics;  // non-fatal problems
  int sentences = 0;
};

class Coder {
 public:
  // Loads the dictionaries named in `options` and builds a coder. Fails with
  // every dictionary fault listed as file:line.
  static Result<std::unique_ptr<Coder>> Create(const CoderOptions& options);
  // Builds a coder over already loaded dictionaries.
  static std::unique_ptr<Coder> Create(
      std::shared_ptr<const DictionarySet> dictionaries,
      const CoderOptions& options);

  ~Coder();
  Coder(const Coder&) = delete;
  Coder& operator=(const Coder&) = delete;

  CodedArticle Code(const Article& article) const;

  // The same, but each event goes to `sink` (in order) instead of into the
  // result, as soon as it is coded: a huge article, coded in pieces, is
  // never held whole as events. The result holds diagnostics and the
  // sentence count only.
  using EventSink = std::function<void(const Event&)>;
  CodedArticle Code(const Article& article, const EventSink& sink) const;

  const DictionarySet& dictionaries() const { return *dicts_; }
  // Why events get no place: OK when the gazetteer is loaded, else what was
  // missing (say it once to the user). Never fails coding.
  const Status& gazetteer_status() const { return gazetteer_status_; }

 private:
  Coder(std::shared_ptr<const DictionarySet> dicts,
        const CoderOptions& options);
  // Codes `article` (a whole article or a piece of a huge one starting at
  // byte `base` of it), numbering sentences from `first_sentence`; offsets
  // in the result are relative to the piece.
  void CodePiece(const Article& article, size_t base, int first_sentence,
                 ArticleContext* context, CodedArticle* out) const;

  std::shared_ptr<const DictionarySet> dicts_;
  CoderOptions options_;
  std::shared_ptr<const Gazetteer> gazetteer_;  // null: no places
  Status gazetteer_status_;
};

}  // namespace dyad

#endif  // DYAD_CODER_H_
