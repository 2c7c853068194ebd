// The private temporary folder (private_dir.hpp).
#include "serve/private_dir.hpp"

#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <vector>

#include "model/errors.hpp"

namespace plansheet::serve {

PrivateDir::PrivateDir() {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/plansheet-serve-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  // mkdtemp makes the folder 0700: no other user of the machine can read an upload.
  if (!mkdtemp(name.data()))
    throw output_error("cannot make a temporary folder for the request; check that TMPDIR is writable");
  path_ = name.data();
}

PrivateDir::~PrivateDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace plansheet::serve
