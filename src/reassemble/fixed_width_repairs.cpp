// Continuation repairs of fixed-width records named by role (see fixed_width_repairs.hpp). The loader logs them
// before detection, so only the table's column number is known there.
#include "reassemble/fixed_width_repairs.hpp"

namespace plansheet {

void name_joined_cells(RawTable& table, const TableLayout& layout) {
  for (Repair& r : table.repairs) {
    if (r.rule != RepairRule::continuation || !r.role.empty() || r.pos.column <= 0) continue;
    const auto c = static_cast<std::size_t>(r.pos.column - 1);
    if (c < layout.columns.size() && layout.columns[c].role != Role::ignore) r.role = cell_role_name(layout.columns[c]);
  }
}

}  // namespace plansheet
