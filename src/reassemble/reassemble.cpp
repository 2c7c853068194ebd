// Stage: reassemble the body of a table into draft actions (see reassemble.hpp): the table and its layout in, the
// drafts, headings and logs out. The passes are in this folder, one file each (declared in passes.hpp).
#include "reassemble/reassemble.hpp"

#include "reassemble/passes.hpp"

namespace plansheet {

using namespace detail;

Reassembled reassemble(const RawTable& table, const TableLayout& layout, const Dictionary& dictionary) {
  Reassembled out;
  // 1. The header's own cells, to know the header when a later page prints it again.
  const std::vector<std::string> header_cells = header_texts(table, layout);
  // 2. Column profiles and page blocks, for aligning cells to columns by content.
  const ColumnFit fit = learn_column_fit(table, layout, dictionary);
  // 3. The body rows in order (so the logs keep the rows' order), each taken by the first pass that claims it.
  Drafting drafting;
  for (std::size_t r = layout.body_begin; r < table.rows.size(); ++r) {
    const Row& row = table.rows[r];
    std::vector<std::string> cells = cell_texts(row);
    const int row_block = fit.block_of_row[r];
    // 3a. Page furniture, hidden rows and the header printed again are set aside.
    if (set_aside_furniture(row, cells, header_cells, out)) continue;
    // 3b. A row with far more cells than the header: the paste may have lost its line breaks.
    warn_lost_line_breaks(row, cells, layout, out);
    // 3c. The row's id, if it has one; a mark glued to it gets its own cell.
    std::optional<RowId> id = read_row_id(row, cells, layout, drafting, out);
    if (id) {
      // 3d. The action row's cells aligned to columns by content.
      std::vector<std::string> placed = action_row_cells(fit, std::move(cells), row_block, row.line, *id, out);
      // 3e. The last action's id again: that row printed twice, merged into it.
      if (merge_printed_twice(placed, row, *id, layout, dictionary, drafting, out)) continue;
      // 3f. Any other id starts an action.
      start_action(std::move(placed), row, *id, drafting, out);
      continue;
    }
    // 3g. A section heading row starts a section.
    if (start_heading(row, cells, layout, drafting, out)) continue;
    // 3h. Any other row is a continuation line of the last action.
    continue_last_action(fit, row, cells, row_block, drafting, out);
  }
  // 4. The repairs of lines that extended one cell get the cell they made.
  close_runs(drafting, out);
  // 5. Text that spilled into the next row moves back.
  move_spilled_text(layout, out);
  return out;
}

}  // namespace plansheet
