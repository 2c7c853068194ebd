// Tests of the Summary sheet: a hand-built Plan in, its counts by section and RAG colour, status and stage out.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "workbook/sample_plans.hpp"
#include "xlsx/layout.hpp"
#include "xlsx/look.hpp"
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
  SUBCASE("counts are formulas over whole Actions columns, so updates and rows added below the table count") {
    const SheetCell* c = find_cell(s, row_named("Finance"), 2);
    REQUIRE(c);
    CHECK(c->kind == CellKind::formula);
    const std::string rag = column_name(m.actions.rag_col());
    const std::string section = column_name(m.actions.column_of(Role::section));
    const std::string first = std::to_string(m.actions.first_row + 1);
    CAPTURE(c->text);
    CHECK(c->text.find("COUNTIFS(Actions!$" + section + "$" + first + ":$" + section + "$1048576,\"=Finance\",Actions!$" +
                       rag + "$" + first + ":$" + rag + "$1048576,\"=orange\")") != std::string::npos);
    // Each section's total and the grand totals are formulas too: no typed number on the sheet.
    const SheetCell* total = find_cell(s, row_named("Finance"), 6);
    REQUIRE(total);
    CHECK(total->kind == CellKind::formula);
    CHECK(total->text == "=COUNTIF(Actions!$" + section + "$" + first + ":$" + section + "$1048576,\"=Finance\")");
    for (const SheetCell& cell : s.cells)
      if (cell.row > head && cell.row <= row_named("Total") && cell.col > 0) CHECK(cell.kind == CellKind::formula);
  }
  SUBCASE("stage counts, case-insensitive like COUNTIF") {
    const int stage_head = row_named("Stage");
    REQUIRE(stage_head > head);
    CHECK(num(row_named("Discovery", stage_head), 1) == 2);
    CHECK(num(row_named("Completed", stage_head), 1) == 2);
    const SheetCell* f = find_cell(s, row_named("Discovery", stage_head), 1);
    CHECK(f->text.find("\"=Discovery\"") != std::string::npos);
  }
  SUBCASE("a stacked bar chart of section x RAG, described for screen readers") {
    REQUIRE(s.charts.size() == 1);
    CHECK(s.charts[0].series.size() == 5);
    CHECK(s.charts[0].description.find("by RAG rating (Red, Orange, Green, Blue, Not rated / other)") != std::string::npos);
    CHECK(s.charts[0].categories.first_row == head + 1);
    CHECK(s.charts[0].categories.last_row == row_named("Total") - 1);
  }
}

TEST_CASE("xlsx_layout: a plan without RAG is summarised by section and status, coloured as its key says") {
  Plan p = test_plans::matrix_plan();
  for (Action& a : p.actions) a.section = a.id < "2" ? "Governance" : "Estate";
  SUBCASE("status values as columns, each counted per section by formula") {
    const WorkbookModel m = layout_workbook(p);
    const Sheet& s = sheet_named(m, "Summary");
    const int head = 4;
    CHECK(text_at(s, head, 0) == "Section");
    CHECK(text_at(s, head, 1) == "In progress");
    CHECK(text_at(s, head, 2) == "Delivery");
    CHECK(text_at(s, head, 3) == "On hold, awaiting funding");
    CHECK(text_at(s, head, 4) == "Not Started");
    CHECK(text_at(s, head, 5) == "Other / not given");
    CHECK(text_at(s, head + 1, 0) == "Governance");
    CHECK(find_cell(s, head + 1, 1)->number == 2);  // Governance: ids 1 and 16, both in progress
    CHECK(find_cell(s, head + 2, 1)->number == 1);  // Estate: 2, 22, 22, 24
    CHECK(find_cell(s, head + 2, 2)->number == 1);
    CHECK(find_cell(s, head + 2, 6)->number == 4);
    const SheetCell* c = find_cell(s, head + 2, 1);
    const std::string status = column_name(m.actions.column_of(Role::status));
    CHECK(c->kind == CellKind::formula);
    CHECK(c->text.find("Actions!$" + status + "$") != std::string::npos);
    CHECK(c->text.find("\"=In progress\"") != std::string::npos);
    REQUIRE(s.charts.size() == 1);
    CHECK(s.charts[0].title == "Actions by section and status");
    CHECK(s.charts[0].series.size() == 5);
    // No second Status list: the table above is it.
    int status_heads = 0;
    for (const SheetCell& cell : s.cells) status_heads += cell.col == 0 && cell.text == "Status";
    CHECK(status_heads == 0);
  }
  SUBCASE("a status the plan's key colours gets that colour, in the header and the chart") {
    LegendEntry e;
    e.kind = LegendKind::status;
    e.text = "On hold = Red";
    e.defines = {{"On hold, awaiting funding", "Red"}};
    p.legend.push_back(e);
    const WorkbookModel m = layout_workbook(p);
    const Sheet& s = sheet_named(m, "Summary");
    const SheetCell* on_hold = find_cell(s, 4, 3);
    REQUIRE(on_hold);
    CHECK(on_hold->style == Style::rag_red);
    CHECK(s.charts[0].series[2].colour == palette::red_fill);
    CHECK(s.charts[0].series[0].colour != palette::red_fill);
  }
}

TEST_CASE("xlsx_layout: Summary lists leads (the most used, then the others) and delivery periods") {
  Plan p = test_plans::gantt_plan();
  for (std::size_t i = 0; i < p.actions.size(); ++i) p.actions[i].lead = i < 2 ? "Estates" : "Team " + std::to_string(i);
  for (int i = 0; i < 12; ++i) {
    Action a = p.actions.back();
    a.id = "X" + std::to_string(i);
    a.lead = "Extra team " + std::to_string(i);
    p.actions.push_back(a);
  }
  if (!p.has_role(Role::lead)) p.columns.push_back({Role::lead, "Lead"});
  const WorkbookModel m = layout_workbook(p);
  const Sheet& s = sheet_named(m, "Summary");
  int lead_head = -1;
  for (const SheetCell& c : s.cells)
    if (c.col == 0 && c.text == "Lead") lead_head = c.row;
  REQUIRE(lead_head > 0);
  CHECK(text_at(s, lead_head + 1, 0) == "Estates");  // the most used first
  CHECK(find_cell(s, lead_head + 1, 1)->number == 2);
  const int others = lead_head + 11;
  CHECK(text_at(s, others, 0).find("Others (") == 0);
  const SheetCell* rest = find_cell(s, others, 1);
  REQUIRE(rest);
  CHECK(rest->kind == CellKind::formula);
  CHECK(rest->text.find("\"<>\")-SUM(") != std::string::npos);
  CHECK(text_at(s, others + 1, 0) == "Total");
  CHECK(find_cell(s, others + 1, 1)->number == static_cast<double>(p.actions.size()));
  // The delivery periods beside the lists, under the section chart, with a chart of their own.
  const SheetCell* period_head = nullptr;
  for (const SheetCell& c : s.cells)
    if (c.text == "Delivery period") period_head = &c;
  REQUIRE(period_head);
  CHECK(period_head->row == lead_head);
  CHECK(period_head->col > 2);
  CHECK(text_at(s, period_head->row + 1, period_head->col) == p.periods[0]);
  REQUIRE(s.charts.size() == 2);
  CHECK(s.charts[1].categories == Range{period_head->row + 1, period_head->col,
                                        period_head->row + static_cast<int>(p.periods.size()), period_head->col});
}

TEST_CASE("xlsx_layout: the RAG dropdown and colour rules reach the sheet's last row, for rows added later") {
  const WorkbookModel m = layout_workbook(test_plans::rag_plan());
  const Sheet& a = sheet_named(m, "Actions");
  const int rag = m.actions.rag_col();
  bool dropdown = false;
  for (const Validation& v : a.validations)
    if (v.range.first_col == rag) dropdown = v.range.first_row == m.actions.first_row && v.range.last_row == max_rows - 1;
  CHECK(dropdown);
  int rules = 0;
  for (const ConditionalRule& r : a.conditionals)
    if (r.range.first_col == rag && r.range.last_col == rag) {
      CHECK(r.range.last_row == max_rows - 1);
      ++rules;
    }
  CHECK(rules == 4);
}
