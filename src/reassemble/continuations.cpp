// Continuation lines: a body row with no id that is no heading in, its cells appended to the last action's cells
// (logged). Before the first action such a row belongs to none and is set aside with a warning.
#include <fmt/format.h>

#include "grammar/api.hpp"
#include "reassemble/passes.hpp"
#include "text/text_span.hpp"

namespace plansheet::detail {

void continue_last_action(const ColumnFit& fit, const Row& row, const std::vector<std::string>& cells, int row_block,
                          Drafting& drafting, Reassembled& out) {
  const TableLayout& layout = fit.layout;
  const std::size_t width = layout.columns.size();
  const std::size_t id_col = id_column(layout);
  DraftAction* last = drafting.last;
  const std::string& last_id = drafting.last_id;
  if (!last) {
    std::string joined = joined_text(cells);
    out.removed.push_back({row.line, joined, RemovalReason::before_first_action});
    out.warnings.push_back({{row.line}, "", fmt::format("line {}: text that belongs to no action was left out: '{}'",
                                                      row.line, joined.substr(0, 80))});
    return;
  }
  // A continuation line: its cells extend the previous action's cells.
  std::vector<std::string> placed = aligned_cells(fit, cells, row_block, row.line, last_id, true, out);
  if (!placed[id_col].empty()) {
    // Text in the id column of a line with no id: not an id, and no other column's; kept, and flagged.
    out.removed.push_back({row.line, placed[id_col], RemovalReason::id_column_of_continuation});
    out.warnings.push_back({{row.line}, last_id, fmt::format("line {}: '{}' stands in the id column of a line that "
                                                           "continues {}; left out of the action", row.line,
                                                           placed[id_col], last_id)});
  }
  for (std::size_t c = 0; c < width; ++c) {
    if (placed[c].empty() || c == id_col) continue;
    std::string& have = last->cells[c];
    std::string before = have;
    Role role = layout.columns[c].role;
    if (role == Role::target || role == Role::period) {
      if (!grammar::parse_tick_cell(have).value_or(false)) have = placed[c];
      if (have == before && before.empty()) continue;
    } else {
      have = have.empty() ? placed[c] : fold_whitespace(have + " " + placed[c]);
    }
    out.repairs.push_back({RepairRule::continuation, {row.line}, last_id, cell_role_name(layout.columns[c]),
                           before + " || " + placed[c], have});
  }
  last->lines.push_back(row.line);
}

}  // namespace plansheet::detail
