// Helpers of the sheet model: A1 references, sheet-name quoting, lookups by name and position.
#include "xlsx/sheet_model.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "text/ascii.hpp"

namespace plansheet::xlsx {

std::string_view style_name(Style style) {
  static constexpr std::array<std::string_view, style_count> names = {
      "",          "title",     "subtitle",  "header",      "header_centre", "band",     "text",
      "text_centre", "tick",    "rag",       "gantt_active", "gantt_ongoing", "rag_red",
      "cf_red",    "rag_amber", "cf_amber",  "rag_green",   "cf_green",      "rag_blue", "cf_blue",
      "unrated",   "count",     "count_total", "label_total", "link",        "heading",  "key_term",
      "date_mmm_yy", "date_dmy", "date_mmm_yyyy", "date_mmmm_yyyy", "text_link", "cf_section_start", "cf_section_name", "cf_section_repeat", "plain",
      "gantt_mark", "cf_gantt_active", "cf_gantt_ongoing", "cf_gantt_outside", "cf_gantt_now", "cf_gantt_now_header",
      "cf_overdue", "cf_overdue_month", "gantt_outside", "gantt_now", "overdue", "date_day"};
  return names[static_cast<std::size_t>(style)];
}

int ActionsGrid::column_of(Role role) const {
  for (const ActionsColumn& c : columns)
    if (c.kind == ColumnKind::text && c.role == role) return c.col;
  return -1;
}

int ActionsGrid::rag_col() const {
  for (const ActionsColumn& c : columns)
    if (c.kind == ColumnKind::rag) return c.col;
  return -1;
}

std::string column_name(int col) {
  std::string name;
  for (int n = col + 1; n > 0; n = (n - 1) / 26) name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  return name;
}

std::string cell_ref(int row, int col, bool absolute) {
  std::string ref = absolute ? "$" : "";
  ref += column_name(col);
  if (absolute) ref += '$';
  ref += std::to_string(row + 1);
  return ref;
}

std::string quote_sheet_name(std::string_view sheet) {
  // Excel needs quotes around names that are not a plain word (spaces, punctuation, a leading digit).
  bool plain = !sheet.empty() && !is_ascii_digit(sheet[0]);
  for (char c : sheet)
    if (!(is_ascii_alpha(c) || is_ascii_digit(c) || c == '_' || c == '.'))
      plain = false;
  if (plain) return std::string(sheet);
  std::string quoted = "'";
  for (char c : sheet) {
    if (c == '\'') quoted += '\'';
    quoted += c;
  }
  return quoted + "'";
}

std::string range_ref(std::string_view sheet, const Range& range) {
  std::string ref = quote_sheet_name(sheet);
  ref.append("!").append(cell_ref(range.first_row, range.first_col, true));
  if (range.last_row != range.first_row || range.last_col != range.first_col)
    ref.append(":").append(cell_ref(range.last_row, range.last_col, true));
  return ref;
}

std::optional<Range> SheetSplit::on_part(const Range& range, int part) const {
  const int part_first = first_row + part * capacity(), part_last = part_first + capacity() - 1;
  Range out = range;
  if (range.last_row < first_row) return out;  // above the body: on every sheet
  if (range.first_row >= first_row) {
    if (range.first_row > part_last || range.last_row < part_first) return std::nullopt;
    out.first_row = row_on_part(std::max(range.first_row, part_first));
  }
  out.last_row = range.last_row < part_first ? first_row - 1 : row_on_part(std::min(range.last_row, part_last));
  return out;
}

std::string part_name(std::string_view sheet, int part) {
  return part > 0 ? fmt::format("{} ({})", sheet, part + 1) : std::string(sheet);
}

std::string located_ref(std::string_view sheet, const SheetSplit& split, int row, int col) {
  return fmt::format("{}!{}", quote_sheet_name(part_name(sheet, split.part_of(row))), cell_ref(split.row_on_part(row), col));
}

std::vector<std::string> located_range_refs(std::string_view sheet, const SheetSplit& split, const Range& range) {
  std::vector<std::string> refs;
  for (int part = split.part_of(range.first_row); part <= split.part_of(range.last_row); ++part)
    if (const auto piece = split.on_part(range, part)) refs.push_back(range_ref(part_name(sheet, part), *piece));
  return refs;
}

const Sheet* find_sheet(const WorkbookModel& model, std::string_view name) {
  for (const Sheet& s : model.sheets)
    if (s.name == name) return &s;
  return nullptr;
}

const SheetCell* find_cell(const Sheet& sheet, int row, int col) {
  auto it = std::lower_bound(sheet.cells.begin(), sheet.cells.end(), std::pair{row, col},
                             [](const SheetCell& c, const std::pair<int, int>& key) {
                               return std::pair{c.row, c.col} < key;
                             });
  if (it != sheet.cells.end() && it->row == row && it->col == col) return &*it;
  return nullptr;
}

const StyleSpec* find_style(const WorkbookModel& model, std::string_view name) {
  for (const StyleSpec& s : model.styles)
    if (style_name(s.id) == name) return &s;
  return nullptr;
}

const StyleSpec* find_style(const WorkbookModel& model, Style id) {
  for (const StyleSpec& s : model.styles)
    if (s.id == id) return &s;
  return nullptr;
}

}  // namespace plansheet::xlsx
