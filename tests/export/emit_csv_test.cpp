// Tests for the CSV export: one header row, one row per action, RFC 4180 quoting, CRLF, and cells a spreadsheet
// would run as a formula neutralised with a leading apostrophe.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "export/emit_csv.hpp"

using namespace plansheet;

namespace {

Plan plan_with(std::vector<std::string> action_texts) {
  Plan plan;
  plan.columns = {{Role::id, "ID"}, {Role::action, "Action"}, {Role::lead, "Lead"}};
  int n = 1;
  for (std::string& text : action_texts) {
    Action a;
    a.id = "A" + std::to_string(n++);
    a.action = std::move(text);
    a.lead = "Parks";
    plan.actions.push_back(a);
  }
  return plan;
}

std::vector<std::string> lines(const std::string& csv) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < csv.size()) {
    std::size_t end = csv.find("\r\n", start);
    out.push_back(csv.substr(start, end - start));
    start = end + 2;
  }
  return out;
}

}  // namespace

TEST_CASE("emit_csv: header and rows") {
  const std::string csv = emit_csv(plan_with({"Plant trees"}));
  CHECK(csv == "ID,Action,Lead\r\nA1,Plant trees,Parks\r\n");
  SUBCASE("sections get their own column when any action has one") {
    Plan plan = plan_with({"Plant trees"});
    plan.actions[0].section = "Nature";
    CHECK(lines(emit_csv(plan)) == std::vector<std::string>{"ID,Section,Action,Lead", "A1,Nature,Plant trees,Parks"});
  }
  SUBCASE("targets as ticks, periods as filled squares, extra values under their labels") {
    Plan plan = plan_with({"Plant trees"});
    plan.columns.push_back({Role::target, "Cleaner air"});
    plan.columns.push_back({Role::target, "Warmer homes"});
    plan.columns.push_back({Role::extra, "Budget"});
    plan.periods = {"2025-26", "2026-27"};
    plan.actions[0].targets = {false, true};
    plan.actions[0].periods = {"2026-27"};
    plan.actions[0].extra = {{"Budget", "5k"}};
    CHECK(lines(emit_csv(plan)) == std::vector<std::string>{"ID,Action,Lead,Cleaner air,Warmer homes,Budget,2025-26,2026-27",
                                                            "A1,Plant trees,Parks,,\u2713,5k,,\u25A0"});
  }
}

TEST_CASE("emit_csv: quoting") {
  struct Case {
    const char* text;
    const char* field;
  };
  const Case cases[] = {
      {"Trees, hedges and verges", "\"Trees, hedges and verges\""},
      {"The \"Warm Homes\" scheme", "\"The \"\"Warm Homes\"\" scheme\""},
      {"Line one\nline two", "\"Line one\nline two\""},
      {"Caf\u00e9 \u2013 \u00a32m", "Caf\u00e9 \u2013 \u00a32m"},
  };
  for (const Case& c : cases) {
    SUBCASE(c.text) {
      CAPTURE(c.text);
      CHECK(emit_csv(plan_with({c.text})) == std::string("ID,Action,Lead\r\nA1,") + c.field + ",Parks\r\n");
    }
  }
}

TEST_CASE("emit_csv: formula injection is neutralised") {
  struct Case {
    const char* text;
    const char* field;
  };
  const Case cases[] = {
      {"=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""},
      {"+44 116 000 0000", "'+44 116 000 0000"},
      {"-5% emissions", "'-5% emissions"},
      {"@SUM(A1:A2)", "'@SUM(A1:A2)"},
      {"\tindented", "'\tindented"},
      {"=1+1, really", "\"'=1+1, really\""},
  };
  for (const Case& c : cases) {
    SUBCASE(c.text) {
      CAPTURE(c.text);
      CHECK(emit_csv(plan_with({c.text})) == std::string("ID,Action,Lead\r\nA1,") + c.field + ",Parks\r\n");
    }
  }
  SUBCASE("a sign inside the text is left alone") {
    CHECK(emit_csv(plan_with({"Cut 5% = 2 tonnes"})) == "ID,Action,Lead\r\nA1,Cut 5% = 2 tonnes,Parks\r\n");
  }
  SUBCASE("ids and labels are neutralised too") {
    Plan plan = plan_with({"x"});
    plan.actions[0].id = "-1";
    plan.columns[2].label = "=Lead";
    CHECK(lines(emit_csv(plan)) == std::vector<std::string>{"ID,Action,'=Lead", "'-1,x,Parks"});
  }
}
