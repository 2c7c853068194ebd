// Cells aligned to columns by content: a row's cells in, one text per layout column out, every cell that moved
// logged. Alignment of a damaged row is a small dynamic programme: each cell goes to a column in order, a column may
// have lost its (empty) cell, or a stray tab may have split one cell in two; each choice is scored by how well the
// cell fits the column's profile (learnt from the rows that fit the header exactly).
#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <optional>

#include "grammar/api.hpp"
#include "reassemble/passes.hpp"
#include "text/dictionary.hpp"
#include "text/text_span.hpp"

namespace plansheet::detail {
namespace {

// Text that stops mid-phrase ("Fit LED lighting in the", "heatwaves,") is the first line of a wrapped cell: prose,
// never a whole theme, date, rating or id, whatever its length says.
bool reads_unfinished(std::string_view text) {
  const std::string_view t = trim(text);
  if (t.empty()) return false;
  if (t.back() == ',' || t.back() == '&') return true;
  const std::size_t space = t.find_last_of(' ');
  if (space == std::string_view::npos) return false;
  const std::string last = ascii_lower(t.substr(space + 1));
  for (std::string_view w : {"the", "a", "an", "and", "or", "of", "to", "for", "in", "on", "at", "with", "by", "from",
                             "into", "its", "their", "our", "that", "which"})
    if (last == w) return true;
  return false;
}

struct Aligner {
  const TableLayout& layout;
  const std::vector<ColumnProfile>& profiles;
  const Dictionary& dictionary;
  // An id-shaped cell where the row's id was read (the id column's position) stays in the id column, and no other
  // cell goes there: the id is what made the row an action, so it anchors the alignment. Without it, an id is also
  // "short text" that a short-text column (a theme written only on each theme's first row) takes as readily.
  std::optional<std::size_t> pinned_cell = std::nullopt;
  std::size_t id_col = 0;
  // ColumnFit::lost_share: a column that most short rows lost is the likelier one for this row to have lost too.
  const std::vector<double>* lost_share = nullptr;

  double pin_penalty(std::size_t i, std::size_t j) const {
    return pinned_cell && ((i == *pinned_cell) != (j == id_col)) ? -30.0 : 0.0;
  }
  // How well a cell fits column j. A wrapped cell's first line is prose of any length (its length says nothing of
  // the whole cell's), and no other column's.
  double place_score(unsigned kinds, bool unfinished, std::size_t j) const {
    if (!unfinished) return profiles[j].log_fit(kinds);
    if (!is_prose_role(layout.columns[j].role)) return profiles[j].log_fit(kinds) - 2.0;
    constexpr unsigned any_length = (1u << static_cast<unsigned>(CellKind::short_text)) |
                                    (1u << static_cast<unsigned>(CellKind::medium_text)) |
                                    (1u << static_cast<unsigned>(CellKind::long_text));
    return profiles[j].log_fit(kinds | any_length);
  }

  // Returns, for each cell, the column it goes to (cells that share a column were one cell split by a tab).
  // The search keeps to a band of diagonals: j - i (columns passed less cells placed) stays within `slack` of the
  // range from 0 to m - n, as a row that lost or gained cells does not also lose and regain dozens in between. So a
  // row costs its cells times the band, not times the table's width; when even the band is too large (a row of
  // thousands of cells thousands short of a table's width), the row is read by position.
  std::vector<std::size_t> align(const std::vector<std::string>& cells) const {
    const std::size_t n = cells.size(), m = layout.columns.size();
    constexpr double none = -std::numeric_limits<double>::infinity();
    constexpr long slack = 16;
    constexpr std::size_t budget = 4'000'000;  // states: about 40 MB of scores and moves
    const long diff = static_cast<long>(m) - static_cast<long>(n);
    const long lo = std::min(0L, diff) - slack, hi = std::max(0L, diff) + slack;
    const std::size_t band = static_cast<std::size_t>(hi - lo + 1);
    if ((n + 1) * band > budget) {
      std::vector<std::size_t> by_position(n);
      for (std::size_t i = 0; i < n; ++i) by_position[i] = std::min(i, m - 1);
      return by_position;
    }
    // best[i][k]: cells [0, i) placed within columns [0, j), cell i-1 in column j-1 (or no cell yet), k = j - i - lo.
    auto in_band = [&](std::size_t i, std::size_t j) {
      const long d = static_cast<long>(j) - static_cast<long>(i);
      return d >= lo && d <= hi;
    };
    auto at = [&](std::size_t i, std::size_t j) {
      return i * band + static_cast<std::size_t>(static_cast<long>(j) - static_cast<long>(i) - lo);
    };
    std::vector<double> best((n + 1) * band, none);
    enum Move : char { place, skip, merge };
    std::vector<Move> how((n + 1) * band, skip);
    best[at(0, 0)] = 0;
    std::vector<unsigned> kinds(n);
    std::vector<bool> unfinished(n);
    for (std::size_t i = 0; i < n; ++i) kinds[i] = cell_kinds(cells[i]), unfinished[i] = reads_unfinished(cells[i]);
    for (std::size_t i = 0; i <= n; ++i) {
      const long first = std::max(0L, static_cast<long>(i) + lo), last = std::min(static_cast<long>(m), static_cast<long>(i) + hi);
      for (long jl = first; jl <= last; ++jl) {
        const std::size_t j = static_cast<std::size_t>(jl);
        const double here = best[at(i, j)];
        if (here == none) continue;
        if (j < m && in_band(i, j + 1)) {  // column j lost its cell
          double s = here + skip_score(j);
          if (s > best[at(i, j + 1)]) best[at(i, j + 1)] = s, how[at(i, j + 1)] = skip;
        }
        if (i < n && j < m) {  // cell i goes to column j
          double s = here + place_score(kinds[i], unfinished[i], j) + pin_penalty(i, j);
          if (s > best[at(i + 1, j + 1)]) best[at(i + 1, j + 1)] = s, how[at(i + 1, j + 1)] = place;
        }
        if (i < n && j > 0 && i > 0 && in_band(i + 1, j)) {  // cell i continues column j-1 (a stray tab split it)
          double s = here + (cells[i].empty() ? -0.4 : merge_score(j - 1, cells[i - 1], cells[i]));
          if (s > best[at(i + 1, j)]) best[at(i + 1, j)] = s, how[at(i + 1, j)] = merge;
        }
      }
    }
    std::vector<std::size_t> column_of_cell(n, 0);
    std::size_t i = n, j = m;
    while (i > 0 || j > 0) {
      Move mv = how[at(i, j)];
      if (mv == skip) {
        --j;
      } else if (mv == place) {
        column_of_cell[--i] = --j;
      } else {
        column_of_cell[--i] = j - 1;
      }
    }
    return column_of_cell;
  }

  // The score of a given assignment of cells to columns (the same terms the alignment maximises).
  double score(const std::vector<std::string>& cells, const std::vector<std::size_t>& where) const {
    double total = 0;
    std::size_t next_column = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0 && where[i] == where[i - 1]) {
        total += cells[i].empty() ? -0.4 : merge_score(where[i], cells[i - 1], cells[i]);
        continue;
      }
      for (; next_column < where[i]; ++next_column) total += skip_score(next_column);
      total += place_score(cell_kinds(cells[i]), reads_unfinished(cells[i]), where[i]) + pin_penalty(i, where[i]);
      next_column = where[i] + 1;
    }
    for (; next_column < layout.columns.size(); ++next_column) total += skip_score(next_column);
    return total;
  }
  bool fits_by_position(const std::vector<std::string>& cells) const {
    for (std::size_t i = 0; i < cells.size(); ++i)
      if (!cells[i].empty() && profiles[i].log_fit(cell_kinds(cells[i])) < -2.5) return false;
    return true;
  }
  double positional_score(const std::vector<std::string>& cells) const {
    std::vector<std::size_t> where(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) where[i] = i;
    return score(cells, where);
  }
  double skip_score(std::size_t j) const {
    const double shared = lost_share && j < lost_share->size() ? 2.0 * (*lost_share)[j] : 0.0;
    return profiles[j].log_fit(cell_kinds("")) - 0.7 + shared - 0.001 * static_cast<double>(layout.columns.size() - j);
  }

  // Two cells that are really one: only text columns split that way, and a split inside a word ("Bra" | "nch",
  // "opera" | "tor") is likelier than one between words. An id, a date or a rating is never half a cell.
  double merge_score(std::size_t column, const std::string& left, const std::string& right) const {
    if (!is_prose_role(layout.columns[column].role)) return -50.0;
    // Only the words at the split matter: the last of the left cell and the first of the right one.
    std::string_view l = trim(left), r = trim(right);
    std::size_t space = l.find_last_of(' ');
    std::string_view last = space == std::string_view::npos ? l : l.substr(space + 1);
    std::string_view first = r.substr(0, std::min(r.find(' '), r.size()));
    if (last.empty() || first.empty()) return -3.5;
    // A finished sentence is a whole cell; a piece that opens with '&', a comma or a lower-case word continues one.
    if (ends_sentence(l)) return -5.0;
    if (std::string_view("&,;:)/").find(first.front()) != std::string_view::npos || is_ascii_lower(first.front()))
      if (!(is_ascii_alpha(last.back()) && is_ascii_alpha(first.front()))) return -1.5;
    if (!is_ascii_alpha(last.back()) || !is_ascii_alpha(first.front())) return -3.5;
    if (!dictionary.is_word(std::string(last) + std::string(first))) return -3.5;
    bool left_word = dictionary.is_word(last), right_word = dictionary.is_word(first);
    return left_word && right_word ? -2.0 : -1.0;
  }
};

}  // namespace

ColumnFit learn_column_fit(const RawTable& table, const TableLayout& layout, const Dictionary& dictionary) {
  const auto& rows = table.rows;
  const std::size_t width = layout.columns.size();
  const std::size_t id_col = id_column(layout);

  // Column profiles: each role's prior plus what the rows that fit the header exactly hold.
  std::vector<ColumnProfile> profiles(width);
  for (std::size_t c = 0; c < width; ++c) profiles[c].add_prior(layout.columns[c].role);
  for (std::size_t r = layout.body_begin; r < rows.size(); ++r) {
    const Row& row = rows[r];
    if (row.cells.size() != width || !grammar::is_action_id(row.cells[id_col].text)) continue;
    for (std::size_t c = 0; c < width; ++c) profiles[c].add(cell_kinds(row.cells[c].text));
  }

  // Per block (rows between page breaks): did an id cell carry the next column's mark ("50 ✓")? Then the block's
  // rows lost the cell after the id, not some other.
  std::vector<int> block_of_row(rows.size(), 0);
  std::set<int> blocks_with_glued_id;
  int block = 0;
  for (std::size_t r = layout.body_begin; r < rows.size(); ++r) {
    if (rows[r].page_break_before) ++block;
    block_of_row[r] = block;
    if (id_col < rows[r].cells.size()) {
      auto id = grammar::parse_action_id(rows[r].cells[id_col].text);
      if (id && !id->rest.empty() && grammar::is_tick_mark(id->rest) && rows[r].cells.size() < width)
        blocks_with_glued_id.insert(block);
    }
  }
  // Which column do the action rows a cell short lose? Each such row aligned alone (its id held in the id column)
  // votes for the column left without a cell; the shares then weigh every row's alignment.
  std::vector<double> lost_share(width, 0.0);
  std::size_t short_rows = 0;
  Aligner alone{layout, profiles, dictionary};
  alone.id_col = id_col;
  for (std::size_t r = layout.body_begin; r < rows.size() && width >= 2; ++r) {
    const Row& row = rows[r];
    if (row.cells.size() + 1 != width || id_col >= row.cells.size() ||
        !grammar::is_action_id(row.cells[id_col].text))
      continue;
    std::vector<std::string> cells;
    for (const Cell& c : row.cells) cells.push_back(c.text);
    alone.pinned_cell = id_col;
    const std::vector<std::size_t> where = alone.align(cells);
    std::vector<bool> used(width, false);
    for (std::size_t c : where) used[c] = true;
    const auto lost = std::find(used.begin(), used.end(), false);
    if (lost == used.end() || std::count(used.begin(), used.end(), false) != 1) continue;  // a split cell: no vote
    lost_share[static_cast<std::size_t>(lost - used.begin())] += 1.0;
    ++short_rows;
  }
  if (short_rows >= 3)
    for (double& share : lost_share) share /= static_cast<double>(short_rows);
  else
    std::fill(lost_share.begin(), lost_share.end(), 0.0);
  return ColumnFit{layout,
                   dictionary,
                   std::move(profiles),
                   std::move(block_of_row),
                   std::move(blocks_with_glued_id),
                   table.cells_by_gaps,
                   std::move(lost_share)};
}

// A row that fits is read by position unless the alignment finds a clearly better reading (a lost or an extra
// cell); every cell that moved is logged.
std::vector<std::string> aligned_cells(const ColumnFit& fit, std::vector<std::string> cells, int row_block, int line,
                                       const std::string& id, bool continuation, Reassembled& out,
                                       std::optional<std::size_t> id_cell) {
  const TableLayout& layout = fit.layout;
  const std::size_t width = layout.columns.size();
  const std::size_t id_col = id_column(layout);
  const std::set<int>& blocks_with_glued_id = fit.blocks_with_glued_id;
  Aligner aligner{layout, fit.profiles, fit.dictionary};
  aligner.id_col = id_col;
  aligner.lost_share = &fit.lost_share;
  const std::size_t id_at = id_cell.value_or(id_col);
  if (!continuation && !id.empty() && id_at < cells.size() && grammar::is_action_id(trim(cells[id_at])))
    aligner.pinned_cell = id_at;
  // Cells past the table's width that are empty are just trailing tabs.
  while (cells.size() > width && cells.back().empty()) cells.pop_back();
  // In a block where an id cell carried the next column's mark, every short row lost that column's cell.
  if (cells.size() + 1 == width && blocks_with_glued_id.count(row_block) && id_col + 1 < width)
    cells.insert(cells.begin() + static_cast<long>(id_col) + 1, std::string());
  // A continuation line holds pieces of text, so its cells' shapes say little: read it by position (the tabs
  // before a wrapped piece put it under its column; the cells after it were simply not printed).
  if (continuation && cells.size() <= width) {
    cells.resize(width);
    return cells;
  }
  // A row that fits and where every cell looks at home in its column is read by position without more ado.
  if (cells.size() == width && aligner.fits_by_position(cells)) return cells;
  std::vector<std::size_t> where = aligner.align(cells);
  if (cells.size() == width && aligner.score(cells, where) < aligner.positional_score(cells) + 1.5)
    for (std::size_t i = 0; i < width; ++i) where[i] = i;  // fits: read by position unless clearly wrong
  std::vector<std::string> placed(width);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    std::string& slot = placed[where[i]];
    if (cells[i].empty()) continue;
    if (i != where[i] && i < width)
      out.repairs.push_back({RepairRule::misplaced_text, {line}, id, cell_role_name(layout.columns[where[i]]), cells[i],
                             cells[i], 0, cell_role_name(layout.columns[i])});
    else if (i != where[i])
      out.repairs.push_back({RepairRule::misplaced_text, {line}, id, cell_role_name(layout.columns[where[i]]), cells[i], cells[i]});
    if (slot.empty()) {
      slot = cells[i];
    } else {
      slot += "\t" + cells[i];  // a tab-split cell: reconcile decides how to join it and logs the repair
    }
  }
  return placed;
}

void warn_lost_line_breaks(const Row& row, const std::vector<std::string>& cells, const TableLayout& layout,
                           Reassembled& out) {
  const std::size_t width = layout.columns.size();
  std::size_t filled_count = 0;
  for (const std::string& c : cells) filled_count += !c.empty();
  const std::size_t header_width = layout.header_width ? layout.header_width : width;
  if (header_width >= 2 && filled_count > 4 * header_width)
    out.warnings.push_back({{row.line}, "", fmt::format("line {} holds {} filled cells where the header has {}: the "
                                                      "paste may have lost its line breaks",
                                                      row.line, filled_count, header_width)});
}

}  // namespace plansheet::detail
