// Lookups in a laid-out WorkbookModel for the tests of tests/xlsx/: a sheet by name, a cell's text or style, the
// row of an action, a column's width, a row's height, the dropdown on a column.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "model/plan.hpp"
#include "xlsx/sheet_model.hpp"

namespace plansheet::xlsx::test {

inline const Sheet& sheet_named(const WorkbookModel& m, std::string_view name) {
  const Sheet* s = find_sheet(m, name);
  REQUIRE_MESSAGE(s != nullptr, "no sheet " << name);
  return *s;
}

inline std::vector<std::string> labels(const WorkbookModel& m) {
  std::vector<std::string> out;
  for (const ActionsColumn& c : m.actions.columns) out.push_back(c.label);
  return out;
}

inline std::string text_at(const Sheet& s, int row, int col) {
  const SheetCell* c = find_cell(s, row, col);
  return c ? c->text : std::string();
}

inline std::string style_at(const Sheet& s, int row, int col) {
  const SheetCell* c = find_cell(s, row, col);
  return c ? std::string(style_name(c->style)) : std::string();
}

inline int row_of_action(const WorkbookModel& m, const Plan& p, std::string_view id, int nth = 0) {
  for (std::size_t i = 0; i < p.actions.size(); ++i)
    if (p.actions[i].id == id && nth-- == 0) return m.actions.action_rows[i];
  return -1;
}

inline int period_col(const WorkbookModel& m, std::string_view label) {
  for (const ActionsColumn& c : m.actions.columns)
    if (c.kind == ColumnKind::period && c.label == label) return c.col;
  return -1;
}

inline double width_of(const Sheet& s, int col) {
  for (const ColumnSpec& c : s.columns)
    if (c.first <= col && col <= c.last) return c.width;
  return -1;
}

inline double height_of(const Sheet& s, int row) {
  for (const RowSpec& r : s.rows)
    if (r.row == row) return r.height;
  return 15;
}

inline const Validation* validation_on(const Sheet& s, int col) {
  for (const Validation& v : s.validations)
    if (v.range.first_col == col) return &v;
  return nullptr;
}

}  // namespace plansheet::xlsx::test
