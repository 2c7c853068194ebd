// A private temporary folder (mode 0700 under $TMPDIR), removed with everything in it when it goes out of scope:
// where the libraries that need a file path (freexl, the workbook writer) get one for the length of a request.
#pragma once

#include <string>

namespace plansheet::serve {

class PrivateDir {
 public:
  PrivateDir();  // throws Error(exit_output) when no folder can be made
  ~PrivateDir();
  PrivateDir(const PrivateDir&) = delete;
  PrivateDir& operator=(const PrivateDir&) = delete;

  // A path inside the folder; `name` is the server's own fixed name, never one a client sent.
  std::string file(const char* name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace plansheet::serve
