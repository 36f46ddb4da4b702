// SqliteStore: stores coded articles, de-duplicated events and their
// mentions in a SQLite database (docs/formats/database.md).
//
//   auto store = SqliteStore::Open("events.db");
//   if (!store.ok()) { ... store.status().message() ... }
//   PipelineOptions o; o.sink = store->get();
//
// Loading is idempotent (an article stored with the same text is skipped)
// and transactional (one transaction per batch, write-ahead log): a process
// killed mid-load leaves the database as of the last batch, and running
// the load again completes it without duplicates.
//
// Not thread-safe: the pipeline calls it from one thread.
#ifndef DYAD_STORE_SQLITE_STORE_H_
#define DYAD_STORE_SQLITE_STORE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>

#include "dyad/status.h"
#include "pipeline/pipeline.h"

struct sqlite3;
struct sqlite3_stmt;

namespace dyad {

struct StoreStats {
  long articles_added = 0;
  long articles_skipped = 0;   // stored before with the same text
  long articles_replaced = 0;  // stored before with another text
  long mentions = 0;           // mentions written
  long new_events = 0;         // event rows created
};

class SqliteStore : public RecordSink {
 public:
  // Opens (creating if need be) the database at `path`, migrating an older
  // schema version in place. Fails, naming the file, when it is not a
  // SQLite database, holds another schema, or cannot be written.
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path);
  ~SqliteStore() override;

  Status Add(const InputRecord& record, const CodedArticle& coded) override;
  Status EndBatch() override;

  const StoreStats& stats() const { return stats_; }
  // Rows in the events and mentions tables.
  Result<int64_t> CountRows(const char* table) const;

  // Version 2 added the date_* columns of mentions; a version-1 database
  // is migrated in place when opened.
  static constexpr int kSchemaVersion = 2;

 private:
  explicit SqliteStore(std::string path) : path_(std::move(path)) {}
  Status Init();
  Status Exec(const char* sql);
  Status Error(const char* what) const;  // names the file and SQLite's error
  Status Prepare(const char* sql, sqlite3_stmt** stmt);
  Status Begin();

  std::string path_;
  sqlite3* db_ = nullptr;
  bool in_transaction_ = false;
  StoreStats stats_;
  std::unordered_set<int64_t> touched_;  // events whose counts to redo
  sqlite3_stmt* find_article_ = nullptr;
  sqlite3_stmt* insert_article_ = nullptr;
  sqlite3_stmt* update_article_ = nullptr;
  sqlite3_stmt* old_events_ = nullptr;
  sqlite3_stmt* delete_mentions_ = nullptr;
  sqlite3_stmt* upsert_event_ = nullptr;
  sqlite3_stmt* insert_mention_ = nullptr;
  sqlite3_stmt* recount_ = nullptr;
  sqlite3_stmt* delete_empty_ = nullptr;
};

}  // namespace dyad

#endif  // DYAD_STORE_SQLITE_STORE_H_
