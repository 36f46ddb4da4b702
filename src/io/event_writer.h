// EventWriter: writes events as JSON Lines or TSV (docs/formats/events.md).
// Not thread-safe: one writer per output stream.
#ifndef DYAD_IO_EVENT_WRITER_H_
#define DYAD_IO_EVENT_WRITER_H_

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "dyad/event.h"

namespace dyad {

enum class OutputFormat { kJsonl, kTsv, kPloverJsonl };

class EventWriter {
 public:
  // `header`: the TSV writer starts with a line of column names (a writer
  // that continues another's output passes false).
  static std::unique_ptr<EventWriter> Create(OutputFormat format,
                                             std::ostream* out, bool explain,
                                             bool header = true);
  virtual ~EventWriter() = default;
  virtual void Write(const Event& event) = 0;
  // Writes anything held back (the PLOVER writer gathers the events of one
  // act). Call once at the end.
  virtual void Flush() {}
};

// Appends `s` to `out` as the body of a JSON string (no quotes). Invalid
// UTF-8 is written as U+FFFD, control characters as escapes.
void AppendJsonEscaped(std::string_view s, std::string* out);

}  // namespace dyad

#endif  // DYAD_IO_EVENT_WRITER_H_
