// Tests for load_xls: values and sheet choice from a LibreOffice-written .xls, the formatting warning, and
// broken files (tests/fixtures/spreadsheets/plan.xls, tests/hostile/spreadsheets/not_ole.xls).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "model/errors.hpp"
#include "load/load_spreadsheet.hpp"

using namespace plansheet;

namespace {

std::string path_of(const std::string& relative) { return std::string(PLANSHEET_SOURCE_DIR) + "/tests/" + relative; }

const Row& row_at(const RawTable& t, int line) {
  auto it = std::find_if(t.rows.begin(), t.rows.end(), [line](const Row& r) { return r.line == line; });
  REQUIRE_MESSAGE(it != t.rows.end(), "no row " << line);
  return *it;
}

}  // namespace

TEST_CASE("load_xls: the action sheet's values with positions") {
  const std::string path = path_of("fixtures/spreadsheets/plan.xls");
  RawTable t = load_xls(path, std::nullopt);
  CHECK(t.sheet == "Action Plan");
  CHECK(t.source == path);
  const Row& header = row_at(t, 3);
  REQUIRE(header.cells.size() == 7);
  CHECK(header.cells[0].text == "Action ID");
  CHECK(header.cells[5].text == "Update");
  const Row& t1 = row_at(t, 5);
  CHECK(t1.cells[0].text == "T1");
  CHECK(source_cell_ref(t.sheet, t1.cells[0].pos) == "Action Plan!A5");
  CHECK(t1.cells[3].text == "2026-03-01");  // dates as ISO: freexl gives no number formats
  CHECK(row_at(t, 4).cells[0].text == "Transport");
  CHECK(row_at(t, 11).page_break_before);
  SUBCASE("the choice and the missing formatting are reported") {
    REQUIRE(t.warnings.size() == 2);
    CHECK(t.warnings[0].message.rfind("sheet 'Action Plan' chosen", 0) == 0);
    CHECK(t.warnings[1].message.find("only cell values are read, not fill colours (RAG)") != std::string::npos);
  }
}

TEST_CASE("load_xls: --sheet overrides the choice; a wrong name lists the sheets") {
  const std::string path = path_of("fixtures/spreadsheets/plan.xls");
  CHECK(load_xls(path, std::string("Lists")).rows.size() == 4);
  try {
    load_xls(path, std::string("Nope"));
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == exit_usage);
    CHECK(std::string(e.what()) == path + ": no sheet named 'Nope'; the worksheets are 'Instructions', 'Action Plan', "
                                          "'Lists'; pass one of them to --sheet");
  }
}

TEST_CASE("load_xls: unreadable files give one clear line and exit code 3") {
  SUBCASE("not an OLE2 file") {
    const std::string path = path_of("hostile/spreadsheets/not_ole.xls");
    try {
      load_xls(path, std::nullopt);
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.code() == exit_input);
      CHECK(std::string(e.what()).rfind(path + ": not a readable XLS workbook (", 0) == 0);
      CHECK(std::string(e.what()).find("re-save it from Excel as .xlsx or export CSV") != std::string::npos);
    }
  }
  SUBCASE("a damaged file that crashes libfreexl is contained") {
    const std::string path = path_of("hostile/spreadsheets/freexl_crash.xls");
    try {
      load_xls(path, std::nullopt);
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.code() == exit_input);
      CHECK(std::string(e.what()) == path + ": not a readable XLS workbook (the file is damaged: the XLS reader "
                                            "stopped on it); re-save it from Excel as .xlsx or export CSV");
    }
  }
  SUBCASE("a file that does not exist") {
    try {
      load_xls(path_of("hostile/spreadsheets/absent.xls"), std::nullopt);
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.code() == exit_input);
      CHECK(std::string(e.what()).find("the file cannot be opened") != std::string::npos);
    }
  }
}
