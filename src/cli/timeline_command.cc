// dyad timeline: events per day, week, month or year (docs/queries.md).
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/query_options.h"
#include "query/json.h"

namespace dyad::cli {
namespace {

struct TimelineArgs {
  QueryArgs q;
  std::string by = "month";
};

int RunTimeline(TimelineArgs* args) {
  Period by;
  if (!ParsePeriod(args->by, &by)) {
    std::cerr << "dyad timeline: --by: '" << args->by
              << "' is not day, week, month or year\n";
    return kExitUsage;
  }
  std::unique_ptr<EventDb> db = OpenQueryDb("timeline", &args->q);
  if (!db) return kExitUsage;
  auto rows = db->Timeline(args->q.filter, by);
  if (!rows.ok()) {
    std::cerr << "dyad timeline: " << rows.status().message() << "\n";
    return kExitUsage;
  }
  if (args->q.json) {
    std::cout << ToJson(*rows) << "\n";
    return kExitOk;
  }
  const bool csv = args->q.csv;
  auto num = [csv](double v) { return csv ? Exact(v) : Fixed(v); };
  TextTable t({{"period"},
               {"start"},
               {"events", true},
               {"verbal_coop", true},
               {"material_coop", true},
               {"verbal_conflict", true},
               {"material_conflict", true},
               {"mentions", true},
               {"goldstein", true},
               {"goldstein_events", true}});
  for (const TimelineRow& r : *rows)
    t.AddRow({r.period, r.start, std::to_string(r.events),
              std::to_string(r.quad[0]), std::to_string(r.quad[1]),
              std::to_string(r.quad[2]), std::to_string(r.quad[3]),
              std::to_string(r.mentions), num(r.mean_goldstein),
              num(r.mean_goldstein_events)});
  t.Print(std::cout, csv);
  return kExitOk;
}

}  // namespace

void AddTimelineCommand(CLI::App* app, std::function<int()>* run) {
  auto args = std::make_shared<TimelineArgs>();
  CLI::App* cmd = app->add_subcommand(
      "timeline",
      "Events per period by QuadClass, with mean Goldstein (empty periods "
      "as zeros)");
  AddDbOptions(cmd, &args->q);
  AddFilterOptions(cmd, &args->q);
  cmd->add_option("--by", args->by,
                  "day, week (ISO, Monday first), month (default) or year");
  cmd->callback(
      [run, args] { *run = [args] { return RunTimeline(args.get()); }; });
}

}  // namespace dyad::cli
