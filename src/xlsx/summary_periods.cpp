// The Summary's delivery periods: a Plan and the Actions grid in; out, the actions active in each Gantt period as
// formulas over the row dates the bars follow (gantt.cpp's rules), with the values they give now, and a chart.
#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "text/ascii.hpp"
#include "xlsx/actions.hpp"
#include "xlsx/dates.hpp"
#include "xlsx/look.hpp"
#include "xlsx/measure.hpp"
#include "xlsx/sheet_builder.hpp"
#include "xlsx/summary_counts.hpp"
#include "xlsx/summary_parts.hpp"

namespace plansheet::xlsx::detail {

namespace {

// COUNTIFS criteria: every number (dates are numbers; text never meets a numeric comparison), and an end that
// says "ongoing" anywhere, case-insensitively, as the rules' SEARCH reads it.
constexpr std::string_view any_number = "\"<9.99E+307\"";
constexpr std::string_view ongoing_criterion = "\"*ongoing*\"";

// What a row's from and to cells hold, as the Actions sheet writes them.
struct RowDates {
  std::optional<double> from, to;
  bool to_ongoing = false;
  // The rules draw this row's bars from its dates (else from its marks).
  bool dated() const { return from && (to || to_ongoing); }
  bool meets(const PeriodDays& p) const {
    return from && *from <= p.last_day && ((to && *to >= p.first_day) || to_ongoing);
  }
};

bool says_ongoing(std::string_view text) { return ascii_lower(text).find("ongoing") != std::string::npos; }

RowDates row_dates(const Action& a, const ActionsGrid& grid, const GanttPlaces& at,
                   const std::vector<GridPeriod>& periods) {
  RowDates d;
  if (at.from_col < 0 || at.to_col < 0) return d;
  const ActionsColumn& from = grid.columns[static_cast<std::size_t>(at.from_col)];
  const ActionsColumn& to = grid.columns[static_cast<std::size_t>(at.to_col)];
  if (from.kind == ColumnKind::delivery) {
    const DeliveryCells c = delivery_cells(a, periods);
    d.from = c.from;
    d.to = c.to;
    d.to_ongoing = c.ongoing;  // written as the word "Ongoing"
    return d;
  }
  std::string scratch;
  if (const auto c = date_cell(cell_text(a, from, scratch))) d.from = c->serial;
  const std::string_view end = cell_text(a, to, scratch);
  if (const auto c = date_cell(end)) d.to = c->serial;
  else d.to_ongoing = says_ongoing(end);
  return d;
}

}  // namespace

std::string period_count_formula(RowCounter& counter, const GanttPlaces& at, int period_col, bool has_days) {
  const std::string mark(filled_criterion);
  const std::string marked = counter.count({{period_col, mark}}).substr(1);
  if (at.from_col < 0 || at.to_col < 0) return "=" + marked;
  // Rows with dates count by them; rows without count by their marks (all marked rows less the dated ones).
  const std::string dated_marked =
      counter.count({{period_col, mark}, {at.from_col, std::string(any_number)}},
                    {at.to_col, {std::string(any_number), std::string(ongoing_criterion)}})
          .substr(1);
  const std::string by_marks = fmt::format("{}-({})", marked, dated_marked);
  if (!has_days) return "=" + by_marks;
  const std::string sheet = quote_sheet_name(actions_sheet);
  const std::string first_day = fmt::format("{}!{}", sheet, cell_ref(at.first_day_row, period_col, true));
  const std::string last_day = fmt::format("{}!{}", sheet, cell_ref(at.last_day_row, period_col, true));
  const std::string by_dates = counter.count({{at.from_col, fmt::format("\"<=\"&{}", last_day)}},
                                             {at.to_col, {fmt::format("\">=\"&{}", first_day),
                                                          std::string(ongoing_criterion)}});
  return fmt::format("{}+{}", by_dates, by_marks);
}

int add_period_counts(SheetBuilder& b, const Plan& plan, const ActionsGrid& grid, RowCounter& counter, int row,
                      int col) {
  if (plan.periods.empty() || plan.actions.empty()) return row;
  const GanttPlaces at = gantt_places(grid);
  if (at.first_period_col < 0) return row;
  const std::vector<GridPeriod> periods = plan_grid(plan);
  const std::vector<std::optional<PeriodDays>> days = period_days(periods);
  const bool has_dates = at.from_col >= 0 && at.to_col >= 0;
  // Above the table, where the chart beside it leaves the lines whole; two short lines, so the note never reaches
  // past the chart and widens the printed page.
  if (row > 1) {
    if (has_dates) {
      b.text(row - 2, col,
             fmt::format("Counts follow the bars: the actions whose {} and {} dates",
                         grid.columns[static_cast<std::size_t>(at.from_col)].label,
                         grid.columns[static_cast<std::size_t>(at.to_col)].label),
             Style::subtitle);
      b.text(row - 1, col, "meet the period (an \"Ongoing\" end runs on), or, without dates, marked in it.",
             Style::subtitle);
    } else {
      b.text(row - 1, col, "Counts follow the bars: the actions marked in the period.", Style::subtitle);
    }
  }
  b.text(row, col, "Delivery period", Style::header);
  b.text(row, col + 1, "Actions active", Style::header_centre);
  b.lines(row, 2);
  const int head = row++;

  std::vector<RowDates> dates;
  dates.reserve(plan.actions.size());
  for (const Action& a : plan.actions) dates.push_back(row_dates(a, grid, at, periods));
  std::vector<double> active(plan.periods.size(), 0);
  for (std::size_t i = 0; i < plan.actions.size(); ++i) {
    const Action& a = plan.actions[i];
    const RowDates& d = dates[i];
    for (std::size_t p = 0; p < plan.periods.size(); ++p) {
      const bool marked = std::find(a.periods.begin(), a.periods.end(), plan.periods[p]) != a.periods.end();
      if (d.dated() ? p < days.size() && days[p] && d.meets(*days[p]) : marked) active[p] += 1;
    }
  }
  double width = 12;
  for (std::size_t p = 0; p < plan.periods.size(); ++p) {
    b.text(row, col, plan.periods[p], Style::text);
    width = std::max(width, std::min(30.0, text_width(plan.periods[p]) + 2));
    const int period_col = at.first_period_col + static_cast<int>(p);
    b.formula(row, col + 1, period_count_formula(counter, at, period_col, p < days.size() && days[p].has_value()),
              active[p], Style::count);
    ++row;
  }
  b.width(col, width);
  b.width(col + 1, 11);

  // A bar per period beside the list, the first at the top.
  const int first = head + 1, last = row - 1;
  Chart chart;
  chart.title = "Actions active in each delivery period";
  chart.value_axis_title = "Actions";
  chart.categories = {first, col, last, col};
  const SeriesColour& colour = series_colours[0];
  chart.series.push_back({"Actions active", {first, col + 1, last, col + 1}, colour.fill, palette::white, colour.text});
  chart.description = fmt::format(
      "Bar chart of how many actions are active in each of {} delivery periods, {} to {}; the counts are in the "
      "table at {}:{}.",
      plan.periods.size(), plan.periods.front(), plan.periods.back(), cell_ref(head, col), cell_ref(last, col + 1));
  chart.row = head;
  chart.col = col + 3;
  chart.x_scale = 1.2;
  chart.y_scale = std::max(1.0, (static_cast<double>(plan.periods.size()) * 22.0 + 110.0) / 288.0);
  chart.legend = false;
  chart.major_unit = whole_steps(*std::max_element(active.begin(), active.end()));
  const int chart_end = chart.row + chart_rows(chart.y_scale);
  b.sheet().charts.push_back(std::move(chart));
  return std::max(row + 1, chart_end);
}

}  // namespace plansheet::xlsx::detail
