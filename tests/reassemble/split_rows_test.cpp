// Tests for records, not lines, through the whole pipeline: a row split inside a cell is joined to its action, an
// id-less row that fills the cells of the action above is an action of its own, and a wrapped line is neither.
#include <doctest/doctest.h>

#include "ledger.hpp"

using namespace plansheet;
using namespace plansheet::testing;

namespace {

Plan run_lines(const std::vector<std::string>& lines) {
  std::string bytes;
  for (const std::string& l : lines) bytes += l + "\n";
  return run("paste.txt", bytes, Options{});
}

}  // namespace

TEST_CASE("split_rows: a row split inside the action cell is joined, with its other cells in place") {
  Plan plan = run_lines({"Ref\tAction\tLead\tStatus", "P1\tBuy electric pool cars to replace the",
                         "petrol cars by the end of the lease.\tFleet\tOpen", "P2\tOffer pool bikes.\tFleet\tDone"});
  REQUIRE(plan.actions.size() == 2);
  CHECK(plan.actions[0].action == "Buy electric pool cars to replace the petrol cars by the end of the lease.");
  CHECK(plan.actions[0].lead == "Fleet");
  CHECK(plan.actions[0].status == "Open");
  bool logged = false;
  for (const Repair& r : plan.repairs) logged = logged || (r.rule == RepairRule::split_row && r.pos.line == 3 && r.action_id == "P1");
  CHECK(logged);
}

TEST_CASE("split_rows: an id-less full row after a finished action is a new action with a warning") {
  Plan plan = run_lines({"Ref\tAction\tLead\tStatus", "P1\tBuy electric pool cars.\tFleet\tOpen",
                         "\tOffer pool bikes to staff.\tHR\tDone", "P3\tFit chargers at the depot.\tFleet\tOpen"});
  REQUIRE(plan.actions.size() == 3);
  CHECK(plan.actions[0].action == "Buy electric pool cars.");
  CHECK(plan.actions[1].id.empty());
  CHECK(plan.actions[1].lead == "HR");
  bool warned = false;
  for (const Diagnostic& d : plan.warnings) warned = warned || d.message.find("a row with no id") != std::string::npos;
  CHECK(warned);
}

TEST_CASE("split_rows: a wrapped line that fills only the open cells still continues its action") {
  Plan plan = run_lines({"Ref\tAction\tLead\tStatus", "P1\tBuy electric pool cars for the\tFleet\tOpen",
                         "\tPlanning Department.\t\t", "P2\tOffer pool bikes.\tHR\tDone"});
  REQUIRE(plan.actions.size() == 2);
  CHECK(plan.actions[0].action == "Buy electric pool cars for the Planning Department.");
}
