// Stage: the CSV export. One header row of column labels, one row per action; cells that a spreadsheet would read
// as a formula (starting with = + - @) are neutralised with a leading apostrophe.
#pragma once

#include <string>

#include "model/plan.hpp"

namespace plansheet {

std::string emit_csv(const Plan& plan);

}  // namespace plansheet
