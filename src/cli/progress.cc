#include "cli/progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>

namespace dyad::cli {

// Forwards to the wrapped buffer; the first write after the meter has drawn
// its line erases that line ("\r", clear to the end of the line).
class ProgressMeter::EraseFirstBuf : public std::streambuf {
 public:
  explicit EraseFirstBuf(std::streambuf* out) : out_(out) {}
  void set_visible(bool v) { visible_ = v; }
  bool visible() const { return visible_; }
  void Erase() {
    if (!visible_) return;
    visible_ = false;
    out_->sputn("\r\x1b[K", 4);
  }
  std::streambuf* out() { return out_; }

 protected:
  int overflow(int c) override {
    if (c == traits_type::eof()) return traits_type::not_eof(c);
    Erase();
    return out_->sputc(static_cast<char>(c));
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    Erase();
    return out_->sputn(s, n);
  }
  int sync() override { return out_->pubsync(); }

 private:
  std::streambuf* out_;
  bool visible_ = false;
};

ProgressMeter::ProgressMeter(std::ostream* err, bool enabled)
    : err_(err),
      enabled_(enabled),
      buf_(std::make_unique<EraseFirstBuf>(err->rdbuf())),
      stream_(std::make_unique<std::ostream>(buf_.get())),
      start_(std::chrono::steady_clock::now()),
      // The first update draws at once; later ones at most 5 times a second.
      last_(start_ - std::chrono::seconds(1)) {}

ProgressMeter::~ProgressMeter() { Finish(); }

bool ProgressMeter::StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

void ProgressMeter::Update(long articles, uint64_t bytes, long events,
                           const std::string& input) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  char line[256];
  int n = std::snprintf(line, sizeof line,
                        "dyad: %ld articles, %.1f MB read, %ld events, %.0f "
                        "articles/s",
                        articles, bytes / 1e6, events,
                        seconds > 0 ? articles / seconds : 0.0);
  std::string text(line, n > 0 ? static_cast<size_t>(n) : 0);
  if (!input.empty()) {
    const std::string tail =
        input.size() > 40 ? "..." + input.substr(input.size() - 37) : input;
    text += " [" + tail + "]";
  }
  // Not wider than the terminal, or the line would wrap and not be erased.
  winsize ws{};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 1 &&
      text.size() >= ws.ws_col)
    text.resize(ws.ws_col - 1);
  std::streambuf* out = buf_->out();
  out->sputn("\r", 1);
  out->sputn(text.data(), static_cast<std::streamsize>(text.size()));
  out->sputn("\x1b[K", 3);
  out->pubsync();
  buf_->set_visible(true);
}

void ProgressMeter::Finish() {
  stream_->flush();
  buf_->Erase();
  buf_->out()->pubsync();
}

}  // namespace dyad::cli
