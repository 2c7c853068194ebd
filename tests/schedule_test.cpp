// Tests for the schedule stage: hand-built Plans in, intervals, the period grid, active periods and warnings out.
// The gold Gantt triples (start, end, periods) come from tests/fixtures/schedule/gantt_start_end.tsv.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "model/errors.hpp"
#include "schedule.hpp"

using namespace plansheet;

namespace {

constexpr int month(int year, int m) { return year * 12 + m - 1; }

const std::vector<std::string> five_years = {"2025-26", "2026-27", "2027-28", "2028-29", "2029-30"};

Plan gantt_plan() {
  Plan plan;
  plan.columns = {{Role::id, "Action ID"}, {Role::start, "Start"}, {Role::end, "End"}};
  for (const std::string& label : five_years) plan.columns.push_back({Role::period, label});
  return plan;
}

Action start_end(std::string id, std::string start, std::string end, int line = 10) {
  Action a;
  a.id = std::move(id);
  a.start = std::move(start);
  a.end = std::move(end);
  a.line = line;
  return a;
}

Plan timescale_plan(const std::vector<std::string>& timescales) {
  Plan plan;
  plan.columns = {{Role::id, "ID"}, {Role::timescale, "Timescale"}};
  int n = 0;
  for (const std::string& t : timescales) {
    Action a;
    a.id = std::to_string(++n);
    a.timescale = t;
    a.line = 100 + n;
    plan.actions.push_back(a);
  }
  return plan;
}

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string field;
  while (std::getline(in, field, sep)) out.push_back(field);
  return out;
}

std::string join(const std::vector<std::string>& labels) {
  std::string out;
  for (const std::string& l : labels) out += (out.empty() ? "" : ",") + l;
  return out;
}

bool mentions(const Diagnostic& d, const std::string& text) { return d.message.find(text) != std::string::npos; }

}  // namespace

TEST_CASE("schedule: start/end on the header's Gantt grid") {
  struct Case {
    std::string start, end;
    std::vector<std::string> periods;
    bool ongoing;
  };
  for (auto const& c : std::vector<Case>{{"Apr-25", "Mar-27", {"2025-26", "2026-27"}, false},
                                         {"Ongoing", "Ongoing", five_years, true},
                                         {"Ongoing", "Mar-26", {"2025-26"}, true},
                                         {"Jan-26", "Dec-31", five_years, false},
                                         {"Apr-25", "Ongoing", five_years, true},
                                         {"Apr-27", "Mar-30", {"2027-28", "2028-29", "2029-30"}, false},
                                         {"Apr-25", "Mar-26", {"2025-26"}, false},
                                         {"2026-27", "2027-28", {"2026-27", "2027-28"}, false},
                                         {"Sep-22", "Mar-25", {}, false},
                                         {"Apr-30", "Ongoing", {}, true}}) {
    SUBCASE((c.start + " / " + c.end).c_str()) {
      CAPTURE(c.start);
      CAPTURE(c.end);
      Plan plan = gantt_plan();
      plan.actions.push_back(start_end("T1", c.start, c.end));
      schedule(plan, {});
      CHECK(plan.periods == five_years);
      CHECK(plan.period_grid == "fy");
      REQUIRE(plan.actions[0].interval);
      CHECK(plan.actions[0].interval->ongoing == c.ongoing);
      CHECK(plan.actions[0].periods == c.periods);
      CHECK(plan.warnings.empty());
    }
  }
}

TEST_CASE("schedule: interval ends take the first month of the start and the last month of the end") {
  Plan plan = gantt_plan();
  plan.actions.push_back(start_end("A", "2026-27", "2028"));
  plan.actions.push_back(start_end("B", "Ongoing", "Mar-26"));
  plan.actions.push_back(start_end("C", "Jul-25", "Ongoing"));
  schedule(plan, {});
  SUBCASE("dated both ends") {
    REQUIRE(plan.actions[0].interval);
    CHECK(plan.actions[0].interval->first_month == month(2026, 4));
    CHECK(plan.actions[0].interval->last_month == month(2028, 12));
    CHECK_FALSE(plan.actions[0].interval->ongoing);
  }
  SUBCASE("open start") {
    REQUIRE(plan.actions[1].interval);
    CHECK_FALSE(plan.actions[1].interval->first_month);
    CHECK(plan.actions[1].interval->last_month == month(2026, 3));
    CHECK(plan.actions[1].interval->ongoing);
  }
  SUBCASE("open end") {
    REQUIRE(plan.actions[2].interval);
    CHECK(plan.actions[2].interval->first_month == month(2025, 7));
    CHECK_FALSE(plan.actions[2].interval->last_month);
    CHECK(plan.actions[2].interval->ongoing);
  }
}

TEST_CASE("schedule: every start/end of the hand-checked Gantt plan gives its gold periods") {
  std::ifstream file(PLANSHEET_SOURCE_DIR "/tests/fixtures/schedule/gantt_start_end.tsv");
  REQUIRE(file);
  Plan plan = gantt_plan();
  std::vector<std::vector<std::string>> expected;
  std::string line;
  while (std::getline(file, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto fields = split(line, '\t');
    REQUIRE(fields.size() == 4);
    plan.actions.push_back(start_end(fields[0], fields[1], fields[2], static_cast<int>(plan.actions.size()) + 1));
    expected.push_back(split(fields[3], ','));
  }
  REQUIRE(plan.actions.size() == 38);
  schedule(plan, {});
  CHECK(plan.periods == five_years);
  CHECK(plan.warnings.empty());
  for (std::size_t i = 0; i < plan.actions.size(); ++i) {
    CAPTURE(plan.actions[i].id);
    CAPTURE(plan.actions[i].start);
    CAPTURE(plan.actions[i].end);
    std::string const got = join(plan.actions[i].periods);
    std::string const want = join(expected[i]);
    CHECK(got == want);
  }
}

TEST_CASE("schedule: a single timescale column") {
  SUBCASE("forms become intervals; TBC, none and empty give none, without warnings") {
    Plan plan = timescale_plan({"2022-23", "Sep-22", "Ongoing", "TBC", "none", "", "2026-30",
                                "2023 (to have programme established)", "Q3 2025/26", "31/03/2026"});
    schedule(plan, {});
    CHECK(plan.warnings.empty());
    auto const& a = plan.actions;
    REQUIRE(a[0].interval);
    CHECK(a[0].interval->first_month == month(2022, 4));
    CHECK(a[0].interval->last_month == month(2023, 3));
    REQUIRE(a[1].interval);
    CHECK(a[1].interval->first_month == month(2022, 9));
    REQUIRE(a[2].interval);
    CHECK_FALSE(a[2].interval->first_month);
    CHECK_FALSE(a[2].interval->last_month);
    CHECK(a[2].interval->ongoing);
    CHECK_FALSE(a[3].interval);
    CHECK(a[3].periods.empty());
    CHECK_FALSE(a[4].interval);
    CHECK_FALSE(a[5].interval);
    REQUIRE(a[6].interval);
    CHECK(a[6].interval->first_month == month(2026, 1));
    CHECK(a[6].interval->last_month == month(2030, 12));
    REQUIRE(a[7].interval);
    CHECK(a[7].interval->first_month == month(2023, 1));
    REQUIRE(a[8].interval);
    CHECK(a[8].interval->first_month == month(2025, 10));
    REQUIRE(a[9].interval);
    CHECK(a[9].interval->last_month == month(2026, 3));
  }
  SUBCASE("a revised timescale uses the later value and warns naming the earlier") {
    Plan plan = timescale_plan({"2023-24 2024-25"});
    schedule(plan, {});
    REQUIRE(plan.actions[0].interval);
    CHECK(plan.actions[0].interval->first_month == month(2024, 4));
    CHECK(plan.actions[0].interval->last_month == month(2025, 3));
    CHECK(plan.actions[0].timescale == "2023-24 2024-25");
    REQUIRE(plan.warnings.size() == 1);
    CHECK(plan.warnings[0].pos.line == 101);
    CHECK(plan.warnings[0].action_id == "1");
    CHECK(mentions(plan.warnings[0], "\"2023-24\""));
    CHECK(mentions(plan.warnings[0], "revised"));
    CHECK(plan.actions[0].periods == std::vector<std::string>{"2024-25"});
  }
  SUBCASE("an unparseable timescale is kept as written and warned about, never guessed") {
    Plan plan = timescale_plan({"2022-23", "When funding allows", "2030 onwards"});
    schedule(plan, {});
    CHECK_FALSE(plan.actions[1].interval);
    CHECK(plan.actions[1].timescale == "When funding allows");
    CHECK(plan.actions[1].periods.empty());
    CHECK_FALSE(plan.actions[2].interval);
    REQUIRE(plan.warnings.size() == 2);
    CHECK(plan.warnings[0].pos.line == 102);
    CHECK(plan.warnings[0].action_id == "2");
    CHECK(mentions(plan.warnings[0], "\"When funding allows\""));
    CHECK(mentions(plan.warnings[0], "timescale"));
    CHECK(plan.warnings[1].action_id == "3");
    CHECK(mentions(plan.warnings[1], "\"2030 onwards\""));
  }
}

TEST_CASE("schedule: unusable start/end") {
  SUBCASE("an unparseable start warns and leaves the action off the schedule") {
    Plan plan = gantt_plan();
    plan.actions.push_back(start_end("T1", "Soon", "Mar-27", 17));
    schedule(plan, {});
    CHECK_FALSE(plan.actions[0].interval);
    CHECK(plan.actions[0].periods.empty());
    REQUIRE(plan.warnings.size() == 1);
    CHECK(plan.warnings[0].pos.line == 17);
    CHECK(plan.warnings[0].action_id == "T1");
    CHECK(mentions(plan.warnings[0], "start \"Soon\""));
  }
  SUBCASE("a start after its end warns") {
    Plan plan = gantt_plan();
    plan.actions.push_back(start_end("T1", "Apr-27", "Mar-26"));
    schedule(plan, {});
    CHECK_FALSE(plan.actions[0].interval);
    REQUIRE(plan.warnings.size() == 1);
    CHECK(mentions(plan.warnings[0], "after end"));
  }
  SUBCASE("only one end given: that value is the whole timescale") {
    Plan plan = gantt_plan();
    plan.actions.push_back(start_end("T1", "", "2026-27"));
    plan.actions.push_back(start_end("T2", "TBC", "Ongoing"));
    schedule(plan, {});
    REQUIRE(plan.actions[0].interval);
    CHECK(plan.actions[0].periods == std::vector<std::string>{"2026-27"});
    REQUIRE(plan.actions[1].interval);
    CHECK(plan.actions[1].periods == five_years);
    CHECK(plan.warnings.empty());
  }
}

TEST_CASE("schedule: the grid") {
  SUBCASE("no period columns: the span of the data on financial years") {
    Plan plan = timescale_plan({"Sep-22", "2024-25", "Ongoing"});
    schedule(plan, {});
    CHECK(plan.period_grid == "fy");
    CHECK(plan.periods == std::vector<std::string>{"2022-23", "2023-24", "2024-25"});
    CHECK(plan.actions[0].periods == std::vector<std::string>{"2022-23"});
    CHECK(plan.actions[2].periods == plan.periods);
  }
  SUBCASE("the span of the data on calendar years") {
    Plan plan = timescale_plan({"2021", "2030", "ongoing"});
    schedule(plan, {std::nullopt, "year"});
    CHECK(plan.period_grid == "year");
    REQUIRE(plan.periods.size() == 10);
    CHECK(plan.periods.front() == "2021");
    CHECK(plan.periods.back() == "2030");
    CHECK(plan.actions[1].periods == std::vector<std::string>{"2030"});
  }
  SUBCASE("the span of the data on financial quarters") {
    Plan plan = timescale_plan({"Jan-26", "Q2 2026/27"});
    schedule(plan, {std::nullopt, "quarter"});
    CHECK(plan.period_grid == "quarter");
    CHECK(plan.periods == std::vector<std::string>{"Q4 2025/26", "Q1 2026/27", "Q2 2026/27"});
    CHECK(plan.actions[0].periods == std::vector<std::string>{"Q4 2025/26"});
  }
  SUBCASE("no dated interval and no columns: no grid") {
    Plan plan = timescale_plan({"Ongoing", "TBC", ""});
    schedule(plan, {});
    CHECK(plan.periods.empty());
    for (const Action& a : plan.actions) CHECK(a.periods.empty());
  }
  SUBCASE("--periods overrides the header's columns") {
    Plan plan = gantt_plan();
    plan.actions.push_back(start_end("T1", "Apr-25", "Mar-27"));
    schedule(plan, {std::string("2024-25..2026-27"), "fy"});
    CHECK(plan.periods == std::vector<std::string>{"2024-25", "2025-26", "2026-27"});
    CHECK(plan.actions[0].periods == std::vector<std::string>{"2025-26", "2026-27"});
  }
  SUBCASE("--periods overrides the data's span") {
    Plan plan = timescale_plan({"2022-23", "Ongoing"});
    schedule(plan, {std::string("2025-26..2029-30"), "fy"});
    CHECK(plan.periods == five_years);
    CHECK(plan.actions[0].periods.empty());
    CHECK(plan.actions[1].periods == five_years);
  }
  SUBCASE("--periods as a list of labels keeps them as written") {
    Plan plan = timescale_plan({"2025-26"});
    schedule(plan, {std::string("2025/26, 2026/27"), "fy"});
    CHECK(plan.periods == std::vector<std::string>{"2025/26", "2026/27"});
    CHECK(plan.actions[0].periods == std::vector<std::string>{"2025/26"});
  }
  SUBCASE("a bad --periods or --grid is a usage error") {
    Plan plan = timescale_plan({"2025-26"});
    CHECK_THROWS_AS(schedule(plan, {std::string("soon..later"), "fy"}), Error);
    CHECK_THROWS_AS(schedule(plan, {std::string("2025-26..2026"), "fy"}), Error);
    CHECK_THROWS_AS(schedule(plan, {std::nullopt, "weekly"}), Error);
    try {
      schedule(plan, {std::string("soon..later"), "fy"});
    } catch (const Error& e) {
      CHECK(e.code() == exit_usage);
      CHECK(std::string(e.what()).find("--periods") != std::string::npos);
    }
  }
  SUBCASE("a period column that names no period is kept, empty, with a warning") {
    Plan plan;
    plan.columns = {{Role::id, "ID"}, {Role::timescale, "Timescale"}, {Role::period, "Year 1"}, {Role::period, "2026"}};
    Action a;
    a.id = "1";
    a.timescale = "Ongoing";
    plan.actions.push_back(a);
    schedule(plan, {});
    CHECK(plan.periods == std::vector<std::string>{"Year 1", "2026"});
    CHECK(plan.period_grid == "year");
    CHECK(plan.actions[0].periods == std::vector<std::string>{"2026"});
    REQUIRE(plan.warnings.size() == 1);
    CHECK(mentions(plan.warnings[0], "\"Year 1\""));
  }
  SUBCASE("periods marked in the source's Gantt cells are kept, with a warning when the dates disagree") {
    Plan plan = gantt_plan();
    plan.actions.push_back(start_end("T1", "Apr-25", "Mar-27"));
    plan.actions[0].periods = {"2025-26"};
    plan.actions.push_back(start_end("T2", "Apr-25", "Mar-26"));
    plan.actions[1].periods = {"2025-26"};
    schedule(plan, {});
    CHECK(plan.actions[0].periods == std::vector<std::string>{"2025-26"});
    CHECK(plan.actions[1].periods == std::vector<std::string>{"2025-26"});
    REQUIRE(plan.warnings.size() == 1);
    CHECK(plan.warnings[0].action_id == "T1");
  }
}

TEST_CASE("schedule: period ranges and grids") {
  SUBCASE("financial-year range") {
    auto r = parse_period_range("2025-26..2029-30");
    REQUIRE(r);
    CHECK(r->grid == "fy");
    REQUIRE(r->periods.size() == 5);
    CHECK(r->periods[0].label == "2025-26");
    CHECK(r->periods[0].first_month == month(2025, 4));
    CHECK(r->periods[4].last_month == month(2030, 3));
  }
  SUBCASE("quarter range") {
    auto r = parse_period_range("Q1 2025/26..Q4 2025/26");
    REQUIRE(r);
    CHECK(r->grid == "quarter");
    REQUIRE(r->periods.size() == 4);
    CHECK(r->periods[3].label == "Q4 2025/26");
    CHECK(r->periods[3].first_month == month(2026, 1));
  }
  SUBCASE("calendar-year range") {
    auto r = parse_period_range("2026..2030");
    REQUIRE(r);
    CHECK(r->grid == "year");
    CHECK(r->periods.size() == 5);
  }
  SUBCASE("not ranges") {
    for (std::string bad : {"", "..", "2029-30..2025-26", "Ongoing..2026-27", "2025-26..Q1 2026/27", "soon"}) {
      CAPTURE(bad);
      CHECK_FALSE(parse_period_range(bad));
    }
  }
  SUBCASE("grid kinds") {
    CHECK(grid_kind(month(2025, 4), month(2026, 3)) == std::optional<std::string>("fy"));
    CHECK(grid_kind(month(2026, 1), month(2026, 12)) == std::optional<std::string>("year"));
    CHECK(grid_kind(month(2025, 10), month(2025, 12)) == std::optional<std::string>("quarter"));
    CHECK(grid_kind(month(2025, 5), month(2025, 5)) == std::optional<std::string>("month"));
    CHECK_FALSE(grid_kind(month(2025, 5), month(2025, 6)));  // two months are no period of any grid
  }
  SUBCASE("month range, across a year's end") {
    auto r = parse_period_range("Nov-25..Feb-26");
    REQUIRE(r);
    CHECK(r->grid == "month");
    REQUIRE(r->periods.size() == 4);
    CHECK(r->periods[0].label == "Nov-25");
    CHECK(r->periods[2].label == "Jan-26");
    CHECK(r->periods[2].first_month == month(2026, 1));
    CHECK(r->periods[3].last_month == month(2026, 2));
  }
}
