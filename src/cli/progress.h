// ProgressMeter: one line on stderr, drawn at the first update and then
// redrawn at most 5 times a second,
// showing articles coded, megabytes read, events and articles per second,
// for long runs of `dyad code`. It is erased before any other message is
// written through stream(), and at Finish(); it never touches stdout.
//
//   ProgressMeter progress(&std::cerr, enabled);
//   std::ostream& err = *progress.stream();   // messages go through here
//   progress.Update(articles, bytes, events, "file.warc.gz");
//   progress.Finish();
//
// Disabled, it writes nothing of its own and stream() is the wrapped one.
// Not thread-safe: called from the thread that drives the pipeline.
#ifndef DYAD_CLI_PROGRESS_H_
#define DYAD_CLI_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

namespace dyad::cli {

class ProgressMeter {
 public:
  ProgressMeter(std::ostream* err, bool enabled);
  ~ProgressMeter();
  ProgressMeter(const ProgressMeter&) = delete;
  ProgressMeter& operator=(const ProgressMeter&) = delete;

  // Where other stderr messages go while the meter runs.
  std::ostream* stream() { return stream_.get(); }
  // Redraws the line if 200 ms have passed since the last time.
  void Update(long articles, uint64_t bytes, long events,
              const std::string& input);
  // Erases the line.
  void Finish();

  // True when stderr is a terminal.
  static bool StderrIsTerminal();

 private:
  class EraseFirstBuf;
  std::ostream* err_;
  bool enabled_;
  std::unique_ptr<EraseFirstBuf> buf_;
  std::unique_ptr<std::ostream> stream_;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace dyad::cli

#endif  // DYAD_CLI_PROGRESS_H_
