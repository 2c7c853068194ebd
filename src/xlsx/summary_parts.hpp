// The parts of the Summary sheet shared by summary_sheet.cpp (the section table and its chart) and
// summary_lists.cpp (the lists below it: status, stage, lead, delivery period).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "xlsx/sheet_model.hpp"
#include "xlsx/vocabulary.hpp"

namespace plansheet::xlsx::detail {

class SheetBuilder;
class RowCounter;

// One counted column of the section table: its header, the criteria that count a row in it (any of them), its
// header style and its chart bar's colours.
struct CountColumn {
  std::string label;
  std::vector<std::string> criteria;
  Style header = Style::header_centre;
  std::uint32_t fill = 0;
  std::uint32_t text = 0;
};

// The `most` most used values (ties: first seen), in first-seen order; all of them when there are few more.
std::vector<std::string> top_values(const ValueCounts& counts, std::size_t most);

// How many sheet rows of the default height a chart of `y_scale` covers.
int chart_rows(double y_scale);
// The step of a chart's count axis whose longest bar is `most` (0: the reader's own).
double whole_steps(double most);

// The actions counted by one column's values (status, stage, lead) from `row` on: the most used values, the rest
// as one line, those without a value, the total. Returns the row after the total; widens `name_width`.
int add_value_counts(SheetBuilder& b, const Plan& plan, const ActionsGrid& grid, RowCounter& counter, Role role,
                     int col, int anchor, int row, double& name_width);

// The actions active in each Gantt period at (`row`, `col`), with a chart beside them (nothing when the plan has no
// periods). Returns the row below both.
int add_period_counts(SheetBuilder& b, const Plan& plan, int row, int col);

}  // namespace plansheet::xlsx::detail
