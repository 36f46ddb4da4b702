// tagger_accuracy: tags the hand-tagged sentences of gold.tsv with the
// lexicon dyad really uses (the bundled dictionaries plus the English
// lexicon) and reports the share of tokens whose coarse tag matches.
//
//   tagger_accuracy GOLD.tsv [--floor F] [--verbose]
//
// GOLD.tsv holds one `token<TAB>TAG` a line and a blank line between
// sentences; '#' lines are comments. Each sentence is rebuilt as text (no
// space before closing punctuation and clitics, none inside quotes and
// brackets), normalized and tokenized as dyad does; a sentence whose tokens
// differ from the gold tokens is a fault in the gold file.
//
// Prints the accuracy, the confusions and (with --verbose) every wrong token
// in its sentence. Exit codes: 0 at or above the floor, 1 below it, 2 on a
// bad gold file or dictionaries that do not load.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "dict/dictionary_set.h"
#include "lang/tagger.h"
#include "text/normalizer.h"
#include "text/tokenizer.h"

namespace dyad {
namespace {

struct GoldToken {
  std::string word;
  std::string tag;
};

bool IsClosing(const std::string& w) {
  return w == "," || w == "." || w == ";" || w == ":" || w == ")" || w == "?" ||
         w == "!" || w == "'s" || w == "'" || w == "n't" || w == "'re" ||
         w == "'ve" || w == "'ll" || w == "'d" || w == "'m";
}

// Rebuilds the sentence text from its tokens.
std::string Detokenize(const std::vector<GoldToken>& sentence) {
  std::string text;
  bool open_quote = false, no_space = true;
  for (const GoldToken& t : sentence) {
    bool quote = t.word == "\"";
    bool closing = IsClosing(t.word) || (quote && open_quote);
    if (!no_space && !closing) text += ' ';
    text += t.word;
    no_space = t.word == "(" || (quote && !open_quote);
    if (quote) open_quote = !open_quote;
  }
  return text;
}

int Run(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: tagger_accuracy GOLD.tsv [--floor F] [--verbose]\n";
    return 2;
  }
  std::string gold_path = argv[1];
  double floor = 0;
  bool verbose = false;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--floor" && i + 1 < argc)
      floor = std::atof(argv[++i]);
    else if (a == "--verbose")
      verbose = true;
    else {
      std::cerr << "tagger_accuracy: unknown argument " << a << "\n";
      return 2;
    }
  }
  // Sentences, each with the line number it starts on.
  std::vector<std::vector<GoldToken>> sentences(1);
  std::vector<int> first_line(1, 0);
  std::ifstream in(gold_path);
  if (!in) {
    std::cerr << gold_path << ": cannot open file\n";
    return 2;
  }
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line[0] == '#') continue;
    if (line.empty()) {
      if (!sentences.back().empty()) {
        sentences.emplace_back();
        first_line.push_back(0);
      }
      continue;
    }
    size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0 || tab + 1 == line.size()) {
      std::cerr << gold_path << ":" << line_no << ": expected token<TAB>TAG\n";
      return 2;
    }
    if (sentences.back().empty()) first_line.back() = line_no;
    sentences.back().push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  if (sentences.back().empty()) {
    sentences.pop_back();
    first_line.pop_back();
  }

  auto dicts =
      DictionarySet::Load({DYAD_TEST_DATA_DIR, DYAD_TEST_GENERATED_DATA_DIR});
  if (!dicts.ok()) {
    std::cerr << "tagger_accuracy: " << dicts.status().message() << "\n";
    return 2;
  }
  Tagger tagger(&(*dicts)->lexicon());
  size_t total = 0, right = 0;
  std::map<std::pair<std::string, std::string>, int> confusions;  // gold, got
  for (size_t s = 0; s < sentences.size(); ++s) {
    const std::vector<GoldToken>& gold = sentences[s];
    NormalizedText norm = Normalize(Detokenize(gold));
    std::vector<Token> tokens = Tokenize(norm.text);
    bool same = tokens.size() == gold.size();
    for (size_t i = 0; same && i < tokens.size(); ++i)
      same = norm.text.substr(tokens[i].begin,
                              tokens[i].end - tokens[i].begin) == gold[i].word;
    if (!same) {
      std::cerr << gold_path << ":" << first_line[s]
                << ": dyad tokenizes this sentence differently: " << norm.text
                << "\n";
      return 2;
    }
    std::vector<TaggedToken> tagged = tagger.Tag(norm.text, norm.lower, tokens);
    std::string marked;
    bool wrong_here = false;
    for (size_t i = 0; i < gold.size(); ++i) {
      std::string got = PosName(tagged[i].pos);
      ++total;
      marked += (i ? " " : "") + gold[i].word;
      if (got == gold[i].tag) {
        ++right;
        continue;
      }
      wrong_here = true;
      ++confusions[{gold[i].tag, got}];
      marked += "/" + got + "(gold " + gold[i].tag + ")";
    }
    if (verbose && wrong_here)
      std::cout << first_line[s] << ": " << marked << "\n";
  }
  double accuracy = total ? static_cast<double>(right) / total : 0;
  std::printf("tokens %zu  right %zu  accuracy %.4f  (floor %.4f)\n", total,
              right, accuracy, floor);
  std::multimap<int, std::string, std::greater<>> by_count;
  for (const auto& [k, n] : confusions)
    by_count.emplace(n, k.first + " tagged " + k.second);
  for (const auto& [n, what] : by_count)
    std::printf("  %3d  %s\n", n, what.c_str());
  if (accuracy + 1e-9 < floor) {
    std::printf("FAIL: accuracy %.4f is below the floor %.4f\n", accuracy,
                floor);
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace dyad

int main(int argc, char** argv) { return dyad::Run(argc, argv); }
