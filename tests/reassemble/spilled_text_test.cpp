// Tests for the spilled-text pass alone: a lower-case run that opens the next action's text finishes this action's
// unfinished sentence and moves back to it; finished sentences, short cells and cells opening with a number stay,
// and records a CSV or a spreadsheet delimits never trade text.
#include <doctest/doctest.h>

#include "reassemble/pass_inputs.hpp"

using namespace plansheet;
using namespace plansheet::detail;
using namespace plansheet::testing;

TEST_CASE("spilled_text: move_spilled_text") {
  const TableLayout layout = layout_of({Role::id, Role::action, Role::lead});
  const RawTable paste;
  Reassembled out;
  SUBCASE("the run moves back, both cells logged") {
    out.actions.push_back(DraftAction{{"B1", "Install heat pumps in", "Estates"}, -1, 2, {2}});
    out.actions.push_back(DraftAction{{"B2", "two depots. Review the fleet contracts", "Fleet"}, -1, 3, {3}});
    move_spilled_text(paste, layout, out);
    CHECK(out.actions[0].cells[1] == "Install heat pumps in two depots.");
    CHECK(out.actions[1].cells[1] == "Review the fleet contracts");
    REQUIRE(out.repairs.size() == 2);
    CHECK(out.repairs[0].action_id == "B1");
    CHECK(out.repairs[1].action_id == "B2");
    CHECK(logged(out.repairs, RepairRule::misplaced_text, 3, "action"));
  }
  SUBCASE("a finished sentence takes nothing, and lead columns are never touched") {
    out.actions.push_back(DraftAction{{"B1", "Install heat pumps.", "Estates and"}, -1, 2, {2}});
    out.actions.push_back(DraftAction{{"B2", "two depots. Review the fleet contracts", "facilities Fleet Team Leads"}, -1, 3, {3}});
    move_spilled_text(paste, layout, out);
    CHECK(out.actions[1].cells[1] == "two depots. Review the fleet contracts");
    CHECK(out.repairs.empty());
  }
  SUBCASE("fewer than three words after the run: nothing moves") {
    out.actions.push_back(DraftAction{{"B1", "Install heat pumps in", ""}, -1, 2, {2}});
    out.actions.push_back(DraftAction{{"B2", "two depots. Review fleets", ""}, -1, 3, {3}});
    move_spilled_text(paste, layout, out);
    CHECK(out.repairs.empty());
  }
  SUBCASE("a cell opening with a number opens a sentence of its own: nothing moves, even before a capital") {
    out.actions.push_back(DraftAction{{"4.1", "Survey the depots - 2 of 3", ""}, -1, 2, {2}});
    out.actions.push_back(DraftAction{{"4.10", "640 lanterns fitted under the Greenway Lighting framework", ""}, -1, 3, {3}});
    out.actions.push_back(DraftAction{{"4.2", "\u00A3500k awarded to the Village Halls fund", ""}, -1, 4, {4}});
    move_spilled_text(paste, layout, out);
    CHECK(out.actions[0].cells[1] == "Survey the depots - 2 of 3");
    CHECK(out.actions[1].cells[1] == "640 lanterns fitted under the Greenway Lighting framework");
    CHECK(out.actions[2].cells[1] == "\u00A3500k awarded to the Village Halls fund");
    CHECK(out.repairs.empty());
  }
  SUBCASE("a CSV's or a spreadsheet's records are whole: a quoted field that opens in lower case stays") {
    RawTable csv;
    csv.records_delimited = true;
    out.actions.push_back(DraftAction{{"C1", "Survey the council's social housing stock for", "Housing"}, -1, 2, {2}});
    out.actions.push_back(DraftAction{{"C2", "eligible homes. Apply for the retrofit grant", "Housing"}, -1, 3, {3}});
    move_spilled_text(csv, layout, out);
    CHECK(out.actions[0].cells[1] == "Survey the council's social housing stock for");
    CHECK(out.actions[1].cells[1] == "eligible homes. Apply for the retrofit grant");
    CHECK(out.repairs.empty());
  }
}
