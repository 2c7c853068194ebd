// Stage: sniff the dialect of a paste. Lines in, how cells are separated out, with the evidence for the choice.
#pragma once

#include <string>
#include <vector>

#include "detect/fixed_width.hpp"

namespace plansheet {

enum class Separator { tab, spaces, fixed, markdown, none };

struct Dialect {
  Separator separator = Separator::none;
  std::string evidence;  // e.g. "47 of 60 non-blank lines hold tabs"
  ColumnGrid grid;       // fixed: the columns found from the gutters between them
};

Dialect sniff(const std::vector<std::string>& lines);
const char* separator_name(Separator s);

}  // namespace plansheet
