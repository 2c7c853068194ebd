// Which cell of the Actions sheet a repair or warning touched (see touched_cells.hpp).
#include "xlsx/touched_cells.hpp"

#include <algorithm>

namespace plansheet::xlsx::detail {

std::pair<int, int> TouchedCells::find(std::string_view action_id, std::string_view role_text, int line,
                                       std::string_view after) const {
  if (role_text == "section") {
    for (const auto& [name, row] : grid_.band_rows)
      if (name == after) return {row, std::max(grid_.column_of(Role::section), 0)};
  }
  if (role_text == "title") return {0, 0};
  const int index = action_of(action_id, line);
  if (index < 0) return by_line(role_text, line, after, !action_id.empty());
  return {grid_.action_rows[static_cast<std::size_t>(index)], column_of(role_text)};
}

// The column of a field; the id's when the field has no column of its own.
int TouchedCells::column_of(std::string_view role_text) const {
  const auto role = role_from_name(role_text);
  int col = grid_.column_of(Role::id);
  if (role == Role::rag) col = grid_.rag_col();
  else if (role && is_text_role(*role) && grid_.column_of(*role) >= 0) col = grid_.column_of(*role);
  return std::max(col, 0);
}

std::pair<int, int> TouchedCells::by_line(std::string_view role_text, int line, std::string_view after,
                                          bool named) const {
  constexpr std::pair<int, int> nowhere{-1, -1};
  if (line <= 0 || plan_.actions.empty() || role_text == "section") return nowhere;
  if (first_.empty()) index();
  auto it = std::upper_bound(by_line_.begin(), by_line_.end(), std::pair{line, none});
  if (it == by_line_.begin()) {
    // Above the first action: the title (when the repaired text is in it), else a letterhead line, set aside.
    const bool title = plan_.title && !after.empty() && plan_.title->find(after) != std::string::npos;
    return title && role_text.empty() ? std::pair{0, 0} : nowhere;
  }
  --it;
  // Past the last action's first line nothing says where its lines end: a line of the key may follow it.
  const bool last = std::next(it) == by_line_.end() && it->first != line;
  const Action& a = plan_.actions[it->second];
  const int row = grid_.action_rows[it->second];
  const auto role = role_from_name(role_text);
  if (role && is_text_role(*role)) {
    const std::string* text = a.text_of(*role);
    const bool holds = after.empty() || (text && text->find(after) != std::string::npos);
    return holds && (named || !last || !after.empty()) ? std::pair{row, column_of(role_text)} : nowhere;
  }
  if (after.empty()) return named || !last ? std::pair{row, column_of("")} : nowhere;
  // A repair of no named field (a line re-read in another encoding): the cell that holds its text.
  for (const ActionsColumn& c : grid_.columns) {
    const std::string* text = nullptr;
    if (c.kind == ColumnKind::text) text = a.text_of(c.role);
    else if (c.kind == ColumnKind::extra && c.index >= 0 && static_cast<std::size_t>(c.index) < a.extra.size())
      text = &a.extra[static_cast<std::size_t>(c.index)].second;
    if (text && text->find(after) != std::string::npos) return {row, c.col};
  }
  return named ? std::pair{row, column_of("")} : nowhere;
}

// Ids can repeat: the action starting at the line, else the last one starting before it, else the first.
int TouchedCells::action_of(std::string_view id, int line) const {
  if (id.empty()) return -1;
  if (first_.empty() && !plan_.actions.empty()) index();
  auto it = first_.find(id);
  if (it == first_.end()) return -1;
  std::uint32_t best = it->second;
  for (std::uint32_t i = it->second; i != none; i = next_[i]) {
    const int l = plan_.actions[i].line;
    if (l == line) return static_cast<int>(i);
    if (l <= line && plan_.actions[best].line < l) best = i;
  }
  return static_cast<int>(best);
}

void TouchedCells::find_repair_cells() const {
  repair_cells_.reserve(plan_.repairs.size());
  for (const Repair& r : plan_.repairs) repair_cells_.push_back(find(r.action_id, r.role, r.pos.line, r.after));
}

// First made when a repair or warning names an action: each id's actions, chained in plan order, and the actions
// by their first line.
void TouchedCells::index() const {
  const std::size_t n = plan_.actions.size();
  first_.reserve(n);
  next_.assign(n, none);
  by_line_.reserve(n);
  for (std::size_t i = n; i-- > 0;) {
    auto [it, fresh] = first_.try_emplace(plan_.actions[i].id, static_cast<std::uint32_t>(i));
    if (!fresh) {
      next_[i] = it->second;
      it->second = static_cast<std::uint32_t>(i);
    }
    by_line_.emplace_back(plan_.actions[i].line, static_cast<std::uint32_t>(i));
  }
  std::sort(by_line_.begin(), by_line_.end());
}

}  // namespace plansheet::xlsx::detail
