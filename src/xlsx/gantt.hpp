// The Gantt block of the Actions sheet, drawn by rules instead of paint: a Plan in; each period's first and last
// day, each action's delivery dates, the as-at day, and the conditional-format rules that draw the bars out.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/plan.hpp"
#include "schedule.hpp"
#include "xlsx/layout.hpp"
#include "xlsx/sheet_model.hpp"

namespace plansheet::xlsx::detail {

// What a Gantt cell of an active period holds, so a bar reads in mono print and a workbook read back keeps its
// periods: a block where the action is delivered, an arrow where it is ongoing.
inline constexpr std::string_view active_glyph = "\u25A0";   // ■
inline constexpr std::string_view ongoing_glyph = "\u25B6";  // ▶
// What a "Delivery to" cell says for an action with no end of its own.
inline constexpr std::string_view ongoing_word = "Ongoing";

// First and last day (Excel serials) of absolute month `month` (year * 12 + month - 1).
double first_day_of_month(int month);
double last_day_of_month(int month);

// Each period's first and last day, for the grid's rules; nullopt where the label names no period.
struct PeriodDays {
  double first_day = 0;
  double last_day = 0;
};
std::vector<std::optional<PeriodDays>> period_days(const std::vector<GridPeriod>& grid);

// An action's "Delivery from" and "Delivery to": the first day of its first active period and the last day of its
// last; "Ongoing" for the end of an action with no end of its own. Empty when its periods leave a gap or it has
// none (its bars then come from the marks in its Gantt cells alone).
struct DeliveryCells {
  std::optional<double> from;
  std::optional<double> to;
  bool ongoing = false;  // `to` is the word "Ongoing"
};
DeliveryCells delivery_cells(const Action& action, const std::vector<GridPeriod>& grid);

// The day the Gantt marks as now and overdue counts from: --as-at (YYYY-MM-DD) when given, else the day of
// SOURCE_DATE_EPOCH when set (so a reproducible build gives the same file), else today.
double as_at_day(std::string_view as_at);

// Whether the plan's own Start and End columns can carry the bars: both shown, and every Start or End the schedule
// reads as a date written as a real date. Otherwise "Delivery from" and "Delivery to" columns are added.
bool start_end_carry_bars(const Plan& plan);

// Where the Gantt's inputs sit on the Actions sheet (0-based), for its rules.
struct GanttPlaces {
  int as_at_row = -1;  // the as-at day, in column 1
  int first_day_row = -1;
  int last_day_row = -1;
  int from_col = -1;
  int to_col = -1;
  int first_period_col = -1;
  int last_period_col = -1;
  bool month_ends = false;  // every End is written as a month (Mar-26): the overdue flag shows it so
};

// The rules over the Gantt block, the as-at period and the overdue flag on `to_col`.
void add_gantt_rules(Sheet& sheet, const ActionsGrid& grid, const GanttPlaces& places,
                     const std::vector<RagWord>& vocabulary);

}  // namespace plansheet::xlsx::detail
