#include "serve/server.h"

#include <httplib.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

#include "query/json.h"
#include "query/query.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

std::string ErrorJson(const std::string& message) {
  return "{\"error\": " + JsonString(message) + "}";
}

ApiReply Fail(int status, const std::string& message) {
  return ApiReply{status, ErrorJson(message)};
}

// The library files the dashboard loads, by URL, inside the npm folder.
const std::map<std::string, std::string>& VendorFiles() {
  static const std::map<std::string, std::string> files = {
      {"/vendor/chart.umd.min.js", "chart.js/dist/chart.umd.min.js"},
      {"/vendor/topojson-client.min.js",
       "topojson-client/dist/topojson-client.min.js"},
      {"/vendor/countries-110m.json", "world-atlas/countries-110m.json"},
  };
  return files;
}

std::string ContentType(const std::string& path) {
  auto ends = [&](std::string_view ext) {
    return path.size() >= ext.size() &&
           path.compare(path.size() - ext.size(), ext.size(), ext) == 0;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".json")) return "application/json; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  return "application/octet-stream";
}

bool ParseInt(const std::string& s, int64_t* v) {
  if (s.empty() || s.size() > 18) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
  return ec == std::errc() && p == s.data() + s.size();
}

// The filter a request asks for, from the query string. Every parameter
// must be known and given once.
Status ReadFilter(const std::multimap<std::string, std::string>& params,
                  const std::set<std::string>& extra, Filter* f,
                  std::map<std::string, std::string>* rest) {
  static const std::set<std::string> kFilterKeys = {
      "from", "to",   "source", "target", "actor",         "country",
      "code", "root", "quad",   "plover", "place_country", "limit"};
  for (auto it = params.begin(); it != params.end(); ++it) {
    const std::string& key = it->first;
    const std::string& value = it->second;
    if (params.count(key) > 1)
      return Status::InvalidArgument("parameter '" + key + "' given twice");
    if (value.size() > 200)
      return Status::InvalidArgument("parameter '" + key + "' is too long");
    if (extra.count(key)) {
      (*rest)[key] = value;
      continue;
    }
    if (!kFilterKeys.count(key))
      return Status::InvalidArgument("unknown parameter '" + key + "'");
    if (key == "from") f->from = value;
    if (key == "to") f->to = value;
    if (key == "source") f->source = value;
    if (key == "target") f->target = value;
    if (key == "actor") f->actor = value;
    if (key == "country") f->country = value;
    if (key == "code") f->code = value;
    if (key == "root") f->root = value;
    if (key == "plover") f->plover = value;
    if (key == "place_country") f->place_country = value;
    if (key == "quad" || key == "limit") {
      int64_t n = 0;
      if (!ParseInt(value, &n))
        return Status::InvalidArgument("parameter '" + key +
                                       "' is not a number: '" + value + "'");
      if (key == "quad") {
        if (n < 1 || n > 4)
          return Status::InvalidArgument("quad must be 1 to 4");
        f->quad = static_cast<int>(n);
      } else {
        f->limit = n;
      }
    }
  }
  return ValidateFilter(*f);
}

template <typename T>
ApiReply Reply(const Result<T>& r) {
  if (!r.ok()) {
    const Status& s = r.status();
    return Fail(s.code() == Status::Code::kInvalidArgument ? 400
                : s.code() == Status::Code::kNotFound      ? 404
                                                           : 500,
                s.message());
  }
  return ApiReply{200, ToJson(r.value())};
}

}  // namespace

ApiReply AnswerApi(const ServeOptions& options, const std::string& path,
                   const std::multimap<std::string, std::string>& params) {
  std::set<std::string> extra;
  if (path == "/api/timeline") extra = {"by"};
  if (path == "/api/events") extra = {"order"};
  if (path == "/api/event") extra = {"id"};
  if (path == "/api/top/dyads" || path == "/api/top/actors")
    extra = {"rank", "level"};
  Filter filter;
  std::map<std::string, std::string> rest;
  if (Status s = ReadFilter(params, extra, &filter, &rest); !s.ok())
    return Fail(400, s.message());

  static const std::set<std::string> kPaths = {
      "/api/stats",  "/api/timeline", "/api/top/dyads", "/api/top/actors",
      "/api/events", "/api/event",    "/api/places"};
  if (!kPaths.count(path)) return Fail(404, "no such API path: " + path);

  // Opened for each request: a replaced or broken file is met afresh.
  auto db = EventDb::Open(options.db_path);
  if (!db.ok()) return Fail(503, db.status().message());
  (*db)->SetTimeLimit(options.query_ms);
  if (!options.codes_txt.empty())
    (*db)->LoadCodeNames(options.codes_txt);  // names are a nicety

  if (path == "/api/stats") return Reply((*db)->Stats());
  if (path == "/api/timeline") {
    Period by = Period::kMonth;
    if (rest.count("by") && !ParsePeriod(rest["by"], &by))
      return Fail(400, "by must be day, week, month or year");
    return Reply((*db)->Timeline(filter, by));
  }
  if (path == "/api/top/dyads" || path == "/api/top/actors") {
    TopOptions top;
    if (rest.count("rank")) {
      if (rest["rank"] == "mentions") {
        top.by = RankBy::kMentions;
      } else if (rest["rank"] != "events") {
        return Fail(400, "rank must be events or mentions");
      }
    }
    if (rest.count("level")) {
      if (rest["level"] == "country") {
        top.level = ActorLevel::kCountry;
      } else if (rest["level"] != "code") {
        return Fail(400, "level must be code or country");
      }
    }
    if (path == "/api/top/dyads") return Reply((*db)->TopDyads(filter, top));
    return Reply((*db)->TopActors(filter, top));
  }
  if (path == "/api/events") {
    EventOrder order = EventOrder::kNewest;
    if (rest.count("order") && !ParseEventOrder(rest["order"], &order))
      return Fail(400, "order must be newest, oldest, mentions or conflict");
    return Reply((*db)->Events(filter, order));
  }
  if (path == "/api/places") return Reply((*db)->Places(filter));
  // /api/event
  int64_t id = 0;
  if (!rest.count("id") || !ParseInt(rest["id"], &id) || id < 1)
    return Fail(400, "id must be an event id (a positive number)");
  return Reply((*db)->Event(id));
}

Server::Server(ServeOptions options) : options_(std::move(options)) {
#ifdef DYAD_DEFAULT_WEB_DIR
  if (options_.web_dir.empty()) options_.web_dir = DYAD_DEFAULT_WEB_DIR;
#endif
#ifdef DYAD_DEFAULT_NPM_DIR
  if (options_.npm_dir.empty()) options_.npm_dir = DYAD_DEFAULT_NPM_DIR;
#endif
#ifdef DYAD_DEFAULT_CODES_TXT
  if (options_.codes_txt.empty()) options_.codes_txt = DYAD_DEFAULT_CODES_TXT;
#endif
}

Server::~Server() { Stop(); }

Status Server::Bind() {
  auto db = EventDb::Open(options_.db_path);
  if (!db.ok()) return db.status();
  // The dashboard's files, listed once: nothing else on disk is served.
  std::error_code ec;
  if (!fs::is_directory(options_.web_dir, ec))
    return Status::NotFound(options_.web_dir +
                            ": the dashboard's folder is missing");
  for (const auto& entry : fs::directory_iterator(options_.web_dir, ec)) {
    if (!entry.is_regular_file()) continue;
    const std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    files_["/" + name] = entry.path().string();
  }
  if (files_.count("/index.html")) files_["/"] = files_["/index.html"];
  for (const auto& [url, rel] : VendorFiles()) {
    const std::string file = options_.npm_dir + "/" + rel;
    if (fs::is_regular_file(file, ec)) files_[url] = file;
  }

  http_ = std::make_unique<httplib::Server>();
  const int threads = std::max(1, options_.threads);
  http_->new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<size_t>(threads));
  };
  http_->set_read_timeout(options_.read_timeout_s, 0);
  http_->set_write_timeout(options_.write_timeout_s, 0);
  http_->set_keep_alive_timeout(2);
  http_->set_keep_alive_max_count(100);
  http_->set_payload_max_length(1024);
  Route();
  if (options_.port == 0) {
    port_ = http_->bind_to_any_port(options_.host);
  } else {
    port_ =
        http_->bind_to_port(options_.host, options_.port) ? options_.port : -1;
  }
  if (port_ <= 0)
    return Status::IoError("cannot listen on " + options_.host + ":" +
                           std::to_string(options_.port) +
                           " (in use, or not an address of this machine)");
  return Status::Ok();
}

void Server::Route() {
  auto headers = [](httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Cache-Control", "no-store");
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; img-src 'self' data:; "
                   "style-src 'self' 'unsafe-inline'");
  };
  http_->Get(R"(/api/.*)", [this, headers](const httplib::Request& req,
                                           httplib::Response& res) {
    std::multimap<std::string, std::string> params(req.params.begin(),
                                                   req.params.end());
    ApiReply reply = AnswerApi(options_, req.path, params);
    headers(res);
    res.status = reply.status;
    res.set_content(reply.body, "application/json; charset=utf-8");
  });
  http_->Get(R"(/.*)", [this, headers](const httplib::Request& req,
                                       httplib::Response& res) {
    headers(res);
    ServeStatic(req, res);
  });
  // Anything but GET: no bodies are read.
  auto refuse = [headers](const httplib::Request&, httplib::Response& res) {
    headers(res);
    res.status = 405;
    res.set_content(ErrorJson("only GET is served"),
                    "application/json; charset=utf-8");
  };
  http_->Post(R"(/.*)", refuse);
  http_->Put(R"(/.*)", refuse);
  http_->Delete(R"(/.*)", refuse);
  http_->Patch(R"(/.*)", refuse);
  http_->set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        res.status = 500;
        res.set_content(ErrorJson("internal error"),
                        "application/json; charset=utf-8");
      });
}

void Server::ServeStatic(const httplib::Request& req, httplib::Response& res) {
  auto it = files_.find(req.path);
  if (it == files_.end()) {
    res.status = 404;
    res.set_content(ErrorJson("not found: " + req.path.substr(0, 200)),
                    "application/json; charset=utf-8");
    return;
  }
  std::ifstream in(it->second, std::ios::binary);
  std::ostringstream body;
  body << in.rdbuf();
  if (!in) {
    res.status = 500;
    res.set_content(ErrorJson("cannot read " + req.path),
                    "application/json; charset=utf-8");
    return;
  }
  res.set_content(body.str(), ContentType(it->second).c_str());
}

Status Server::Run() {
  if (!http_) return Status::InvalidArgument("Run() before Bind()");
  if (!http_->listen_after_bind())
    return Status::IoError("the server stopped listening");
  return Status::Ok();
}

void Server::Stop() {
  if (http_) http_->stop();
}

}  // namespace dyad
