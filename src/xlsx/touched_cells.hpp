// Which cell of the Actions sheet a repair or warning touched: its action id, field, line and text in, a row and
// column out. Used for the notes on repaired cells and the links of the Repairs sheet.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/plan.hpp"
#include "xlsx/sheet_model.hpp"

namespace plansheet::xlsx::detail {

// Built once per workbook: plans can carry thousands of repairs, so ids are looked up in a hash of views into the
// plan rather than by scanning the actions for each.
class TouchedCells {
 public:
  TouchedCells(const Plan& plan, const ActionsGrid& grid) : plan_(plan), grid_(grid) {}

  const SheetSplit& split() const { return grid_.split; }
  int last_row() const { return grid_.last_row; }

  // Row and column, or {-1, -1} when the text is not tied to a cell of the sheet.
  std::pair<int, int> find(std::string_view action_id, std::string_view role_text, int line,
                           std::string_view after) const;
  // The cell of plan.repairs[i], found once for the notes and the Repairs sheet's links alike.
  std::pair<int, int> repair_cell(std::size_t i) const {
    if (repair_cells_.empty() && !plan_.repairs.empty()) find_repair_cells();
    return repair_cells_[i];
  }

 private:
  int action_of(std::string_view id, int line) const;
  // A repair filed under no id, or under an id that a later repair changed (a split word in an id whose first
  // letter was Cyrillic): the action whose lines hold `line`, when its cell holds the repaired text.
  std::pair<int, int> by_line(std::string_view role_text, int line, std::string_view after, bool named) const;
  int column_of(std::string_view role_text) const;
  void index() const;
  void find_repair_cells() const;

  static constexpr std::uint32_t none = static_cast<std::uint32_t>(-1);
  const Plan& plan_;
  ActionsGrid grid_;  // a copy: the Repairs body keeps this finder after the layout is done
  mutable std::unordered_map<std::string_view, std::uint32_t> first_;
  mutable std::vector<std::uint32_t> next_;
  mutable std::vector<std::pair<int, std::uint32_t>> by_line_;  // (first line, action), sorted
  mutable std::vector<std::pair<int, int>> repair_cells_;       // by repair, made on first asking
};

}  // namespace plansheet::xlsx::detail
