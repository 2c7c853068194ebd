// The lists under the Summary's section table: a Plan and the Actions grid in; out, the actions counted by each
// value of a status, stage or lead column (formulas over the whole column) and by delivery period.
#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "text/ascii.hpp"
#include "xlsx/look.hpp"
#include "xlsx/measure.hpp"
#include "xlsx/sheet_builder.hpp"
#include "xlsx/summary_counts.hpp"
#include "xlsx/summary_parts.hpp"

namespace plansheet::xlsx::detail {

std::vector<std::string> top_values(const ValueCounts& counts, std::size_t most) {
  const std::size_t n = counts.values.size();
  if (n <= most + 2) return counts.values;  // "2 others" would say less than the two themselves
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return counts.counts[a] > counts.counts[b]; });
  order.resize(most);
  std::sort(order.begin(), order.end());
  std::vector<std::string> out;
  for (std::size_t k : order) out.push_back(counts.values[k]);
  return out;
}

int chart_rows(double y_scale) { return static_cast<int>(std::ceil(288.0 * y_scale / 20.0)); }

// Small counts in steps of one (a reader's own choice may be 0.5), larger ones in the reader's own steps (a step of
// one for a thousand actions would be a thousand grid lines).
double whole_steps(double most) { return most <= 12 ? 1 : 0; }

int add_value_counts(SheetBuilder& b, const Plan& plan, const ActionsGrid& grid, RowCounter& counter, Role role,
                     int col, int anchor, int row, double& name_width) {
  constexpr std::size_t most_lines = 10;
  const ValueCounts values = count_values(plan, role);
  const std::vector<std::string> shown = top_values(values, most_lines);
  b.text(row, 0, role_look(role).label, Style::header);
  b.text(row, 1, "Actions", Style::header_centre);
  ++row;
  const int first = row;
  double counted = 0;
  for (const std::string& v : shown) {
    const auto k = static_cast<std::size_t>(
        std::find(values.values.begin(), values.values.end(), v) - values.values.begin());
    counted += values.counts[k];
    b.text(row, 0, v, Style::text);
    name_width = std::max(name_width, std::min(45.0, text_width(v) + 2));
    b.formula(row, 1, counter.count({{col, exact_criterion(v)}}), values.counts[k], Style::count);
    ++row;
  }
  // The rest: every filled cell less those above.
  double filled = 0;
  for (double n : values.counts) filled += n;
  if (shown.size() < values.values.size()) {
    b.text(row, 0, fmt::format("Others ({} more)", values.values.size() - shown.size()), Style::text);
    b.formula(row, 1,
              fmt::format("{}-SUM({}:{})", counter.count({{col, std::string(filled_criterion)}}), cell_ref(first, 1),
                          cell_ref(row - 1, 1)),
              filled - counted, Style::count);
    ++row;
  }
  // No value: an empty cell on a row the anchor column says is an action.
  double blank = 0;
  for (const Action& a : plan.actions)
    if (trim(*a.text_of(role)).empty() && (anchor < 0 || fills(a, grid, anchor))) blank += 1;
  if (blank > 0 && anchor >= 0) {
    b.text(row, 0, "(not given)", Style::text);
    b.formula(row, 1, counter.count({{col, std::string(blank_criterion)}, {anchor, std::string(filled_criterion)}}),
              blank, Style::count);
    ++row;
  }
  b.text(row, 0, "Total", Style::label_total);
  double total = 0;
  for (const SheetCell& c : b.sheet().cells)
    if (c.col == 1 && c.row >= first && c.row < row) total += c.number;
  b.formula(row, 1, fmt::format("=SUM({}:{})", cell_ref(first, 1), cell_ref(row - 1, 1)), total, Style::count_total);
  return row + 1;
}

int add_period_counts(SheetBuilder& b, const Plan& plan, int row, int col) {
  if (plan.periods.empty() || plan.actions.empty()) return row;
  // Above the table, where the chart beside it leaves the line whole.
  if (row > 0)
    b.text(row - 1, col, "An action counts in every period its Gantt bar runs through, as converted.",
           Style::subtitle);
  b.text(row, col, "Delivery period", Style::header);
  b.text(row, col + 1, "Actions active", Style::header_centre);
  b.lines(row, 2);
  const int head = row++;
  std::vector<double> active(plan.periods.size(), 0);
  for (const Action& a : plan.actions)
    for (std::size_t p = 0; p < plan.periods.size(); ++p)
      if (std::find(a.periods.begin(), a.periods.end(), plan.periods[p]) != a.periods.end()) active[p] += 1;
  double width = 12;
  for (std::size_t p = 0; p < plan.periods.size(); ++p) {
    b.text(row, col, plan.periods[p], Style::text);
    width = std::max(width, std::min(30.0, text_width(plan.periods[p]) + 2));
    b.number(row, col + 1, active[p], Style::count);
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
