// Stage: schedule. Each action's timescale (start/end or a single timescale) becomes an Interval, and the interval
// the delivery periods of the plan's grid it is active in. Unparseable timescales are kept and warned about.
#pragma once

#include <optional>
#include <string>

#include "model.hpp"

namespace plansheet {

struct ScheduleOptions {
  std::optional<std::string> periods;  // "2025-26..2029-30": the grid, overriding the header and the data
  std::string grid = "fy";             // "fy" (UK financial years, April-March), "quarter" or "year"
};

// Fills plan.periods (the grid: from the header's period columns when it has them, else from the data's span,
// else from options) and every action's interval and periods. Adds warnings to plan.warnings.
void schedule(Plan& plan, const ScheduleOptions& options);

}  // namespace plansheet
