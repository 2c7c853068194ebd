// Tests for the headings pass alone: what a section heading row looks like (in any column), and that a heading the
// evidence accepts ends the last action so that the rows after it start afresh.
#include <doctest/doctest.h>

#include "reassemble/pass_inputs.hpp"

using namespace plansheet;
using namespace plansheet::detail;
using namespace plansheet::testing;

TEST_CASE("headings: looks_like_heading") {
  using Cells = std::vector<std::string>;
  SUBCASE("a short titled phrase in one cell of any column") {
    CHECK(looks_like_heading(Cells{"Transport"}));
    CHECK(looks_like_heading(Cells{"", "Energy", "", ""}));
    CHECK(looks_like_heading(Cells{"", "", "", "Energy"}));
    CHECK(looks_like_heading(Cells{"Waste", "Waste", "", ""}));  // a merged cell printed twice
    CHECK(looks_like_heading(Cells{"**Buildings**"}));
    CHECK(looks_like_heading(Cells{"3.", "Green Spaces"}));       // a list number split off by a tab
  }
  SUBCASE("rows that are not headings") {
    CHECK_FALSE(looks_like_heading(Cells{"T1", "Extend bus lanes", "Highways"}));  // three cells
    CHECK_FALSE(looks_like_heading(Cells{"Reduce emissions from the fleet."}));    // a sentence
    CHECK_FALSE(looks_like_heading(Cells{"and the depots"}));                      // lower case
    CHECK_FALSE(looks_like_heading(Cells{"\xE2\x80\xA2 Parish councils"}));        // a bullet
    CHECK_FALSE(looks_like_heading(Cells{"Energy", "", "", "Parks"}));             // two cells far apart
    CHECK_FALSE(looks_like_heading(Cells{"", "", "", ""}));
  }
}

TEST_CASE("headings: start_heading") {
  const TableLayout layout = layout_of({Role::id, Role::action, Role::lead, Role::status});
  Reassembled out;
  out.actions.push_back(DraftAction{{"T1", "Extend bus lanes.", "Highways", ""}, -1, 2, {2}});
  Drafting drafting;
  drafting.last = &out.actions.back();
  drafting.last_id = "T1";
  drafting.previous_action_id = "T1";
  const std::vector<std::string> next = {"T2", "Widen footways.", "Highways", ""};
  SUBCASE("a heading in the first cell starts a section and ends the last action") {
    Row row = row_of(3, {"Energy", "", "", ""});
    CHECK(start_heading(row, cell_texts(row), heading_evidence(cell_texts(row), &next, false, layout, drafting),
                        drafting, out));
    REQUIRE(out.headings.size() == 1);
    CHECK(out.headings[0].cells == std::vector<std::string>{"Energy"});
    CHECK(out.headings[0].line == 3);
    CHECK(drafting.current_heading == 0);
    CHECK(drafting.heading_column == 0);
    CHECK(drafting.last == nullptr);
    CHECK(drafting.last_id.empty());
    CHECK(drafting.previous_action_id == "T1");  // a run of numeric ids goes on across headings
    CHECK(out.readings.at(0).kind == "heading");
  }
  SUBCASE("a titled phrase in the action column, after a finished action and before an action row, in the column "
          "of the earlier headings, is a heading") {
    drafting.heading_column = 1;
    Row row = row_of(3, {"", "Energy and Heat", "", ""});
    CHECK(start_heading(row, cell_texts(row), heading_evidence(cell_texts(row), &next, true, layout, drafting),
                        drafting, out));
    CHECK(out.headings.size() == 1);
  }
  SUBCASE("the same phrase under an unfinished action text continues that action instead") {
    out.actions.back().cells[1] = "Extend bus lanes along the";
    drafting.heading_column = 1;
    Row row = row_of(3, {"", "London Road", "", ""});
    CHECK_FALSE(start_heading(row, cell_texts(row), heading_evidence(cell_texts(row), &next, false, layout, drafting),
                              drafting, out));
    CHECK(out.headings.empty());
    CHECK(drafting.last == &out.actions.back());
  }
  SUBCASE("the same phrase before any action is a heading") {
    drafting.last = nullptr;
    Row row = row_of(3, {"", "Energy", "", ""});
    CHECK(start_heading(row, cell_texts(row), heading_evidence(cell_texts(row), &next, false, layout, drafting),
                        drafting, out));
  }
}
