// The command line (CONTRACT.md): convert, check, batch, --help, --version. Returns the process exit code.
#pragma once

namespace plansheet {

int cli_main(int argc, char** argv);

}  // namespace plansheet
