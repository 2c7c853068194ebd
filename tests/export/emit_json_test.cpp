// Tests for the JSON export: the shape CONTRACT.md gives (keys, their order, which roles appear), null where there
// is nothing, and valid UTF-8 whatever the plan holds.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "plan_json.hpp"

using namespace plansheet;
using json = nlohmann::ordered_json;

namespace {

std::vector<std::string> keys(const json& object) {
  std::vector<std::string> out;
  for (auto it = object.begin(); it != object.end(); ++it) out.push_back(it.key());
  return out;
}

Plan sample_plan() {
  Plan plan;
  plan.source = "plans/net-zero.txt";
  plan.title = "Net Zero Borough Action Plan";
  plan.columns = {{Role::id, "Action ID"}, {Role::action, "Action"}, {Role::lead, "Lead"}, {Role::start, "Timescale / Start"},
                  {Role::end, "Timescale / End"}, {Role::rag, "RAG"}, {Role::target, "Cleaner air"}, {Role::target, "Warmer homes"},
                  {Role::extra, "Budget"}};
  plan.periods = {"2025-26", "2026-27"};
  Action a;
  a.id = "T3", a.section = "Transport", a.action = "Extend bus lanes", a.lead = "Highways";
  a.start = "Apr-25", a.end = "Ongoing", a.rag = "green", a.rag_colour = "green", a.targets = {true, false};
  a.periods = {"2025-26", "2026-27"}, a.extra = {{"Budget", "\u00a32m"}}, a.line = 12;
  Action b;
  b.id = "T4", b.section = "Transport", b.action = "Trial e-scooters", b.targets = {false, false}, b.line = 13;
  b.extra = {{"Budget", ""}};
  plan.actions = {a, b};
  plan.legend = {{LegendKind::rag, "Green on track", "green"}, {LegendKind::note, "Ongoing actions", ""}};
  plan.repairs = {{RepairRule::homoglyph, {12}, "T3", "id", "\u0442\u0437", "T3"}, {RepairRule::split_word, {4}, "", "section", "Tra\tnsport", "Transport"}};
  plan.warnings = {{{13}, "T4", "line 13: ids jump"}, {{}, "", "status values differ"}};
  plan.removed = {{2, "Page 3 of 11", RemovalReason::furniture}};
  return plan;
}

}  // namespace

TEST_CASE("emit_json: top-level shape") {
  json out = plan_to_json(sample_plan());
  CHECK(keys(out) == std::vector<std::string>{"source", "title", "columns", "periods", "actions", "legend", "repairs", "warnings",
                                              "removed"});
  CHECK(out["source"] == "plans/net-zero.txt");
  CHECK(out["title"] == "Net Zero Borough Action Plan");
  CHECK(out["columns"][0] == json{{"role", "id"}, {"label", "Action ID"}});
  CHECK(out["columns"][6] == json{{"role", "target"}, {"label", "Cleaner air"}});
  CHECK(out["periods"] == json{"2025-26", "2026-27"});
  SUBCASE("no title is null, a sheet is named only for spreadsheets") {
    Plan plan = sample_plan();
    plan.title.reset();
    CHECK(plan_to_json(plan)["title"].is_null());
    CHECK_FALSE(plan_to_json(plan).contains("sheet"));
    plan.sheet = "Action Plan";
    CHECK(plan_to_json(plan)["sheet"] == "Action Plan");
  }
}

TEST_CASE("emit_json: actions carry the roles their table has, in role order") {
  json out = plan_to_json(sample_plan());
  const json& a = out["actions"][0];
  CHECK(keys(a) == std::vector<std::string>{"id", "section", "action", "lead", "start", "end", "rag", "targets", "periods", "extra", "line"});
  CHECK(a["targets"] == json{true, false});
  CHECK(a["extra"] == json{{"Budget", "\u00a32m"}});
  CHECK(a["rag"] == "green");
  CHECK(a["line"] == 12);
  SUBCASE("an action with no rating has no rag key") { CHECK_FALSE(out["actions"][1].contains("rag")); }
  SUBCASE("no section key when no action has one and there is no section column") {
    Plan plan = sample_plan();
    for (Action& x : plan.actions) x.section.clear();
    CHECK_FALSE(plan_to_json(plan)["actions"][0].contains("section"));
  }
  SUBCASE("no periods key without a period grid, no targets key without target columns") {
    Plan plan = sample_plan();
    plan.periods.clear();
    plan.columns.erase(plan.columns.begin() + 6, plan.columns.begin() + 8);
    const json x = plan_to_json(plan)["actions"][0];
    CHECK_FALSE(x.contains("periods"));
    CHECK_FALSE(x.contains("targets"));
  }
  SUBCASE("roles the table lacks never appear, even empty") {
    for (const char* role : {"objective", "partners", "timescale", "stage", "status", "update"}) {
      CAPTURE(role);
      CHECK_FALSE(a.contains(role));
    }
  }
}

TEST_CASE("emit_json: legend, repairs, warnings and removed lines") {
  json out = plan_to_json(sample_plan());
  CHECK(out["legend"][0] == json{{"kind", "rag"}, {"text", "Green on track"}, {"colour", "green"}});
  CHECK_FALSE(out["legend"][1].contains("colour"));
  CHECK(keys(out["repairs"][0]) == std::vector<std::string>{"line", "action", "role", "rule", "before", "after"});
  CHECK(out["repairs"][0]["before"] == "\u0442\u0437");
  CHECK(out["repairs"][1]["action"].is_null());
  CHECK(out["warnings"][0] == json{{"line", 13}, {"action", "T4"}, {"message", "line 13: ids jump"}});
  CHECK(out["warnings"][1]["action"].is_null());
  CHECK_FALSE(out["warnings"][1].contains("cell"));
  CHECK(out["removed"][0] == json{{"line", 2}, {"reason", "furniture"}, {"text", "Page 3 of 11"}});
}

TEST_CASE("emit_json: a spreadsheet's repairs and warnings name their cell") {
  Plan plan = sample_plan();
  plan.sheet = "Sheet1";
  plan.repairs[0].pos = {12, 3};
  plan.warnings[0].pos = {13, 2};
  plan.warnings[1].pos = {0, 4};  // a whole column
  json out = plan_to_json(plan);
  CHECK(out["repairs"][0]["cell"] == "Sheet1!C12");
  CHECK(out["repairs"][0]["line"] == 12);
  CHECK_FALSE(out["repairs"][1].contains("cell"));  // no column: the repair is not tied to one cell
  CHECK(out["warnings"][0]["cell"] == "Sheet1!B13");
  CHECK(out["warnings"][1]["cell"] == "Sheet1!D:D");
  CHECK(out["warnings"][1]["line"] == 0);
}

TEST_CASE("emit_json: a PDF's page (a Word document's table) beside each line, and the source map") {
  Plan plan = sample_plan();
  CHECK_FALSE(plan_to_json(plan).contains("source_map"));  // a paste has no pages
  CHECK_FALSE(plan_to_json(plan)["actions"][0].contains("page"));
  plan.parts = {"page", {{3, 1, 12}, {4, 13, 20}}};  // --pages 3-4: lines 1-12 from page 3, 13-20 from page 4
  json out = plan_to_json(plan);
  CHECK(out["source_map"] == json::parse(R"([{"page": 3, "first_line": 1, "last_line": 12},
                                            {"page": 4, "first_line": 13, "last_line": 20}])"));
  CHECK(keys(out).at(2) == "source_map");
  CHECK(out["actions"][0]["line"] == 12);
  CHECK(out["actions"][0]["page"] == 3);
  CHECK(out["actions"][1]["page"] == 4);
  CHECK(keys(out["repairs"][0]) == std::vector<std::string>{"line", "page", "action", "role", "rule", "before", "after"});
  CHECK(out["repairs"][1]["page"] == 3);
  CHECK(out["warnings"][0]["page"] == 4);
  CHECK_FALSE(out["warnings"][1].contains("page"));  // line 0: no line, no page
  CHECK(out["removed"][0]["page"] == 3);
  plan.parts = {"table", {{2, 3, 13}}};  // a Word document's second table, from grid row 3; row 1 is the title
  out = plan_to_json(plan);
  CHECK(out["actions"][1]["table"] == 2);
  CHECK_FALSE(out["removed"][0].contains("table"));  // row 2: before the table
  CHECK_FALSE(out["actions"][1].contains("page"));
}

TEST_CASE("emit_json: the text form") {
  SUBCASE("pretty-printed UTF-8 with a final newline, and it parses back") {
    const std::string text = emit_json(sample_plan());
    CHECK(text.back() == '\n');
    CHECK(text.find("\u00a32m") != std::string::npos);  // not \u-escaped
    CHECK(json::parse(text) == plan_to_json(sample_plan()));
  }
  SUBCASE("laid out and escaped exactly as nlohmann::json prints it, whatever the text holds") {
    Plan plan = sample_plan();
    std::string awkward = "quote \" backslash \\ slash / DEL \x7F emoji \U0001F600 tab\t";
    for (char c = 1; c < 0x20; ++c) awkward += c;
    plan.actions[0].action = awkward;
    plan.actions[1].extra.clear();       // an action without extra
    plan.legend.clear();                 // an empty array
    plan.actions[0].extra = {{"", ""}};  // an empty label
    const std::string text = emit_json(plan);
    CHECK(text == json::parse(text).dump(2) + "\n");
    CHECK(json::parse(text)["actions"][0]["action"] == awkward);
    CHECK(emit_json(Plan{}) == json::parse(emit_json(Plan{})).dump(2) + "\n");
  }
  SUBCASE("invalid UTF-8 never makes it throw") {
    Plan plan = sample_plan();
    plan.actions[0].action = "bad \xFF byte";
    std::string text;
    CHECK_NOTHROW(text = emit_json(plan));
    CHECK(json::parse(text)["actions"][0]["action"] == "bad \ufffd byte");
  }
  SUBCASE("an empty plan") {
    json out = plan_to_json(Plan{});
    CHECK(out["actions"].is_array());
    CHECK(out["actions"].empty());
    CHECK(out["columns"].empty());
  }
}
