// The no-loss ledger: for every sample with a table and every damage fixture, every non-whitespace character of the
// input (after the pipeline's own decoding and NFC) must end up in an action, the title, a legend entry, a column
// label, a repair's `before` or a removed entry. The helper lives in ledger.hpp.
#include <doctest/doctest.h>

#include "ledger.hpp"

using namespace plansheet;
using namespace plansheet::testing;

namespace {

std::string ledger_report(const fs::path& path) {
  const std::string bytes = read_file(path);
  const Plan plan = run(path.filename().string(), bytes, Options{});
  return unaccounted(ledger_lines(bytes), plan);
}

void check_sample(const std::string& file) {
  const fs::path path = source_dir() / "samples" / file;
  CAPTURE(file);
  const std::string report = ledger_report(path);
  CHECK_MESSAGE(report.empty(), "characters of " << file << " found nowhere in the plan:\n" << report);
}

void check_fixture_ledgers() {
  for (const char* stage : {"normalise", "reassemble", "reconcile", "dialect"})
    for (const fs::path& input : fixture_inputs(stage)) {
      const std::string name = std::string(stage) + "/" + input.stem().string();
      SUBCASE(name.c_str()) {
        const std::string report = ledger_report(input);
        CHECK_MESSAGE(report.empty(), "characters of " << name << " found nowhere in the plan:\n" << report);
      }
    }
}

}  // namespace

TEST_CASE("ledger: the ledger itself finds a lost character") {
  // A plan that dropped the tick mark of line 2 and the word "Fleet" of line 3.
  const std::vector<std::string> lines = {"ID\tAction\tT1", "A1\tCut waste\t\u2713", "A2\tFleet"};
  Plan plan;
  plan.columns = {{Role::id, "ID"}, {Role::action, "Action"}, {Role::target, "T1"}};
  Action a1;
  a1.id = "A1", a1.action = "Cut waste", a1.line = 2;
  Action a2;
  a2.id = "A2", a2.line = 3;
  plan.actions = {a1, a2};
  const std::string report = unaccounted(lines, plan);
  CAPTURE(report);
  CHECK(report.find("U+2713") != std::string::npos);
  CHECK(report.find("lines 2-2 (action A1)") != std::string::npos);
  CHECK(report.find("lines 3-3 (action A2)") != std::string::npos);
  CHECK(report.find("'f'") != std::string::npos);
  SUBCASE("a removed entry on the line accounts for it") {
    plan.removed.push_back({2, "\u2713", RemovalReason::tick_and_period_marks});
    plan.actions[1].action = "Fleet";
    CHECK(unaccounted(lines, plan).empty());
  }
  SUBCASE("a repair's before on another block's line does not") {
    plan.repairs.push_back({RepairRule::ocr, {3}, "A2", "action", "\u2713", ""});
    plan.actions[1].action = "Fleet";
    CHECK(unaccounted(lines, plan).find("U+2713") != std::string::npos);
  }
}

TEST_CASE("ledger: samples lose no character") {
  SUBCASE("leicestershire 2050 net zero action plan") { check_sample("leicestershire-2050-net-zero-action-plan.txt"); }
  SUBCASE("kent and medway plan") { check_sample("kent-medway-energy-low-emissions-plan.txt"); }
  SUBCASE("leicestershire carbon reduction programme") { check_sample("leicestershire-carbon-reduction-programme-2023.txt"); }
  SUBCASE("cambridgeshire targets matrix") { check_sample("cambridgeshire-climate-strategy-targets-matrix.txt"); }
}

TEST_CASE("ledger: damage fixtures lose no character") { check_fixture_ledgers(); }
