// dyad events: the events matching a filter, each with its first mention;
// dyad event ID: one event with all its mentions (docs/queries.md).
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/query_options.h"
#include "query/json.h"

namespace dyad::cli {
namespace {

struct EventsArgs {
  QueryArgs q;
  std::string order = "newest";
};

std::string SpanText(const std::optional<Span>& s, bool start) {
  if (!s) return "";
  return std::to_string(start ? s->start : s->end);
}

// The full columns of a mention, for CSV.
const std::vector<TextTable::Column>& MentionColumns() {
  static const std::vector<TextTable::Column> kColumns = {
      {"mention_id"},   {"doc_id"},      {"url"},        {"article_date"},
      {"sentence"},     {"source_text"}, {"verb_text"},  {"target_text"},
      {"source_start"}, {"source_end"},  {"verb_start"}, {"verb_end"},
      {"target_start"}, {"target_end"},  {"date_rule"},  {"date_text"},
      {"date_start"},   {"date_end"},    {"place_name"}, {"place_text"},
      {"place_start"},  {"place_end"}};
  return kColumns;
}

std::vector<std::string> MentionCells(const MentionRow& m) {
  if (m.id == 0) return std::vector<std::string>(MentionColumns().size());
  return {std::to_string(m.id),
          m.doc_id,
          m.url,
          m.article_date,
          std::to_string(m.sentence),
          m.source_text,
          m.verb_text,
          m.target_text,
          SpanText(m.source_span, true),
          SpanText(m.source_span, false),
          SpanText(m.verb_span, true),
          SpanText(m.verb_span, false),
          SpanText(m.target_span, true),
          SpanText(m.target_span, false),
          m.date_rule,
          m.date_text,
          SpanText(m.date_span, true),
          SpanText(m.date_span, false),
          m.place_name,
          m.place_text,
          SpanText(m.place_span, true),
          SpanText(m.place_span, false)};
}

std::vector<TextTable::Column> EventCsvColumns() {
  std::vector<TextTable::Column> c = {{"id"},
                                      {"date"},
                                      {"source_code"},
                                      {"source_country"},
                                      {"target_code"},
                                      {"target_country"},
                                      {"code"},
                                      {"code_name"},
                                      {"root"},
                                      {"quad_class"},
                                      {"goldstein"},
                                      {"plover"},
                                      {"num_mentions"},
                                      {"num_articles"},
                                      {"num_sources"},
                                      {"place_name"},
                                      {"place_country"},
                                      {"lat"},
                                      {"lon"}};
  for (const auto& m : MentionColumns()) c.push_back(m);
  return c;
}

std::vector<std::string> EventCsvCells(const EventRow& e) {
  std::vector<std::string> r = {std::to_string(e.id),
                                e.date,
                                e.source_code,
                                e.source_country,
                                e.target_code,
                                e.target_country,
                                e.code,
                                e.code_name,
                                e.root,
                                std::to_string(e.quad_class),
                                Exact(e.goldstein),
                                e.plover,
                                std::to_string(e.num_mentions),
                                std::to_string(e.num_articles),
                                std::to_string(e.num_sources),
                                e.place_name,
                                e.place_country,
                                e.lat ? Exact(*e.lat) : "",
                                e.lon ? Exact(*e.lon) : ""};
  for (std::string& s : MentionCells(e.first_mention)) r.push_back(s);
  return r;
}

// "Iraq said ... " as people read it: the mention's words.
std::string Words(const MentionRow& m) {
  std::string w = m.source_text + " | " + m.verb_text;
  if (!m.target_text.empty()) w += " | " + m.target_text;
  return m.id ? w : "";
}

int RunEvents(EventsArgs* args) {
  EventOrder order;
  if (!ParseEventOrder(args->order, &order)) {
    std::cerr << "dyad events: --order: '" << args->order
              << "' is not newest, oldest, mentions or conflict\n";
    return kExitUsage;
  }
  std::unique_ptr<EventDb> db = OpenQueryDb("events", &args->q);
  if (!db) return kExitUsage;
  auto rows = db->Events(args->q.filter, order);
  if (!rows.ok()) {
    std::cerr << "dyad events: " << rows.status().message() << "\n";
    return kExitUsage;
  }
  if (args->q.json) {
    std::cout << ToJson(*rows) << "\n";
    return kExitOk;
  }
  if (args->q.csv) {
    TextTable t(EventCsvColumns());
    for (const EventRow& e : *rows) t.AddRow(EventCsvCells(e));
    t.PrintCsv(std::cout);
    return kExitOk;
  }
  TextTable t({{"id", true},
               {"date"},
               {"source"},
               {"target"},
               {"code"},
               {"event", false, 28},
               {"goldstein", true},
               {"quad", true},
               {"mentions", true},
               {"place", false, 24},
               {"words", false, 40},
               {"doc_id", false, 24}});
  for (const EventRow& e : *rows)
    t.AddRow({std::to_string(e.id), e.date, e.source_code, e.target_code,
              e.code, e.code_name, Fixed(e.goldstein, 1),
              std::to_string(e.quad_class), std::to_string(e.num_mentions),
              e.place_name, Words(e.first_mention), e.first_mention.doc_id});
  t.PrintAligned(std::cout);
  return kExitOk;
}

int RunEvent(QueryArgs* args, int64_t id) {
  std::unique_ptr<EventDb> db = OpenQueryDb("event", args);
  if (!db) return kExitUsage;
  auto d = db->Event(id);
  if (!d.ok()) {
    std::cerr << "dyad event: " << d.status().message() << "\n";
    return d.status().code() == Status::Code::kNotFound ? kExitSomeFailed
                                                        : kExitUsage;
  }
  if (args->json) {
    std::cout << ToJson(*d) << "\n";
    return kExitOk;
  }
  if (args->csv) {
    // One row per mention, the event's columns repeated.
    TextTable t(EventCsvColumns());
    for (const MentionRow& m : d->mentions) {
      EventRow e = d->event;
      e.first_mention = m;
      t.AddRow(EventCsvCells(e));
    }
    t.PrintCsv(std::cout);
    return kExitOk;
  }
  const EventRow& e = d->event;
  TextTable head({{""}, {""}});
  head.AddRow({"event", std::to_string(e.id)});
  head.AddRow({"date", e.date});
  head.AddRow(
      {"source",
       e.source_code +
           (e.source_country.empty() ? "" : " (" + e.source_country + ")")});
  head.AddRow(
      {"target",
       e.target_code +
           (e.target_country.empty() ? "" : " (" + e.target_country + ")")});
  head.AddRow({"code", e.code + " " + e.code_name});
  head.AddRow({"goldstein", Fixed(e.goldstein, 1)});
  head.AddRow({"quad class", std::to_string(e.quad_class)});
  head.AddRow({"plover", e.plover});
  head.AddRow({"place",
               e.place_name + (e.lat && e.lon ? " (" + Fixed(*e.lat, 4) + ", " +
                                                    Fixed(*e.lon, 4) + ")"
                                              : "")});
  head.AddRow({"mentions", std::to_string(e.num_mentions) + " in " +
                               std::to_string(e.num_articles) + " articles, " +
                               std::to_string(e.num_sources) + " sources"});
  head.PrintAligned(std::cout, /*header=*/false);
  std::cout << "\n";
  TextTable t({{"mention", true},
               {"doc_id", false, 24},
               {"sentence", true},
               {"source", false, 24},
               {"verb", false, 20},
               {"target", false, 24},
               {"date words", false, 20},
               {"place words", false, 20},
               {"spans (source verb target)"}});
  for (const MentionRow& m : d->mentions) {
    auto span = [](const std::optional<Span>& s) {
      return s ? std::to_string(s->start) + "-" + std::to_string(s->end)
               : std::string("-");
    };
    t.AddRow({std::to_string(m.id), m.doc_id, std::to_string(m.sentence),
              m.source_text, m.verb_text, m.target_text, m.date_text,
              m.place_text,
              span(m.source_span) + " " + span(m.verb_span) + " " +
                  span(m.target_span)});
  }
  t.PrintAligned(std::cout);
  return kExitOk;
}

}  // namespace

void AddEventsCommands(CLI::App* app, std::function<int()>* run) {
  auto args = std::make_shared<EventsArgs>();
  CLI::App* cmd = app->add_subcommand(
      "events", "The events matching the filters, with their first mention");
  AddDbOptions(cmd, &args->q);
  AddFilterOptions(cmd, &args->q);
  cmd->add_option("--order", args->order,
                  "newest (default), oldest, mentions (most reported first) "
                  "or conflict (lowest Goldstein first)");
  cmd->callback(
      [run, args] { *run = [args] { return RunEvents(args.get()); }; });

  auto one = std::make_shared<QueryArgs>();
  auto id = std::make_shared<int64_t>(0);
  CLI::App* ev =
      app->add_subcommand("event", "One event with all its mentions");
  AddDbOptions(ev, one.get());
  ev->add_option("id", *id, "The event's id (events.id)")->required();
  ev->callback([run, one, id] {
    *run = [one, id] { return RunEvent(one.get(), *id); };
  });
}

}  // namespace dyad::cli
