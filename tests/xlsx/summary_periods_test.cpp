// Tests of the Summary's delivery-period counts: a Gantt plan in; out, COUNTIFS over the row dates the bars follow
// (marks for rows without dates) against the Actions sheet's hidden period days, with the values they give.
#include <doctest/doctest.h>

#include <string>

#include "workbook/sample_plans.hpp"
#include "xlsx/gantt.hpp"
#include "xlsx/layout.hpp"
#include "xlsx/model_lookup.hpp"
#include "xlsx/summary_counts.hpp"
#include "xlsx/summary_parts.hpp"

using namespace plansheet;
using namespace plansheet::xlsx;
using namespace plansheet::xlsx::test;

namespace {

// The period table's value cells, first period first.
std::vector<const SheetCell*> period_cells(const Sheet& s, std::size_t periods) {
  const SheetCell* head = nullptr;
  for (const SheetCell& c : s.cells)
    if (c.text == "Delivery period") head = &c;
  REQUIRE(head);
  std::vector<const SheetCell*> out;
  for (std::size_t p = 0; p < periods; ++p) {
    out.push_back(find_cell(s, head->row + 1 + static_cast<int>(p), head->col + 1));
    REQUIRE(out.back());
  }
  return out;
}

std::vector<double> values(const std::vector<const SheetCell*>& cells) {
  std::vector<double> out;
  for (const SheetCell* c : cells) out.push_back(c->number);
  return out;
}

}  // namespace

TEST_CASE("xlsx_layout: the Gantt's places are where the Actions sheet wrote its hidden rows and date columns") {
  const Plan p = test_plans::gantt_plan();
  const WorkbookModel m = layout_workbook(p);
  const Sheet& a = sheet_named(m, "Actions");
  const detail::GanttPlaces at = detail::gantt_places(m.actions);
  CHECK(text_at(a, at.as_at_row, 0) == "As at");
  CHECK(text_at(a, at.first_day_row, 0) == "Period starts");
  CHECK(text_at(a, at.last_day_row, 0) == "Period ends");
  CHECK(m.actions.columns[static_cast<std::size_t>(at.from_col)].label == "Timescale / Start");
  CHECK(m.actions.columns[static_cast<std::size_t>(at.to_col)].label == "Timescale / End");
  CHECK(m.actions.columns[static_cast<std::size_t>(at.first_period_col)].label == "2025-26");
  CHECK(m.actions.columns[static_cast<std::size_t>(at.last_period_col)].label == "2029-30");
  const SheetCell* first_day = find_cell(a, at.first_day_row, at.first_period_col);
  REQUIRE(first_day);
  CHECK(first_day->number == detail::first_day_of_month(2025 * 12 + 3));  // 1 April 2025

  // A plan without periods has no Gantt places.
  const WorkbookModel plain = layout_workbook(test_plans::rag_plan());
  CHECK(detail::gantt_places(plain.actions).first_period_col == -1);
}

TEST_CASE("xlsx_layout: delivery-period counts are formulas over the row dates, as the bars are drawn") {
  Plan p = test_plans::gantt_plan();
  SUBCASE("the counts the marks give, where the dates agree with them; dated rows, an open end, undated rows") {
    const WorkbookModel m = layout_workbook(p);
    const std::vector<const SheetCell*> cells = period_cells(sheet_named(m, "Summary"), p.periods.size());
    // T2, T3, B1 ("Ongoing" start: no dates) by their marks; E7 (Apr-25 to Ongoing) runs on; T1, T9, B3 by dates.
    CHECK(values(cells) == std::vector<double>{6, 5, 5, 5, 5});
    for (const SheetCell* c : cells) CHECK(c->kind == CellKind::formula);

    // The formula, column by column: dated rows meeting the period, open ends, then marks on undated rows.
    const detail::GanttPlaces at = detail::gantt_places(m.actions);
    const std::string first = std::to_string(m.actions.first_row + 1);
    auto col = [&](int c) {
      const std::string n = column_name(c);
      return "Actions!$" + n + "$" + first + ":$" + n + "$1048576";
    };
    const int period = at.first_period_col + 1;  // 2026-27
    const std::string from = col(at.from_col), to = col(at.to_col), marks = col(period), n = column_name(period);
    const std::string last_day = "Actions!$" + n + "$" + std::to_string(at.last_day_row + 1);
    const std::string first_day = "Actions!$" + n + "$" + std::to_string(at.first_day_row + 1);
    CHECK(cells[1]->text ==
          "=COUNTIFS(" + from + ",\"<=\"&" + last_day + "," + to + ",\">=\"&" + first_day + ")+COUNTIFS(" + from +
              ",\"<=\"&" + last_day + "," + to + ",\"*ongoing*\")+COUNTIF(" + marks + ",\"<>\")-(COUNTIFS(" + marks +
              ",\"<>\"," + from + ",\"<9.99E+307\"," + to + ",\"<9.99E+307\")+COUNTIFS(" + marks + ",\"<>\"," + from +
              ",\"<9.99E+307\"," + to + ",\"*ongoing*\"))");
    // The chart's own copy is the cells' values.
    const Sheet& s = sheet_named(m, "Summary");
    REQUIRE(s.charts.size() == 2);
    CHECK(s.charts[1].series[0].values == Range{cells[0]->row, cells[0]->col, cells[4]->row, cells[0]->col});
  }
  SUBCASE("a dated row counts where its dates run, not where a mark its dates leave out sits (grey on the Gantt)") {
    for (Action& a : p.actions)
      if (a.id == "T1") a.end = "Mar-26";  // marks still say 2025-26 and 2026-27
    const WorkbookModel m = layout_workbook(p);
    CHECK(values(period_cells(sheet_named(m, "Summary"), p.periods.size())) == std::vector<double>{6, 4, 5, 5, 5});
  }
  SUBCASE("a row whose dates are missing counts by its marks, once") {
    for (Action& a : p.actions)
      if (a.id == "T9") a.start.clear();
    const WorkbookModel m = layout_workbook(p);
    CHECK(values(period_cells(sheet_named(m, "Summary"), p.periods.size())) == std::vector<double>{6, 5, 5, 5, 5});
  }
}

TEST_CASE("xlsx_layout: a Gantt without date columns counts its marks alone") {
  detail::GanttPlaces at;
  at.first_period_col = 4;
  ActionsGrid grid;
  grid.first_row = 8;
  grid.last_row = 10;
  detail::RowCounter counter(grid);
  CHECK(detail::period_count_formula(counter, at, 5, true) == "=COUNTIF(Actions!$F$9:$F$1048576,\"<>\")");
}
