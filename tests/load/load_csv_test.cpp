// Tests for load_csv: RFC 4180 quoting, the sep= line, line numbers, blank rows and the encoding fallback,
// on inline inputs and the committed fixtures in tests/fixtures/spreadsheets/.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "model/errors.hpp"
#include "load/load_spreadsheet.hpp"

using namespace plansheet;

namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(PLANSHEET_SOURCE_DIR) + "/tests/fixtures/spreadsheets/" + name, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing fixture " << name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> texts(const Row& row) {
  std::vector<std::string> out;
  for (const Cell& c : row.cells) out.push_back(c.text);
  return out;
}

}  // namespace

TEST_CASE("load_csv: every dialect fixture reads to the same table") {
  for (const char* name : {"comma_bom.csv", "semicolon.csv", "tab.csv", "pipe.csv"}) {
    CAPTURE(name);
    RawTable t = load_csv(name, fixture(name));
    REQUIRE(t.rows.size() == 6);
    CHECK(texts(t.rows[0]) == std::vector<std::string>{"Action ID", "Action", "Lead", "Timescale", "RAG"});
    // The comma inside the action survives in every dialect (quoted for comma, plain for the others).
    CHECK(t.rows[1].cells[1].text == "Develop a vision and strategy for decarbonised transport, via LTP4");
    // A quoted field with a doubled quote, a semicolon and a line break.
    CHECK(t.rows[2].cells[1].text == "Investigate \"carbon impact\" tools;\nreport to Cabinet");
    CHECK(t.rows[2].cells.size() == 5);
    CHECK(t.repairs.empty());
    CHECK(t.warnings.empty());
  }
}

TEST_CASE("load_csv: line numbers follow records that span lines") {
  RawTable t = load_csv("comma_bom.csv", fixture("comma_bom.csv"));
  REQUIRE(t.rows.size() == 6);
  CHECK(t.rows[0].line == 1);
  CHECK(t.rows[2].line == 3);
  CHECK(t.rows[2].cells[0].pos.line == 3);
  CHECK(t.rows[2].cells[2].pos.line == 4);  // after the embedded line break
  CHECK(t.rows[2].cells[2].pos.column == 3);
  CHECK(t.rows[3].line == 5);               // the blank row
  CHECK(t.rows[4].line == 6);
  CHECK(t.rows[0].cells[0].text == "Action ID");  // no BOM left on the first header
  CHECK(t.rows[2].raw == "T2,\"Investigate \"\"carbon impact\"\" tools;\nreport to Cabinet\",Transport Strategy and "
                         "Policy,Ongoing,Amber");
}

TEST_CASE("load_csv: blank rows are kept and break the next row") {
  RawTable t = load_csv("plan.csv", "Action ID,Action\nT1,Walk\n\n,\nBuildings\nB1,Solar\n");
  REQUIRE(t.rows.size() == 6);
  CHECK(texts(t.rows[2]) == std::vector<std::string>{""});
  CHECK(texts(t.rows[3]) == std::vector<std::string>{"", ""});
  CHECK_FALSE(t.rows[2].page_break_before);
  CHECK(t.rows[3].page_break_before);
  CHECK(t.rows[4].page_break_before);
  CHECK_FALSE(t.rows[5].page_break_before);
}

TEST_CASE("load_csv: Windows-1252 bytes are decoded and the decision logged") {
  RawTable t = load_csv("windows1252.csv", fixture("windows1252.csv"));
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[1].cells[1].text == "Financially support council projects through the \u00a32m Carbon Fund \u2013 year one");
  CHECK(t.rows[2].cells[1].text == "Review the caf\u00e9 and canteen\u2019s energy use");
  REQUIRE(t.repairs.size() == 1);
  CHECK(t.repairs[0].rule == RepairRule::encoding);
  CHECK(t.repairs[0].pos.line == 2);
  CHECK(t.repairs[0].before.find("\xEF\xBF\xBD" "2m") != std::string::npos);
  CHECK(t.repairs[0].after.find("\u00a32m Carbon Fund") != std::string::npos);
  REQUIRE(t.warnings.size() == 1);
  CHECK(t.warnings[0].message.find("not valid UTF-8 (first at line 2); read it as Windows-1252") != std::string::npos);
}

TEST_CASE("load_csv: quoting edge cases") {
  SUBCASE("CRLF inside a quoted field becomes LF") {
    RawTable t = load_csv("x.csv", "a,b\r\n1,\"two\r\nlines\"\r\n");
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[1].cells[1].text == "two\nlines");
  }
  SUBCASE("old Mac CR line ends") {
    RawTable t = load_csv("x.csv", "a,b\r1,2\r3,4");
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[2].line == 3);
    CHECK(texts(t.rows[2]) == std::vector<std::string>{"3", "4"});
  }
  SUBCASE("spaces before an opening quote") {
    RawTable t = load_csv("x.csv", "id, action\nT1, \"Walk, cycle\"\n");
    CHECK(t.rows[1].cells[1].text == "Walk, cycle");
  }
  SUBCASE("a quote inside an unquoted field is a character") {
    RawTable t = load_csv("x.csv", "id,size\nT1,5\" pipe\n");
    CHECK(t.rows[1].cells[1].text == "5\" pipe");
  }
  SUBCASE("a quote that never closes does not swallow the file") {
    RawTable t = load_csv("x.csv", "id,action\nT1,\"Walk\nT2,Cycle\n");
    REQUIRE(t.rows.size() == 3);
    CHECK(texts(t.rows[1]) == std::vector<std::string>{"T1", "\"Walk"});
    CHECK(texts(t.rows[2]) == std::vector<std::string>{"T2", "Cycle"});
    REQUIRE(t.warnings.size() == 1);
    CHECK(t.warnings[0].pos.line == 2);
    CHECK(t.warnings[0].message.find("never closes") != std::string::npos);
  }
  SUBCASE("a trailing delimiter makes an empty last field") {
    RawTable t = load_csv("x.csv", "a,b,\n1,2,\n");
    CHECK(t.rows[1].cells.size() == 3);
  }
  SUBCASE("empty input has no rows") {
    CHECK(load_csv("x.csv", "").rows.empty());
  }
}

TEST_CASE("load_csv: Excel's sep= line names the delimiter and is set aside") {
  RawTable t = load_csv("x.csv", "sep=;\r\na,b;c\r\nd,e;f\r\n");
  REQUIRE(t.rows.size() == 2);
  CHECK(texts(t.rows[0]) == std::vector<std::string>{"a,b", "c"});
  CHECK(t.rows[0].line == 2);
  CHECK(t.rows[0].cells[1].pos.line == 2);
  CHECK(t.warnings.empty());
  REQUIRE(t.removed.size() == 1);
  CHECK(t.removed[0].line == 1);
  CHECK(t.removed[0].text == "sep=;");
}

TEST_CASE("load_csv: UTF-16 with a byte order mark is decoded") {
  std::string bytes = std::string("\xFF\xFE", 2);
  for (char c : std::string("id\taction\nT1\tWalk\n")) {
    bytes += c;
    bytes += '\0';
  }
  RawTable t = load_csv("x.txt", bytes);
  REQUIRE(t.rows.size() == 2);
  CHECK(texts(t.rows[1]) == std::vector<std::string>{"T1", "Walk"});
}

TEST_CASE("load_csv: binary data is refused with one clear line") {
  try {
    load_csv("plan.csv", std::string("PK\x03\x04\0\0binary", 12));
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == exit_input);
    CHECK(std::string(e.what()) ==
          "plan.csv: holds NUL bytes, so it is not a text CSV file (a workbook saved under a .csv name?); export "
          "CSV again or pass the workbook itself");
  }
}
