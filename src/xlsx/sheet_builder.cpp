// Building one sheet of the model (see sheet_builder.hpp): cells in any order in, a finished Sheet out.
#include "xlsx/sheet_builder.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "xlsx/change_words.hpp"
#include "xlsx/measure.hpp"

namespace plansheet::xlsx::detail {

void SheetBuilder::text(int row, int col, std::string_view value, Style style) {
  sheet_.cells.push_back({row, col, CellKind::text, valid_utf8(value), 0, style, {}, {}});
}

void SheetBuilder::blank(int row, int col, Style style) {
  sheet_.cells.push_back({row, col, CellKind::blank, {}, 0, style, {}, {}});
}

void SheetBuilder::number(int row, int col, double value, Style style) {
  sheet_.cells.push_back({row, col, CellKind::number, {}, value, style, {}, {}});
}

void SheetBuilder::formula(int row, int col, std::string f, double value, Style style) {
  if (f.size() > max_formula_chars)
    number(row, col, value, style);
  else
    sheet_.cells.push_back({row, col, CellKind::formula, std::move(f), value, style, {}, {}});
}

void SheetBuilder::merge(Range r, std::string_view value, Style style) {
  if (r.first_row == r.last_row && r.first_col == r.last_col)
    text(r.first_row, r.first_col, value, style);
  else
    sheet_.merges.push_back({r, valid_utf8(value), style});
}

void SheetBuilder::height(int row, double points) {
  double& h = heights_[row];
  h = std::max(h, std::min(points, max_row_height));
}

void SheetBuilder::width(int col, double w) { widths_[col] = std::min(w, 255.0); }

Sheet SheetBuilder::finish() {
  const auto by_position = [](const SheetCell& a, const SheetCell& b) {
    return std::pair{a.row, a.col} < std::pair{b.row, b.col};
  };
  // Cells mostly arrive in order already; sorting a sheet of them would cost more than everything else here.
  if (!std::is_sorted(sheet_.cells.begin(), sheet_.cells.end(), by_position))
    std::stable_sort(sheet_.cells.begin(), sheet_.cells.end(), by_position);
  sheet_.rows.reserve(heights_.size());
  for (int row : hidden_) heights_.try_emplace(row, 15.0);
  for (auto [row, style] : row_styles_) heights_.try_emplace(row, 15.0);
  for (auto [row, h] : heights_) {
    const auto style = row_styles_.find(row);
    sheet_.rows.push_back({row, h, std::find(hidden_.begin(), hidden_.end(), row) != hidden_.end(),
                           style == row_styles_.end() ? Style::none : style->second});
  }
  for (int col : hidden_columns_) widths_.try_emplace(col, 8.43);
  for (auto [col, style] : column_styles_) widths_.try_emplace(col, 8.43);
  for (auto [col, w] : widths_) {
    const auto style = column_styles_.find(col);
    sheet_.columns.push_back(
        {col, col, w, std::find(hidden_columns_.begin(), hidden_columns_.end(), col) != hidden_columns_.end(),
         style == column_styles_.end() ? Style::none : style->second});
  }
  return std::move(sheet_);
}

std::string footer_text(std::string_view title) {
  // '&' starts a code there, so a literal one is doubled; Excel caps the whole at 255.
  std::string t;
  for (char c : title) {
    if (c == '&') t += '&';
    t += c;
  }
  if (utf16_length(t) > 150) t = cut_to_limit(t, 150);
  return "&L" + t + "&C&A&RPage &P of &N";
}

std::string formula_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string visible_controls(std::string_view s) { return marked_text(s, ""); }

std::string cell_limit_message(std::string_view what, std::string_view cell, std::size_t n) {
  return fmt::format("{} {} holds {} characters, more than a spreadsheet cell's {}; the workbook shows the first "
                     "part and the JSON export keeps the whole text",
                     what, cell, n, max_cell_chars);
}

void warn_if_continued(std::string_view sheet, const SheetSplit& split, int last_row, std::vector<Diagnostic>& warnings) {
  const int parts = split.part_of(last_row) + 1;
  if (parts < 2) return;
  Diagnostic d;
  d.output_cell = std::string(sheet);
  d.message = fmt::format("the {} sheet needs {} rows, more than the {} a sheet holds; its rows go on over {} ({} "
                          "sheet{}), each under the same title and header",
                          sheet, last_row + 1, split.sheet_rows,
                          parts == 2 ? quote_sheet_name(part_name(sheet, 1))
                                     : fmt::format("{} to {}", quote_sheet_name(part_name(sheet, 1)),
                                                   quote_sheet_name(part_name(sheet, parts - 1))),
                          parts - 1, parts == 2 ? "" : "s");
  warnings.push_back(std::move(d));
}

}  // namespace plansheet::xlsx::detail
