// "Cannot go on" errors, each with the exit code the contract gives it. Messy data never throws: only I/O,
// unusable input and library failures do, and main turns them into one line on stderr.
#pragma once

#include <stdexcept>
#include <string>

namespace plansheet {

enum ExitCode : int {
  exit_ok = 0,
  exit_doubts = 1,      // done, with doubts that --strict turned into failure (batch: some file skipped/failed)
  exit_usage = 2,       // bad command line
  exit_input = 3,       // unreadable or unusable input (including "no action table")
  exit_output = 4,      // output could not be written
};

// The message is the whole one-line error: what, where, what to do.
class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ExitCode code() const { return code_; }

 private:
  ExitCode code_;
};

inline Error usage_error(const std::string& m) { return Error(exit_usage, m); }
inline Error input_error(const std::string& m) { return Error(exit_input, m); }
inline Error output_error(const std::string& m) { return Error(exit_output, m); }

}  // namespace plansheet
