// dyad top dyads|actors: who acts on whom most (docs/queries.md).
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/query_options.h"
#include "query/json.h"

namespace dyad::cli {
namespace {

struct TopArgs {
  QueryArgs q;
  std::string by = "events";
  bool countries = false;
};

int RunTop(const char* what, TopArgs* args) {
  const std::string cmd = std::string("top ") + what;
  TopOptions o;
  if (args->by == "mentions") {
    o.by = RankBy::kMentions;
  } else if (args->by != "events") {
    std::cerr << "dyad " << cmd << ": --by: '" << args->by
              << "' is not events or mentions\n";
    return kExitUsage;
  }
  if (args->countries) o.level = ActorLevel::kCountry;
  std::unique_ptr<EventDb> db = OpenQueryDb(cmd.c_str(), &args->q);
  if (!db) return kExitUsage;
  const bool csv = args->q.csv;
  // Exact numbers for programs, rounded ones for people.
  auto num = [csv](double v) { return csv ? Exact(v) : Fixed(v); };
  if (std::string(what) == "dyads") {
    auto rows = db->TopDyads(args->q.filter, o);
    if (!rows.ok()) {
      std::cerr << "dyad " << cmd << ": " << rows.status().message() << "\n";
      return kExitUsage;
    }
    if (args->q.json) {
      std::cout << ToJson(*rows) << "\n";
      return kExitOk;
    }
    TextTable t({{"source"},
                 {"target"},
                 {"events", true},
                 {"mentions", true},
                 {"goldstein", true},
                 {"verbal_coop", true},
                 {"material_coop", true},
                 {"verbal_conflict", true},
                 {"material_conflict", true}});
    for (const DyadRow& d : *rows)
      t.AddRow({d.source, d.target, std::to_string(d.events),
                std::to_string(d.mentions), num(d.mean_goldstein),
                std::to_string(d.quad[0]), std::to_string(d.quad[1]),
                std::to_string(d.quad[2]), std::to_string(d.quad[3])});
    t.Print(std::cout, csv);
    return kExitOk;
  }
  auto rows = db->TopActors(args->q.filter, o);
  if (!rows.ok()) {
    std::cerr << "dyad " << cmd << ": " << rows.status().message() << "\n";
    return kExitUsage;
  }
  if (args->q.json) {
    std::cout << ToJson(*rows) << "\n";
    return kExitOk;
  }
  TextTable t({{"actor"},
               {"events", true},
               {"as_source", true},
               {"as_target", true},
               {"mentions", true},
               {"goldstein", true}});
  for (const ActorRow& a : *rows)
    t.AddRow({a.actor, std::to_string(a.events), std::to_string(a.as_source),
              std::to_string(a.as_target), std::to_string(a.mentions),
              num(a.mean_goldstein)});
  t.Print(std::cout, csv);
  return kExitOk;
}

void AddTopSubcommand(CLI::App* top, const char* what, const char* help,
                      std::function<int()>* run) {
  auto args = std::make_shared<TopArgs>();
  CLI::App* cmd = top->add_subcommand(what, help);
  AddDbOptions(cmd, &args->q);
  AddFilterOptions(cmd, &args->q);
  cmd->add_option("--by", args->by,
                  "Rank by 'events' (default) or 'mentions' (num_mentions)");
  cmd->add_flag("--countries", args->countries,
                "Actors as countries (USA) rather than full codes (USAGOV)");
  cmd->callback([run, args, what] {
    *run = [args, what] { return RunTop(what, args.get()); };
  });
}

}  // namespace

void AddTopCommand(CLI::App* app, std::function<int()>* run) {
  CLI::App* top = app->add_subcommand("top", "The most active dyads or actors");
  top->require_subcommand(1);
  AddTopSubcommand(top, "dyads",
                   "Source-target pairs by events, with mean Goldstein and "
                   "QuadClasses",
                   run);
  AddTopSubcommand(top, "actors", "Actors by events on either side", run);
}

}  // namespace dyad::cli
