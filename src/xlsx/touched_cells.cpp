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
  if (index < 0) return {-1, -1};
  const int row = grid_.action_rows[static_cast<std::size_t>(index)];
  const auto role = role_from_name(role_text);
  int col = grid_.column_of(Role::id);
  if (role == Role::rag) col = grid_.rag_col();
  else if (role && is_text_role(*role) && grid_.column_of(*role) >= 0) col = grid_.column_of(*role);
  return {row, std::max(col, 0)};
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

// First made when a repair or warning names an action: each id's actions, chained in plan order.
void TouchedCells::index() const {
  const std::size_t n = plan_.actions.size();
  first_.reserve(n);
  next_.assign(n, none);
  for (std::size_t i = n; i-- > 0;) {
    auto [it, fresh] = first_.try_emplace(plan_.actions[i].id, static_cast<std::uint32_t>(i));
    if (!fresh) {
      next_[i] = it->second;
      it->second = static_cast<std::uint32_t>(i);
    }
  }
}

}  // namespace plansheet::xlsx::detail
