// Tests of find_link: a cell's text in, the web or e-mail address in it out as a link target.
#include <doctest/doctest.h>

#include "workbook/sample_plans.hpp"
#include "xlsx/layout.hpp"
#include "xlsx/links.hpp"
#include "xlsx/model_lookup.hpp"

using namespace plansheet;
using namespace plansheet::xlsx;
using plansheet::xlsx::detail::find_link;

TEST_CASE("links: web and e-mail addresses in the authors' text") {
  CHECK(find_link("Report at https://example.gov.uk/climate/report.pdf.") == "https://example.gov.uk/climate/report.pdf");
  CHECK(find_link("see HTTP://Example.org/a?b=1, then") == "HTTP://Example.org/a?b=1");
  CHECK(find_link("More on www.kent.gov.uk/net-zero;") == "http://www.kent.gov.uk/net-zero");
  CHECK(find_link("Contact climate.team@marshwood-vale.gov.uk for details") ==
        "mailto:climate.team@marshwood-vale.gov.uk");
  SUBCASE("no address, or not one") {
    CHECK(find_link("Ongoing").empty());
    CHECK(find_link("£5k @ 3% interest").empty());
    CHECK(find_link("meet @ the depot").empty());
    CHECK(find_link("http://").empty());
    CHECK(find_link("shttps://x.org").empty());  // inside a word
  }
  SUBCASE("an address longer than Excel takes stays text") {
    CHECK(find_link("https://example.org/" + std::string(300, 'a')).empty());
  }
}

TEST_CASE("links: an update holding an address is a link cell with its text unchanged") {
  Plan p = test_plans::rag_plan();
  p.actions[0].update = "Plan published at https://example.gov.uk/plan.";
  const WorkbookModel m = layout_workbook(p);
  const Sheet& s = test::sheet_named(m, "Actions");
  const SheetCell* cell = find_cell(s, m.actions.action_rows[0], m.actions.column_of(Role::update));
  REQUIRE(cell);
  CHECK(cell->text == "Plan published at https://example.gov.uk/plan.");
  CHECK(cell->link == "https://example.gov.uk/plan");
  CHECK(cell->style == Style::text_link);
  const SheetCell* id = find_cell(s, m.actions.action_rows[0], m.actions.column_of(Role::id));
  CHECK(id->link.empty());
}
