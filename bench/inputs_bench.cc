// Benchmarks of the HTML and WARC readers (Google Benchmark).
//
//   build/bench/dyad_inputs_bench
//
// The pages are made here from the text of the shared InsightCrime corpus
// (../shared/data/bench/insightcrime.jsonl, or $DYAD_BENCH_CORPUS; read,
// never copied): each article's paragraphs inside a news-page template with
// about 25 KB of furniture (scripts, styles, navigation, share and related
// blocks, a sidebar, a footer), the way saved pages look. Each benchmark
// checks its output: the extracted text must be the article's paragraphs
// exactly, and the WARC.gz reader must return every page.
//
//  - BM_ExtractHtml: ExtractHtml on each page; bytes/s of HTML.
//  - BM_ReadWarcGz: RecordReader over a .warc.gz (one gzip member per
//    record; request, response and metadata records per page, as in
//    CC-NEWS); bytes/s of uncompressed WARC.
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

#include "io/html_extract.h"
#include "io/record_reader.h"
#include "io/warc_test_util.h"

namespace dyad {
namespace {

struct Pages {
  std::vector<std::string> html;
  std::vector<std::string> expected;  // the text each page must give
  size_t html_bytes = 0;
  std::string warc_gz;
  size_t warc_bytes = 0;
  std::string error;
};

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '\'')
      out += "&#39;";
    else
      out += c;
  }
  return out;
}

// Paragraphs of `text` (split at line ends), whitespace collapsed.
std::vector<std::string> Paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  bool space = false;
  for (size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : '\n';
    if (c == '\n') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
      space = false;
    } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
    } else {
      if (space && !cur.empty()) cur += ' ';
      space = false;
      cur += c;
    }
  }
  return out;
}

std::string Furniture() {
  std::string f = "<nav class='main-nav'><ul>";
  for (int i = 0; i < 150; ++i)
    f += "<li><a href='/section/" + std::to_string(i) + "'>Section " +
         std::to_string(i) + "</a></li>";
  f += "</ul></nav>";
  return f;
}

std::string Page(const std::string& title, const std::vector<std::string>& ps,
                 int n) {
  static const std::string nav = Furniture();
  static const std::string script = "<script>" + std::string(6000, 'x') +
                                    "</script><style>" +
                                    std::string(3000, 'y') + "</style>";
  std::string h = "<!DOCTYPE html><html><head><meta charset='utf-8'><title>" +
                  Escape(title) + " - InsightCrime</title>";
  h += "<meta property='og:title' content='" + Escape(title) + "'>";
  h +=
      "<meta property='article:published_time' content='2024-01-25T10:00:00Z'>";
  h += "<link rel='canonical' href='https://news.example/a/" +
       std::to_string(n) + "'>" + script + "</head><body><header>" + nav +
       "</header><div class='layout'><main><article><h1>" + Escape(title) +
       "</h1><div class='byline'>By Staff</div>"
       "<div class='share-bar'><a>Facebook</a><a>Twitter</a></div>";
  for (const std::string& p : ps) h += "<p>" + Escape(p) + "</p>\n";
  h += "<div class='related-articles'><ul>";
  for (int i = 0; i < 10; ++i)
    h += "<li><p>Related story " + std::to_string(i) + "</p></li>";
  h += "</ul></div></article></main><aside class='sidebar'><p>Most read</p>" +
       nav + "</aside></div><footer><p>Copyright</p>" + nav +
       "</footer></body></html>";
  return h;
}

using dyad::testing::Gzip;  // io/warc_test_util.h

std::string Record(const std::string& type, const std::string& uri,
                   const std::string& block) {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2024-01-25T11:00:00Z\r\nContent-Length: " +
         std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

const Pages& GetPages() {
  static const Pages* pages = [] {
    auto* p = new Pages;
    const char* env = std::getenv("DYAD_BENCH_CORPUS");
    const std::string path =
        env && *env ? env
                    : std::string(DYAD_SOURCE_DIR) +
                          "/../shared/data/bench/insightcrime.jsonl";
    auto reader = RecordReader::Open(path, ReaderOptions{});
    if (!reader.ok()) {
      p->error = reader.status().message();
      return p;
    }
    InputRecord r;
    std::string err;
    int n = 0;
    for (;;) {
      auto o = (*reader)->Next(&r, &err);
      if (o == RecordReader::Outcome::kEnd) break;
      if (o != RecordReader::Outcome::kRecord) continue;
      std::vector<std::string> ps = Paragraphs(r.article.text);
      if (ps.empty()) continue;
      std::string expected;
      for (const std::string& s : ps)
        expected += (expected.empty() ? "" : "\n\n") + s;
      p->html.push_back(Page(r.article.title, ps, n));
      p->expected.push_back(expected);
      p->html_bytes += p->html.back().size();
      const std::string uri = "https://news.example/a/" + std::to_string(n++);
      std::string warc =
          Record("request", uri,
                 "GET / HTTP/1.1\r\nHost: news.example\r\n\r\n") +
          Record("response", uri,
                 "HTTP/1.1 200 OK\r\nContent-Type: text/html; "
                 "charset=utf-8\r\n\r\n" +
                     p->html.back()) +
          Record("metadata", uri, "fetchTimeMs: 120\r\n");
      p->warc_bytes += warc.size();
      // One member per record, as CC-NEWS writes them.
      size_t pos = 0;
      while (pos < warc.size()) {
        size_t next = warc.find("WARC/1.0\r\n", pos + 1);
        if (next == std::string::npos) next = warc.size();
        p->warc_gz += Gzip(std::string_view(warc).substr(pos, next - pos));
        pos = next;
      }
    }
    return p;
  }();
  return *pages;
}

void BM_ExtractHtml(benchmark::State& state) {
  const Pages& pages = GetPages();
  if (!pages.error.empty()) return state.SkipWithError(pages.error.c_str());
  size_t wrong = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < pages.html.size(); ++i) {
      HtmlPage page = ExtractHtml(pages.html[i]);
      wrong += page.text != pages.expected[i];
      benchmark::DoNotOptimize(page);
    }
  }
  if (wrong > 0) {
    const std::string e = std::to_string(wrong) + " pages extracted wrongly";
    return state.SkipWithError(e.c_str());
  }
  state.SetBytesProcessed(state.iterations() * pages.html_bytes);
  state.SetItemsProcessed(state.iterations() * pages.html.size());
}
BENCHMARK(BM_ExtractHtml)->Unit(benchmark::kMillisecond);

void BM_ReadWarcGz(benchmark::State& state) {
  const Pages& pages = GetPages();
  if (!pages.error.empty()) return state.SkipWithError(pages.error.c_str());
  size_t wrong = 0;
  for (auto _ : state) {
    std::istringstream in(pages.warc_gz);
    auto reader =
        RecordReader::FromStream(&in, "bench.warc.gz", ReaderOptions{});
    InputRecord r;
    std::string err;
    size_t i = 0;
    for (;;) {
      auto o = reader->Next(&r, &err);
      if (o == RecordReader::Outcome::kEnd) break;
      if (o != RecordReader::Outcome::kRecord ||
          PrepareRecord(&r, &err) != PrepareOutcome::kReady ||
          i >= pages.expected.size() || r.article.text != pages.expected[i])
        ++wrong;
      ++i;
    }
    if (i != pages.expected.size()) ++wrong;
  }
  if (wrong > 0) {
    const std::string e = std::to_string(wrong) + " records read wrongly";
    return state.SkipWithError(e.c_str());
  }
  state.SetBytesProcessed(state.iterations() * pages.warc_bytes);
  state.SetItemsProcessed(state.iterations() * pages.html.size());
  state.counters["gz_MB"] = pages.warc_gz.size() / 1e6;
}
BENCHMARK(BM_ReadWarcGz)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace dyad

BENCHMARK_MAIN();
