// dyad dict import: converts another coder's dictionaries (PETRARCH-2) into
// dyad's format and reports every line it skipped or changed
// (docs/formats/petrarch.md).
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "cli/commands.h"
#include "dict/dictionary_set.h"
#include "dict/petrarch_import.h"

namespace dyad::cli {
namespace {

struct ImportArgs {
  std::string from;
  std::string dir;
  std::string out;
  std::vector<std::string> files;
  std::vector<std::string> dicts;
  bool force = false;
  bool quiet = false;
};

// Prints "count  reason" lines, most frequent first.
void PrintReasons(const char* title,
                  const std::map<std::string, size_t>& counts) {
  if (counts.empty()) return;
  std::vector<std::pair<size_t, std::string>> sorted;
  for (const auto& [reason, n] : counts) sorted.emplace_back(n, reason);
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  std::cerr << "dyad dict import: " << title << " by reason:\n";
  for (const auto& [n, reason] : sorted)
    std::cerr << "  " << n << "\t" << reason << "\n";
}

int RunImport(const ImportArgs& args) {
  PetrarchImportOptions options;
  options.from_dir = args.dir;
  options.out_dir = args.out;
  options.files = args.files;
  options.dyad_dirs =
      args.dicts.empty() ? DictionarySet::DefaultDirs() : args.dicts;
  options.force = args.force;
  auto report = ImportPetrarch(options);
  if (!report.ok()) {
    std::cerr << "dyad dict import: " << report.status().message() << "\n";
    return kExitUsage;
  }
  namespace fs = std::filesystem;
  std::map<std::string, size_t> skipped, changed;
  std::set<std::tuple<std::string, int, std::string>> counted;
  for (const ImportNote& n : report->notes) {
    bool skip = n.kind == ImportNote::Kind::kSkipped;
    std::string where = (fs::path(args.dir) / n.file).string();
    if (n.line > 0) where += ":" + std::to_string(n.line);
    if (!args.quiet) {
      std::cerr << where << ": " << (skip ? "skipped" : "changed") << ": "
                << n.reason;
      if (!n.detail.empty()) std::cerr << " (" << n.detail << ")";
      std::cerr << "\n";
    }
    if (counted.emplace(n.file, n.line, n.reason).second)
      (skip ? skipped : changed)[n.reason] += 1;
  }
  size_t lines = 0, total_skipped = 0, total_changed = 0;
  for (const PetrarchFileSummary& f : report->files) {
    lines += f.lines;
    total_skipped += f.skipped;
    total_changed += f.changed;
    std::cerr << "dyad dict import: " << f.file << " ("
              << PetrarchFileKindName(f.kind) << "): " << f.lines << " lines, ";
    if (!f.output.empty())
      std::cerr << f.written << " entries written to "
                << (fs::path(args.out) / f.output).string() << ", ";
    else
      std::cerr << "nothing written, ";
    std::cerr << f.skipped << " skipped, " << f.changed << " changed\n";
  }
  PrintReasons("skipped lines", skipped);
  PrintReasons("changed lines", changed);
  std::cerr << "dyad dict import: " << lines << " lines read, " << total_skipped
            << " skipped, " << total_changed << " changed; "
            << report->cameo_codes_added << " CAMEO codes and "
            << report->irregular_forms_added
            << " irregular verb forms added; code with: dyad code --dict "
            << args.out << "\n";
  return kExitOk;
}

}  // namespace

void AddDictImportCommand(CLI::App* dict, std::function<int()>* run) {
  auto args = std::make_shared<ImportArgs>();
  dict->description("Check, describe or import dictionaries");
  CLI::App* cmd = dict->add_subcommand(
      "import",
      "Convert PETRARCH-2 dictionaries into a dyad dictionary folder; "
      "reports each line skipped or changed (docs/formats/petrarch.md)");
  cmd->add_option("--from", args->from, "Format of the dictionaries")
      ->required()
      ->check(CLI::IsMember({"petrarch2"}));
  cmd->add_option("dir", args->dir, "Folder holding the PETRARCH files")
      ->required();
  cmd->add_option("out", args->out, "Folder to write (created; must be empty)")
      ->required();
  cmd->add_option("--file", args->files,
                  "Import only this file of DIR (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option(
         "--dict", args->dicts,
         "dyad folder to copy the CAMEO table and irregular verbs from "
         "(repeatable); default: the bundled data")
      ->allow_extra_args(false);
  cmd->add_flag("--force", args->force,
                "Write into a folder that is not empty");
  cmd->add_flag("-q,--quiet", args->quiet,
                "Print only the counts, not each skipped or changed line");
  cmd->callback([run, args] { *run = [args] { return RunImport(*args); }; });
}

}  // namespace dyad::cli
