// Counting Actions rows with formulas for the Summary: a column's cells from the first action row to the sheet's
// end (so rows officers add are counted), COUNTIF criteria, and COUNTIFS sums over every continuation sheet.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/plan.hpp"
#include "xlsx/sheet_model.hpp"

namespace plansheet::xlsx::detail {

// The last model row a column range opened at `first_row` reaches: the last row of the last sheet holding
// `last_row` (the sheet's own end when it does not go on over continuation sheets).
int open_last_row(const SheetSplit& split, int last_row);

// A COUNTIF criterion (as a formula string literal) matching exactly `value`, case-insensitively as COUNTIF does:
// the leading '=' stops a value such as "<50%" being read as a comparison, and '~' escapes the wildcards * ? ~.
// A value too long for a criterion (Excel takes 255 characters) is matched by its beginning.
std::string exact_criterion(std::string_view value);
inline constexpr std::string_view blank_criterion = "\"\"";
inline constexpr std::string_view filled_criterion = "\"<>\"";

// One condition on an Actions column: its cells meet `criterion` (a formula string, from exact_criterion).
struct Condition {
  int col = 0;
  std::string criterion;
};

// The formulas counting Actions rows. Each column's references are made once.
class RowCounter {
 public:
  explicit RowCounter(const ActionsGrid& grid) : grid_(grid) {}
  // "=COUNTIFS(...)+...": the rows meeting every condition of `all`, summed over the alternatives of `any` (each a
  // criterion on column any.first; none: no such condition) and over the sheets the rows are spread over.
  std::string count(const std::vector<Condition>& all, const std::pair<int, std::vector<std::string>>& any = {-1, {}});

 private:
  const std::vector<std::string>& refs(int col);
  const ActionsGrid& grid_;
  std::map<int, std::vector<std::string>> refs_;
};

// The text column filled on the most action rows (the action text, mostly): rows count as actions by it where no
// other column says so (an action with no section). -1 when the sheet has no text column.
int anchor_column(const Plan& plan, const ActionsGrid& grid);
// Whether action `a` has text in that column.
bool fills(const Action& a, const ActionsGrid& grid, int col);

}  // namespace plansheet::xlsx::detail
