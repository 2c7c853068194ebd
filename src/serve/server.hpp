// `plansheet serve`: the page and the JSON API over HTTP (cpp-httplib), on loopback unless told otherwise.
// Command-line words in, an exit code out when the server is stopped (Ctrl-C or SIGTERM).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace plansheet::serve {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                            // 0: any free port (printed on start)
  bool open = false;                          // open the page in the desktop's browser
  std::uint64_t max_upload = 50ull << 20;     // --max-upload: one request's plan
  std::size_t workers = 2;                    // --workers: conversions at once
  std::size_t queue = 4;                      // --queue: conversions waiting before 503
  int time_limit = 60;                        // --time-limit: seconds before a conversion's answer is given up
};

// Throws usage_error on an unknown flag or a bad value.
ServeOptions parse_serve_options(const std::vector<std::string>& words);

// Serves until SIGINT or SIGTERM; throws Error when it cannot listen.
int run_server(const ServeOptions& options);

// The `serve` command: words after "serve".
int serve_main(const std::vector<std::string>& words);

}  // namespace plansheet::serve
