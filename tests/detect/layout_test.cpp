// Tests for layout detection, pass by pass through detect_layout: the header row (one or two lines), column roles
// from content, the title, the legends, user overrides, and tables that are not there.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "load/paste/load_text.hpp"
#include "detect/layout.hpp"
#include "detect/dialect.hpp"
#include "load/paste/tokenise.hpp"
#include "pipeline.hpp"

using namespace plansheet;

namespace {

RawTable table_of(std::vector<std::string> lines) {
  SourceText text;
  text.source = "p.txt";
  text.lines = std::move(lines);
  return tokenise(text, sniff(text.lines));
}

TableLayout layout_of(std::vector<std::string> lines, const Options& options = {}) {
  return detect_layout(table_of(std::move(lines)), options);
}

std::vector<std::string> roles(const TableLayout& layout) {
  std::vector<std::string> out;
  for (const ColumnSpec& c : layout.columns) out.emplace_back(role_name(c.role));
  return out;
}

std::vector<std::string> labels(const TableLayout& layout) {
  std::vector<std::string> out;
  for (const ColumnSpec& c : layout.columns) out.push_back(c.label);
  return out;
}

const std::vector<std::string> body = {"T1\tPlant trees on verges\tParks\tIn progress", "T2\tCut office waste\tFacilities\tComplete",
                                       "T3\tBuy renewable power\tProcurement\tNot started"};

std::vector<std::string> with_body(std::vector<std::string> head) {
  head.insert(head.end(), body.begin(), body.end());
  return head;
}

}  // namespace

TEST_CASE("roles: the header row") {
  SUBCASE("one header line") {
    TableLayout l = layout_of(with_body({"Ref\tAction\tLCC team leads\tDelivery Status"}));
    REQUIRE(l.has_table);
    CHECK(roles(l) == std::vector<std::string>{"id", "action", "lead", "status"});
    CHECK(labels(l) == std::vector<std::string>{"Ref", "Action", "LCC team leads", "Delivery Status"});
    CHECK(l.header_begin == 0);
    CHECK(l.body_begin == 1);
    CHECK(l.columns[2].reason.rfind("header 'LCC team leads'; ", 0) == 0);
  }
  SUBCASE("the header is found below prose and a title") {
    TableLayout l = layout_of(with_body({"Net Zero Action Plan 2025", "This plan sets out what the council will do over the next five years to cut its emissions.",
                                         "ID #\tAction Detail\tLead\tStatus"}));
    REQUIRE(l.has_table);
    CHECK(l.header_begin == 2);
    CHECK(roles(l) == std::vector<std::string>{"id", "action", "lead", "status"});
  }
  SUBCASE("two-line header: Timescale over Start/End, a period row under Delivery Period") {
    TableLayout l = layout_of({"Action ID\tAction\tTimescale\t\tDelivery Period\t\t",
                               "\t\tStart\tEnd\t2025-26\t2026-27\t2027-28",
                               "T1\tPlant trees on verges\tApr-25\tMar-27\t\t\t",
                               "T2\tCut office waste\tOngoing\tOngoing\t\t\t"});
    REQUIRE(l.has_table);
    CHECK(l.body_begin == 2);
    CHECK(roles(l) == std::vector<std::string>{"id", "action", "start", "end", "period", "period", "period"});
    CHECK(labels(l) == std::vector<std::string>{"Action ID", "Action", "Timescale / Start", "Timescale / End", "2025-26",
                                                 "2026-27", "2027-28"});
  }
  SUBCASE("a repeated role keeps its text under its own label") {
    TableLayout l = layout_of({"Ref\tAction\tLead\tLead officer", "T1\tPlant trees on verges\tParks\tJo Bell",
                               "T2\tCut office waste\tFacilities\tSam Reid", "T3\tBuy renewable power\tProcurement\tAl Khan"});
    CHECK(roles(l) == std::vector<std::string>{"id", "action", "lead", "extra"});
  }
  SUBCASE("a group label above the header names the tick columns") {
    TableLayout l = layout_of({"\tTARGETS\t\t", "No.\t\t\tAction", "1\t\u2713\t\tPlant trees on verges", "2\t\t\u2713\tCut office waste",
                               "3\t\u2713\t\u2713\tBuy renewable power"});
    REQUIRE(l.has_table);
    CHECK(roles(l) == std::vector<std::string>{"id", "target", "target", "action"});
    CHECK(labels(l)[1] == "TARGETS 1");
    CHECK(labels(l)[2] == "TARGETS 2");
  }
}

TEST_CASE("roles: column roles from content") {
  SUBCASE("a column of tick marks is a target column whatever its label") {
    TableLayout l = layout_of({"No.\tImprove our biodiversity by 2030\tCut emissions from buildings\tAction",
                               "1\t\u2713\t\tPlant trees on verges", "2\t*\t\u2714\tCut office waste", "3\t\t~\tBuy renewable power"});
    CHECK(roles(l) == std::vector<std::string>{"id", "target", "target", "action"});
    CHECK(l.columns[1].label == "Improve our biodiversity by 2030");
  }
  SUBCASE("a RAG column holding commentary is the update column, with a warning") {
    TableLayout l = layout_of({"No.\tAction\tRAG Status",
                               "1\tPlant trees\tWork is under way with the parks team and volunteers this spring.",
                               "2\tCut office waste\tNew recycling bins are in place on every floor of county hall.",
                               "3\tBuy renewable power\tThe contract was signed in March and starts in October."});
    CHECK(roles(l) == std::vector<std::string>{"id", "action", "update"});
    REQUIRE(l.warnings.size() == 1);
    CHECK(l.warnings[0].message.find("headed as rag but its cells read as update") != std::string::npos);
  }
  SUBCASE("an empty unlabelled column is ignored") {
    TableLayout l = layout_of(with_body({"Ref\tAction\tLead\tStatus\t"}));
    CHECK(roles(l) == std::vector<std::string>{"id", "action", "lead", "status", "ignore"});
  }
  SUBCASE("without a header, rows that start with ids still make a table") {
    TableLayout l = layout_of({"T1\tPlant trees on verges across the county\tParks", "T2\tCut office waste in every building\tFacilities",
                               "T3\tBuy renewable power for all sites\tProcurement"});
    REQUIRE(l.has_table);
    CHECK(l.columns[0].role == Role::id);
    CHECK(l.columns[1].role == Role::action);
  }
}

TEST_CASE("roles: title") {
  SUBCASE("a markdown heading") {
    TableLayout l = layout_of(with_body({"## 2040 Carbon Neutral Borough Action Plan", "Ref\tAction\tLead\tStatus"}));
    REQUIRE(l.title.has_value());
    CHECK(*l.title == "2040 Carbon Neutral Borough Action Plan");
    bool marker_removed = false;
    for (const Removal& r : l.removed) marker_removed = marker_removed || (r.text == "##" && r.line == 1);
    CHECK(marker_removed);
  }
  SUBCASE("a plan-like line") {
    TableLayout l = layout_of(with_body({"Climate Emergency Strategy Delivery Plan", "Ref\tAction\tLead\tStatus"}));
    REQUIRE(l.title.has_value());
    CHECK(*l.title == "Climate Emergency Strategy Delivery Plan");
  }
  SUBCASE("a lead-in before the plan's name is set aside") {
    TableLayout l = layout_of(with_body({"Revised actions for the North Shire Climate Adaptation Plan", "Ref\tAction\tLead\tStatus"}));
    REQUIRE(l.title.has_value());
    CHECK(*l.title == "North Shire Climate Adaptation Plan");
    bool lead_in = false;
    for (const Removal& r : l.removed) lead_in = lead_in || (r.reason == RemovalReason::title_lead_in && r.text == "Revised actions for the");
    CHECK(lead_in);
  }
  SUBCASE("no title when nothing looks like one") {
    TableLayout l = layout_of(with_body({"Ref\tAction\tLead\tStatus"}));
    CHECK_FALSE(l.title.has_value());
  }
  SUBCASE("a sentence of prose is not a title") {
    TableLayout l = layout_of(with_body({"This plan was agreed by the cabinet in March.", "Ref\tAction\tLead\tStatus"}));
    CHECK_FALSE(l.title.has_value());
    bool prose = false;
    for (const Removal& r : l.removed) prose = prose || (r.reason == RemovalReason::prose && r.line == 1);
    CHECK(prose);
  }
}

TEST_CASE("roles: under a RAG key, a line that names no colour and defines nothing is a note, not a rating") {
  TableLayout l = layout_of(with_body({"RAG status", "Housing Retrofit Workstream", "- Green all milestones met",
                                       "- Red milestones missed", "Ref\tAction\tLead\tRAG"}));
  REQUIRE(l.legend.size() == 4);
  CHECK(l.legend[0].kind == LegendKind::heading);
  CHECK(l.legend[1].text == "Housing Retrofit Workstream");
  CHECK(l.legend[1].kind == LegendKind::note);
  CHECK(l.legend[2].kind == LegendKind::rag);
  CHECK(l.legend[2].colour == "green");
  CHECK(l.legend[3].kind == LegendKind::rag);
}

TEST_CASE("roles: a key of status words given colours by dashes rates the actions; a labelled Gantt line is Gantt") {
  Plan plan = run("dashed_key.txt",
                  "Delivery key\nMoving steadily \u2013 Green\nHeld up \u2013 Amber\nNot moving \u2013 Red\n"
                  "Gantt key: X marks the years of delivery\n\n"
                  "Ref\tAction\tLead\tStatus\n"
                  "D1\tRe-light the multi-storey car park\tParking\tMoving steadily\n"
                  "D2\tMove the pool covers to automatic\tLeisure\tNot moving\n",
                  Options{});
  REQUIRE(plan.actions.size() == 2);
  CHECK(plan.actions[0].rag == "green");
  CHECK(plan.actions[1].rag == "red");
  REQUIRE(plan.legend.size() == 5);
  CHECK(plan.legend[1].kind == LegendKind::status);
  CHECK(plan.legend[4].kind == LegendKind::gantt);
}

TEST_CASE("roles: letterhead above the title is neither title nor key") {
  auto removed_as = [](const TableLayout& l, int line, RemovalReason reason) {
    for (const Removal& r : l.removed)
      if (r.line == line && r.reason == reason) return true;
    return false;
  };
  SUBCASE("the council's name, then the plan's title, then its date, above a Gantt table") {
    TableLayout l = layout_of(with_body({"Marshwood Borough Council", "Net Zero Delivery Plan 2026 to 2030",
                                         "Position as at 31 March 2026", "Ref\tAction\tLead\t2026/27\t2027/28"}));
    REQUIRE(l.title.has_value());
    CHECK(*l.title == "Net Zero Delivery Plan 2026 to 2030");
    CHECK(removed_as(l, 1, RemovalReason::letterhead));
    CHECK(removed_as(l, 3, RemovalReason::letterhead));
    CHECK(l.legend.empty());  // no letterhead line became a Gantt key entry
  }
  SUBCASE("an appendix label and a chat client's stamp") {
    TableLayout l = layout_of(with_body({"[14:05] Priya Shah (Climate team)", "Appendix C",
                                         "Carbon Reduction Programme 2025-2028", "Ref\tAction\tLead\tStatus"}));
    REQUIRE(l.title.has_value());
    CHECK(*l.title == "Carbon Reduction Programme 2025-2028");
    CHECK(removed_as(l, 1, RemovalReason::letterhead));
    CHECK(removed_as(l, 2, RemovalReason::letterhead));
  }
  SUBCASE("a CSV title row's empty cells are no part of the title") {
    Plan plan = run("w.csv",
                    "Woodland Creation Strategy 2030;;;;\n;;;;\nRef;Action;Lead;Status;Update\n"
                    "W1;Plant hedgerows on council farms;Estates;Started;200 m planted\n"
                    "W2;Map sites for new woodland;Parks;Not started;Survey booked\n",
                    Options{});
    REQUIRE(plan.title.has_value());
    CHECK(*plan.title == "Woodland Creation Strategy 2030");
  }
  SUBCASE("a key after the letterhead is still read as a key, its heading included") {
    TableLayout l = layout_of(with_body({"Marshwood Borough Council", "Key updated quarterly", "Green = on track",
                                         "Red = stalled", "Ref\tAction\tLead\tRAG"}));
    CHECK(removed_as(l, 1, RemovalReason::letterhead));
    REQUIRE(l.legend.size() == 3);
    CHECK(l.legend[0].kind == LegendKind::heading);
  }
}

TEST_CASE("roles: a Gantt header of months under their years") {
  std::string years = "Ref\tAction\tLead\t2025/26", months = "\t\t\tApr";
  for (const char* m : {"May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"})
    years += "\t", months += std::string("\t") + m;
  years += "\t2026/27", months += "\tApr";
  TableLayout l = layout_of({years, months, "G1\tFit LED lights in the depot.\tEstates\t\t\tX\tX",
                             "G2\tInstall heat pumps.\tProperty\t\t\t\t\t\t\t\t\t\t\t\tX\tX",
                             "G3\tPublish the carbon report.\tPolicy\tX"});
  std::vector<std::string> periods;
  for (const ColumnSpec& c : l.columns)
    if (c.role == Role::period) periods.push_back(c.label);
  REQUIRE(periods.size() == 13);
  CHECK(periods.front() == "2025/26 Apr");
  CHECK(periods[9] == "2025/26 Jan");
  CHECK(periods.back() == "2026/27 Apr");
  SUBCASE("months under a label that is no year stay labels of their own") {
    TableLayout other = layout_of({"Ref\tAction\tLead\tReview\t\t", "\t\t\tApr\tMay\tJun",
                                   "G1\tFit LED lights.\tEstates\tyes\t\t", "G2\tInstall heat pumps.\tProperty\t\tyes\t"});
    for (const ColumnSpec& c : other.columns) CHECK(c.role != Role::period);
  }
}

TEST_CASE("roles: legends") {
  SUBCASE("a stage key and a RAG key with bullet items") {
    TableLayout l = layout_of(with_body({"Key: Project Stage", "- Scoping (options being explored) - Delivery (works on site)",
                                         "RAG rating", "- Green on track", "- Amber some delay", "- Red stalled",
                                         "Ref\tAction\tLead\tStatus"}));
    REQUIRE(l.legend.size() == 7);
    CHECK(l.legend[0].kind == LegendKind::heading);
    CHECK(l.legend[1].kind == LegendKind::stage);
    CHECK(l.legend[1].text == "Scoping (options being explored)");
    CHECK(l.legend[2].text == "Delivery (works on site)");
    CHECK(l.legend[3].kind == LegendKind::heading);
    CHECK(l.legend[4].kind == LegendKind::rag);
    CHECK(l.legend[4].colour == "green");
    CHECK(l.legend[4].text == "Green on track");
    CHECK(l.legend[6].colour == "red");
  }
  SUBCASE("a RAG legend inside the header cell") {
    TableLayout l = layout_of({"No.\tAction\tRAG Status Green = on track Yellow = delayed Red = not started",
                               "1\tPlant trees\tGreen", "2\tCut office waste\tYellow", "3\tBuy renewable power\tRed"});
    CHECK(l.columns[2].role == Role::rag);
    CHECK(l.columns[2].label == "RAG Status");
    REQUIRE(l.legend.size() == 3);
    CHECK(l.legend[1].text == "Yellow = delayed");
    CHECK(l.legend[1].colour == "yellow");
  }
  SUBCASE("a Gantt colour key above a period grid") {
    TableLayout l = layout_of({"Delivered in a specific timeframe", "Ongoing actions", "Action ID\tAction\t2025-26\t2026-27",
                               "T1\tPlant trees on verges\t\t", "T2\tCut office waste\t\t"});
    REQUIRE(l.legend.size() == 2);
    CHECK(l.legend[0].kind == LegendKind::gantt);
    CHECK(l.legend[1].text == "Ongoing actions");
  }
}

TEST_CASE("roles: no table and user overrides") {
  SUBCASE("prose is not a table") {
    TableLayout l = layout_of({"The council declared a climate emergency in 2019.", "It will publish a plan next year."});
    CHECK_FALSE(l.has_table);
    CHECK(l.no_table_reason.find("no header row") != std::string::npos);
  }
  SUBCASE("empty input") {
    TableLayout l = detect_layout(RawTable{}, Options{});
    CHECK_FALSE(l.has_table);
    CHECK(l.no_table_reason == "the input is empty");
  }
  SUBCASE("--header-row picks the header") {
    Options options;
    options.header_row = 2;
    TableLayout l = layout_of(with_body({"Ref\tAction\tLead\tStatus", "Code\tWhat\tWho\tWhere"}), options);
    CHECK(l.header_begin == 1);
    CHECK(labels(l)[1] == "What");
  }
  SUBCASE("--header-row naming no line is reported and detection goes on") {
    Options options;
    options.header_row = 99;
    TableLayout l = layout_of(with_body({"Ref\tAction\tLead\tStatus"}), options);
    CHECK(l.has_table);
    REQUIRE_FALSE(l.warnings.empty());
    CHECK(l.warnings[0].message.find("--header-row 99") != std::string::npos);
  }
  SUBCASE("--roles wins over the header") {
    Options options;
    options.roles = {{3, Role::partners}, {4, Role::stage}};
    TableLayout l = layout_of(with_body({"Ref\tAction\tLead\tStatus"}), options);
    CHECK(roles(l) == std::vector<std::string>{"id", "action", "partners", "stage"});
    CHECK(l.columns[2].reason == "--roles");
  }
  SUBCASE("the detection is explained as flags") {
    TableLayout l = layout_of(with_body({"Ref\tAction\tLead\tStatus"}));
    CHECK(l.explain == std::vector<std::string>{"--header-row 1", "--roles 1=id,2=action,3=lead,4=status"});
  }
}
