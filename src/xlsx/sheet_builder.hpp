// Building one sheet of the model: SheetBuilder takes cells, merges, heights and widths in any order and gives a
// finished Sheet; beside it the texts every sheet writes the same way (footers, formula strings, warnings).
#pragma once

#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/plan.hpp"
#include "xlsx/sheet_model.hpp"

namespace plansheet::xlsx::detail {

class SheetBuilder {
 public:
  explicit SheetBuilder(std::string name) { sheet_.name = std::move(name); }

  // Texts are made valid UTF-8 here, so no sheet can hand the writer a damaged one.
  void text(int row, int col, std::string_view value, Style style);
  void blank(int row, int col, Style style);
  void number(int row, int col, double value, Style style);
  // A formula with its value as computed now; falls back to the plain value when the formula would be too long.
  void formula(int row, int col, std::string f, double value, Style style);
  // A merged range, or a plain cell when the range is a single cell (Excel refuses one-cell merges).
  void merge(Range r, std::string_view value, Style style);
  // Rows take the tallest height asked of them, up to Excel's limit.
  void height(int row, double points);
  void lines(int row, int n) { height(row, 15.0 * std::max(1, n)); }
  void width(int col, double w);
  // A row hidden from view and print (it still holds what formulas and rules read).
  void hide(int row) { hidden_.push_back(row); }
  // A column hidden from view and print (what the workbook keeps for reading it back).
  void hide_column(int col) { hidden_columns_.push_back(col); }
  // The format of a column's, or a row's, cells that hold none of their own (a row's wins over a column's).
  void column_style(int col, Style style) { column_styles_[col] = style; }
  void row_style(int row, Style style) { row_styles_[row] = style; }

  Sheet& sheet() { return sheet_; }
  // The cells in row order, with the rows' heights and the columns' widths.
  Sheet finish();

 private:
  Sheet sheet_;
  std::map<int, double> heights_;
  std::map<int, double> widths_;
  std::vector<int> hidden_;
  std::vector<int> hidden_columns_;
  std::map<int, Style> column_styles_;
  std::map<int, Style> row_styles_;
};

// Header/footer text: the plan's title on the left, the sheet's name in the centre, the page on the right.
std::string footer_text(std::string_view title);
// A string literal inside an Excel formula.
std::string formula_string(std::string_view s);
// Text as the notes on repaired cells show it: a tab, a no-break space or another character no eye can see is
// written as its name in brackets ("[tab]"), as on the Repairs sheet (marked_text).
std::string visible_controls(std::string_view s);
// The warning for a cell (or a note) cut at Excel's cell limit.
std::string cell_limit_message(std::string_view what, std::string_view cell, std::size_t n);
// The warning for a sheet that goes on over continuation sheets: how many rows, and where they went.
void warn_if_continued(std::string_view sheet, const SheetSplit& split, int last_row, std::vector<Diagnostic>& warnings);

}  // namespace plansheet::xlsx::detail
