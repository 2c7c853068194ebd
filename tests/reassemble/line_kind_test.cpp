// Tests for the heading-or-continuation rule alone: the points each piece of evidence gives, the verdict at 3, and
// when the evidence is thin enough to warn about.
#include <doctest/doctest.h>

#include "reassemble/pass_inputs.hpp"

using namespace plansheet;
using namespace plansheet::detail;
using namespace plansheet::testing;

TEST_CASE("line_kind: judge_heading") {
  HeadingEvidence e;
  e.action_open = true;
  e.column = 1;
  SUBCASE("a bold line in the column of the earlier headings, after a finished action, before an action row") {
    e.marked = e.same_column_as_headings = e.next_has_id = e.above_finished = true;
    LineKind k = judge_heading(e);
    CHECK(k.heading);
    CHECK_FALSE(k.thin);
    CHECK(k.score == 6);
  }
  SUBCASE("the same words under an unfinished action sentence continue it") {
    e.same_column_as_headings = e.next_has_id = e.above_unfinished = true;
    LineKind k = judge_heading(e);
    CHECK_FALSE(k.heading);
    CHECK(k.why == "score 0 (+2 in the column of the headings already read, +1 an action row follows, -3 the open "
                   "action's cell above is an unfinished sentence)");
  }
  SUBCASE("a line with only its column and the next row for it is a heading, on thin evidence") {
    e.same_column_as_headings = e.next_has_id = true;
    LineKind k = judge_heading(e);
    CHECK(k.heading);
    CHECK(k.thin);
  }
  SUBCASE("a titled line followed by more id-less lines, with nothing else for it, is no heading") {
    e.next_continues = true;
    CHECK_FALSE(judge_heading(e).heading);
  }
  SUBCASE("before any action a line near the id column is a heading; far from it, it needs an action row after") {
    e.action_open = false;
    e.near_id_column = true;
    CHECK(judge_heading(e).heading);
    e.near_id_column = false;
    CHECK_FALSE(judge_heading(e).heading);
    e.next_has_id = true;
    CHECK(judge_heading(e).heading);
  }
}

TEST_CASE("line_kind: heading_evidence reads the line and what surrounds it") {
  const TableLayout layout = layout_of({Role::id, Role::action, Role::lead});
  std::vector<DraftAction> actions{DraftAction{{"R1", "Plant hedges along the", "Parks"}, -1, 2, {2}}};
  Drafting drafting;
  drafting.last = &actions.back();
  drafting.heading_column = 1;
  const std::vector<std::string> next = {"R2", "Restore ponds.", "Parks"};
  SUBCASE("an unfinished action sentence above") {
    HeadingEvidence e = heading_evidence({"", "Ring Road"}, &next, false, layout, drafting);
    CHECK(e.above_unfinished);
    CHECK(e.same_column_as_headings);
    CHECK(e.next_has_id);
  }
  SUBCASE("a lead above says nothing by lacking a full stop") {
    HeadingEvidence e = heading_evidence({"", "", "Countryside"}, &next, false, layout, drafting);
    CHECK_FALSE(e.above_unfinished);
    CHECK_FALSE(e.same_column_as_headings);
  }
  SUBCASE("a label or a list number marks a heading") {
    CHECK(heading_evidence({"Theme 4: Water"}, &next, false, layout, drafting).marked);
    CHECK(heading_evidence({"", "**Water**"}, &next, false, layout, drafting).marked);
    CHECK_FALSE(heading_evidence({"", "Water"}, &next, false, layout, drafting).marked);
  }
}
