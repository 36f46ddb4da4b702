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

CodedArticle Coder::Code(const Article& article) const {
  CodedArticle out;
  if (article.text.size() >= (size_t{1} << 32) - 1) {
    out.diagnostics.push_back(
        Diagnostic{article.id, "article larger than 4 GiB: not coded", 0});
    return out;
  }
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
  ArticleContext context;
  context.set_dateline_country(coder.PlaceCountry(
      norm, split.dateline_place_begin, split.dateline_place_end));
  int index = 0;
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
    coder.Code(norm, article, index, s.begin, s.end, &context, &out.events);
    ++index;
  }
  out.sentences = index;
  if (index == 0 && !article.text.empty())
    out.diagnostics.push_back(Diagnostic{article.id, "no sentences found", 0});
  return out;
}

}  // namespace dyad
