// Fill-down of a section column (see fill_down.hpp): blank section cells under a filled one take its value.
#include "repair/fill_down.hpp"

#include <string>

#include "text/ascii.hpp"

namespace plansheet {

void fill_down_sections(const Reassembled& drafts, const TableLayout& layout, Plan& plan) {
  const int col = column_of(layout, Role::section);
  if (col < 0 || drafts.actions.size() != plan.actions.size()) return;
  const auto column = static_cast<std::size_t>(col);
  auto blank_cell = [&](std::size_t i) {
    const DraftAction& d = drafts.actions[i];
    return column >= d.cells.size() || trim(d.cells[column]).empty();
  };
  // The evidence: blank action rows below a filled one, and filled cells that mostly change from one to the next.
  std::size_t blanks_below = 0, filled_pairs = 0, same_pairs = 0;
  const std::string* previous = nullptr;
  for (std::size_t i = 0; i < plan.actions.size(); ++i) {
    if (blank_cell(i)) {
      blanks_below += previous != nullptr && !plan.actions[i].action.empty();
      continue;
    }
    const std::string& section = plan.actions[i].section;
    if (previous) ++filled_pairs, same_pairs += *previous == section;
    previous = &section;
  }
  if (blanks_below == 0 || same_pairs * 4 > filled_pairs) return;

  std::string above;
  for (std::size_t i = 0; i < plan.actions.size(); ++i) {
    Action& a = plan.actions[i];
    // A heading row between two actions starts a new group: nothing is carried across it.
    if (i > 0 && drafts.actions[i].heading != drafts.actions[i - 1].heading) above.clear();
    if (!blank_cell(i)) {
      above = a.section;
      continue;
    }
    if (above.empty() || a.action.empty()) continue;
    a.section = above;
    plan.repairs.push_back({RepairRule::fill_down, {a.line}, a.id, "section", "", above});
  }
}

}  // namespace plansheet
