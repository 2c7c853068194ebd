// A paste split on runs of spaces: an id-shaped first cell anchors its row in the id column (a theme written only
// on each theme's first row leaves the others a cell short), and a cell wrapped onto the next line continues the
// column it lies under, found by its place on the line.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "pipeline.hpp"

using namespace plansheet;

namespace {

Plan read(const std::string& text) { return run("paste.txt", text, Options{}); }

const Action* find(const Plan& plan, const std::string& id) {
  for (const Action& a : plan.actions)
    if (a.id == id) return &a;
  return nullptr;
}

// The header and three rows of a plan whose theme is written once per theme, columns apart by runs of spaces.
const std::string themed =
    "Ref    Theme               Action                                    Lead              Status\n"
    "W1     Water               Fit water meters to every council building.   Estates    In progress\n"
    "W2     Survey the depot roofs for rainwater harvesting.   Estates    Not started\n"
    "W3     Replace urinal flush controls in the civic offices.   Facilities    Complete\n"
    "E1     Energy              Buy renewable electricity for street lights.   Highways    Complete\n"
    "E2     Insulate the museum's loft and cavity walls.   Museums    In progress\n";

}  // namespace

TEST_CASE("column starts: an id-shaped first cell stays in the id column of a row a cell short") {
  Plan plan = read(themed);
  REQUIRE(plan.actions.size() == 5);
  SUBCASE("a row without its theme keeps its id, and its action in the action column") {
    const Action* w2 = find(plan, "W2");
    REQUIRE(w2);
    CHECK(w2->action == "Survey the depot roofs for rainwater harvesting.");
    CHECK(w2->lead == "Estates");
  }
  SUBCASE("the theme written once is given to the rows under it") {
    const Action* w3 = find(plan, "W3");
    const Action* e2 = find(plan, "E2");
    REQUIRE(w3);
    REQUIRE(e2);
    CHECK(w3->section == "Water");
    CHECK(e2->section == "Energy");
  }
  SUBCASE("no id is taken for a theme") {
    for (const Action& a : plan.actions) CHECK(a.section != a.id);
  }
}

TEST_CASE("column starts: a theme column before the ids; rows without their theme start with their id") {
  const std::string text =
      "Theme               Ref    Action                                          Lead          Status\n"
      "Kitchens            K1     Swap the gas hobs in the staff canteen for induction.   Catering   In progress\n"
      "K2     Fit timers to the water heaters in every kitchen.   Estates    Not started\n"
      "Lighting            L1     Replace the car park floodlights with LED units.   Highways   Complete\n"
      "L2     Add daylight sensors to the library reading rooms.   Libraries    In progress\n"
      "L3     Switch off the town hall's facade lights after midnight.   Facilities    Complete\n";
  Plan plan = read(text);
  REQUIRE(plan.actions.size() == 5);
  const Action* k2 = find(plan, "K2");
  const Action* l3 = find(plan, "L3");
  REQUIRE(k2);
  REQUIRE(l3);
  CHECK(k2->action == "Fit timers to the water heaters in every kitchen.");
  CHECK(k2->lead == "Estates");
  CHECK(k2->status == "Not started");
  CHECK(k2->section == "Kitchens");
  CHECK(l3->section == "Lighting");
  // The cells that moved a column right are logged.
  CHECK(std::any_of(plan.repairs.begin(), plan.repairs.end(), [](const Repair& r) {
    return r.rule == RepairRule::misplaced_text && r.action_id == "K2" && r.role == "id" && r.from_role == "section";
  }));
}

TEST_CASE("column starts: a wrapped piece continues the column it lies under") {
  // Columns apart by runs of two to four spaces, not aligned from row to row; a wrapped piece starts where its
  // cell starts on the row above.
  const std::string text =
      "Ref  Action  Lead  Update\n"
      "A1   Publish the council's carbon budget  Finance    Draft went to Cabinet in May;\n"
      "                                                     adoption due in July.\n"
      "A2  Plant street trees in every ward   Parks  120 planted so far.\n"
      "    with the community tree wardens.\n"
      "A3    Switch the pool fleet to electric cars  Fleet  Six of ten are electric.\n";
  Plan plan = read(text);
  REQUIRE(plan.actions.size() == 3);
  SUBCASE("a piece under the update column joins the update, not the first empty column") {
    const Action* a1 = find(plan, "A1");
    REQUIRE(a1);
    CHECK(a1->update == "Draft went to Cabinet in May; adoption due in July.");
    CHECK(a1->action == "Publish the council's carbon budget");
  }
  SUBCASE("a piece under the action column joins the action") {
    const Action* a2 = find(plan, "A2");
    REQUIRE(a2);
    CHECK(a2->action == "Plant street trees in every ward with the community tree wardens.");
    CHECK(a2->update == "120 planted so far.");
  }
  SUBCASE("the join is logged as a continuation") {
    bool logged = false;
    for (const Repair& r : plan.repairs) logged = logged || (r.rule == RepairRule::continuation && r.pos.line == 3);
    CHECK(logged);
  }
}
