// Tests of the Key sheet: a hand-built Plan in, its own legends and the workbook's colour key out.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "workbook/sample_plans.hpp"
#include "xlsx/layout.hpp"
#include "xlsx/model_lookup.hpp"

using namespace plansheet;
using namespace plansheet::xlsx;
using namespace plansheet::xlsx::test;

TEST_CASE("xlsx_layout: Key holds the plan's legends and the workbook's colour key") {
  const WorkbookModel m = layout_workbook(test_plans::rag_plan());
  const Sheet& s = sheet_named(m, "Key");
  auto has = [&](std::string_view text, std::string_view style = {}) {
    return std::any_of(s.cells.begin(), s.cells.end(), [&](const SheetCell& c) {
      return c.text == text && (style.empty() || style_name(c.style) == style);
    });
  };
  CHECK(has("Orange some delivery off track/timelines, further work to be completed"));
  CHECK(has("In discovery (research, fact finding, gather evidence)"));
  CHECK(has("Orange", "rag_amber"));
  CHECK(has("Red", "rag_red"));
  CHECK(has("In discovery", "key_term"));  // a stage line's own name, beside its full text
  const WorkbookModel g = layout_workbook(test_plans::gantt_plan());
  const Sheet& gk = sheet_named(g, "Key");
  CHECK(std::any_of(gk.cells.begin(), gk.cells.end(),
                    [](const SheetCell& c) { return c.text == "Ongoing actions" && c.col == 1; }));
}
