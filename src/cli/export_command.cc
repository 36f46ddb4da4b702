// dyad export: writes an event database in another format.
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "store/gdelt_export.h"

namespace dyad::cli {
namespace {

struct ExportArgs {
  std::string db;
  bool gdelt = false;
  bool mentions = false;
  std::string output;
};

int RunExport(const ExportArgs& args) {
  if (!args.gdelt) {
    std::cerr << "dyad export: say which format (--gdelt)\n";
    return kExitUsage;
  }
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!args.output.empty() && args.output != "-") {
    file.open(args.output, std::ios::binary);
    if (!file) {
      std::cerr << "dyad export: " << args.output << ": cannot write\n";
      return kExitUsage;
    }
    out = &file;
  }
  std::ios::sync_with_stdio(false);
  long rows = 0;
  Status s = ExportGdelt(
      args.db, args.mentions ? GdeltTable::kMentions : GdeltTable::kEvents, out,
      &rows);
  out->flush();
  if (!s.ok()) {
    std::cerr << "dyad export: " << s.message() << "\n";
    return kExitUsage;
  }
  if (!*out) {
    std::cerr << "dyad export: error writing the output\n";
    return kExitSomeFailed;
  }
  std::cerr << "dyad export: " << rows
            << (args.mentions ? " mentions" : " events") << " written\n";
  return kExitOk;
}

}  // namespace

void AddExportCommand(CLI::App* app, std::function<int()>* run) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* cmd = app->add_subcommand(
      "export", "Write an event database in another format (GDELT 2.0)");
  cmd->add_option("--db", args->db, "The event database (dyad code --db)")
      ->required();
  cmd->add_flag("--gdelt", args->gdelt,
                "GDELT 2.0 Events table, 61 tab-separated columns "
                "(docs/formats/gdelt.md)");
  cmd->add_flag("--mentions", args->mentions,
                "With --gdelt: the Mentions table (16 columns) instead");
  cmd->add_option("-o,--output", args->output, "Output file (default stdout)");
  cmd->callback([run, args] { *run = [args] { return RunExport(*args); }; });
}

}  // namespace dyad::cli
