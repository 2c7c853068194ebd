// The command line. Parses arguments, runs the pipeline per input, writes outputs, maps errors to exit codes.
#include "cli.hpp"

#include <cstdio>
#include <string_view>

namespace plansheet {

int cli_main(int argc, char** argv) {
  if (argc > 1 && std::string_view(argv[1]) == "--version") {
    std::puts("plansheet " PLANSHEET_VERSION);
    return 0;
  }
  std::fputs("usage: plansheet convert|check|batch ... (being built)\n", stderr);
  return 2;
}

}  // namespace plansheet
