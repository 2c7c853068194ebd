// Running the built command line (PLANSHEET_BINARY) from a test: a temporary folder removed at the end, and one
// run with its exit code, standard output and standard error.
#pragma once

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "ledger.hpp"

namespace plansheet::testing {

struct CliResult {
  int exit = -1;
  std::string out, err;
};

// A fresh folder under the system temporary folder, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "plansheet-cli-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  fs::path write(const std::string& name, const std::string& content) const {
    std::ofstream(path / name, std::ios::binary) << content;
    return path / name;
  }
};

// A shell word holding `s` as it is.
inline std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs `plansheet ARGS` in `dir` (standard input from `stdin_file` when given, else nothing).
inline CliResult cli(const TempDir& dir, const std::string& args, const std::string& stdin_file = "") {
  const fs::path out = dir.path / ".stdout", err = dir.path / ".stderr";
  std::string command = "cd " + shell_quote(dir.path.string()) + " && " + shell_quote(PLANSHEET_BINARY) + " " + args +
                        " >" + shell_quote(out.string()) + " 2>" + shell_quote(err.string()) +
                        (stdin_file.empty() ? " </dev/null" : " <" + shell_quote(stdin_file));
  int status = std::system(command.c_str());
  CliResult r;
  r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

// One line ending in a newline, as every error message is.
inline bool one_line(const std::string& s) { return !s.empty() && s.back() == '\n' && s.find('\n') == s.size() - 1; }

}  // namespace plansheet::testing
