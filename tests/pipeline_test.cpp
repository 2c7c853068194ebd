// Tests for run(): the paste dialects end to end, user overrides, the trace for `check`,
// and the inputs that cannot go on (no table) as Error with exit code 3 and a one-line message.
#include <doctest/doctest.h>

#include <string>

#include "model/errors.hpp"
#include "ledger.hpp"

using namespace plansheet;
using namespace plansheet::testing;

namespace {

std::vector<std::string> ids(const Plan& plan) {
  std::vector<std::string> out;
  for (const Action& a : plan.actions) out.push_back(a.id);
  return out;
}

std::string utf16le_with_bom(const std::string& ascii) {
  std::string out = "\xFF\xFE";
  for (char c : ascii) out += std::string{c, '\0'};
  return out;
}

}  // namespace

TEST_CASE("pipeline: the same table in every paste dialect gives the same plan") {
  const std::string tabs = "Ref\tAction\tLead\nA1\tPlant trees on verges\tParks\nA2\tCut office waste\tFacilities\n";
  const Plan expected = run("t.txt", tabs, Options{});
  REQUIRE(ids(expected) == std::vector<std::string>{"A1", "A2"});
  struct Case {
    const char* name;
    std::string bytes;
  };
  const Case cases[] = {
      {"CRLF", "Ref\tAction\tLead\r\nA1\tPlant trees on verges\tParks\r\nA2\tCut office waste\tFacilities\r\n"},
      {"UTF-8 BOM", "\xEF\xBB\xBF" + tabs},
      {"UTF-16 LE with BOM", utf16le_with_bom(tabs)},
      {"markdown table", "| Ref | Action | Lead |\n|---|---|---|\n| A1 | Plant trees on verges | Parks |\n| A2 | Cut office waste | Facilities |\n"},
      {"runs of spaces", "Ref   Action                  Lead\nA1    Plant trees on verges   Parks\nA2    Cut office waste        Facilities\n"},
  };
  for (const Case& c : cases) {
    SUBCASE(c.name) {
      CAPTURE(c.bytes);
      Plan plan = run("t.txt", c.bytes, Options{});
      REQUIRE(ids(plan) == ids(expected));
      for (std::size_t i = 0; i < plan.actions.size(); ++i) {
        CHECK(plan.actions[i].action == expected.actions[i].action);
        CHECK(plan.actions[i].lead == expected.actions[i].lead);
      }
      CHECK(plan.columns.size() == 3);
    }
  }
}

TEST_CASE("pipeline: the trace says what was detected") {
  RunTrace trace;
  run("t.txt", "Ref\tAction\tLead\nA1\tPlant trees\tParks\nA2\tCut waste\tFacilities\n", Options{}, &trace);
  CHECK(trace.input_kind == "paste (tab-separated)");
  CHECK(trace.dialect_evidence == "3 of 3 non-blank lines hold tabs");
  REQUIRE(trace.column_reasons.size() == 3);
  CHECK(trace.column_reasons[2].find("lead") != std::string::npos);
  CHECK(trace.flags == std::vector<std::string>{"--header-row 1", "--roles 1=id,2=action,3=lead"});
}

TEST_CASE("pipeline: user overrides win") {
  const std::string bytes = "Code\tWhat\tWho\nA1\tPlant trees on verges\tParks\nA2\tCut office waste\tFacilities\n";
  Options options;
  options.roles = {{1, Role::id}, {2, Role::action}, {3, Role::partners}};
  Plan plan = run("t.txt", bytes, options);
  REQUIRE(plan.actions.size() == 2);
  CHECK(plan.actions[0].partners == "Parks");
  CHECK(plan.has_role(Role::partners));
  CHECK_FALSE(plan.has_role(Role::lead));
}

TEST_CASE("pipeline: inputs with no action table stop with exit code 3 and a one-line message") {
  struct Case {
    const char* name;
    std::string bytes;
  };
  const Case cases[] = {
      {"prose", "The council declared a climate emergency in 2019.\nIt will publish a plan next year.\n"},
      {"empty", ""},
      {"blank lines only", "\n\n\r\n"},
      {"a header with no rows", "Ref\tAction\tLead\n"},
  };
  for (const Case& c : cases) {
    SUBCASE(c.name) {
      CAPTURE(c.bytes);
      try {
        run("notes.txt", c.bytes, Options{});
        FAIL("run() found a table");
      } catch (const Error& e) {
        CHECK(e.code() == exit_input);
        const std::string message = e.what();
        CHECK(message.rfind("notes.txt: no action table found", 0) == 0);
        CHECK(message.find("--header-row") != std::string::npos);  // what to do
        CHECK(message.find('\n') == std::string::npos);
      }
    }
  }
}

TEST_CASE("pipeline: messy bytes never throw") {
  using namespace std::string_literals;
  const std::string bytes = "Ref\tAction\tLead\nA1\tPlant \xFF\xFE trees\tParks\x92s team\nA2\t\0\tFacilities\n\xC3"s;
  Plan plan;
  CHECK_NOTHROW(plan = run("t.txt", bytes, Options{}));
  REQUIRE(plan.actions.size() == 2);
  CHECK(plan.actions[0].lead == "Parks\u2019s team");
  CHECK(plan.actions[1].lead == "Facilities");
}
