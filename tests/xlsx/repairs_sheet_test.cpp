// Tests of the Repairs sheet: hand-built Plans in, one row per repair and warning, linked to its Actions cell.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "workbook/sample_plans.hpp"
#include "xlsx/layout.hpp"
#include "xlsx/model_lookup.hpp"

using namespace plansheet;
using namespace plansheet::xlsx;
using namespace plansheet::xlsx::test;

TEST_CASE("xlsx_layout: Repairs lists every repair and warning, linked to the Actions cell") {
  SUBCASE("links point at the touched cell") {
    const Plan p = test_plans::gantt_plan();
    const WorkbookModel m = layout_workbook(p);
    const Sheet& s = sheet_named(m, "Repairs");
    std::vector<std::string> links;
    for (const SheetCell& c : s.cells)
      if (!c.link.empty()) links.push_back(c.link);
    REQUIRE(links.size() == 4);  // three repairs and one warning
    const std::string t3 = cell_ref(row_of_action(m, p, "T3"), m.actions.column_of(Role::id));
    CHECK(links[0] == "internal:'Actions'!" + t3);
    CHECK(links[1] == "internal:'Actions'!" + cell_ref(m.actions.band_rows[1].second, 0));
    CHECK(links[2] == "internal:'Actions'!" + cell_ref(row_of_action(m, p, "E7"), m.actions.column_of(Role::lead)));
    int warnings = 0;
    for (const SheetCell& c : s.cells) warnings += c.col == 0 && c.text == "Warning";
    CHECK(warnings == 1);
    CHECK(s.autofilter.has_value());
  }
  SUBCASE("nothing to report says so") {
    const WorkbookModel m = layout_workbook(test_plans::empty_plan());
    const Sheet& s = sheet_named(m, "Repairs");
    CHECK(std::any_of(s.cells.begin(), s.cells.end(),
                      [](const SheetCell& c) { return c.text.rfind("No repairs or warnings", 0) == 0; }));
  }
}
