// Stage (spreadsheets only): formatting that carries data (see cell_formats.hpp).
#include "repair/cell_formats.hpp"

#include <set>
#include <utility>

namespace plansheet {

void apply_cell_formats(RawTable& table, const TableLayout& layout) {
  std::set<std::pair<int, int>> rag_cells;  // (row, column) of colour-only cells read as RAG words
  for (std::size_t r = layout.body_begin; r < table.rows.size(); ++r) {
    for (std::size_t c = 0; c < table.rows[r].cells.size() && c < layout.columns.size(); ++c) {
      Cell& cell = table.rows[r].cells[c];
      if (!cell.text.empty() || cell.fill_rag().empty()) continue;
      Role role = layout.columns[c].role;
      if (role == Role::rag) {
        cell.text = cell.fill_rag();
        cell.text[0] = static_cast<char>(cell.text[0] - 'a' + 'A');
        rag_cells.emplace(cell.pos.line, cell.pos.column);
      } else if (role == Role::period) {
        cell.text = "\u25A0";  // a Gantt bar drawn as a fill: the period is active
      }
    }
  }
  // The reader logged every colour-only cell as a candidate rating; keep the ones that were.
  std::erase_if(table.repairs, [&](const Repair& r) {
    return r.rule == RepairRule::fill_colour && !rag_cells.count({r.pos.line, r.pos.column});
  });
  for (Repair& r : table.repairs)
    if (r.rule == RepairRule::fill_colour) r.role = role_name(Role::rag);
}

}  // namespace plansheet
