// Stage: load a paste. Bytes (UTF-8 with or without BOM, UTF-16 LE/BE, CRLF/LF/CR, possibly invalid UTF-8)
// in, valid UTF-8 lines out, with every decoding repair logged.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/plan.hpp"

namespace plansheet {

struct SourceText {
  std::string source;
  std::vector<std::string> lines;  // without line terminators; lines[i] is source line i + 1
  std::vector<Repair> repairs;
  std::vector<Diagnostic> warnings;
};

SourceText load_text(const std::string& source, std::string_view bytes);

}  // namespace plansheet
