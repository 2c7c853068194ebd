// Counting Actions rows with formulas (see summary_counts.hpp): columns and criteria in, COUNTIFS formulas out.
#include "xlsx/summary_counts.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "xlsx/actions.hpp"
#include "xlsx/layout.hpp"
#include "xlsx/measure.hpp"
#include "xlsx/sheet_builder.hpp"

namespace plansheet::xlsx::detail {

int open_last_row(const SheetSplit& split, int last_row) {
  if (!split.splits()) return max_rows - 1;
  return split.first_row + (split.part_of(last_row) + 1) * split.capacity() - 1;
}

std::string exact_criterion(std::string_view value) {
  constexpr std::size_t max_criterion = 255;
  std::string c = "=";
  bool cut = false;
  for (char ch : value) {
    // Cut at a character's first byte, leaving room for an escape and the closing wildcard.
    if (c.size() + 3 > max_criterion && (static_cast<unsigned char>(ch) & 0xC0) != 0x80) {
      cut = true;
      break;
    }
    if (ch == '*' || ch == '?' || ch == '~') c += '~';
    c += ch;
  }
  if (cut) c += '*';
  return formula_string(c);
}

const std::vector<std::string>& RowCounter::refs(int col) {
  auto it = refs_.find(col);
  if (it == refs_.end()) {
    const int last = open_last_row(grid_.split, std::max(grid_.first_row, grid_.last_row));
    it = refs_.emplace(col, located_range_refs(actions_sheet, grid_.split, {grid_.first_row, col, last, col})).first;
  }
  return it->second;
}

std::string RowCounter::count(const std::vector<Condition>& all, const std::pair<int, std::vector<std::string>>& any) {
  // One COUNTIFS per alternative and sheet, each with every condition.
  std::vector<std::vector<Condition>> terms;
  if (any.first < 0) terms.push_back(all);
  for (const std::string& alternative : any.second) {
    terms.push_back(all);
    terms.back().push_back({any.first, alternative});
  }
  std::string f = "=";
  for (const std::vector<Condition>& term : terms) {
    if (term.empty()) continue;
    const std::size_t parts = refs(term[0].col).size();
    for (std::size_t p = 0; p < parts && f.size() <= max_formula_chars; ++p) {
      if (f.size() > 1) f += '+';
      f += term.size() == 1 ? "COUNTIF(" : "COUNTIFS(";
      for (std::size_t i = 0; i < term.size(); ++i)
        f += fmt::format("{}{},{}", i ? "," : "", refs(term[i].col)[p], term[i].criterion);
      f += ')';
    }
  }
  return f.size() > 1 ? f : "=0";
}

int anchor_column(const Plan& plan, const ActionsGrid& grid) {
  int best = -1;
  std::size_t most = 0;
  for (const ActionsColumn& c : grid.columns) {
    if (c.kind != ColumnKind::text || c.role == Role::section) continue;
    std::size_t n = 0;
    for (const Action& a : plan.actions) n += fills(a, grid, c.col) ? 1 : 0;
    if (best < 0 || n > most) best = c.col, most = n;
    if (most == plan.actions.size()) break;
  }
  return best;
}

bool fills(const Action& a, const ActionsGrid& grid, int col) {
  std::string scratch;
  return !cell_text(a, grid.columns[static_cast<std::size_t>(col)], scratch).empty();
}

}  // namespace plansheet::xlsx::detail
