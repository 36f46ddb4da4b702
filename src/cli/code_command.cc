// dyad code: reads articles, writes events.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "cli/progress.h"
#include "dyad/coder.h"
#include "io/event_writer.h"
#include "io/record_reader.h"
#include "pipeline/pipeline.h"
#include "store/sqlite_store.h"

namespace dyad::cli {
namespace {

// File names `dyad code DIR` reads (docs/formats/input.md).
bool IsSupportedInput(const std::string& name) {
  std::string n = name;
  for (char& c : n) c = static_cast<char>(std::tolower(c));
  for (const char* ext : {".jsonl", ".json", ".ndjson", ".txt", ".text",
                          ".html", ".htm", ".xhtml", ".warc", ".warc.gz"}) {
    const std::string e(ext);
    if (n.size() > e.size() && n.compare(n.size() - e.size(), e.size(), e) == 0)
      return true;
  }
  return false;
}

// The inputs with each folder replaced by the supported files below it,
// sorted by path (hidden files and folders left out). Unsupported files are
// counted on `err`, with a few of their names.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs,
                                      std::ostream& err, bool* failed) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const std::string& path : inputs) {
    std::error_code ec;
    if (path == "-" || !fs::is_directory(path, ec)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found, unsupported;
    fs::recursive_directory_iterator it(
        path, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(ec)) continue;
      (IsSupportedInput(name) ? found : unsupported)
          .push_back(it->path().string());
    }
    if (ec) {
      err << path << ": cannot list the folder: " << ec.message() << "\n";
      *failed = true;
    }
    std::sort(found.begin(), found.end());
    std::sort(unsupported.begin(), unsupported.end());
    if (!unsupported.empty()) {
      err << "dyad code: " << path << ": " << unsupported.size()
          << " unsupported file" << (unsupported.size() == 1 ? "" : "s")
          << " skipped (";
      for (size_t i = 0; i < unsupported.size() && i < 3; ++i)
        err << (i ? ", " : "") << unsupported[i];
      err << (unsupported.size() > 3 ? ", ...)\n" : ")\n");
    }
    if (found.empty())
      err << "dyad code: " << path << ": no supported files in the folder\n";
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

struct CodeArgs {
  std::vector<std::string> inputs;
  std::string format = "jsonl";
  std::string input_format = "auto";
  std::string ontology = "cameo";
  std::string date;
  std::vector<std::string> dicts;
  bool explain = false;
  bool require_actors = false;
  bool keep_furniture = false;
  bool quiet = false;
  int progress = 0;  // 0: when stderr is a terminal; 1: always; -1: never
  size_t max_sentence_bytes = 2000;
  int threads = 0;  // 0: one per core
  bool stats = false;
  std::string db;
  std::string gazetteer;
};

int RunCode(const CodeArgs& args) {
  Date default_date;
  if (!args.date.empty()) {
    default_date = ParseDate(args.date);
    if (!default_date.valid()) {
      std::cerr << "dyad code: --date '" << args.date
                << "' is not a date (YYYY-MM-DD)\n";
      return kExitUsage;
    }
  }
  const auto load_start = std::chrono::steady_clock::now();
  CoderOptions options;
  options.dictionary_dirs = args.dicts;
  // The database keeps each mention's explanation (docs/formats/database.md).
  options.explain = args.explain || !args.db.empty();
  options.require_source_actor = args.require_actors;
  options.drop_furniture = !args.keep_furniture;
  options.max_sentence_bytes = args.max_sentence_bytes;
  options.gazetteer = args.gazetteer;
  auto coder = Coder::Create(options);
  if (!coder.ok()) {
    std::cerr << "dyad code: cannot load dictionaries:\n"
              << coder.status().message() << "\n";
    return kExitUsage;
  }
  if (!(*coder)->gazetteer_status().ok() && args.gazetteer != "none" &&
      !args.quiet)
    std::cerr << "dyad code: events get no places: "
              << (*coder)->gazetteer_status().message()
              << " (run scripts/setup.sh to install the gazetteer)\n";
  ReaderOptions reader_options;
  reader_options.default_date = default_date;
  if (args.input_format == "jsonl") reader_options.format = InputFormat::kJsonl;
  if (args.input_format == "text") reader_options.format = InputFormat::kText;
  if (args.input_format == "html") reader_options.format = InputFormat::kHtml;
  if (args.input_format == "warc") reader_options.format = InputFormat::kWarc;

  std::ios::sync_with_stdio(false);
  if (args.ontology == "plover" && args.format != "jsonl") {
    std::cerr << "dyad code: --ontology plover writes JSON Lines only\n";
    return kExitUsage;
  }
  OutputFormat format = args.ontology == "plover" ? OutputFormat::kPloverJsonl
                        : args.format == "tsv"    ? OutputFormat::kTsv
                                                  : OutputFormat::kJsonl;
  const auto code_start = std::chrono::steady_clock::now();
  PipelineOptions pipeline_options;
  pipeline_options.threads =
      args.threads > 0
          ? args.threads
          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  pipeline_options.format = format;
  pipeline_options.explain = args.explain;
  std::unique_ptr<SqliteStore> store;
  if (!args.db.empty()) {
    auto opened = SqliteStore::Open(args.db);
    if (!opened.ok()) {
      std::cerr << "dyad code: " << opened.status().message() << "\n";
      return kExitUsage;
    }
    store = std::move(opened).value();
    pipeline_options.sink = store.get();
  }
  const bool show_progress =
      !args.quiet && (args.progress > 0 || (args.progress == 0 &&
                                            ProgressMeter::StderrIsTerminal()));
  ProgressMeter progress(&std::cerr, show_progress);
  std::ostream& err = *progress.stream();
  uint64_t bytes_before = 0;  // input bytes of the inputs already read
  const RecordReader* current = nullptr;
  std::string current_name;
  Pipeline* running = nullptr;
  if (show_progress) {
    pipeline_options.progress = [&] {
      const PipelineStats& st = running->stats();
      progress.Update(st.records, bytes_before + current->BytesRead(),
                      st.events, current_name);
    };
  }
  Pipeline pipeline(**coder, pipeline_options, &std::cout, &err);
  running = &pipeline;
  std::vector<std::string> inputs = args.inputs;
  if (inputs.empty()) inputs.push_back("-");
  bool open_failed = false;
  inputs = ExpandInputs(inputs, err, &open_failed);
  std::vector<std::string> summaries;
  for (const std::string& path : inputs) {
    auto reader = RecordReader::Open(path, reader_options);
    if (!reader.ok()) {
      err << reader.status().message() << "\n";
      open_failed = true;
      continue;
    }
    current = reader->get();
    current_name = path;
    pipeline.Run(reader->get());
    bytes_before += (*reader)->BytesRead();
    std::string summary = (*reader)->Summary();
    if (!summary.empty()) summaries.push_back(std::move(summary));
  }
  pipeline.Finish();
  progress.Finish();
  bool store_failed = false;
  if (!pipeline.status().ok()) {
    std::cerr << "dyad code: stopped: " << pipeline.status().message()
              << "\n(what was stored before is kept; run the same command "
                 "again to complete the load)\n";
    store_failed = true;
  }
  const PipelineStats& st = pipeline.stats();
  const long records = st.records, failed = st.failed;
  const long sentences = st.sentences, events = st.events;
  const long warnings = st.warnings;
  if (args.stats) {
    auto seconds = [](auto from, auto to) {
      return std::chrono::duration<double>(to - from).count();
    };
    const auto end = std::chrono::steady_clock::now();
    const double code_s = seconds(code_start, end);
    char line[512];
    std::snprintf(
        line, sizeof line,
        "{\"threads\": %d, \"load_seconds\": %.3f, \"code_seconds\": %.3f, "
        "\"records\": %ld, \"sentences\": %ld, \"events\": %ld, "
        "\"bytes\": %zu, \"articles_per_s\": %.0f, "
        "\"sentences_per_s\": %.0f, \"mb_per_s\": %.2f}",
        pipeline_options.threads, seconds(load_start, code_start), code_s,
        records, sentences, events, st.bytes,
        code_s > 0 ? records / code_s : 0.0,
        code_s > 0 ? sentences / code_s : 0.0,
        code_s > 0 ? st.bytes / 1e6 / code_s : 0.0);
    std::cerr << "dyad code: stats " << line << "\n";
  }
  std::cout.flush();
  if (!args.quiet) {
    for (const std::string& summary : summaries) std::cerr << summary << "\n";
    std::cerr << "dyad code: " << records << " records, "
              << (records - failed - st.skipped) << " coded, " << failed
              << " failed, ";
    if (st.skipped > 0)
      std::cerr << st.skipped << " skipped (no article text), ";
    std::cerr << sentences << " sentences, " << events << " events, "
              << warnings << " warnings\n";
  }
  if (store && !args.quiet) {
    const StoreStats& ss = store->stats();
    auto events_now = store->CountRows("events");
    std::cerr << "dyad code: " << args.db << ": " << ss.articles_added
              << " articles added, " << ss.articles_skipped
              << " already stored, " << ss.articles_replaced << " replaced; "
              << ss.mentions << " mentions, " << ss.new_events
              << " new events; "
              << (events_now.ok() ? std::to_string(*events_now) : "?")
              << " events in the database\n";
  }
  if (store_failed) return kExitSomeFailed;
  if (!std::cout) {
    std::cerr << "dyad code: error writing the output\n";
    return kExitSomeFailed;
  }
  return (failed > 0 || open_failed) ? kExitSomeFailed : kExitOk;
}

}  // namespace

void AddCodeCommand(CLI::App* app, std::function<int()>* run) {
  auto args = std::make_shared<CodeArgs>();
  CLI::App* cmd = app->add_subcommand(
      "code",
      "Code articles (JSON Lines, plain text, HTML pages, WARC or WARC.gz "
      "files) into events");
  cmd->add_option("inputs", args->inputs,
                  "Input files or folders (every supported file below, in "
                  "path order); '-' or none for standard input");
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"jsonl", "tsv"}))
      ->capture_default_str();
  cmd->add_option("--ontology", args->ontology,
                  "cameo: one event per line (the shared schema); plover: one "
                  "PLOVER record per act, compound actors as lists, "
                  "statements left out")
      ->check(CLI::IsMember({"cameo", "plover"}))
      ->capture_default_str();
  cmd->add_option("--input-format", args->input_format,
                  "Input format (auto: by name, .jsonl/.json, .html/.htm, "
                  ".warc/.warc.gz, else by the first bytes: '{' JSONL, '<' "
                  "HTML, 'WARC/' or gzip WARC, else text)")
      ->check(CLI::IsMember({"auto", "jsonl", "text", "html", "warc"}))
      ->capture_default_str();
  cmd->add_option("--date", args->date,
                  "Date of plain-text articles and of records without one "
                  "(YYYY-MM-DD)");
  cmd->add_option("--dict", args->dicts,
                  "Dictionary folder (repeatable); default: the bundled data")
      ->allow_extra_args(false);
  cmd->add_flag("--explain", args->explain,
                "Add to each event the rule, dictionary entries (file:line) "
                "and spans that produced it");
  cmd->add_flag("--keep-furniture", args->keep_furniture,
                "Code page furniture too (share buttons, bylines, ...) instead "
                "of dropping it with a note");
  cmd->add_flag("--require-actors", args->require_actors,
                "Drop events whose source holds no dictionary actor");
  cmd->add_option("--max-sentence-bytes", args->max_sentence_bytes,
                  "Cut longer sentences into pieces")
      ->capture_default_str();
  cmd->add_option("-j,--threads", args->threads,
                  "Coding threads; 0 = one per core. The output is the same "
                  "for any number")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  cmd->add_option("--db", args->db,
                  "Store articles, de-duplicated events and mentions in this "
                  "SQLite database (created if missing; "
                  "docs/formats/database.md) instead of writing events");
  cmd->add_option("--gazetteer", args->gazetteer,
                  "Gazetteer of places (docs/formats/gazetteer.md); 'none' "
                  "codes without places");
  cmd->add_flag("--stats", args->stats,
                "Print load and coding time and rates as JSON on stderr");
  cmd->add_flag("-q,--quiet", args->quiet,
                "No summary lines and no progress on stderr");
  cmd->add_flag("--progress,!--no-progress", args->progress,
                "Show (or not) a progress line on stderr; by default shown "
                "when stderr is a terminal");
  cmd->callback([run, args] { *run = [args] { return RunCode(*args); }; });
}

}  // namespace dyad::cli
