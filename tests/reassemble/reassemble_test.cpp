// Tests for reassembly (continuation lines, spilled text, rows printed twice, glued ids, rows that lost or gained a
// cell, furniture) through the whole pipeline, plus the damage fixtures in tests/fixtures/reassemble/.
#include <doctest/doctest.h>

#include "ledger.hpp"

using namespace plansheet;
using namespace plansheet::testing;

TEST_CASE("reassemble: damage fixtures") { check_fixtures("reassemble"); }


namespace {

Plan run_lines(const std::vector<std::string>& lines) {
  std::string bytes;
  for (const std::string& l : lines) bytes += l + "\n";
  return run("paste.txt", bytes, Options{});
}

bool removed_as(const Plan& plan, int line, RemovalReason reason) {
  for (const Removal& r : plan.removed)
    if (r.line == line && r.reason == reason) return true;
  return false;
}

std::vector<std::string> ids(const Plan& plan) {
  std::vector<std::string> out;
  for (const Action& a : plan.actions) out.push_back(a.id);
  return out;
}

}  // namespace

TEST_CASE("reassemble: page furniture is set aside, never read as an action or continuation") {
  const std::vector<std::string> lines = {
      "Ref\tAction\tLead\tStatus",                                  // 1
      "Energy",                                                     // 2
      "E1\tFit solar panels on the depot\tProperty Services\tIn progress",  // 3
      "This page is intentionally left blank",                      // 4
      "Page 3 of 11",                                               // 5
      "________________________________",                           // 6
      "Ref\tAction\tLead\tStatus",                                  // 7 (the header repeated on a new page)
      "E2\tBuy renewable electricity\tProcurement\tComplete",       // 8
      "_\t_\t_\t_",                                                 // 9
      "Page 4",                                                     // 10
      "12 of 40",                                                   // 11
      "E3\tTrial a heat network\tEnergy Team\tNot started",         // 12
  };
  Plan plan = run_lines(lines);
  CHECK(ids(plan) == std::vector<std::string>{"E1", "E2", "E3"});
  CHECK(plan.actions[0].action == "Fit solar panels on the depot");
  CHECK(plan.actions[0].status == "In progress");
  CHECK(plan.actions[1].status == "Complete");
  SUBCASE("each piece of furniture is a removed entry with its reason") {
    CHECK(removed_as(plan, 4, RemovalReason::furniture));
    CHECK(removed_as(plan, 5, RemovalReason::furniture));
    CHECK(removed_as(plan, 6, RemovalReason::furniture));
    CHECK(removed_as(plan, 7, RemovalReason::repeated_header));
    CHECK(removed_as(plan, 9, RemovalReason::furniture));
    CHECK(removed_as(plan, 10, RemovalReason::furniture));
    CHECK(removed_as(plan, 11, RemovalReason::furniture));
  }
  SUBCASE("no continuation repair touched an action") {
    for (const Repair& r : plan.repairs) CHECK(r.rule != RepairRule::continuation);
  }
}

TEST_CASE("reassemble: section heading rows") {
  SUBCASE("a heading alone on its line, and one repeated across the row's cells") {
    Plan plan = run_lines({"Ref\tAction\tLead\tStatus", "Transport", "T1\tExtend bus lanes\tHighways\tIn progress",
                           "Waste\tWaste\t\t", "W1\tOpen a reuse shop\tWaste Services\tNot started"});
    REQUIRE(plan.actions.size() == 2);
    CHECK(plan.actions[0].section == "Transport");
    CHECK(plan.actions[1].section == "Waste");
    bool logged = false;
    for (const Repair& r : plan.repairs)
      logged = logged || (r.pos.line == 4 && r.role == "section" && r.before == "Waste\tWaste" && r.after == "Waste");
    CHECK(logged);
  }
  SUBCASE("a labelled heading drops its label and records it") {
    Plan plan = run_lines({"Action ID\tProject Description\tTimescale", "Workstream:\tFleet", "FL1\tBuy electric vans\t2025-26",
                           "FL2\tTrain drivers in eco driving\tOngoing"});
    REQUIRE(plan.actions.size() == 2);
    CHECK(plan.actions[1].section == "Fleet");
    CHECK(removed_as(plan, 2, RemovalReason::section_label));
  }
  SUBCASE("text before the first action that is no heading is reported, not lost") {
    Plan plan = run_lines({"Ref\tAction\tLead\tStatus", "\tsee the notes at the end of this table.\t\t",
                           "T1\tExtend bus lanes\tHighways\tIn progress"});
    REQUIRE(plan.actions.size() == 1);
    CHECK(removed_as(plan, 2, RemovalReason::before_first_action));
    REQUIRE_FALSE(plan.warnings.empty());
  }
}

TEST_CASE("reassemble: rows with an id start actions, rows without continue them") {
  Plan plan = run_lines({"No.\tAction\tLead", "1\tCut staff travel emissions by", "\tmoving meetings online\tHR",
                         "2\tSurvey the tree canopy\tParks"});
  REQUIRE(plan.actions.size() == 2);
  CHECK(plan.actions[0].action == "Cut staff travel emissions by moving meetings online");
  CHECK(plan.actions[0].lead == "HR");
  CHECK(plan.actions[0].line == 2);
  CHECK(plan.actions[1].line == 4);
}

TEST_CASE("reassemble: hidden spreadsheet rows are left out with a warning") {
  RawTable table;
  table.source = "plan.xlsx";
  auto row = [](int line, std::vector<std::string> cells, bool hidden = false) {
    Row r;
    r.line = line;
    r.hidden = hidden;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      Cell cell;
      cell.text = cells[c];
      cell.pos.line = line;
      cell.pos.column = static_cast<int>(c + 1);
      r.cells.push_back(cell);
    }
    return r;
  };
  table.rows = {row(1, {"Ref", "Action", "Lead"}), row(2, {"A1", "Plant trees", "Parks"}),
                row(3, {"A2", "Old action withdrawn", "Parks"}, true), row(4, {"A3", "Cut waste", "Waste"})};
  Plan plan = run_table(table, Options{});
  CHECK(ids(plan) == std::vector<std::string>{"A1", "A3"});
  CHECK(removed_as(plan, 3, RemovalReason::hidden_row));
  bool warned = false;
  for (const Diagnostic& d : plan.warnings) warned = warned || d.message.find("hidden row") != std::string::npos;
  CHECK(warned);
}
