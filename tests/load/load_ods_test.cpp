// Tests for load_ods: LibreOffice's .ods of each XLSX fixture reads back the same plan; repeated rows and cells are
// not expanded; covered cells, styles' colours, hidden rows and columns; hostile content.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <string>

#include "load/fixture_bytes.hpp"
#include "load/input_format.hpp"
#include "load/ods/load_ods.hpp"
#include "load/ods/read_content.hpp"
#include "model/errors.hpp"
#include "pipeline.hpp"

using namespace plansheet;
using plansheet::testing::read_bytes;

namespace {

const std::string ns = R"(xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
                       R"(xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" )"
                       R"(xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" )"
                       R"(xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" )"
                       R"(xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0")";

std::string content(const std::string& styles, const std::string& rows) {
  return "<office:document-content " + ns + "><office:automatic-styles>" + styles +
         "</office:automatic-styles><office:body><office:spreadsheet><table:table table:name=\"Plan\">" + rows +
         "</table:table></office:spreadsheet></office:body></office:document-content>";
}

std::string cell(const std::string& text) { return "<table:table-cell><text:p>" + text + "</text:p></table:table-cell>"; }

// An OpenDocument cell keeps its line breaks where the XLSX reader folds them: the same text otherwise.
std::string spaced(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

}  // namespace

TEST_CASE("ods: each XLSX fixture saved as .ods by LibreOffice reads back the same actions") {
  for (const char* name : {"plan_openpyxl", "plan_xlsxwriter", "minimal_inline"}) {
    CAPTURE(name);
    const std::string ods = read_bytes(std::string("fixtures/spreadsheets/") + name + ".ods");
    CHECK(detect_input_kind("plan.xlsx", ods) == InputKind::ods);
    Plan from_ods = run(std::string(name) + ".ods", ods, {});
    Plan from_xlsx = run(std::string(name) + ".xlsx", read_bytes(std::string("fixtures/spreadsheets/") + name + ".xlsx"), {});
    CHECK(from_ods.title == from_xlsx.title);
    CHECK(from_ods.sheet == from_xlsx.sheet);
    REQUIRE(from_ods.actions.size() == from_xlsx.actions.size());
    for (std::size_t i = 0; i < from_ods.actions.size(); ++i) {
      const Action& a = from_ods.actions[i];
      const Action& b = from_xlsx.actions[i];
      CAPTURE(b.id);
      CHECK(a.id == b.id);
      CHECK(a.section == b.section);
      CHECK(spaced(a.action) == b.action);
      CHECK(spaced(a.lead) == b.lead);
      CHECK(a.timescale == b.timescale);
      CHECK(a.rag == b.rag);
      CHECK(a.status == b.status);
      CHECK(a.extra.size() == b.extra.size());
      for (std::size_t e = 0; e < a.extra.size() && e < b.extra.size(); ++e)
        CHECK(spaced(a.extra[e].second) == b.extra[e].second);
      // The line break the authors typed in W1's action is kept.
      if (b.id == "W1" && b.action == "Plant 500 street trees in the town centre")
        CHECK(a.action == "Plant 500 street trees\nin the town centre");
    }
    CHECK(from_ods.repairs.size() == from_xlsx.repairs.size());
    CHECK(from_ods.hidden_columns == from_xlsx.hidden_columns);
  }
}

TEST_CASE("ods: --sheet named again joins the sheets, as for XLSX and XLS") {
  // themed_sheets.ods: LibreOffice's copy of themed_sheets.xlsx (a sheet per theme and a sheet of notes).
  const std::string bytes = read_bytes("fixtures/spreadsheets/themed_sheets.ods");
  Options one;
  one.sheet = "Transport";
  CHECK(run("themed_sheets.ods", bytes, one).actions.size() == 2);
  Options both = one;
  both.more_sheets = {"Homes"};
  Plan plan = run("themed_sheets.ods", bytes, both);
  REQUIRE(plan.actions.size() == 4);
  CHECK(plan.actions[0].id == "T1");
  CHECK(plan.actions[0].section == "Transport");
  CHECK(plan.actions[3].id == "H2");
  CHECK(plan.actions[3].section == "Homes");
  Options wrong = one;
  wrong.more_sheets = {"Buildings"};
  try {
    run("themed_sheets.ods", bytes, wrong);
    FAIL("expected an error naming the sheets");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("Buildings") != std::string::npos);
  }
}

TEST_CASE("ods reader: a million repeated empty cells and rows are counted, not expanded") {
  const std::string rows = "<table:table-row>" + cell("Ref") + cell("Action") +
                           "<table:table-cell table:number-columns-repeated=\"16382\"/></table:table-row>"
                           "<table:table-row table:number-rows-repeated=\"1048000\">"
                           "<table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>"
                           "<table:table-row>" + cell("A1") + cell("Plant trees") + "</table:table-row>";
  auto start = std::chrono::steady_clock::now();
  auto sheets = detail::read_ods_content_xml("r.ods", content("", rows), {}, {});
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  REQUIRE(sheets.size() == 1);
  REQUIRE(sheets[0].data.rows.size() == 2);
  CHECK(sheets[0].data.rows[1].row == 1048002);
  CHECK(sheets[0].data.rows[1].cells.size() == 2);
}

TEST_CASE("ods reader: covered cells, a style's background, repeated text cells, hidden rows and columns") {
  const std::string styles =
      R"(<style:style style:name="g" style:family="table-cell"><style:table-cell-properties fo:background-color="#00b050"/></style:style>)"
      R"(<style:style style:name="g2" style:family="table-cell" style:parent-style-name="g"/>)";
  const std::string rows =
      "<table:table-column/><table:table-column table:visibility=\"collapse\"/>"
      "<table:table-row><table:table-cell table:number-columns-spanned=\"2\"><text:p>Theme</text:p></table:table-cell>"
      "<table:covered-table-cell><text:p>hidden under</text:p></table:covered-table-cell>" + cell("x") + "</table:table-row>"
      "<table:table-row table:visibility=\"collapse\">" + cell("T1") +
      "<table:table-cell table:style-name=\"g2\"/><table:table-cell table:number-columns-repeated=\"2\"><text:p>same</text:p>"
      "</table:table-cell></table:table-row>";
  auto sheets = detail::read_ods_content_xml("c.ods", content(styles, rows), {}, {});
  REQUIRE(sheets.size() == 1);
  const auto& data = sheets[0].data;
  REQUIRE(data.rows.size() == 2);
  CHECK(data.rows[0].cells.size() == 2);  // the covered cell's text is not read
  CHECK(data.rows[0].cells[1].column == 3);
  REQUIRE(data.merges.size() == 1);
  CHECK(data.merges[0].c2 == 2);
  CHECK(data.rows[1].hidden);
  REQUIRE(data.rows[1].cells.size() == 4);
  CHECK(data.rows[1].cells[1].fill_rag == "green");
  CHECK(data.rows[1].cells[3].text == "same");
  CHECK(data.rows[1].cells[3].column == 4);
  REQUIRE(data.hidden_columns.size() == 1);
  CHECK(data.hidden_columns[0] == std::pair<int, int>(2, 2));
}

TEST_CASE("ods: hostile and damaged files exit 3 with one line") {
  auto refused = [](const std::string& xml, const Limits& limits, const std::string& words) {
    try {
      detail::read_ods_content_xml("h.ods", xml, {}, limits);
    } catch (const Error& e) {
      CHECK(e.code() == exit_input);
      CHECK_MESSAGE(std::string(e.what()).find(words) != std::string::npos, e.what());
      return true;
    }
    return false;
  };
  CHECK(refused("<!DOCTYPE x [<!ENTITY a \"aaaa\">]>" + content("", "<table:table-row>" + cell("&a;") + "</table:table-row>"),
                {}, "h.ods"));
  Limits small;
  small.cells = 1000;
  // Text repeated down a million rows is content: it is refused at the cell limit before it is expanded.
  CHECK(refused(content("", "<table:table-row table:number-rows-repeated=\"1000000\">" + cell("x") + "</table:table-row>"),
                small, "--max-cells"));
  CHECK(refused(content("", "<table:table-row>" + cell("x")), {}, "h.ods"));

  const std::string ods = read_bytes("fixtures/spreadsheets/plan_openpyxl.ods");
  try {
    run("cut.ods", ods.substr(0, ods.size() / 3), {});
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == exit_input);
    CHECK(std::string(e.what()).find('\n') == std::string::npos);
  }
}
