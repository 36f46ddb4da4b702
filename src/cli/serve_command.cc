// dyad serve: the JSON API and web dashboard over an event database
// (docs/serve.md).
#include <csignal>
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "serve/server.h"

namespace dyad::cli {
namespace {

Server* g_server = nullptr;

void OnSignal(int) {
  if (g_server) g_server->Stop();
}

int RunServe(const ServeOptions& options) {
  if (options.db_path.empty()) {
    std::cerr << "dyad serve: say which database (--db events.db)\n";
    return kExitUsage;
  }
  Server server(options);
  if (Status s = server.Bind(); !s.ok()) {
    std::cerr << "dyad serve: " << s.message() << "\n";
    return kExitUsage;
  }
  // The first line says where: a test or a script reads the port from it.
  std::cout << "dyad serve: http://" << options.host << ":" << server.port()
            << "/ (" << options.db_path << "); Ctrl-C stops" << std::endl;
  g_server = &server;
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  Status s = server.Run();
  g_server = nullptr;
  if (!s.ok()) {
    std::cerr << "dyad serve: " << s.message() << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App* app, std::function<int()>* run) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* cmd = app->add_subcommand(
      "serve", "Serve the JSON API and web dashboard of an event database");
  cmd->add_option("--db", options->db_path, "Event database (dyad code --db)")
      ->required();
  cmd->add_option(
      "--host", options->host,
      "Address to listen on (default 127.0.0.1: this machine only)");
  cmd->add_option("--port", options->port, "Port (0: any free port)")
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--threads", options->threads, "Request threads")
      ->check(CLI::Range(1, 256));
  cmd->add_option("--web", options->web_dir,
                  "The dashboard's folder (default: the repository's web/)");
  cmd->add_option("--query-ms", options->query_ms,
                  "Stop a query after this many milliseconds")
      ->check(CLI::Range(10, 600000));
  cmd->callback(
      [run, options] { *run = [options] { return RunServe(*options); }; });
}

}  // namespace dyad::cli
