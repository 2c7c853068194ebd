// Tests of the Summary sheet: a hand-built Plan in, its counts by section and RAG colour, status and stage out.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "workbook/sample_plans.hpp"
#include "xlsx/layout.hpp"
#include "xlsx/model_lookup.hpp"

using namespace plansheet;
using namespace plansheet::xlsx;
using namespace plansheet::xlsx::test;

TEST_CASE("xlsx_layout: Summary counts actions by section and RAG colour, and by status and stage") {
  const Plan p = test_plans::rag_plan();
  const WorkbookModel m = layout_workbook(p);
  const Sheet& s = sheet_named(m, "Summary");
  auto row_named = [&](std::string_view name, int from = 0) {
    for (const SheetCell& c : s.cells)
      if (c.row >= from && c.col == 0 && c.text == name) return c.row;
    return -1;
  };
  auto num = [&](int row, int col) {
    const SheetCell* c = find_cell(s, row, col);
    REQUIRE_MESSAGE(c, "no cell at " << cell_ref(row, col));
    return c->number;
  };
  const int head = row_named("Section");
  REQUIRE(head >= 0);
  CHECK(text_at(s, head, 2) == "Orange");  // the amber column is named with the plan's word
  SUBCASE("section x colour, with the plan's Orange counted as amber and blanks as not rated") {
    const int finance = row_named("Finance");
    CHECK(num(finance, 1) == 0);  // red
    CHECK(num(finance, 2) == 1);  // amber (orange)
    CHECK(num(finance, 3) == 1);  // green
    CHECK(num(finance, 4) == 1);  // blue
    CHECK(num(finance, 5) == 0);  // not rated
    CHECK(num(finance, 6) == 3);  // actions
    const int dm = row_named("Decision Making and Procurement");
    CHECK(num(dm, 1) == 1);
    CHECK(num(dm, 5) == 1);
    const int total = row_named("Total");
    CHECK(num(total, 6) == 6);
    CHECK(num(total, 3) == 2);
  }
  SUBCASE("counts are formulas over the Actions RAG cells, so officers' updates flow through") {
    const SheetCell* c = find_cell(s, row_named("Finance"), 2);
    REQUIRE(c);
    CHECK(c->kind == CellKind::formula);
    const std::string rag = column_name(m.actions.rag_col());
    CHECK(c->text.find("COUNTIF(Actions!$" + rag + "$") != std::string::npos);
    CHECK(c->text.find("\"orange\"") != std::string::npos);
  }
  SUBCASE("stage counts, case-insensitive like COUNTIF") {
    const int stage_head = row_named("Stage");
    REQUIRE(stage_head > head);
    CHECK(num(row_named("Discovery", stage_head), 1) == 2);
    CHECK(num(row_named("Completed", stage_head), 1) == 2);
    const SheetCell* f = find_cell(s, row_named("Discovery", stage_head), 1);
    CHECK(f->text.find("\"=Discovery\"") != std::string::npos);
  }
  SUBCASE("a stacked bar chart of section x RAG") {
    REQUIRE(s.charts.size() == 1);
    CHECK(s.charts[0].series.size() == 5);
    CHECK(s.charts[0].categories.first_row == head + 1);
    CHECK(s.charts[0].categories.last_row == row_named("Total") - 1);
  }
}
