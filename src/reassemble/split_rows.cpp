// Records, not lines: an id-less row in, whether it completes or starts an action out. A row split inside a cell
// (the second part opens with a lower-case word under the id column and carries the rest of the row) is joined to
// the action it finishes; an id-less row that fills the cells the action above already has is an action of its
// own that lost its id (kept, with a warning), never merged into the one above.
#include <fmt/format.h>

#include <algorithm>

#include "reassemble/passes.hpp"
#include "text/text_span.hpp"
#include "text/unicode_text.hpp"

namespace plansheet::detail {
namespace {

// A value that is whole by itself (a rating, a date, a name): a second one in a cell that has one is a new record.
bool is_whole_value_role(Role role) {
  return role == Role::lead || role == Role::rag || role == Role::status || role == Role::start || role == Role::end ||
         role == Role::timescale || role == Role::stage;
}

}  // namespace

bool join_split_row(const ColumnFit& fit, const Row& row, const std::vector<std::string>& cells, int row_block,
                    bool follows_last_action_row, Drafting& drafting, Reassembled& out) {
  const TableLayout& layout = fit.layout;
  const std::size_t width = layout.columns.size();
  const std::size_t id_col = id_column(layout);
  DraftAction* last = drafting.last;
  const std::vector<std::string>& first = drafting.last_raw_cells;
  // The action's row ended early (it holds fewer cells than the table), and this line opens under the id column
  // with a lower-case word and carries about as many cells as the first part lacks.
  if (!last || !follows_last_action_row || first.size() < 2 || first.size() >= width || id_col >= cells.size() ||
      cells.size() < 2 || !text::starts_lowercase(cells[id_col]) || first_filled(cells) != id_col)
    return false;
  std::size_t joined_size = first.size() + cells.size() - 1;
  if (joined_size + 1 < width || joined_size > width + 1) return false;
  std::vector<std::string> whole(first.begin(), first.end() - 1);
  whole.push_back(fold_whitespace(first.back() + " " + cells[id_col]));
  whole.insert(whole.end(), cells.begin() + static_cast<long>(id_col) + 1, cells.end());
  Reassembled scratch;
  std::vector<std::string> placed = aligned_cells(fit, whole, row_block, row.line, drafting.last_id, false, scratch);
  placed[id_col] = last->cells[id_col];
  // The repair names the stray line and the cell it completes (the cell the first part ended in).
  const std::size_t split_col = std::min(first.size() - 1, width - 1);
  out.repairs.push_back({RepairRule::split_row, {row.line}, drafting.last_id, cell_role_name(layout.columns[split_col]),
                         fold_whitespace(row.raw), placed[split_col]});
  out.repairs.insert(out.repairs.end(), scratch.repairs.begin(), scratch.repairs.end());
  last->cells = std::move(placed);
  last->lines.push_back(row.line);
  drafting.last_raw_cells = whole;
  out.readings.push_back({row.line, "split row", fmt::format("the rest of {}'s row, split inside a cell: it opens "
                                                             "with a lower-case word under the id column", drafting.last_id)});
  return true;
}

bool start_idless_action(const ColumnFit& fit, const Row& row, const std::vector<std::string>& cells, int row_block,
                         Drafting& drafting, Reassembled& out) {
  const TableLayout& layout = fit.layout;
  const int action_col = column_of(layout, Role::action);
  DraftAction* last = drafting.last;
  if (!last || action_col < 0 || non_empty(cells).size() < 2) return false;
  Reassembled scratch;
  std::vector<std::string> placed = aligned_cells(fit, cells, row_block, row.line, "", false, scratch);
  const auto a = static_cast<std::size_t>(action_col);
  const std::string& text = placed[a];
  const std::string& above = last->cells[a];
  // Its action text is a sentence of its own after a finished one...
  if (text.empty() || !text::starts_uppercase(text) || !ends_sentence(text) || above.empty() || !ends_sentence(above))
    return false;
  // ...and it fills a whole-value cell (lead, rating, date) the action above already has.
  std::size_t clashes = 0;
  for (std::size_t c = 0; c < placed.size(); ++c)
    clashes += c != a && !placed[c].empty() && !last->cells[c].empty() && is_whole_value_role(layout.columns[c].role);
  if (clashes == 0) return false;
  out.repairs.insert(out.repairs.end(), scratch.repairs.begin(), scratch.repairs.end());
  out.warnings.push_back({{row.line}, "", fmt::format("line {}: a row with no id fills cells that {} already has; read "
                                                    "as an action of its own with no id (give it its id)",
                                                    row.line, drafting.last_id)});
  out.readings.push_back({row.line, "action without id",
                          fmt::format("no id, but a sentence of its own and {} cell(s) that {} already fills",
                                      clashes, drafting.last_id)});
  open_draft(std::move(placed), row, drafting, out);
  drafting.last_id.clear();
  drafting.last_raw_cells = cells;
  return true;
}

}  // namespace plansheet::detail
