// Tests of the built command line (PLANSHEET_BINARY) in temporary folders: --help, --version, the exit codes of
// CONTRACT.md with their one-line messages, the default output path, the JSON export, and standard input.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "app/cli_run.hpp"
#include "ledger.hpp"

using namespace plansheet::testing;

namespace {

using Result = CliResult;

const std::string plan_text =
    "Net Zero Borough Action Plan\n"
    "Ref\tAction\tLead\tStatus\n"
    "A1\tPlant trees on verges\tParks\tIn progress\n"
    "A2\tCut office waste\tFacilities\tComplete\n"
    "A4\tBuy renewable power\tProcurement\tNot started\n";

}  // namespace

TEST_CASE("cli: --help and --version") {
  TempDir dir;
  SUBCASE("--help") {
    Result r = cli(dir, "--help");
    CHECK(r.exit == 0);
    CHECK(r.out.find("usage:") != std::string::npos);
    CHECK(r.out.find("plansheet convert INPUT [-o OUT.xlsx] [--json OUT.json]") != std::string::npos);
    CHECK(r.out.find("exit codes:") != std::string::npos);
    CHECK(r.err.empty());
  }
  SUBCASE("--version") {
    Result r = cli(dir, "--version");
    CHECK(r.exit == 0);
    CHECK(r.out == "plansheet " PLANSHEET_VERSION "\n");
  }
}

TEST_CASE("cli: bad usage exits 2 with one line saying what to do") {
  TempDir dir;
  dir.write("plan.txt", plan_text);
  struct Case {
    const char* args;
    const char* message;
  };
  const Case cases[] = {
      {"", "plansheet: no command given; try 'plansheet convert FILE' or 'plansheet --help'\n"},
      {"convert plan.txt --frobnicate", "plansheet: unknown option '--frobnicate' for convert (see 'plansheet --help')\n"},
      {"transmogrify plan.txt", "plansheet: unknown command 'transmogrify'; the commands are convert, check and batch (see --help)\n"},
      {"convert", "plansheet: convert needs an input file (or - for standard input)\n"},
      {"convert plan.txt -o", "plansheet: -o needs a value (see 'plansheet --help')\n"},
      {"convert plan.txt --grid weekly", "plansheet: --grid takes fy, quarter, year or month, not 'weekly'\n"},
      {"convert plan.txt --paper letter", "plansheet: --paper takes a4 or a3, not 'letter'\n"},
      {"convert plan.txt --roles 1=boss", nullptr},
      {"batch plan.txt", "plansheet: batch needs an output folder: -d OUT_DIR\n"},
  };
  for (const Case& c : cases) {
    SUBCASE(c.args) {
      CAPTURE(c.args);
      Result r = cli(dir, c.args);
      CHECK(r.exit == 2);
      CHECK(one_line(r.err));
      if (c.message) CHECK(r.err == c.message);
      CHECK_FALSE(fs::exists(dir.path / "output" / "plan.xlsx"));
    }
  }
}

TEST_CASE("cli: unreadable or unusable input exits 3") {
  TempDir dir;
  SUBCASE("a missing file") {
    Result r = cli(dir, "convert nowhere.txt");
    CHECK(r.exit == 3);
    CHECK(one_line(r.err));
    CHECK(r.err.rfind("plansheet: nowhere.txt: cannot read (", 0) == 0);
    CHECK(r.err.find("check the path") != std::string::npos);
  }
  SUBCASE("a folder") {
    fs::create_directory(dir.path / "plans");
    Result r = cli(dir, "convert plans");
    CHECK(r.exit == 3);
    CHECK(one_line(r.err));
    CHECK(r.err.find("is a folder") != std::string::npos);
  }
  SUBCASE("prose: no action table, and no empty workbook written") {
    dir.write("notes.txt", read_file(source_dir() / "samples" / "leicestershire-can-demonstrator-prose.txt"));
    Result r = cli(dir, "convert notes.txt -o notes.xlsx");
    CHECK(r.exit == 3);
    CHECK(one_line(r.err));
    CHECK(r.err.rfind("plansheet: notes.txt: no action table found", 0) == 0);
    CHECK_FALSE(fs::exists(dir.path / "notes.xlsx"));
  }
}

TEST_CASE("cli: outputs that cannot be written") {
  TempDir dir;
  dir.write("plan.txt", plan_text);
  SUBCASE("a workbook in a folder that does not exist exits 4") {
    Result r = cli(dir, "convert plan.txt -o missing/folder/plan.xlsx");
    CHECK(r.exit == 4);
    CHECK(one_line(r.err));
    CHECK(r.err.find("missing/folder/plan.xlsx") != std::string::npos);
  }
  SUBCASE("a workbook in a read-only folder exits 4 (skipped as root, who may write anywhere)") {
    fs::create_directory(dir.path / "locked");
    fs::permissions(dir.path / "locked", fs::perms::owner_read | fs::perms::owner_exec);
    if (geteuid() != 0) {
      Result r = cli(dir, "convert plan.txt -o locked/plan.xlsx");
      CHECK(r.exit == 4);
      CHECK(one_line(r.err));
      CHECK_FALSE(fs::exists(dir.path / "locked" / "plan.xlsx"));
    }
    fs::permissions(dir.path / "locked", fs::perms::owner_all);
  }
  SUBCASE("a JSON export in a folder that does not exist exits 4") {
    Result r = cli(dir, "convert plan.txt -o plan.xlsx --json missing/plan.json");
    CHECK(r.exit == 4);
    CHECK(one_line(r.err));
    CHECK(r.err.find("missing/plan.json: cannot write") != std::string::npos);
  }
  SUBCASE("one path given for two outputs is refused before anything is written") {
    Result r = cli(dir, "convert plan.txt -o plan.xlsx --json ./plan.xlsx");
    CHECK(r.exit == 2);
    CHECK(r.err == "plansheet: plan.xlsx: given for both -o and --json; give each output its own file\n");
    CHECK_FALSE(fs::exists(dir.path / "plan.xlsx"));
    r = cli(dir, "convert plan.txt -o plan.xlsx --json plan.out --csv plan.out");
    CHECK(r.exit == 2);
    CHECK(r.err == "plansheet: plan.out: given for both --json and --csv; give each output its own file\n");
    CHECK_FALSE(fs::exists(dir.path / "plan.out"));
  }
  SUBCASE("an output onto the input is refused and the input kept") {
    Result r = cli(dir, "convert plan.txt -o plan.txt");
    CHECK(r.exit == 2);
    CHECK(one_line(r.err));
    CHECK(r.err.find("would overwrite the input") != std::string::npos);
    CHECK(read_file(dir.path / "plan.txt") == plan_text);
  }
  SUBCASE("also through another spelling of the same path") {
    Result r = cli(dir, "convert plan.txt --json ./plan.txt");
    CHECK(r.exit == 2);
    CHECK(read_file(dir.path / "plan.txt") == plan_text);
  }
}

TEST_CASE("cli: convert writes the workbook and the JSON export") {
  TempDir dir;
  dir.write("plan.txt", plan_text);
  SUBCASE("the default output is output/<stem>.xlsx under the working folder") {
    Result r = cli(dir, "convert plan.txt");
    CHECK(r.exit == 0);
    CHECK(r.err.empty());
    CHECK(r.out == "plan.txt: 3 actions, 0 repairs, 1 warnings -> output/plan.xlsx\n");
    REQUIRE(fs::exists(dir.path / "output" / "plan.xlsx"));
    CHECK(read_file(dir.path / "output" / "plan.xlsx").rfind("PK\x03\x04", 0) == 0);
  }
  SUBCASE("--json writes valid JSON with the plan") {
    Result r = cli(dir, "convert plan.txt -o plan.xlsx --json plan.json --csv plan.csv -q");
    CHECK(r.exit == 0);
    CHECK(r.out.empty());
    auto json = nlohmann::json::parse(read_file(dir.path / "plan.json"));
    CHECK(json["source"] == "plan.txt");
    CHECK(json["title"] == "Net Zero Borough Action Plan");
    REQUIRE(json["actions"].size() == 3);
    CHECK(json["actions"][2]["id"] == "A4");
    CHECK(json["actions"][2]["lead"] == "Procurement");
    CHECK(read_file(dir.path / "plan.csv").rfind("ID,Action,Lead,Status\r\n", 0) == 0);
    CHECK(fs::exists(dir.path / "plan.xlsx"));
  }
  SUBCASE("--strict turns warnings (an id gap) into exit 1, outputs still written") {
    Result r = cli(dir, "convert plan.txt -o plan.xlsx --strict");
    CHECK(r.exit == 1);
    CHECK(one_line(r.err));
    CHECK(r.err.find("1 warnings to review (--strict)") != std::string::npos);
    CHECK(fs::exists(dir.path / "plan.xlsx"));
  }
}

TEST_CASE("cli: standard input") {
  TempDir dir;
  const fs::path input = dir.write("clipboard.txt", plan_text);
  SUBCASE("convert - with explicit outputs") {
    Result r = cli(dir, "convert - -o pasted.xlsx --json pasted.json", input.string());
    CHECK(r.exit == 0);
    auto json = nlohmann::json::parse(read_file(dir.path / "pasted.json"));
    CHECK(json["source"] == "-");
    CHECK(json["actions"].size() == 3);
  }
  SUBCASE("the default output for standard input is output/pasted.xlsx") {
    Result r = cli(dir, "convert -", input.string());
    CHECK(r.exit == 0);
    CHECK(fs::exists(dir.path / "output" / "pasted.xlsx"));
  }
  SUBCASE("--json - and --csv - write the export to standard output, and the summary goes to standard error") {
    Result r = cli(dir, "convert - -o piped.xlsx --json -", input.string());
    CHECK(r.exit == 0);
    auto json = nlohmann::json::parse(r.out);
    CHECK(json["actions"].size() == 3);
    CHECK(r.err.find("3 actions") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path / "-"));
    Result csv = cli(dir, "convert clipboard.txt -o piped.xlsx --csv - -q");
    CHECK(csv.exit == 0);
    CHECK(csv.out.find("Buy renewable power") != std::string::npos);
    CHECK(csv.err.empty());
    Result both = cli(dir, "convert clipboard.txt --json - --csv -");
    CHECK(both.exit == 2);
    CHECK(one_line(both.err));
  }
  SUBCASE("empty standard input exits 3") {
    const fs::path empty = dir.write("empty.txt", "");
    Result r = cli(dir, "convert -", empty.string());
    CHECK(r.exit == 3);
    CHECK(one_line(r.err));
  }
}

TEST_CASE("cli: check reports what was detected") {
  TempDir dir;
  dir.write("plan.txt", plan_text);
  Result r = cli(dir, "check plan.txt --explain");
  CHECK(r.exit == 0);
  CHECK(r.out.find("  title: Net Zero Borough Action Plan\n") != std::string::npos);
  CHECK(r.out.find("  actions: 3\n") != std::string::npos);
  CHECK(r.out.find("ids jump to A4") != std::string::npos);
  CHECK(r.out.find("detected as: plansheet convert plan.txt --header-row 2 --roles 1=id,2=action,3=lead,4=status") !=
        std::string::npos);
  CHECK_FALSE(fs::exists(dir.path / "output"));
}

TEST_CASE("cli: check --explain says how each line that is no action row was read") {
  TempDir dir;
  dir.write("plan.txt", "Ref\tAction\tLead\nEnergy\nE1\tFit solar panels on the\tEstates\n\tdepot roof.\t\n\n7\n"
                        "E2\tBuy green power.\tProcurement\n");
  Result r = cli(dir, "check plan.txt --explain");
  CHECK(r.exit == 0);
  CHECK(r.out.find("  lines not read as action rows:\n") != std::string::npos);
  CHECK(r.out.find("    line 2: heading - score 5 (+4 no action open yet, near the id column, +1 an action row "
                   "follows)\n") != std::string::npos);
  CHECK(r.out.find("    line 4: continuation - continues E1\n") != std::string::npos);
  CHECK(r.out.find("    line 6: furniture - a bare number at a page break\n") != std::string::npos);
  Result plain = cli(dir, "check plan.txt");
  CHECK(plain.out.find("lines not read as action rows") == std::string::npos);
}
