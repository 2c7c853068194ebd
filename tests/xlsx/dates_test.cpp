// Tests of date_cell: Start/End text in, a real date with the number format that shows it as written out.
#include <doctest/doctest.h>

#include "workbook/sample_plans.hpp"
#include "xlsx/dates.hpp"
#include "xlsx/layout.hpp"
#include "xlsx/model_lookup.hpp"

using namespace plansheet;
using namespace plansheet::xlsx;
using plansheet::xlsx::detail::date_cell;

TEST_CASE("dates: the ways plans write a month or a day become dates shown as written") {
  struct Case {
    const char* text;
    double serial;
    Style style;
  };
  const Case cases[] = {
      {"Apr-25", 45748, Style::date_mmm_yy},       // 2025-04-01
      {"Mar-30", 47543, Style::date_mmm_yy},       // 2030-03-01, not 1930
      {"31/03/2026", 46112, Style::date_dmy},
      {"Apr 2025", 45748, Style::date_mmm_yyyy},
      {"April 2025", 45748, Style::date_mmmm_yyyy},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const auto d = date_cell(c.text);
    REQUIRE(d);
    CHECK(d->serial == c.serial);
    CHECK(d->style == c.style);
  }
  SUBCASE("text that is no date, or would not show as written, stays text") {
    for (const char* t : {"Ongoing", "TBC", "Q3 2025/26", "2025", "apr-25", "APR-25", "31/02/2026", "1/4/2025",
                          "Sept-24", "2025-26", "Apr-2025", "Mayday 2025"}) {
      CAPTURE(t);
      CHECK_FALSE(date_cell(t));
    }
  }
}

TEST_CASE("dates: Start and End cells of the Actions sheet are dates; other columns keep their text") {
  Plan p = test_plans::gantt_plan();
  p.actions[0].start = "Apr-25";
  p.actions[0].end = "Ongoing";
  p.actions[0].action = "Apr-25";  // an action is text whatever it looks like
  const WorkbookModel m = layout_workbook(p);
  const Sheet& s = test::sheet_named(m, "Actions");
  const int row = m.actions.action_rows[0];
  const SheetCell* start = find_cell(s, row, m.actions.column_of(Role::start));
  REQUIRE(start);
  CHECK(start->kind == CellKind::number);
  CHECK(start->number == 45748);
  CHECK(start->style == Style::date_mmm_yy);
  CHECK(find_style(m, Style::date_mmm_yy)->num_format == "mmm-yy");
  const SheetCell* end = find_cell(s, row, m.actions.column_of(Role::end));
  CHECK(end->kind == CellKind::text);
  CHECK(end->text == "Ongoing");
  CHECK(find_cell(s, row, m.actions.column_of(Role::action))->kind == CellKind::text);
}
