// Tests for the headings pass alone: what a section heading row looks like, and that a heading ends the last
// action so that the rows after it start afresh.
#include <doctest/doctest.h>

#include "reassemble/pass_inputs.hpp"

using namespace plansheet;
using namespace plansheet::detail;
using namespace plansheet::testing;

TEST_CASE("headings: looks_like_heading") {
  using Cells = std::vector<std::string>;
  SUBCASE("a short titled phrase in the first cells") {
    CHECK(looks_like_heading(Cells{"Transport"}, 0));
    CHECK(looks_like_heading(Cells{"", "Energy", "", ""}, 0));
    CHECK(looks_like_heading(Cells{"Waste", "Waste", "", ""}, 0));  // a merged cell printed twice
    CHECK(looks_like_heading(Cells{"**Buildings**"}, 0));
  }
  SUBCASE("rows that are not headings") {
    CHECK_FALSE(looks_like_heading(Cells{"T1", "Extend bus lanes", "Highways"}, 0));  // three cells
    CHECK_FALSE(looks_like_heading(Cells{"Reduce emissions from the fleet."}, 0));    // a sentence
    CHECK_FALSE(looks_like_heading(Cells{"and the depots"}, 0));                      // lower case
    CHECK_FALSE(looks_like_heading(Cells{"", "", "", "Energy"}, 0));                  // far from the first cell
    CHECK_FALSE(looks_like_heading(Cells{"", "", "", ""}, 0));
  }
}

TEST_CASE("headings: start_heading") {
  const TableLayout layout = layout_of({Role::id, Role::action, Role::lead, Role::status});
  Reassembled out;
  out.actions.push_back(DraftAction{{"T1", "Extend bus lanes", "Highways", ""}, -1, 2, {2}});
  Drafting drafting;
  drafting.last = &out.actions.back();
  drafting.last_id = "T1";
  drafting.previous_action_id = "T1";
  SUBCASE("a heading in the first cell starts a section and ends the last action") {
    Row row = row_of(3, {"Energy", "", "", ""});
    CHECK(start_heading(row, cell_texts(row), layout, drafting, out));
    REQUIRE(out.headings.size() == 1);
    CHECK(out.headings[0].cells == std::vector<std::string>{"Energy"});
    CHECK(out.headings[0].line == 3);
    CHECK(drafting.current_heading == 0);
    CHECK(drafting.last == nullptr);
    CHECK(drafting.last_id.empty());
    CHECK(drafting.previous_action_id == "T1");  // a run of numeric ids goes on across headings
  }
  SUBCASE("a titled phrase under a later column, after an action, continues that action instead") {
    Row row = row_of(3, {"", "Energy", "", ""});
    CHECK_FALSE(start_heading(row, cell_texts(row), layout, drafting, out));
    CHECK(out.headings.empty());
    CHECK(drafting.last == &out.actions.back());
  }
  SUBCASE("the same phrase before any action is a heading") {
    drafting.last = nullptr;
    Row row = row_of(3, {"", "Energy", "", ""});
    CHECK(start_heading(row, cell_texts(row), layout, drafting, out));
  }
}
