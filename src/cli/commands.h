// The subcommands of the `dyad` tool. Each registers its options on the
// CLI11 app and returns the process exit code when run.
//
// Exit codes (documented in the README):
//   0  everything was read and coded
//   1  some input records could not be coded (each reported on stderr)
//   2  usage or configuration error (bad option, missing file, a dictionary
//      with faults); nothing was coded
#ifndef DYAD_CLI_COMMANDS_H_
#define DYAD_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <functional>

namespace dyad::cli {

constexpr int kExitOk = 0;
constexpr int kExitSomeFailed = 1;
constexpr int kExitUsage = 2;

// Adds `code` to `app`; `*run` is set to the function that executes it.
void AddCodeCommand(CLI::App* app, std::function<int()>* run);
// Adds `dict` (check, stats) to `app`.
void AddDictCommand(CLI::App* app, std::function<int()>* run);
// Adds `import` (convert PETRARCH-2 dictionaries) under `dict`, the
// subcommand AddDictCommand made.
void AddDictImportCommand(CLI::App* dict, std::function<int()>* run);
// Adds `tag` (show the analysis of a text) to `app`.
void AddTagCommand(CLI::App* app, std::function<int()>* run);
// dyad export --gdelt --db events.db [--mentions]
void AddExportCommand(CLI::App* app, std::function<int()>* run);
// Queries over an event database (docs/queries.md): dyad stats, dyad top
// dyads|actors, dyad timeline, dyad events, dyad event ID. They exit 0 with
// a result (even an empty one), 2 on a bad option or database file, and
// `event` 1 when there is no event with that id.
void AddStatsCommand(CLI::App* app, std::function<int()>* run);
void AddTopCommand(CLI::App* app, std::function<int()>* run);
void AddTimelineCommand(CLI::App* app, std::function<int()>* run);
void AddEventsCommands(CLI::App* app, std::function<int()>* run);
// dyad serve --db events.db [--host 127.0.0.1] [--port 8080]
void AddServeCommand(CLI::App* app, std::function<int()>* run);

}  // namespace dyad::cli

#endif  // DYAD_CLI_COMMANDS_H_
