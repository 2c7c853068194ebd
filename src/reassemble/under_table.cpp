// Text under the table: the table's rows and the furniture verdicts in, for each body row after the last action row
// why it is no part of the table ("" when it is). A totals row ("Total actions: 27") is never an action; a block set
// off by a blank line after the last action (a key, notes, a closing paragraph) is neither an action nor a section,
// unless its first line plainly finishes the last action's unfinished cell.
#include "detect/cell_types.hpp"
#include "reassemble/passes.hpp"
#include "text/text_span.hpp"
#include "text/unicode_text.hpp"

namespace plansheet::detail {

Verdicts find_text_under_table(const RawTable& table, const TableLayout& layout, const Verdicts& furniture) {
  const auto& rows = table.rows;
  const std::size_t id_col = id_column(layout);
  Verdicts why(rows.size());
  // The last action row: the last row with an id that is not furniture.
  std::size_t last = rows.size();
  std::string previous_id;
  for (std::size_t r = layout.body_begin; r < rows.size(); ++r) {
    if (furniture[r] || rows[r].hidden) continue;
    if (auto id = read_id(cell_texts(rows[r]), id_col, previous_id)) last = r, previous_id = id->id;
  }
  if (last == rows.size()) return why;
  bool set_off = false, block = false;
  for (std::size_t r = last + 1; r < rows.size(); ++r) {
    set_off = set_off || rows[r].page_break_before;
    if (furniture[r] || rows[r].hidden) continue;
    std::vector<std::string> cells = cell_texts(rows[r]);
    if (is_totals_line(cells)) {
      why[r] = SetAside{RemovalReason::totals_row, "a totals row under the table"};
      continue;
    }
    if (!set_off) continue;
    if (!block) {
      // The first line after the break may still finish the last action's cell (a cell split over a page).
      std::size_t col = first_filled(cells);
      const auto& above = rows[last].cells;
      bool unfinished = col < above.size() && col < layout.columns.size() &&
                        is_prose_role(layout.columns[col].role) && !above[col].text.empty() &&
                        !ends_sentence(above[col].text);
      if (col < cells.size() && (text::starts_lowercase(cells[col]) || unfinished)) continue;
    }
    block = true;
    why[r] = SetAside{RemovalReason::under_table, "set off by a blank line after the last action row (a key or notes)"};
  }
  return why;
}

}  // namespace plansheet::detail
