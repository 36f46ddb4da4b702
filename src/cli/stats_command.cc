// dyad stats: what an event database holds (docs/queries.md).
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/query_options.h"
#include "query/json.h"

namespace dyad::cli {
namespace {

std::string Share(int64_t part, int64_t whole) {
  if (whole == 0) return "0";
  return Fixed(100.0 * part / whole, 1) + "%";
}

int RunStats(QueryArgs* args) {
  std::unique_ptr<EventDb> db = OpenQueryDb("stats", args);
  if (!db) return kExitUsage;
  auto st = db->Stats();
  if (!st.ok()) {
    std::cerr << "dyad stats: " << st.status().message() << "\n";
    return kExitUsage;
  }
  const DbStats& s = *st;
  if (args->json) {
    std::cout << ToJson(s) << "\n";
    return kExitOk;
  }
  static const char* kQuadNames[] = {"verbal_cooperation",
                                     "material_cooperation", "verbal_conflict",
                                     "material_conflict"};
  if (args->csv) {
    // One (key, value) row per number, as in the JSON.
    TextTable t({{"key"}, {"value"}});
    t.AddRow({"path", s.path});
    t.AddRow({"schema_version", std::to_string(s.schema_version)});
    t.AddRow({"file_bytes", std::to_string(s.file_bytes)});
    t.AddRow({"articles", std::to_string(s.articles)});
    t.AddRow({"events", std::to_string(s.events)});
    t.AddRow({"mentions", std::to_string(s.mentions)});
    t.AddRow({"first_date", s.first_date});
    t.AddRow({"last_date", s.last_date});
    t.AddRow({"undated_events", std::to_string(s.undated_events)});
    for (int i = 0; i < 4; ++i)
      t.AddRow(
          {std::string("quad_") + kQuadNames[i], std::to_string(s.quad[i])});
    for (const RootCount& r : s.top_roots)
      t.AddRow({"root_" + r.root, std::to_string(r.events)});
    t.AddRow({"events_with_place", std::to_string(s.events_with_place)});
    t.AddRow(
        {"mentions_sentence_dated", std::to_string(s.mentions_sentence_dated)});
    t.PrintCsv(std::cout);
    return kExitOk;
  }
  TextTable t({{""}, {"", true}, {""}});
  t.AddRow({"schema version", std::to_string(s.schema_version), ""});
  t.AddRow({"file bytes", std::to_string(s.file_bytes),
            Fixed(s.file_bytes / 1048576.0, 1) + " MB"});
  t.AddRow({"articles", std::to_string(s.articles), ""});
  t.AddRow({"events", std::to_string(s.events), "de-duplicated"});
  t.AddRow({"mentions", std::to_string(s.mentions),
            s.events ? Fixed(static_cast<double>(s.mentions) / s.events) +
                           " per event"
                     : ""});
  t.AddRow({"dates", s.first_date + " .. " + s.last_date,
            std::to_string(s.undated_events) + " events undated"});
  static const char* kQuadLabels[] = {"verbal coop", "material coop",
                                      "verbal conflict", "material conflict"};
  for (int i = 0; i < 4; ++i)
    t.AddRow(
        {std::string("quad ") + std::to_string(i + 1) + " " + kQuadLabels[i],
         std::to_string(s.quad[i]), Share(s.quad[i], s.events)});
  t.AddRow({"events with a place", std::to_string(s.events_with_place),
            Share(s.events_with_place, s.events)});
  t.AddRow({"mentions dated by sentence",
            std::to_string(s.mentions_sentence_dated),
            Share(s.mentions_sentence_dated, s.mentions)});
  std::cout << s.path << "\n";
  t.PrintAligned(std::cout, /*header=*/false);
  std::cout << "\ntop roots\n";
  TextTable roots(
      {{"root"}, {"name", false, 40}, {"events", true}, {"share", true}});
  for (const RootCount& r : s.top_roots)
    roots.AddRow(
        {r.root, r.name, std::to_string(r.events), Share(r.events, s.events)});
  roots.PrintAligned(std::cout);
  return kExitOk;
}

}  // namespace

void AddStatsCommand(CLI::App* app, std::function<int()>* run) {
  auto args = std::make_shared<QueryArgs>();
  CLI::App* cmd = app->add_subcommand(
      "stats", "What an event database holds: counts, dates, QuadClasses");
  AddDbOptions(cmd, args.get());
  cmd->callback(
      [run, args] { *run = [args] { return RunStats(args.get()); }; });
}

}  // namespace dyad::cli
