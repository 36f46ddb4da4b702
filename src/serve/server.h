// Server: `dyad serve`, the JSON API over an event database and the web
// dashboard that reads it (docs/serve.md).
//
//   ServeOptions o;
//   o.db_path = "events.db";
//   Server server(o);
//   Status s = server.Bind();        // then server.port() is known
//   server.Run();                    // until Stop() from another thread
//
// Safety, for a server that may face a hostile local page or user:
//  - it listens on 127.0.0.1 unless told otherwise;
//  - every query value reaches SQLite as a bound parameter (src/query);
//  - only known paths answer: the dashboard's own files, listed when the
//    server starts, and a fixed list of library files; no path is ever
//    joined to a folder, so "../" leads nowhere;
//  - requests are limited in size (URI 8 KiB, no bodies: GET only) and
//    time (5 s to read a request, 5 s to write a reply, queries stopped
//    after `query_ms`);
//  - the database is opened for each request, read-only: replacing or
//    corrupting the file while serving gives clear errors for the requests
//    that meet it, and the next good file is served.
//
// Thread-safe: requests run on a pool of `threads` threads.
#ifndef DYAD_SERVE_SERVER_H_
#define DYAD_SERVE_SERVER_H_

#include <map>
#include <memory>
#include <string>

#include "dyad/status.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace dyad {

struct ServeOptions {
  std::string db_path;
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (see Server::port())
  // The dashboard's files (the repository's web/) and the npm folder the
  // chart and map libraries are in; "" for the paths set at build time.
  std::string web_dir;
  std::string npm_dir;
  // CAMEO code names for the event list ("" for data/cameo/codes.txt).
  std::string codes_txt;
  int threads = 8;
  int read_timeout_s = 5;
  int write_timeout_s = 5;
  int query_ms = 10000;  // a query running longer is stopped
};

// The JSON API, without HTTP: answers GET `path` with `params` (the query
// string's pairs). Sets *status to the HTTP status and returns the body.
// Exposed for tests.
struct ApiReply {
  int status = 200;
  std::string body;  // JSON
};
ApiReply AnswerApi(const ServeOptions& options, const std::string& path,
                   const std::multimap<std::string, std::string>& params);

class Server {
 public:
  explicit Server(ServeOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Checks the database opens, lists the dashboard's files and binds the
  // port. Fails with a message naming the file or address.
  Status Bind();
  int port() const { return port_; }
  // Serves until Stop(). Call after Bind().
  Status Run();
  void Stop();

 private:
  void Route();
  void ServeStatic(const httplib::Request& req, httplib::Response& res);

  ServeOptions options_;
  std::unique_ptr<httplib::Server> http_;
  // URL path -> file, fixed at Bind().
  std::map<std::string, std::string> files_;
  int port_ = 0;
};

}  // namespace dyad

#endif  // DYAD_SERVE_SERVER_H_
