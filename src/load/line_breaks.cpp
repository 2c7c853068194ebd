// Line breaks kept in running text only (see line_breaks.hpp).
#include "load/line_breaks.hpp"

#include <algorithm>

#include "text/text_span.hpp"

namespace plansheet {
namespace {

void fold(std::string& text) {
  if (text.find('\n') != std::string::npos) text = fold_whitespace(text);
}

}  // namespace

bool keeps_line_breaks(Role role) {
  switch (role) {
    case Role::action:
    case Role::objective:
    case Role::lead:
    case Role::partners:
    case Role::update:
    case Role::extra:
      return true;
    default:
      return false;
  }
}

void fold_line_breaks(RawTable& table, TableLayout& layout) {
  const bool any = std::any_of(table.rows.begin(), table.rows.end(), [](const Row& row) {
    return std::any_of(row.cells.begin(), row.cells.end(),
                       [](const Cell& c) { return c.text.find('\n') != std::string::npos; });
  });
  if (!any) return;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const bool body = r >= layout.body_begin && !is_key_row(layout, r);
    std::vector<Cell>& cells = table.rows[r].cells;
    for (std::size_t c = 0; c < cells.size(); ++c)
      if (!body || c >= layout.columns.size() || !keeps_line_breaks(layout.columns[c].role)) fold(cells[c].text);
  }
  for (ColumnSpec& column : layout.columns) fold(column.label);
  if (layout.title) fold(*layout.title);
  for (LegendEntry& entry : layout.legend) fold(entry.text);
}

}  // namespace plansheet
