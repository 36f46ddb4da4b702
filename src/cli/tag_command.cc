// dyad tag: shows how dyad reads a sentence: tokens, parts of speech,
// lemmas and dictionary actor matches. For checking dictionaries and rules.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "dict/dictionary_set.h"
#include "lang/tagger.h"
#include "text/normalizer.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace dyad::cli {
namespace {

struct TagArgs {
  std::vector<std::string> text;
  std::vector<std::string> dicts;
};

int RunTag(const TagArgs& args) {
  auto dicts = DictionarySet::Load(
      args.dicts.empty() ? DictionarySet::DefaultDirs() : args.dicts);
  if (!dicts.ok()) {
    std::cerr << "dyad tag: cannot load dictionaries:\n"
              << dicts.status().message() << "\n";
    return kExitUsage;
  }
  std::string text;
  for (const std::string& t : args.text) text += (text.empty() ? "" : " ") + t;
  NormalizedText norm = Normalize(text);
  Tagger tagger(&(*dicts)->lexicon());
  for (const SentenceSpan& s : SplitSentences(norm.text).sentences) {
    auto tagged =
        tagger.Tag(norm.text, norm.lower, Tokenize(norm.text, s.begin, s.end));
    for (size_t i = 0; i < tagged.size();) {
      ActorMatch m;
      if ((*dicts)->actors().LongestAt(norm.text, tagged, i, &m)) {
        std::cout << "[";
        for (size_t k = m.begin; k < m.end; ++k) {
          const Token& t = tagged[k].token;
          std::cout << (k > m.begin ? " " : "")
                    << norm.text.substr(t.begin, t.end - t.begin);
        }
        std::cout << "]=" << ActorDictionary::CodeOn(*m.entry, Date{}) << " ";
        i = m.end;
        continue;
      }
      const TaggedToken& t = tagged[i];
      std::cout << norm.text.substr(t.token.begin, t.token.end - t.token.begin)
                << "/" << PosName(t.pos);
      if (t.lemma != t.lower) std::cout << ":" << t.lemma;
      std::cout << " ";
      ++i;
    }
    std::cout << "\n";
  }
  return kExitOk;
}

}  // namespace

void AddTagCommand(CLI::App* app, std::function<int()>* run) {
  auto args = std::make_shared<TagArgs>();
  CLI::App* cmd = app->add_subcommand(
      "tag", "Show tokens, parts of speech, lemmas and actor matches");
  cmd->add_option("text", args->text, "The text to analyse")->required();
  cmd->add_option("--dict", args->dicts, "Dictionary folder (repeatable)")
      ->allow_extra_args(false);
  cmd->callback([run, args] { *run = [args] { return RunTag(*args); }; });
}

}  // namespace dyad::cli
