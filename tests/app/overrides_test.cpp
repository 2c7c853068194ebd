// Tests of the built command line for what a user may force or keep private: hidden rows and columns of a
// workbook, tables that are no plan (and --force), and profiles (--profile, check --write-profile).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "app/cli_run.hpp"
#include "ledger.hpp"
#include "load/xlsx/read_zip.hpp"

using namespace plansheet::testing;

namespace {

fs::path fixture(const std::string& stage, const std::string& name) { return fixture_dir(stage) / name; }

// Every part of a written workbook that holds cell text, as one string.
std::string workbook_text(const fs::path& path) {
  const std::string bytes = read_file(path);
  plansheet::detail::ZipPackage package(path.string(), bytes);
  std::string text;
  for (const char* part : {"xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
                           "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml", "xl/worksheets/sheet5.xml"})
    if (package.has(part)) text += package.read(part);
  return text;
}

const char* const private_texts[] = {"Budget bid", "Contractor under review", "Dropped after legal advice",
                                     "Ask the mayor", "Withdrawn scheme", "Confidential"};

}  // namespace

TEST_CASE("cli: hidden rows and columns of a workbook are exported nowhere unless --keep-hidden") {
  TempDir dir;
  const std::string input = shell_quote(fixture("spreadsheets", "hidden_private.xlsx").string());
  SUBCASE("by default: not in the actions, extra, removed, warnings, CSV or workbook; only counted") {
    CliResult r = cli(dir, "convert " + input + " -o plan.xlsx --json plan.json --csv plan.csv");
    REQUIRE(r.exit == 0);
    const std::string json = read_file(dir.path / "plan.json"), csv = read_file(dir.path / "plan.csv");
    const std::string book = workbook_text(dir.path / "plan.xlsx");
    for (const char* text : private_texts) {
      CAPTURE(text);
      CHECK(json.find(text) == std::string::npos);
      CHECK(csv.find(text) == std::string::npos);
      CHECK(book.find(text) == std::string::npos);
    }
    CHECK(json.find("Private notes") == std::string::npos);
    auto plan = nlohmann::json::parse(json);
    CHECK(plan["actions"].size() == 3);
    CHECK(json.find("1 hidden row and 1 hidden column left out, as hidden text is taken for private notes; "
                    "convert with --keep-hidden to read them") != std::string::npos);
    CHECK(book.find("1 hidden row and 1 hidden column left out") != std::string::npos);
  }
  SUBCASE("--keep-hidden brings them back") {
    CliResult r = cli(dir, "convert " + input + " -o plan.xlsx --json plan.json --keep-hidden");
    REQUIRE(r.exit == 0);
    const std::string json = read_file(dir.path / "plan.json");
    CHECK(json.find("Contractor under review") != std::string::npos);
    CHECK(json.find("Withdrawn scheme") != std::string::npos);
  }
}

TEST_CASE("cli: a table with no column of action text is no plan: exit 3 naming it, unless --force") {
  TempDir dir;
  struct Case {
    const char* file;
    const char* message;
  };
  const Case not_plans[] = {
      {"zeros_grid.txt", "zeros_grid.txt: line 1: no column reads as action text (the widest text column 'ID' "
                         "averages 1 character); use --force to convert it anyway\n"},
      {"chart_data.csv", "chart_data.csv: lines 2-6: no column reads as action text (the widest text column 'ID' "
                         "averages 5 characters); use --force to convert it anyway\n"},
      {"lookup.csv", "lookup.csv: lines 2-5: no column reads as action text (the widest text column 'Column 2' "
                     "averages 6 characters); use --force to convert it anyway\n"},
  };
  for (const Case& c : not_plans) {
    CAPTURE(c.file);
    const fs::path input = fixture("not_plans", c.file);
    dir.write(c.file, read_file(input));
    CliResult r = cli(dir, std::string("convert ") + c.file + " -o out.xlsx");
    CHECK(r.exit == 3);
    CHECK(r.err == std::string("plansheet: ") + c.message);
    CHECK_FALSE(fs::exists(dir.path / "out.xlsx"));
    r = cli(dir, std::string("check ") + c.file);
    CHECK(r.exit == 3);
    r = cli(dir, std::string("convert ") + c.file + " -o out.xlsx --force -q");
    CHECK(r.exit == 0);
    CHECK(fs::exists(dir.path / "out.xlsx"));
    fs::remove(dir.path / "out.xlsx");
  }
  SUBCASE("small and terse real plans still pass") {
    for (const char* plan : {"terse_plan.csv", "two_action_plan.txt", "short_words_plan.csv"}) {
      CAPTURE(plan);
      CliResult r = cli(dir, "convert " + shell_quote(fixture("not_plans", plan).string()) + " -o out.xlsx -q");
      CHECK(r.exit == 0);
      CHECK(r.err.empty());
    }
  }
  SUBCASE("batch lists a non-plan as skipped and writes no workbook for it") {
    fs::create_directory(dir.path / "in");
    dir.write("in/lookup.csv", read_file(fixture("not_plans", "lookup.csv")));
    dir.write("in/terse.csv", read_file(fixture("not_plans", "terse_plan.csv")));
    CliResult r = cli(dir, "batch in -d out");
    CHECK(r.exit == 1);
    CHECK((r.out + r.err).find("skipped") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path / "out" / "lookup.xlsx"));
    CHECK(fs::exists(dir.path / "out" / "terse.xlsx"));
  }
}

TEST_CASE("cli: check --write-profile then convert --profile gives the same JSON as convert alone") {
  TempDir dir;
  for (const fs::path& input : {source_dir() / "samples" / "kent-medway-energy-low-emissions-plan.txt",
                                fixture("not_plans", "terse_plan.csv"),
                                fixture("spreadsheets", "plan_openpyxl.xlsx")}) {
    CAPTURE(input);
    const std::string in = shell_quote(input.string());
    CliResult r = cli(dir, "check " + in + " --explain --write-profile profile.json");
    REQUIRE(r.exit == 0);
    auto profile = nlohmann::json::parse(read_file(dir.path / "profile.json"));
    CHECK(profile["plansheet_profile"] == 1);
    CHECK(profile.contains("roles"));
    REQUIRE(cli(dir, "convert " + in + " -o a.xlsx --json a.json -q").exit == 0);
    REQUIRE(cli(dir, "convert " + in + " -o b.xlsx --json b.json -q --profile profile.json").exit == 0);
    CHECK(read_file(dir.path / "a.json") == read_file(dir.path / "b.json"));
  }
}

TEST_CASE("cli: --profile: the command line wins, and a bad profile is one line naming the file and key, exit 2") {
  TempDir dir;
  dir.write("plan.txt", "Ref\tAction\tLead\tNotes\nA1\tPlant trees on verges\tParks\tSoon\n"
                        "A2\tCut office waste\tFacilities\tLater\nA3\tBuy renewable power\tProcurement\tNow\n");
  SUBCASE("a profile's roles apply, and --roles on the command line wins over them") {
    dir.write("p.json", R"({"plansheet_profile": 1, "roles": "4=status", "force": true})");
    REQUIRE(cli(dir, "convert plan.txt -o a.xlsx --json a.json -q --profile p.json").exit == 0);
    CHECK(nlohmann::json::parse(read_file(dir.path / "a.json"))["actions"][0]["status"] == "Soon");
    REQUIRE(cli(dir, "convert plan.txt -o b.xlsx --json b.json -q --roles 4=update --profile p.json").exit == 0);
    auto b = nlohmann::json::parse(read_file(dir.path / "b.json"));
    CHECK(b["actions"][0]["update"] == "Soon");
    CHECK_FALSE(b["actions"][0].contains("status"));
  }
  struct Case {
    const char* content;
    const char* message;
  };
  const Case cases[] = {
      {R"({"rolez": "1=id"})", "plansheet: p.json: unknown key 'rolez'; a profile's keys are the reading flags "
                               "without their dashes (roles, sheet, map, header-row, ...; see 'plansheet --help')\n"},
      {R"({"roles": "1=boss"})", nullptr},
      {R"({"grid": "weekly"})", "plansheet: p.json: key 'grid': --grid takes fy, quarter, year or month, not 'weekly'\n"},
      {R"({"header-row": 5})", nullptr},
      {R"({"force": "yes"})", "plansheet: p.json: key 'force' is a switch: give it true, not \"yes\"\n"},
      {R"(["roles"])", nullptr},
      {"{not json", nullptr},
      {R"({"plansheet_profile": 2})", nullptr},
  };
  for (const Case& c : cases) {
    CAPTURE(c.content);
    dir.write("p.json", c.content);
    for (const char* command : {"convert plan.txt -o out.xlsx", "check plan.txt", "batch plan.txt -d out"}) {
      CAPTURE(command);
      CliResult r = cli(dir, std::string(command) + " --profile p.json");
      CHECK(r.exit == 2);
      CHECK(one_line(r.err));
      CHECK(r.err.rfind("plansheet: p.json: ", 0) == 0);
      if (c.message) CHECK(r.err == c.message);
    }
  }
  CliResult r = cli(dir, "convert plan.txt --profile missing.json");
  CHECK(r.exit == 2);
  CHECK(r.err.rfind("plansheet: missing.json: cannot read the profile", 0) == 0);
  r = cli(dir, "convert plan.txt --write-profile p.json");
  CHECK(r.exit == 2);
  CHECK(one_line(r.err));
}

TEST_CASE("cli: a TOML profile takes the same keys as a JSON one") {
  TempDir dir;
  const std::string input = shell_quote(fixture("spreadsheets", "themed_sheets.xlsx").string());
  dir.write("p.toml", "plansheet_profile = 1\nsheet = [\"Transport\", \"Homes\"]\nmap = [\"status:On track=green\"]\n");
  REQUIRE(cli(dir, "convert " + input + " -o a.xlsx --json a.json -q --profile p.toml").exit == 0);
  REQUIRE(cli(dir, "convert " + input + " -o b.xlsx --json b.json -q --sheet Transport --sheet Homes "
                   "--map 'status:On track=green'").exit == 0);
  CHECK(nlohmann::json::parse(read_file(dir.path / "a.json"))["actions"].size() == 4);
  CHECK(read_file(dir.path / "a.json") == read_file(dir.path / "b.json"));
  dir.write("bad.toml", "roles = 5\n");
  CliResult r = cli(dir, "check " + input + " --profile bad.toml");
  CHECK(r.exit == 2);
  CHECK(r.err == "plansheet: bad.toml: key 'roles' takes a string (or an array of strings where the flag may be "
                 "repeated), not 5\n");
  dir.write("broken.toml", "roles = \"1=id\n");
  r = cli(dir, "check " + input + " --profile broken.toml");
  CHECK(r.exit == 2);
  CHECK(one_line(r.err));
  CHECK(r.err.rfind("plansheet: broken.toml: not a profile: TOML error at line 1: ", 0) == 0);
}

TEST_CASE("cli: check --explain gives each column's label, samples, role and score, and the runner-up") {
  TempDir dir;
  dir.write("plan.txt", "Ref\tAction\tLead\tStatus\nA1\tPlant trees on verges\tParks\tOn track\n"
                        "A2\tCut office waste\tFacilities\tAt risk\nA3\tBuy renewable power\tProcurement\tOn track\n");
  CliResult r = cli(dir, "check plan.txt --explain");
  REQUIRE(r.exit == 0);
  CHECK(r.out.find(" 3 lead      'Lead': header 'Lead'; values: short text; score ") != std::string::npos);
  CHECK(r.out.find("e.g. 'Parks', 'Facilities', 'Procurement'") != std::string::npos);
  CHECK(r.out.find(", runner-up ") != std::string::npos);
  CHECK(r.out.find("  value maps:\n    status On track = green (built-in)\n") != std::string::npos);
}
