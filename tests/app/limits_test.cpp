// The resource limits (model/limits.hpp) through the built command line: each refuses an input over it at once
// with exit 3 and one line naming the limit and its flag, an input within it converts, and batch takes the same
// flags. Also the size parser and the counters in-process.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <string>

#include "app/cli_run.hpp"
#include "ledger.hpp"
#include "model/errors.hpp"
#include "model/limits.hpp"

using namespace plansheet::testing;

namespace {

using Result = CliResult;
bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A small plan: a title, a header and `rows` actions of four cells.
std::string plan_of(int rows) {
  std::string text = "Net Zero Borough Action Plan\nRef\tAction\tLead\tStatus\n";
  for (int r = 1; r <= rows; ++r)
    text += "A" + std::to_string(r) + "\tInsulate the depot roof number " + std::to_string(r) + "\tEstates\tIn progress\n";
  return text;
}

// The refusal every limit gives: exit 3, one line on stderr naming the file, the limit and the flag, no workbook.
void check_refused(const TempDir& dir, const Result& r, const std::string& file, const std::string& limit,
                   const std::string& flag) {
  CAPTURE(r.err);
  CHECK(r.exit == plansheet::exit_input);
  CHECK(one_line(r.err));
  CHECK(has(r.err, "plansheet: " + file + ": "));
  CHECK(has(r.err, "; the limit on " + limit + " is "));
  CHECK(has(r.err, "; " + flag + " raises it"));
  CHECK_FALSE(fs::exists(dir.path / "out.xlsx"));
}

// A workbook whose one long shared string fills `cells` cells of the first of `sheets` sheets.
void write_shared_string_workbook(const fs::path& path, int cells, int sheets) {
  lxw_workbook* wb = workbook_new(path.c_str());
  REQUIRE(wb != nullptr);
  std::string long_text;
  while (long_text.size() < 30000) long_text += "retrofit the library and the depot with heat pumps ";
  for (int s = 0; s < sheets; ++s) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    worksheet_write_string(ws, 0, 0, "Ref", nullptr);
    worksheet_write_string(ws, 0, 1, "Action", nullptr);
    for (int r = 1; r <= (s == 0 ? cells : 2); ++r) {
      worksheet_write_string(ws, static_cast<lxw_row_t>(r), 0, ("A" + std::to_string(r)).c_str(), nullptr);
      worksheet_write_string(ws, static_cast<lxw_row_t>(r), 1, long_text.c_str(), nullptr);
    }
  }
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
}

}  // namespace

TEST_CASE("limits: input size") {
  TempDir dir;
  const std::string text = plan_of(40);
  REQUIRE(text.size() > 2048);
  dir.write("plan.txt", text);
  SUBCASE("a file over the limit is refused before it is read") {
    Result r = cli(dir, "convert plan.txt -o out.xlsx --max-input-size 2K");
    check_refused(dir, r, "plan.txt", "input size", "--max-input-size SIZE");
    CHECK(has(r.err, "the input is "));
    CHECK(has(r.err, "is 2 KiB;"));
  }
  SUBCASE("standard input over the limit is refused as it passes it") {
    Result r = cli(dir, "convert - -o out.xlsx --max-input-size 2K", (dir.path / "plan.txt").string());
    check_refused(dir, r, "-", "input size", "--max-input-size SIZE");
  }
  SUBCASE("within the limit it converts") {
    Result r = cli(dir, "convert plan.txt -o out.xlsx --max-input-size 1M");
    CHECK(r.exit == 0);
    CHECK(fs::exists(dir.path / "out.xlsx"));
  }
}

TEST_CASE("limits: columns, refused before the work") {
  TempDir dir;
  SUBCASE("a paste wider than a workbook sheet, at the default") {
    // 17,000 columns: the table could never be laid out, so it is refused as read, not after the cleaning.
    std::string text = "Plan\nRef\tAction";
    for (int c = 0; c < 16998; ++c) text += "\tC" + std::to_string(c);
    text += "\nA1\tPlant trees\n";
    dir.write("wide.txt", text);
    Result r = cli(dir, "convert wide.txt -o out.xlsx");
    check_refused(dir, r, "wide.txt", "columns", "--max-columns N");
    CHECK(has(r.err, "line 2 has 17,000 columns"));
    CHECK(has(r.err, "is 16,384 (a workbook sheet's width is 16,384)"));
  }
  SUBCASE("a lower limit from the flag") {
    dir.write("plan.txt", plan_of(3));
    Result r = cli(dir, "convert plan.txt -o out.xlsx --max-columns 3");
    check_refused(dir, r, "plan.txt", "columns", "--max-columns N");
    CHECK(has(r.err, "has 4 columns"));
    CHECK(cli(dir, "convert plan.txt -o out.xlsx --max-columns 4").exit == 0);
  }
}

TEST_CASE("limits: cells and line length") {
  TempDir dir;
  dir.write("plan.txt", plan_of(10));
  SUBCASE("cells") {
    Result r = cli(dir, "convert plan.txt -o out.xlsx --max-cells 20");
    check_refused(dir, r, "plan.txt", "cells", "--max-cells N");
    CHECK(has(r.err, "it holds more than 20 cells"));
    CHECK(cli(dir, "convert plan.txt -o out.xlsx --max-cells 100").exit == 0);
  }
  SUBCASE("line length") {
    Result r = cli(dir, "convert plan.txt -o out.xlsx --max-line-length 40");
    check_refused(dir, r, "plan.txt", "line length", "--max-line-length SIZE");
    CHECK(has(r.err, "line 3 is "));
    CHECK(cli(dir, "convert plan.txt -o out.xlsx --max-line-length 1K").exit == 0);
  }
  SUBCASE("expanded text of a paste is its text") {
    Result r = cli(dir, "convert plan.txt -o out.xlsx --max-expanded-size 100");
    check_refused(dir, r, "plan.txt", "expanded text", "--max-expanded-size SIZE");
  }
}

TEST_CASE("limits: a workbook's shared string unfolds once per cell, and its sheets are counted") {
  TempDir dir;
  // 60 cells of one 30,000-character shared string: a small file whose cells hold 1.8 MB of text.
  write_shared_string_workbook(dir.path / "shared.xlsx", 60, 3);
  REQUIRE(fs::file_size(dir.path / "shared.xlsx") < 200'000);
  SUBCASE("expanded text") {
    Result r = cli(dir, "convert shared.xlsx -o out.xlsx --max-expanded-size 1M");
    check_refused(dir, r, "shared.xlsx", "expanded text", "--max-expanded-size SIZE");
    CHECK(has(r.err, "its cells' text unfolds to more than 1 MiB"));
    CHECK(cli(dir, "convert shared.xlsx -o out.xlsx --max-expanded-size 8M").exit == 0);
  }
  SUBCASE("sheets") {
    Result r = cli(dir, "convert shared.xlsx -o out.xlsx --max-sheets 2");
    check_refused(dir, r, "shared.xlsx", "sheets", "--max-sheets N");
    CHECK(has(r.err, "the workbook has 3 sheets"));
  }
  SUBCASE("cells of a workbook, counted as it is read") {
    Result r = cli(dir, "convert shared.xlsx -o out.xlsx --max-cells 50");
    check_refused(dir, r, "shared.xlsx", "cells", "--max-cells N");
  }
}

TEST_CASE("limits: an OpenDocument sheet's repeated cells are counted before they are copied") {
  // Two 1 KB files (tests/hostile/make_hostile.py) that unfolded to 1 GB and 1.5 GB before this limit.
  TempDir dir;
  for (const char* name : {"ods_repeated_cells.ods", "ods_repeated_text.ods"})
    fs::copy_file(source_dir() / "tests/hostile/spreadsheets" / name, dir.path / name);
  SUBCASE("copies of cells") {
    Result r = cli(dir, "convert ods_repeated_cells.ods -o out.xlsx");
    check_refused(dir, r, "ods_repeated_cells.ods", "repeated cells", "--max-repeated-cells N");
    CHECK(has(r.err, "unfold to more than 100,000 copies of cells"));
  }
  SUBCASE("the text of the copies") {
    Result r = cli(dir, "convert ods_repeated_text.ods -o out.xlsx");
    check_refused(dir, r, "ods_repeated_text.ods", "repeated text", "--max-repeated-size SIZE");
    CHECK(has(r.err, "more than 32 MiB of copied text"));
  }
  SUBCASE("raised, the same file is read on to the next limit") {
    Result r = cli(dir, "convert ods_repeated_cells.ods -o out.xlsx --max-repeated-cells 10000000 --max-cells 1000");
    check_refused(dir, r, "ods_repeated_cells.ods", "cells", "--max-cells N");
  }
}

TEST_CASE("limits: batch and check take the same flags") {
  TempDir dir;
  fs::create_directories(dir.path / "in");
  dir.write("in/small.txt", plan_of(2));
  dir.write("in/large.txt", plan_of(30));
  Result b = cli(dir, "batch in -d out --max-cells 40");
  CHECK(b.exit == 1);  // a file skipped
  CHECK(has(b.out + b.err, "large.txt: it holds more than 40 cells; the limit on cells is 40; --max-cells N raises it"));
  CHECK(fs::exists(dir.path / "out" / "small.xlsx"));
  CHECK_FALSE(fs::exists(dir.path / "out" / "large.xlsx"));
  Result c = cli(dir, "check in/large.txt --max-line-length 20");
  CHECK(c.exit == plansheet::exit_input);
  CHECK(has(c.out + c.err, "--max-line-length SIZE raises it"));
}

TEST_CASE("limits: a limit flag takes a size or a count") {
  TempDir dir;
  dir.write("plan.txt", plan_of(2));
  for (const char* args : {"--max-cells 0", "--max-cells 1x", "--max-columns 2K", "--max-input-size lots",
                                  "--max-line-length -5", "--max-sheets"}) {
    CAPTURE(args);
    Result r = cli(dir, std::string("convert plan.txt -o out.xlsx ") + args);
    CHECK(r.exit == plansheet::exit_usage);
    CHECK(one_line(r.err));
  }
  std::uint64_t n = 0;
  CHECK((plansheet::parse_size("64M", n) && n == (64ull << 20)));
  CHECK((plansheet::parse_size("1G", n) && n == (1ull << 30)));
  CHECK((plansheet::parse_size("500K", n) && n == 500ull * 1024));
  CHECK((plansheet::parse_size("1000", n) && n == 1000));
  CHECK_FALSE(plansheet::parse_size("99999999999999999999", n));
  CHECK_FALSE(plansheet::parse_size("M", n));
  CHECK(plansheet::size_text(512ull << 20) == "512 MiB");
  CHECK(plansheet::size_text(1536) == "1.5 KiB");
}
