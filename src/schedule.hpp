// Stage: schedule. Each action's timescale (start/end or a single timescale) becomes an Interval, and the interval
// the delivery periods of the plan's grid it is active in. Unparseable timescales are kept and warned about.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/plan.hpp"

namespace plansheet {

// The headers of the date columns a workbook adds for the Gantt's bars when the plan has no Start and End dates.
inline constexpr std::string_view delivery_from_label = "Delivery from";
inline constexpr std::string_view delivery_to_label = "Delivery to";

struct ScheduleOptions {
  std::optional<std::string> periods;  // "2025-26..2029-30": the grid, overriding the header and the data
  std::string grid = "fy";             // "fy" (UK financial years, April-March), "quarter" or "year"
};

// Fills plan.periods (the grid: from the header's period columns when it has them, else from the data's span,
// else from options) and every action's interval and periods. Adds warnings to plan.warnings.
// A plansheet workbook read back: its "Delivery from" and "Delivery to" columns are left out where every action's
// pair only restates its marked periods (see drop_restated_delivery); an edited date keeps them.
// options.periods, when given, always sets the grid. Periods an action already carries (a reader found them
// marked in the Gantt cells) are kept, with a warning when its dates say otherwise.
// Throws Error(exit_usage) only for a bad options.periods or options.grid (a command-line mistake).
void schedule(Plan& plan, const ScheduleOptions& options);

// One period of a grid: its label and its months (absolute, year * 12 + month - 1, inclusive).
struct GridPeriod {
  std::string label;
  std::optional<int> first_month;  // empty for a header label that names no period ("Year 1")
  std::optional<int> last_month;
};

// The grid kind of a span of months: "fy" (April-March year), "quarter" (three months from Jan/Apr/Jul/Oct),
// "year" (January-December); nullopt for anything else.
std::optional<std::string> grid_kind(int first_month, int last_month);

// The periods of a grid kind ("fy", "quarter", "year") covering months first..last, with canonical labels:
// "2025-26", "Q1 2025/26" (April-June 2025), "2026". Empty for an unknown kind or first > last.
std::vector<GridPeriod> make_grid(std::string_view grid, int first_month, int last_month);

// A --periods value: "2025-26..2029-30", "Q1 2025/26..Q4 2026/27", "2026..2030" (canonical labels), or a comma
// list of labels kept as written ("2025-26,2026-27"). nullopt when it is none of these.
struct PeriodRange {
  std::string grid;  // "fy", "quarter" or "year"
  std::vector<GridPeriod> periods;
};
std::optional<PeriodRange> parse_period_range(std::string_view text);

// A calendar date written YYYY-MM-DD (--as-at); nullopt for anything else, or a day the month does not have.
struct IsoDate {
  int year = 0;
  int month = 0;
  int day = 0;
};
std::optional<IsoDate> parse_iso_date(std::string_view text);

// The plan's grid (plan.periods) with each period's months, read back from its label; a label that names no
// period ("Year 1") has none.
std::vector<GridPeriod> plan_grid(const Plan& plan);

// The months an action is delivered over on the grid: from the first month of its first active period to the last
// month of its last. nullopt when it has no active period, when its periods leave a gap (the dates would claim a
// period the plan did not mark) or when one of them names no months. `open_end` when the action is ongoing with no
// end of its own: its delivery then runs on past the grid.
struct DeliverySpan {
  int first_month = 0;
  int last_month = 0;
  bool open_end = false;
};
std::optional<DeliverySpan> delivery_span(const Action& action, const std::vector<GridPeriod>& grid);

// The "Delivery from" and "Delivery to" columns of a workbook plansheet wrote, read back: where each action's pair
// is exactly what the workbook derived from its marked periods (dd/mm/yyyy, "Ongoing" for an open end, both empty
// without a span), the columns restate the Gantt and are removed with their texts; otherwise (an officer edited a
// date, or a plan of its own has columns so named) all is kept. Returns whether they were removed. Run before the
// schedule reads timescales, so the dates are never read as one.
bool drop_restated_delivery(Plan& plan);

}  // namespace plansheet
