// Benchmarks of each pipeline stage on real news text (Google Benchmark).
//
//   build/bench/dyad_stages_bench [--benchmark_filter=Tag]
//
// The corpus is ../shared/data/bench/insightcrime.jsonl beside the
// repository (read from there, never copied), or $DYAD_BENCH_CORPUS. Each
// benchmark reports bytes/s and items/s (sentences, tokens, matches or
// articles) and checks its own output: what one timed pass produces must
// equal what the untimed reference pass produced, and pass the stage's own
// sanity checks; otherwise the benchmark reports an error.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "dict/dictionary_set.h"
#include "dyad/coder.h"
#include "io/record_reader.h"
#include "lang/tagger.h"
#include "text/normalizer.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace dyad {
namespace {

struct Corpus {
  std::vector<Article> articles;
  size_t bytes = 0;
  // Derived once, for the stages downstream of each benchmark.
  std::vector<NormalizedText> normalized;
  struct Sentence {
    size_t article;
    std::vector<Token> tokens;
    std::vector<TaggedToken> tagged;
  };
  std::vector<Sentence> sentences;
  size_t sentence_bytes = 0;
  size_t tokens = 0;
  std::shared_ptr<const DictionarySet> dicts;
  std::string error;
};

std::string CorpusPath() {
  if (const char* env = std::getenv("DYAD_BENCH_CORPUS"); env && *env)
    return env;
  return std::string(DYAD_SOURCE_DIR) +
         "/../shared/data/bench/insightcrime.jsonl";
}

const Corpus& GetCorpus() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    auto reader = RecordReader::Open(CorpusPath(), ReaderOptions{});
    if (!reader.ok()) {
      c->error = reader.status().message();
      return c;
    }
    InputRecord record;
    std::string error;
    for (;;) {
      auto outcome = (*reader)->Next(&record, &error);
      if (outcome == RecordReader::Outcome::kEnd) break;
      if (outcome == RecordReader::Outcome::kError) continue;
      c->bytes += record.article.text.size();
      c->articles.push_back(std::move(record.article));
    }
    if (c->articles.empty()) {
      c->error = CorpusPath() + ": no articles";
      return c;
    }
    auto dicts = DictionarySet::Load(DictionarySet::DefaultDirs());
    if (!dicts.ok()) {
      c->error = dicts.status().message();
      return c;
    }
    c->dicts = std::move(dicts).value();
    Tagger tagger(&c->dicts->lexicon());
    for (size_t a = 0; a < c->articles.size(); ++a) {
      c->normalized.push_back(Normalize(c->articles[a].text));
      const NormalizedText& n = c->normalized.back();
      for (const SentenceSpan& s : SplitSentences(n.text, {}).sentences) {
        Corpus::Sentence sent{a, Tokenize(n.text, s.begin, s.end), {}};
        sent.tagged = tagger.Tag(n.text, n.lower, sent.tokens);
        c->tokens += sent.tokens.size();
        c->sentence_bytes += s.end - s.begin;
        c->sentences.push_back(std::move(sent));
      }
    }
    return c;
  }();
  return *corpus;
}

// Returns false (and reports) when the corpus could not be read.
bool Ready(benchmark::State& state, const Corpus& c) {
  if (!c.error.empty()) {
    state.SkipWithError(c.error.c_str());
    return false;
  }
  return true;
}

void Report(benchmark::State& state, size_t bytes, size_t items) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * items));
}

void BM_Utf8Validate(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (!Ready(state, c)) return;
  size_t invalid = 0;
  for (auto _ : state) {
    invalid = 0;
    for (const Article& a : c.articles) {
      for (size_t i = 0; i < a.text.size();) {
        size_t n = text_internal::ValidUtf8Length(a.text, i);
        if (n == 0) {
          ++invalid;
          n = 1;
        }
        i += n;
      }
    }
    benchmark::DoNotOptimize(invalid);
  }
  // The corpus is valid UTF-8 (simdjson would not have parsed it otherwise
  // without a warning).
  if (invalid != 0) state.SkipWithError("invalid UTF-8 found in the corpus");
  Report(state, c.bytes, c.articles.size());
}
BENCHMARK(BM_Utf8Validate)->Unit(benchmark::kMillisecond);

void BM_Normalize(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (!Ready(state, c)) return;
  for (auto _ : state) {
    for (size_t a = 0; a < c.articles.size(); ++a) {
      NormalizedText n = Normalize(c.articles[a].text);
      if (n.text != c.normalized[a].text ||
          n.to_original.size() != n.text.size() + 1 ||
          n.to_original.back() != c.articles[a].text.size()) {
        state.SkipWithError("normalization differs from the reference pass");
        return;
      }
      benchmark::DoNotOptimize(n);
    }
  }
  Report(state, c.bytes, c.articles.size());
}
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);

void BM_SplitSentences(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (!Ready(state, c)) return;
  size_t count = 0;
  for (auto _ : state) {
    count = 0;
    for (const NormalizedText& n : c.normalized) {
      SplitResult r = SplitSentences(n.text, {});
      size_t last = 0;
      for (const SentenceSpan& s : r.sentences) {
        if (s.begin < last || s.end <= s.begin || s.end > n.text.size()) {
          state.SkipWithError("sentences out of order or out of the text");
          return;
        }
        last = s.end;
      }
      count += r.sentences.size();
    }
  }
  if (count != c.sentences.size())
    state.SkipWithError("sentence count differs from the reference pass");
  Report(state, c.bytes, count);
}
BENCHMARK(BM_SplitSentences)->Unit(benchmark::kMillisecond);

void BM_Tokenize(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (!Ready(state, c)) return;
  size_t count = 0;
  for (auto _ : state) {
    count = 0;
    for (const NormalizedText& n : c.normalized) {
      std::vector<Token> t = Tokenize(n.text);
      for (size_t i = 1; i < t.size(); ++i) {
        if (t[i].begin < t[i - 1].end) {
          state.SkipWithError("tokens overlap");
          return;
        }
      }
      count += t.size();
    }
    benchmark::DoNotOptimize(count);
  }
  if (count < c.tokens) state.SkipWithError("fewer tokens than in sentences");
  Report(state, c.bytes, count);
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

void BM_Tag(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (!Ready(state, c)) return;
  Tagger tagger(&c.dicts->lexicon());
  for (auto _ : state) {
    for (const Corpus::Sentence& s : c.sentences) {
      const NormalizedText& n = c.normalized[s.article];
      std::vector<TaggedToken> t = tagger.Tag(n.text, n.lower, s.tokens);
      for (size_t i = 0; i < t.size(); ++i) {
        if (t[i].pos != s.tagged[i].pos || t[i].lemma != s.tagged[i].lemma) {
          state.SkipWithError("tags differ from the reference pass");
          return;
        }
      }
    }
  }
  Report(state, c.sentence_bytes, c.tokens);
}
BENCHMARK(BM_Tag)->Unit(benchmark::kMillisecond);

void BM_ActorMatch(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (!Ready(state, c)) return;
  const ActorDictionary& actors = c.dicts->actors();
  size_t matches = 0, reference = 0;
  for (auto _ : state) {
    matches = 0;
    for (const Corpus::Sentence& s : c.sentences) {
      const NormalizedText& n = c.normalized[s.article];
      for (size_t i = 0; i < s.tagged.size();) {
        ActorMatch m;
        if (actors.LongestAt(n.text, s.tagged, i, &m)) {
          if (m.begin != i || m.end <= m.begin || m.end > s.tagged.size() ||
              m.phrase->words.size() != m.end - m.begin) {
            state.SkipWithError("a match that does not fit its phrase");
            return;
          }
          ++matches;
          i = m.end;
        } else {
          ++i;
        }
      }
    }
    if (reference == 0) reference = matches;
    if (matches != reference || matches == 0) {
      state.SkipWithError("actor matches differ between passes, or none");
      return;
    }
  }
  state.counters["matches"] = static_cast<double>(matches);
  Report(state, c.sentence_bytes, c.tokens);
}
BENCHMARK(BM_ActorMatch)->Unit(benchmark::kMillisecond);

// Verb patterns: the candidates of each token's lemma, and whether the
// pattern's further words follow in order (a slot may take any words) --
// the lexical part of the coder's verb matching.
void BM_VerbMatch(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (!Ready(state, c)) return;
  const VerbDictionary& verbs = c.dicts->verbs();
  size_t matches = 0, reference = 0;
  for (auto _ : state) {
    matches = 0;
    for (const Corpus::Sentence& s : c.sentences) {
      const std::vector<TaggedToken>& t = s.tagged;
      for (size_t i = 0; i < t.size(); ++i) {
        const std::vector<uint32_t>* list = verbs.ForHead(t[i].lemma);
        if (!list) continue;
        for (uint32_t id : *list) {
          const VerbPattern& p = verbs.pattern(id);
          size_t at = i + 1, limit = std::min(t.size(), i + 12);
          bool ok = true;
          for (size_t e = 1; ok && e < p.elements.size(); ++e) {
            if (p.elements[e].slot) continue;
            while (at < limit && t[at].lemma != p.elements[e].lemma) ++at;
            ok = at < limit;
            ++at;
          }
          if (ok) {
            ++matches;
            break;  // the most specific pattern wins
          }
        }
      }
    }
    if (reference == 0) reference = matches;
    if (matches != reference || matches == 0) {
      state.SkipWithError("verb matches differ between passes, or none");
      return;
    }
  }
  state.counters["matches"] = static_cast<double>(matches);
  Report(state, c.sentence_bytes, c.tokens);
}
BENCHMARK(BM_VerbMatch)->Unit(benchmark::kMillisecond);

void BM_Coder(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (!Ready(state, c)) return;
  CoderOptions options;
  std::unique_ptr<Coder> coder = Coder::Create(c.dicts, options);
  size_t events = 0, sentences = 0, reference = 0;
  for (auto _ : state) {
    events = sentences = 0;
    for (const Article& a : c.articles) {
      CodedArticle out = coder->Code(a);
      for (const Event& e : out.events) {
        if (e.code.empty() || e.verb.end > a.text.size() ||
            e.source.span.end > a.text.size()) {
          state.SkipWithError("an event without a code or out of its text");
          return;
        }
      }
      events += out.events.size();
      sentences += out.sentences;
    }
    if (reference == 0) reference = events;
    if (events != reference || events == 0) {
      state.SkipWithError("event counts differ between passes, or none");
      return;
    }
  }
  state.counters["events"] = static_cast<double>(events);
  state.counters["sentences_per_s"] =
      benchmark::Counter(static_cast<double>(sentences),
                         benchmark::Counter::kIsIterationInvariantRate);
  Report(state, c.bytes, c.articles.size());
}
BENCHMARK(BM_Coder)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace dyad

BENCHMARK_MAIN();
