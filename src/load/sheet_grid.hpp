// What the workbook readers (XLSX and XLS) share once a sheet is a grid of cells: cell references, row text, and
// the check for decimal ids that lost a trailing zero. Which sheet to read is detection: detect/sheet_choice.hpp.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/plan.hpp"

namespace plansheet::detail {

// "C12" from (column 3, row 12). The model names columns and positions (column_letters, source_cell_ref).
std::string cell_ref(int column, int row);
// "AB12" -> column 28, row 12; false when the reference is malformed or outside Excel's grid.
bool parse_cell_ref(std::string_view ref, int& column, int& row);

// A number cell shown in General format with a fractional part, for the trailing-zero check.
struct DecimalCell {
  std::size_t row = 0;     // index into table.rows
  std::size_t column = 0;  // index into the row's cells
  double value = 0;
};
// A decimal id typed as 1.10 is stored and shown as 1.1. When, in one column, a General decimal is not greater
// than the one before it with the same whole part (1.9 then 1.1), it probably lost a trailing zero: warn.
void warn_lost_trailing_zeros(RawTable& table, const std::vector<DecimalCell>& cells);

// The tab-joined text of a row's cells without trailing empty ones (Row.raw for workbook inputs).
std::string join_cells(const Row& row);

}  // namespace plansheet::detail
