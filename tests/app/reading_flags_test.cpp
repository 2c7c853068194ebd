// Tests of the built command line's reading overrides as a user sees them in the JSON export: --map,
// --section-column, --header-rows, --table-start, --roles N=extra / N=ignore, and their bad values (exit 2).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "app/cli_run.hpp"
#include "ledger.hpp"

using namespace plansheet::testing;

namespace {

// A two-line header (Budget over "(£k)") and a grouping column whose label names no role.
const std::string plan_text =
    "Ref\tAction\tGroup\tBudget\tStatus\n"
    "\t\t\t(£k)\t\n"
    "A1\tPlant trees on all verges\tGreen spaces\t10\tOn track\n"
    "A2\tCut office waste by half\tGreen spaces\t5\tAt risk\n"
    "A3\tBuy renewable power for offices\tEnergy\t20\tOn track\n";

// The same table beside a note column and under a title block: its top-left cell is B3.
const std::string offset_text =
    "Notes\tNet Zero Borough Plan\n"
    "\tDraft for cabinet\n"
    "left note\tRef\tAction\tLead\tStatus\n"
    "memo\tA1\tPlant trees on all verges\tParks\tOn track\n"
    "\tA2\tCut office waste by half\tFacilities\tAt risk\n"
    "\tA3\tBuy renewable power\tProcurement\tOn track\n";

nlohmann::json convert_json(const TempDir& dir, const std::string& input, const std::string& flags) {
  CliResult r = cli(dir, "convert " + input + " -o out.xlsx --json out.json -q " + flags);
  REQUIRE_MESSAGE(r.exit == 0, r.err);
  return nlohmann::json::parse(read_file(dir.path / "out.json"));
}

}  // namespace

TEST_CASE("cli: --map gives status words a rating that wins over the usual scale, and the legend says so") {
  TempDir dir;
  dir.write("plan.txt", plan_text);
  auto usual = convert_json(dir, "plan.txt", "");
  CHECK(usual["actions"][0]["rag"] == "green");
  auto mapped = convert_json(dir, "plan.txt", "--map 'status:On track=amber,At risk=red'");
  CHECK(mapped["actions"][0]["rag"] == "amber");
  CHECK(mapped["actions"][1]["rag"] == "red");
  CHECK(mapped["actions"][0]["status"] == "On track");  // the plan's word is kept
  CHECK(mapped["legend"][0]["text"] == "On track = amber (given by --map on the command line)");
  CliResult r = cli(dir, "check plan.txt --explain --map 'status:On track=amber,At risk=red'");
  CHECK(r.out.find("    status On track = amber (--map on the command line)\n") != std::string::npos);
  r = cli(dir, "check plan.txt --explain");
  CHECK(r.out.find("    status On track = green (built-in)\n") != std::string::npos);
}

TEST_CASE("cli: --map wins over the plan's own key") {
  TempDir dir;
  dir.write("plan.txt", "Key: On track = Green; At risk = Amber\n\n" + plan_text);
  auto keyed = convert_json(dir, "plan.txt", "");
  CHECK(keyed["actions"][0]["rag"] == "green");
  auto mapped = convert_json(dir, "plan.txt", "--map 'status:On track=blue'");
  CHECK(mapped["actions"][0]["rag"] == "blue");
  CHECK(mapped["actions"][1]["rag"] == "amber");  // the key still rates what the map leaves out
}

TEST_CASE("cli: --section-column, --header-rows and --roles N=extra / N=ignore") {
  TempDir dir;
  dir.write("plan.txt", plan_text);
  auto detected = convert_json(dir, "plan.txt", "");
  CHECK(detected["columns"][2]["role"] == "extra");
  CHECK_FALSE(detected["actions"][0].contains("section"));
  auto sectioned = convert_json(dir, "plan.txt", "--section-column 3");
  CHECK(sectioned["columns"][2] == nlohmann::json{{"role", "section"}, {"label", "Group"}});
  CHECK(sectioned["actions"][2]["section"] == "Energy");
  auto two_lines = convert_json(dir, "plan.txt", "--header-rows 1-2");
  CHECK(two_lines["actions"].size() == 3);
  CHECK(two_lines["actions"][0]["extra"]["Budget / (£k)"] == "10");
  auto roles = convert_json(dir, "plan.txt", "--header-rows 1-2 --roles 3=ignore,5=extra");
  CHECK(roles["actions"][0]["extra"] == nlohmann::json{{"Budget / (£k)", "10"}, {"Status", "On track"}});
  CHECK(read_file(dir.path / "out.json").find("Green spaces") == std::string::npos);
  CHECK(read_file(dir.path / "out.json").find("column 3 ('Group') is left out, as --roles 3=ignore asks") !=
        std::string::npos);
}

TEST_CASE("cli: --table-start names the table's top-left cell beside notes and under a title block") {
  TempDir dir;
  dir.write("plan.txt", offset_text);
  auto plan = convert_json(dir, "plan.txt", "--table-start B3");
  REQUIRE(plan["actions"].size() == 3);
  CHECK(plan["columns"][0] == nlohmann::json{{"role", "id"}, {"label", "Ref"}});
  CHECK(plan["actions"][0]["id"] == "A1");
  CHECK(plan["actions"][0]["lead"] == "Parks");
  CHECK(read_file(dir.path / "out.json").find("memo") == std::string::npos);
  CliResult r = cli(dir, "check plan.txt --explain --table-start B3");
  CHECK(r.out.find("detected as: plansheet convert plan.txt --table-start B3 --header-row 3 --roles 1=id,") !=
        std::string::npos);
}

TEST_CASE("cli: bad override values are one line, exit 2") {
  TempDir dir;
  dir.write("plan.txt", plan_text);
  struct Case {
    const char* flags;
    const char* message;
  };
  const Case cases[] = {
      {"--map 'stage:Done=blue'", "plansheet: --map: 'stage:Done=blue' is not status:WORD=RATING,... (e.g. --map "
                                  "\"status:On track=green,At risk=amber\"); only status words can be mapped\n"},
      {"--map 'status:On track=purple'", "plansheet: --map: 'On track=purple' is not WORD=RATING with a rating such "
                                         "as red, amber, green or blue\n"},
      {"--map 'status:'", nullptr},
      {"--section-column x", "plansheet: --section-column takes a whole number, not 'x'\n"},
      {"--section-column 0", nullptr},
      {"--header-rows 6-5", "plansheet: --header-rows takes the header's first and last line, such as 5-6, not '6-5'\n"},
      {"--header-rows a-b", nullptr},
      {"--table-start 3B", "plansheet: --table-start takes the table's top-left cell, such as C6, or a line, such as "
                           "12, not '3B'\n"},
      {"--table-start C0", nullptr},
      {"--roles 3=nothing", nullptr},
      {"--as-at 2026-02-30", "plansheet: --as-at takes a date written YYYY-MM-DD, such as 2026-03-31, not "
                             "'2026-02-30'\n"},
      {"--as-at 31/03/2026", nullptr},
  };
  for (const Case& c : cases) {
    CAPTURE(c.flags);
    CliResult r = cli(dir, std::string("convert plan.txt -o out.xlsx ") + c.flags);
    CHECK(r.exit == 2);
    CHECK(one_line(r.err));
    if (c.message) CHECK(r.err == c.message);
    CHECK_FALSE(fs::exists(dir.path / "out.xlsx"));
  }
  CliResult r = cli(dir, "convert plan.txt -o out.xlsx --table-start B40");
  CHECK(r.exit == 3);
  CHECK(r.err == "plansheet: plan.txt: --table-start: no line 40 with cells; check the table's top-left cell\n");
}

TEST_CASE("cli: --sheet repeated reads several sheets as one plan, each sheet's name its section") {
  TempDir dir;
  const std::string input = shell_quote(fixture_dir("spreadsheets").string() + "/themed_sheets.xlsx");
  auto plan = convert_json(dir, input, "--sheet Transport --sheet Homes");
  REQUIRE(plan["actions"].size() == 4);
  CHECK(plan["title"] == "Climate Action Plan 2025");
  CHECK(plan["actions"][1]["id"] == "T2");
  CHECK(plan["actions"][1]["section"] == "Transport");
  CHECK(plan["actions"][2]["id"] == "H1");
  CHECK(plan["actions"][2]["section"] == "Homes");
  CHECK(plan["actions"][3]["lead"] == "Housing");
  SUBCASE("from a profile, and the command line's --sheet replaces the profile's") {
    dir.write("p.json", R"({"sheet": ["Transport", "Homes"]})");
    CHECK(convert_json(dir, input, "--profile p.json")["actions"].size() == 4);
    auto homes = convert_json(dir, input, "--profile p.json --sheet Homes");
    REQUIRE(homes["actions"].size() == 2);
    CHECK(homes["actions"][0]["id"] == "H1");
  }
  SUBCASE("a sheet that is not there is one line, exit 2") {
    CliResult r = cli(dir, "convert " + input + " -o out.xlsx --sheet Transport --sheet Energy");
    CHECK(r.exit == 2);
    CHECK(one_line(r.err));
    CHECK(r.err.find("no sheet named 'Energy'") != std::string::npos);
  }
}
