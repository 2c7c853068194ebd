// Stage: reassemble the body of a table into draft actions (see reassemble.hpp): the table and its layout in, the
// drafts, headings and logs out. The passes are in this folder, one file each (declared in passes.hpp).
#include "reassemble/reassemble.hpp"

#include <fmt/format.h>

#include "reassemble/passes.hpp"

namespace plansheet {

using namespace detail;

Reassembled reassemble(const RawTable& table, const TableLayout& layout, const Dictionary& dictionary) {
  Reassembled out;
  const auto& rows = table.rows;
  // 1. Page furniture, judged once for the whole table (a page number by the break beside it, a running header by
  //    its recurring): page numbers, every header line printed again, running headers and footers.
  const Verdicts furniture = find_furniture(table, layout);
  // 2. Text under the table: a totals row, a key or notes set off after the last action row.
  const Verdicts under_table = find_text_under_table(table, layout, furniture);
  // 3. Column profiles and page blocks, for aligning cells to columns by content.
  const ColumnFit fit = learn_column_fit(table, layout, dictionary);
  // The next row that is no furniture, for what follows a line (a heading is followed by an action row).
  std::vector<std::size_t> next_content(rows.size() + 1, rows.size());
  for (std::size_t r = rows.size(); r-- > layout.body_begin;)
    next_content[r] = (r + 1 < rows.size() && !furniture[r + 1] && !rows[r + 1].hidden) ? r + 1 : next_content[r + 1];
  // 4. The body rows in order (so the logs keep the rows' order), each taken by the first pass that claims it.
  Drafting drafting;
  drafting.cells_by_gaps = table.cells_by_gaps;
  std::size_t last_action_row = rows.size(), previous_row = rows.size();
  bool blank_before = false;
  for (std::size_t r = layout.body_begin; r < rows.size(); ++r) {
    const Row& row = rows[r];
    // The plan's key after the table was read into the legend by detection (pass 6b).
    if (is_key_row(layout, r)) continue;
    std::vector<std::string> cells = cell_texts(row);
    const int row_block = fit.block_of_row[r];
    blank_before = blank_before || row.page_break_before;
    // 4a. Page furniture and hidden rows are set aside.
    if (set_aside_furniture(row, cells, furniture[r], out)) continue;
    const bool follows_last_action_row = previous_row == last_action_row && previous_row < rows.size();
    const bool blank = std::exchange(blank_before, false);
    previous_row = r;
    // 4b. Text under the table: never an action or a section.
    if (under_table[r]) {
      out.removed.push_back({row.line, joined_text(cells), under_table[r]->reason});
      out.readings.push_back({row.line, "under the table", under_table[r]->why});
      continue;
    }
    // 4c. A row with far more cells than the header: the paste may have lost its line breaks.
    warn_lost_line_breaks(row, cells, layout, out);
    // 4d. The row's id, if it has one; a mark glued to it gets its own cell.
    std::optional<RowId> id = read_row_id(row, cells, layout, drafting, out);
    if (id) {
      std::vector<std::string> raw = cells;
      // 4e. The action row's cells aligned to columns by content.
      std::vector<std::string> placed = action_row_cells(fit, std::move(cells), row_block, row.line, *id, out);
      // 4f. The last action's id again: that row printed twice, merged into it.
      if (merge_printed_twice(placed, row, *id, layout, dictionary, drafting, out)) continue;
      // 4g. Any other id starts an action.
      start_action(std::move(placed), std::move(raw), row, *id, drafting, out);
      last_action_row = r;
      continue;
    }
    // 4h. The rest of the action row above, split inside a cell, is joined to it.
    if (join_split_row(fit, row, cells, row_block, follows_last_action_row, drafting, out)) {
      last_action_row = r;
      continue;
    }
    // 4i. A section heading, by the evidence of the line and what surrounds it, starts a section.
    const std::vector<std::string> next = next_content[r] < rows.size() ? cell_texts(rows[next_content[r]])
                                                                        : std::vector<std::string>();
    HeadingEvidence evidence = heading_evidence(cells, next_content[r] < rows.size() ? &next : nullptr, blank,
                                                layout, drafting);
    if (start_heading(row, cells, evidence, drafting, out)) continue;
    // 4j. A whole row with no id, after a finished action, is an action of its own.
    if (start_idless_action(fit, row, cells, row_block, drafting, out)) continue;
    // 4k. Any other row is a continuation line of the last action.
    std::string continued = drafting.last ? drafting.last_id : std::string();
    bool open = drafting.last != nullptr;
    continue_last_action(fit, row, cells, row_block, drafting, out);
    out.readings.push_back({row.line, open ? "continuation" : "set aside",
                            open ? fmt::format("continues {}", continued.empty() ? "the action above" : continued)
                                 : "text before the first action of its section"});
  }
  // 4. The repairs of lines that extended one cell get the cell they made.
  close_runs(drafting, out);
  // 5. Text that spilled into the next row moves back.
  move_spilled_text(table, layout, out);
  return out;
}

}  // namespace plansheet
