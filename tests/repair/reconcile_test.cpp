// Tests for reconciliation (ids, sections, text repairs, id sequences) through the whole pipeline, plus the damage
// fixtures in tests/fixtures/reconcile/.
#include <doctest/doctest.h>

#include "ledger.hpp"

using namespace plansheet;
using namespace plansheet::testing;

TEST_CASE("reconcile: damage fixtures") { check_fixtures("reconcile"); }


namespace {

Plan run_lines(const std::vector<std::string>& lines) {
  std::string bytes;
  for (const std::string& l : lines) bytes += l + "\n";
  return run("paste.txt", bytes, Options{});
}

bool warned(const Plan& plan, int line, const std::string& part) {
  for (const Diagnostic& d : plan.warnings)
    if (d.pos.line == line && d.message.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("reconcile: RAG words are read, other text in the RAG column is kept and flagged") {
  Plan plan = run_lines({"Ref\tAction\tRAG", "A1\tPlant trees\tGreen", "A2\tCut waste\tAMBER", "A3\tBuy power\tR",
                         "A4\tFit solar\tComplete", "A5\tAudit fleet\t", "A6\tTrain staff\tsee note"});
  REQUIRE(plan.actions.size() == 6);
  CHECK(plan.actions[0].rag == "green");
  CHECK(plan.actions[0].rag_colour == "green");
  CHECK(plan.actions[1].rag == "amber");
  CHECK(plan.actions[2].rag_colour == "red");
  CHECK(plan.actions[3].rag_colour == "blue");
  CHECK(plan.actions[4].rag.empty());
  SUBCASE("text that is no rating goes to extra with a warning") {
    CHECK(plan.actions[5].rag.empty());
    REQUIRE(plan.actions[5].extra.size() == 1);
    CHECK(plan.actions[5].extra[0] == std::pair<std::string, std::string>{"RAG", "see note"});
    CHECK(warned(plan, 7, "not a RAG rating"));
  }
}

TEST_CASE("reconcile: a RAG word with the authors' explanation is rated, and the whole text kept") {
  // Found by fuzz_csv: "Green-27" was rated green and "-27" reached no field.
  Plan plan = run_lines({"Ref\tAction\tRAG", "A1\tPlant trees\tRed - off track", "A2\tCut waste\tGreen-27",
                         "A3\tBuy power\tAmber"});
  REQUIRE(plan.actions.size() == 3);
  CHECK(plan.actions[0].rag == "red");
  REQUIRE(plan.actions[0].extra.size() == 1);
  CHECK(plan.actions[0].extra[0] == std::pair<std::string, std::string>{"RAG (as written)", "Red - off track"});
  CHECK(plan.actions[1].rag == "green");
  REQUIRE(plan.actions[1].extra.size() == 1);
  CHECK(plan.actions[1].extra[0].second == "Green-27");
  CHECK(plan.actions[2].extra.empty());
  CHECK(warned(plan, 3, "the RAG cell 'Green-27' is rated green"));
  // A note, not a doubt: the rating itself is clear.
  CHECK(plan.doubt_count() == 0);
}

TEST_CASE("reconcile: tick columns become booleans; text that is no mark is flagged and kept") {
  Plan plan = run_lines({"No.\tNet zero estate\tNature\tAction", "1\t\u2713\t\tPlant trees on verges", "2\t*\t\u2714\tCut office waste",
                         "3\tYes\tx\tBuy renewable power", "4\tsee 2\t\u221a\tFit solar panels"});
  REQUIRE(plan.actions.size() == 4);
  CHECK(plan.actions[0].targets == std::vector<bool>{true, false});
  CHECK(plan.actions[1].targets == std::vector<bool>{true, true});
  CHECK(plan.actions[2].targets == std::vector<bool>{true, true});
  CHECK(plan.actions[3].targets == std::vector<bool>{false, true});
  CHECK(warned(plan, 5, "not a tick mark"));
  bool kept = false;
  for (const Removal& r : plan.removed) kept = kept || (r.line == 5 && r.text == "see 2");
  CHECK(kept);
}

TEST_CASE("reconcile: ids") {
  SUBCASE("a Cyrillic id is repaired and logged on its line") {
    Plan plan = run_lines({"Ref\tAction", "\u04122\tInsulate lofts", "B3\tFit heat pumps", "B4\tSurvey schools"});
    REQUIRE(plan.actions.size() == 3);
    CHECK(plan.actions[0].id == "B2");
    REQUIRE_FALSE(plan.repairs.empty());
    CHECK(plan.repairs[0].rule == RepairRule::homoglyph);
    CHECK(plan.repairs[0].pos.line == 2);
    CHECK(plan.repairs[0].before == "\u04122");
    CHECK(plan.repairs[0].after == "B2");
  }
  SUBCASE("sequence checks restart in each section") {
    Plan plan = run_lines({"Ref\tAction", "Energy", "E1\tFit solar", "E2\tBuy power", "Waste", "E1\tCompost", "E2\tReuse shop"});
    for (const Diagnostic& d : plan.warnings) CHECK(d.message.find("higher number") == std::string::npos);
    CHECK(warned(plan, 6, "used by more than one action"));
  }
  SUBCASE("sub-numbers are checked within their stem") {
    Plan plan = run_lines({"Ref\tAction", "F1.1\tTrack savings", "F1.2\tFind funding", "F1.4\tRun a carbon fund", "F2.1\tPrice carbon"});
    CHECK(warned(plan, 4, "ids jump to F1.4"));
    for (const Diagnostic& d : plan.warnings) CHECK(d.pos.line != 5);
  }
}

TEST_CASE("reconcile: categorical values") {
  SUBCASE("a misread status takes the column's common value") {
    Plan plan = run_lines({"Ref\tAction\tStatus", "A1\tPlant trees\tIn progress", "A2\tCut waste\tIn progress",
                           "A3\tBuy power\tln progress", "A4\tFit solar\tComplete"});
    CHECK(plan.actions[2].status == "In progress");
  }
  SUBCASE("values that differ only in case or punctuation are flagged, not changed") {
    Plan plan = run_lines({"Ref\tAction\tStatus", "A1\tPlant trees\tIn progress", "A2\tCut waste\tIn Progress",
                           "A3\tBuy power\tin-progress", "A4\tFit solar\tComplete"});
    CHECK(plan.actions[1].status == "In Progress");
    CHECK(plan.actions[2].status == "in-progress");
    CHECK(warned(plan, 0, "status values differ only in case or punctuation"));
  }
}

TEST_CASE("reconcile: earlier stages' logs come first, in pipeline order") {
  Plan plan = run_lines({"Ref\tAction\tLead", "A1\tRe\ufb01t the hall\tEstates", "A2\tCut waste\tProperty", "\u04103\tBuy power\tEstates"});
  REQUIRE(plan.repairs.size() >= 2);
  CHECK(plan.repairs.front().rule == RepairRule::invisible_characters);
  CHECK(plan.repairs.back().rule == RepairRule::homoglyph);
}

TEST_CASE("reconcile: two columns given one role keep both texts") {
  // A second "lead" column forced by the user: its text goes under extra by its label, with a warning, never over
  // the first column's text.
  const std::string text =
      "Ref\tAction\tService\tOfficer\tStatus\n"
      "G1\tRun the green business awards.\tEconomy\tSam Patel\tOn track\n"
      "G2\tOpen the repair cafe in the market hall.\tCommunities\tJo Brown\tComplete\n";
  Options options;
  options.roles = {{3, Role::lead}, {4, Role::lead}};
  Plan plan = run("paste.txt", text, options);
  REQUIRE(plan.actions.size() == 2);
  CHECK(plan.actions[0].lead == "Economy");
  bool kept = false;
  for (const auto& [label, value] : plan.actions[0].extra) kept = kept || (label == "Officer" && value == "Sam Patel");
  CHECK(kept);
  bool warned = false;
  for (const Diagnostic& w : plan.warnings) warned = warned || w.message.find("columns 3 and 4 are both lead") == 0;
  CHECK(warned);
  int lead_columns = 0;
  for (const Column& c : plan.columns) lead_columns += c.role == Role::lead;
  CHECK(lead_columns == 1);
}
