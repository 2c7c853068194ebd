// Test-only inputs for running one reassembly pass alone: a layout from a list of roles, rows from lists of cells,
// a table with its header row first; and a look-up in a repairs log.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "reassemble/passes.hpp"

namespace plansheet::testing {

// Columns with the given roles, each labelled by its role name; the header is the table's first row.
inline TableLayout layout_of(const std::vector<Role>& roles) {
  TableLayout layout;
  layout.has_table = true;
  for (Role role : roles) layout.columns.push_back({role, std::string(role_name(role)), ""});
  layout.header_begin = 0;
  layout.body_begin = 1;
  layout.header_width = roles.size();
  return layout;
}

inline Row row_of(int line, const std::vector<std::string>& cells) {
  Row row;
  row.line = line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    Cell cell;
    cell.text = cells[i];
    row.cells.push_back(cell);
    row.raw += (i == 0 ? "" : "\t") + cells[i];
  }
  return row;
}

// The rows numbered from line 1, the first one the header.
inline RawTable table_of(const std::vector<std::vector<std::string>>& rows) {
  RawTable table;
  table.source = "paste.txt";
  for (const auto& cells : rows) table.rows.push_back(row_of(static_cast<int>(table.rows.size()) + 1, cells));
  return table;
}

// Whether the log holds a repair by this rule on this line and column role.
inline bool logged(const std::vector<Repair>& repairs, RepairRule rule, int line, std::string_view role) {
  for (const Repair& r : repairs)
    if (r.rule == rule && r.pos.line == line && r.role == role) return true;
  return false;
}

}  // namespace plansheet::testing
