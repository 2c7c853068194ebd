// Progress of a long run on stderr (see progress.hpp).
#include "app/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

namespace plansheet {

bool stream_is_terminal(std::FILE* stream) { return ::isatty(::fileno(stream)) == 1; }

std::string format_elapsed(double seconds) {
  const long total = seconds < 0 ? 0 : static_cast<long>(seconds);
  if (total >= 3600) return fmt::format("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60);
  return fmt::format("{}:{:02}", total / 60, total % 60);
}

Progress::Progress(std::FILE* stream, std::size_t total, bool terminal)
    : stream_(stream), total_(total), terminal_(terminal), start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

double Progress::elapsed_seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

std::string Progress::bar_text() const {
  constexpr std::size_t width = 24;
  const std::size_t filled = total_ ? done_ * width / total_ : width;
  const double seconds = elapsed_seconds();
  // Below a tenth of a second the rate is noise; show it once there is something to divide.
  const std::string rate = seconds >= 0.1 ? fmt::format("{:.1f} files/s", static_cast<double>(done_) / seconds) : "-- files/s";
  return fmt::format("[{}{}] {}/{} files  {} actions  {}  {}", std::string(filled, '#'), std::string(width - filled, '.'),
                     done_, total_, actions_, format_elapsed(seconds), rate);
}

void Progress::update(std::size_t files_done, std::size_t actions, bool force) {
  done_ = files_done;
  actions_ = actions;
  if (!terminal_) return;
  const auto now = std::chrono::steady_clock::now();
  if (force || !drawn_ || now - last_draw_ >= std::chrono::milliseconds(100)) draw();
}

void Progress::note(const std::string& line) {
  if (terminal_) clear();
  std::fputs((line + "\n").c_str(), stream_);
  if (terminal_) draw();
  else std::fflush(stream_);
}

void Progress::finish() {
  if (terminal_) clear();
  std::fflush(stream_);
}

void Progress::draw() {
  // \r and "erase to end of line" redraw in place without scrolling the terminal.
  std::fputs(("\r\x1b[K" + bar_text()).c_str(), stream_);
  std::fflush(stream_);
  drawn_ = true;
  last_draw_ = std::chrono::steady_clock::now();
}

void Progress::clear() {
  if (!drawn_) return;
  std::fputs("\r\x1b[K", stream_);
  drawn_ = false;
}

}  // namespace plansheet
