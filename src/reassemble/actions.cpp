// Rows with an id: a body row's cells in, its id out (read through look-alike letters, as the next of a run of
// numbers, with a mark glued after it split off), and a new draft action for it.
#include <algorithm>

#include "grammar/api.hpp"
#include "reassemble/passes.hpp"
#include "repair/clean_text.hpp"
#include "text/unicode_text.hpp"

namespace plansheet::detail {
namespace {

// A bare number the grammar leaves alone (four or more digits could be a year) is an id when it continues a run
// of numeric ids: 999, 1000, 1001 in a long tracker.
std::optional<RowId> read_numeric_sequel(const std::string& cell, const std::string& previous_id) {
  std::string_view t = trim(cell);
  std::size_t digits = 0;
  while (digits < t.size() && digits < 7 && is_ascii_digit(t[digits])) ++digits;
  if (digits < 4 || (digits < t.size() && t[digits] != ' ') || previous_id.empty() || previous_id.size() > 7 ||
      !std::all_of(previous_id.begin(), previous_id.end(), [](char c) { return is_ascii_digit(c); }))
    return std::nullopt;
  long now = std::stol(std::string(t.substr(0, digits))), before = std::stol(previous_id);
  if (now <= before || now > before + 5) return std::nullopt;
  std::string id(t.substr(0, digits));
  return RowId{id, id, std::string(trim(t.substr(digits)))};
}

}  // namespace

std::optional<RowId> read_id(const std::vector<std::string>& cells, std::size_t id_col, const std::string& previous_id) {
  if (id_col >= cells.size()) return std::nullopt;
  if (auto id = grammar::parse_action_id(cells[id_col])) return RowId{id->id, id->id, id->rest};
  if (auto sequel = read_numeric_sequel(cells[id_col], previous_id)) return sequel;
  if (!text::has_cyrillic_or_greek(cells[id_col])) return std::nullopt;
  std::optional<grammar::ActionId> mapped;
  for (const std::string& reading : lookalike_id_readings(cells[id_col]))
    if ((mapped = grammar::parse_action_id(reading))) break;
  if (!mapped) return std::nullopt;
  std::string raw = cells[id_col];
  if (!mapped->rest.empty()) {
    std::size_t space = raw.find(' ');
    raw = space == std::string::npos ? raw : raw.substr(0, space);
  }
  return RowId{mapped->id, raw, mapped->rest};
}

std::optional<RowId> read_row_id(const Row& row, std::vector<std::string>& cells, const TableLayout& layout,
                                 const Drafting& drafting, Reassembled& out) {
  const std::size_t id_col = id_column(layout);
  std::optional<RowId> id = read_id(cells, id_col, drafting.previous_action_id);
  if (id) id->cell = id_col;
  if (!id) {
    // A row that starts with an id before the id column's place and is short of that many cells lost the empty
    // cells in front of it: its id is read where it stands and the alignment keeps it in the id column.
    std::size_t first = 0;
    while (first < cells.size() && trim(cells[first]).empty()) ++first;
    std::size_t filled = 0;
    for (const std::string& c : cells) filled += !trim(c).empty();
    if (first < id_col && filled >= 2 && cells.size() + (id_col - first) <= layout.columns.size()) {
      id = read_id(cells, first, drafting.previous_action_id);
      if (id && !id->rest.empty()) id.reset();
      if (id) id->cell = first;
    }
  }
  if (id && id->cell == id_col && !id->rest.empty()) {
    // An id glued to the next cell ("50 ✓"): give the rest its own cell.
    std::string before = cells[id_col];
    cells[id_col] = id->raw;
    cells.insert(cells.begin() + static_cast<long>(id_col) + 1, id->rest);
    out.repairs.push_back({RepairRule::misplaced_text, {row.line}, id->id, "id", before, id->raw});
  }
  return id;
}

std::vector<std::string> action_row_cells(const ColumnFit& fit, std::vector<std::string> cells, int row_block,
                                          int line, const RowId& id, Reassembled& out) {
  std::vector<std::string> placed = aligned_cells(fit, std::move(cells), row_block, line, id.id, false, out, id.cell);
  placed[id_column(fit.layout)] = id.raw;
  return placed;
}

void open_draft(std::vector<std::string> placed, const Row& row, Drafting& drafting, Reassembled& out) {
  DraftAction draft;
  if (drafting.cells_by_gaps) draft.column_start = column_starts(row.raw, placed);
  draft.cells = std::move(placed);
  draft.heading = drafting.current_heading;
  draft.line = row.line;
  draft.lines.push_back(row.line);
  out.actions.push_back(std::move(draft));
  drafting.last = &out.actions.back();
}

void start_action(std::vector<std::string> placed, std::vector<std::string> raw, const Row& row, const RowId& id,
                  Drafting& drafting, Reassembled& out) {
  open_draft(std::move(placed), row, drafting, out);
  drafting.last_id = id.id;
  drafting.previous_action_id = id.id;
  drafting.last_raw_cells = std::move(raw);
}

}  // namespace plansheet::detail
