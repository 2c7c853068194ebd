// Continuation lines: a body row with no id that is no heading in, its cells appended to the last action's cells
// (logged). Before the first action such a row belongs to none and is set aside with a warning. Also the runs that
// log many lines extending one cell as one repair (see passes.hpp), so a cell continued over N lines costs N.
#include <fmt/format.h>

#include "grammar/api.hpp"
#include "reassemble/passes.hpp"
#include "text/text_span.hpp"

namespace plansheet::detail {
namespace {

std::size_t last_action(const Drafting& drafting, const Reassembled& out) {
  return static_cast<std::size_t>(drafting.last - out.actions.data());
}

}  // namespace

CellRun* find_run(Drafting& drafting, const Reassembled& out, RepairRule rule, std::size_t column) {
  if (!drafting.last || drafting.runs.empty() || drafting.runs_action != last_action(drafting, out)) return nullptr;
  for (CellRun& run : drafting.runs)
    if (run.column == column && run.rule == rule) return &run;
  return nullptr;
}

CellRun& log_run(Drafting& drafting, Reassembled& out, CellRun* run, RepairRule rule, int line,
                 const std::string& id, std::string role, std::size_t column, std::string_view cell_before,
                 std::string_view added) {
  if (run) {
    Repair& r = out.repairs[run->repair];
    r.before.append(" || ").append(added);
    r.last_line = line;
    return *run;
  }
  // A line extending another action than the open runs' ends them.
  if (drafting.runs_action != last_action(drafting, out)) close_runs(drafting, out);
  drafting.runs_action = last_action(drafting, out);
  std::string before;
  before.reserve(cell_before.size() + 4 + added.size());
  before.append(cell_before).append(" || ").append(added);
  out.repairs.push_back({rule, {line}, id, std::move(role), std::move(before), ""});
  drafting.runs.push_back({rule, column, out.repairs.size() - 1, false});
  return drafting.runs.back();
}

void join_into_cell(std::string& cell, std::string_view added, const CellRun* run) {
  if (cell.empty()) {
    cell = added;
  } else if (run && run->folded) {
    // The cell is single-spaced already: what fold_whitespace(cell + " " + added) gives, without reading the cell.
    std::string tail = fold_whitespace(added);
    if (!tail.empty()) cell.append(" ").append(tail);
  } else {
    cell = fold_whitespace(cell + " " + std::string(added));
  }
}

void close_runs(Drafting& drafting, Reassembled& out) {
  for (const CellRun& run : drafting.runs) {
    Repair& r = out.repairs[run.repair];
    r.after = out.actions[drafting.runs_action].cells[run.column];
    if (r.last_line == r.pos.line) r.last_line = 0;
  }
  drafting.runs.clear();
}

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
  // Pieces of a paste split on spaces lie under the columns they continue; otherwise they are read by position.
  std::optional<std::vector<std::string>> by_place;
  if (fit.cells_by_gaps && !last->column_start.empty()) by_place = cells_by_place(row.raw, cells, last->column_start);
  std::vector<std::string> placed =
      by_place ? std::move(*by_place) : aligned_cells(fit, cells, row_block, row.line, last_id, true, out);
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
    CellRun* run = find_run(drafting, out, RepairRule::continuation, c);
    // The cell as it was, for the repair's before: copied only when this line opens a run.
    std::string before = run ? std::string() : have;
    Role role = layout.columns[c].role;
    if (role == Role::target || role == Role::period) {
      if (!grammar::parse_tick_cell(have).value_or(false)) have = placed[c];
    } else {
      join_into_cell(have, placed[c], run);
    }
    const bool text = role != Role::target && role != Role::period;
    CellRun& logged = log_run(drafting, out, run, RepairRule::continuation, row.line, last_id,
                              cell_role_name(layout.columns[c]), c, before, placed[c]);
    // A joined cell is single-spaced; a cell that was empty took the line as it is, and the next line refolds it.
    logged.folded = text && (run || !before.empty());
  }
  last->lines.push_back(row.line);
}

}  // namespace plansheet::detail
