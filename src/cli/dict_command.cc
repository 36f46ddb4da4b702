// dyad dict check|stats: validates and describes dictionaries.
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "dict/dictionary_set.h"

namespace dyad::cli {
namespace {

struct DictArgs {
  std::vector<std::string> dirs;
};

std::vector<std::string> DirsOrDefault(const std::vector<std::string>& dirs) {
  return dirs.empty() ? DictionarySet::DefaultDirs() : dirs;
}

int RunCheck(const DictArgs& args) {
  std::vector<std::string> errors;
  auto set = DictionarySet::LoadAll(DirsOrDefault(args.dirs), &errors);
  for (const std::string& e : errors) std::cout << e << "\n";
  const DictionaryStats& s = set->stats();
  std::cerr << "dyad dict check: " << s.files.size() << " files, "
            << s.cameo_codes << " CAMEO codes, " << s.actors << " actors, "
            << s.agents << " agents, " << s.verb_patterns
            << " verb patterns: " << errors.size()
            << (errors.size() == 1 ? " fault" : " faults") << "\n";
  return errors.empty() ? kExitOk : kExitSomeFailed;
}

int RunStats(const DictArgs& args) {
  std::vector<std::string> errors;
  auto set = DictionarySet::LoadAll(DirsOrDefault(args.dirs), &errors);
  const DictionaryStats& s = set->stats();
  std::cout << "file\tentries\n";
  for (const auto& [path, n] : s.files) std::cout << path << "\t" << n << "\n";
  std::cout << "\nCAMEO root\tverb patterns\n";
  std::map<std::string, int> per_root;
  for (const VerbPattern& p : set->verbs().patterns())
    per_root[p.code.substr(0, 2)]++;
  for (const auto& [root, n] : per_root) std::cout << root << "\t" << n << "\n";
  std::cout << "\ntotal\tactors " << s.actors << "\tagents " << s.agents
            << "\tactor phrases " << s.actor_phrases << "\tverb patterns "
            << s.verb_patterns << "\tCAMEO codes " << s.cameo_codes
            << "\tirregular verb forms " << s.irregular_verbs << "\n";
  if (!errors.empty())
    std::cerr << "dyad dict stats: " << errors.size()
              << " faults; run 'dyad dict check' to list them\n";
  return errors.empty() ? kExitOk : kExitSomeFailed;
}

}  // namespace

void AddDictCommand(CLI::App* app, std::function<int()>* run) {
  auto args = std::make_shared<DictArgs>();
  CLI::App* dict =
      app->add_subcommand("dict", "Check or describe dictionaries");
  dict->require_subcommand(1);
  CLI::App* check = dict->add_subcommand(
      "check", "Validate dictionary folders; prints each fault as file:line");
  check->add_option("dirs", args->dirs,
                    "Dictionary folders (default: bundled)");
  check->callback([run, args] { *run = [args] { return RunCheck(*args); }; });
  CLI::App* stats = dict->add_subcommand(
      "stats", "Counts per file and verb patterns per CAMEO root");
  stats->add_option("dirs", args->dirs,
                    "Dictionary folders (default: bundled)");
  stats->callback([run, args] { *run = [args] { return RunStats(*args); }; });
}

}  // namespace dyad::cli
