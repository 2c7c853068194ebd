// Stage: sniff the dialect of a paste. Lines in, how cells are separated out, with the evidence for the choice.
#pragma once

#include <string>
#include <vector>

namespace plansheet {

enum class Separator { tab, spaces, markdown, none };

struct Dialect {
  Separator separator = Separator::none;
  std::string evidence;  // e.g. "47 of 60 non-blank lines hold tabs"
};

Dialect sniff(const std::vector<std::string>& lines);
const char* separator_name(Separator s);

}  // namespace plansheet
