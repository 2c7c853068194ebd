// Tests of print_fit: a sheet's column widths in, its paper and scale out, so body text never prints under 8 pt.
#include <doctest/doctest.h>

#include "workbook/sample_plans.hpp"
#include "xlsx/layout.hpp"
#include "xlsx/model_lookup.hpp"
#include "xlsx/print_fit.hpp"

using namespace plansheet;
using namespace plansheet::xlsx;

namespace {

// A landscape sheet of `cols` columns `width` characters wide, repeating its first two columns across pages.
Sheet sheet_of(int cols, double width) {
  Sheet s;
  s.name = "Actions";
  s.columns.push_back({0, cols - 1, width});
  s.print.repeat_cols = std::pair{0, 1};
  return s;
}

}  // namespace

TEST_CASE("print_fit: the smallest paper that prints the text at 8 pt or more, else pages across") {
  SUBCASE("a sheet that fits A4 at 75% or more prints on A4, one page wide") {
    Sheet s = sheet_of(10, 12);  // about 670 pt
    fit_print(s, Paper::automatic);
    CHECK_FALSE(s.print.a3);
    CHECK(s.print.fit_to_width);
    CHECK(s.print.scale == 0);
  }
  SUBCASE("one too wide for A4 at 75% goes on A3, one page wide") {
    Sheet s = sheet_of(20, 12);  // about 1340 pt: 58% on A4, 85% on A3
    fit_print(s, Paper::automatic);
    CHECK(s.print.a3);
    CHECK(s.print.fit_to_width);
    SUBCASE("unless A4 is asked for: then 75% over pages across, repeating the first columns") {
      fit_print(s, Paper::a4);
      CHECK_FALSE(s.print.a3);
      CHECK_FALSE(s.print.fit_to_width);
      CHECK(s.print.scale == min_print_scale);
      CHECK(s.print.repeat_cols == std::pair{0, 1});
    }
  }
  SUBCASE("one too wide even for A3 prints at 75% over pages across") {
    Sheet s = sheet_of(40, 12);
    fit_print(s, Paper::automatic);
    CHECK(s.print.a3);
    CHECK_FALSE(s.print.fit_to_width);
    CHECK(s.print.scale == min_print_scale);
    CHECK(s.print.repeat_cols == std::pair{0, 1});
  }
  SUBCASE("repeated columns that would fill most of a page are not repeated") {
    Sheet s = sheet_of(40, 12);
    s.columns = {{0, 1, 120}, {2, 39, 12}};
    fit_print(s, Paper::automatic);
    CHECK_FALSE(s.print.repeat_cols);
  }
  SUBCASE("A3 asked for a narrow sheet is kept") {
    Sheet s = sheet_of(4, 10);
    fit_print(s, Paper::a3);
    CHECK(s.print.a3);
    CHECK(s.print.fit_to_width);
  }
  SUBCASE("a chart beside the cells widens the sheet") {
    Sheet s = sheet_of(8, 11);
    const double cells = print_width_points(s);
    s.charts.push_back(Chart{});
    s.charts.back().col = 9;
    s.charts.back().x_scale = 1.4;
    CHECK(print_width_points(s) > cells + 480);
  }
}

TEST_CASE("print_fit: --paper names") {
  CHECK(paper_of("") == Paper::automatic);
  CHECK(paper_of("a4") == Paper::a4);
  CHECK(paper_of("A3") == Paper::a3);
  CHECK_FALSE(paper_of("letter"));
}

TEST_CASE("print_fit: every sheet of a laid-out workbook is settled, the Actions sheet repeating id to action") {
  const WorkbookModel m = layout_workbook(test_plans::gantt_plan(), Body::cells, max_rows, Paper::a3);
  for (const Sheet& s : m.sheets) {
    CAPTURE(s.name);
    CHECK(s.print.a3);
  }
  const Sheet& actions = m.sheets[0];
  REQUIRE(actions.print.repeat_cols);
  CHECK(actions.print.repeat_cols->first == 0);
  CHECK(actions.print.repeat_cols->second == m.actions.column_of(Role::action));
}
