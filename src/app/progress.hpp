// Progress of a long run on stderr: a redrawn one-line bar on a terminal (files done/total, actions, elapsed,
// rate), plain lines otherwise so logs and pipes stay readable. Called from one thread only.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>

namespace plansheet {

class Progress {
 public:
  // `terminal`: draw the bar (use stream_is_terminal); otherwise only note() lines are printed.
  Progress(std::FILE* stream, std::size_t total, bool terminal);

  // Records the running totals; redraws the bar at most every 100 ms (always when `force`).
  void update(std::size_t files_done, std::size_t actions, bool force = false);
  // One line about one file: printed above the bar on a terminal, as a plain line otherwise.
  void note(const std::string& line);
  // Clears the bar (terminal) so the summary starts on a clean line.
  void finish();

  double elapsed_seconds() const;
  // The bar's text for the current totals, without control characters (tested directly).
  std::string bar_text() const;

 private:
  void draw();
  void clear();

  std::FILE* stream_;
  std::size_t total_;
  bool terminal_;
  std::size_t done_ = 0;
  std::size_t actions_ = 0;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

bool stream_is_terminal(std::FILE* stream);

// "1:05" / "1:02:03" for a count of seconds.
std::string format_elapsed(double seconds);

}  // namespace plansheet
