// dyad: news articles in, CAMEO-coded political events out.
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "dyad: codes news text into CAMEO political events "
      "(who did what to whom, when)"};
  app.require_subcommand(1);
  std::function<int()> run;
  dyad::cli::AddCodeCommand(&app, &run);
  dyad::cli::AddDictCommand(&app, &run);
  dyad::cli::AddDictImportCommand(app.get_subcommand("dict"), &run);
  dyad::cli::AddTagCommand(&app, &run);
  dyad::cli::AddExportCommand(&app, &run);
  dyad::cli::AddStatsCommand(&app, &run);
  dyad::cli::AddTopCommand(&app, &run);
  dyad::cli::AddTimelineCommand(&app, &run);
  dyad::cli::AddEventsCommands(&app, &run);
  dyad::cli::AddServeCommand(&app, &run);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : dyad::cli::kExitUsage;
  }
  return run ? run() : dyad::cli::kExitUsage;
}
