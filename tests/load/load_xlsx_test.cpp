// Tests for load_xlsx and its helpers (number formats, fill colours, the sheet it chooses, zip limits, hostile files),
// on fixtures written by openpyxl and xlsxwriter (tests/fixtures/spreadsheets/make_fixtures.py).
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "load/fixture_bytes.hpp"
#include "pipeline.hpp"
#include "model/errors.hpp"
#include "load/load_spreadsheet.hpp"
#include "load/number_format.hpp"
#include "load/xlsx/read_style.hpp"
#include "load/sheet_grid.hpp"
#include "load/xlsx/read_xml.hpp"
#include "load/xlsx/read_zip.hpp"

using namespace plansheet;
using plansheet::testing::read_bytes;

namespace {

RawTable load_fixture(const std::string& name, const std::optional<std::string>& sheet = std::nullopt,
                      bool keep_hidden = false) {
  return load_xlsx(name, read_bytes("fixtures/spreadsheets/" + name), sheet, {}, keep_hidden);
}

const Row& row_at(const RawTable& t, int line) {
  auto it = std::find_if(t.rows.begin(), t.rows.end(), [line](const Row& r) { return r.line == line; });
  REQUIRE_MESSAGE(it != t.rows.end(), "no row " << line);
  return *it;
}

const Cell& cell_at(const RawTable& t, int line, int column) {
  const Row& r = row_at(t, line);
  REQUIRE(static_cast<std::size_t>(column) <= r.cells.size());
  return r.cells[static_cast<std::size_t>(column - 1)];
}

const Repair* find_repair(const RawTable& t, RepairRule rule, const std::string& cell) {
  for (const Repair& r : t.repairs)
    if (r.rule == rule && r.cell_ref(t.sheet) == cell) return &r;
  return nullptr;
}

bool has_warning(const RawTable& t, const std::string& fragment) {
  return std::any_of(t.warnings.begin(), t.warnings.end(),
                     [&](const Diagnostic& d) { return d.message.find(fragment) != std::string::npos; });
}

// The one-line error a hostile file gives, with its exit code.
std::pair<int, std::string> error_of(const std::string& relative) {
  try {
    load_xlsx(relative, read_bytes(relative), std::nullopt);
  } catch (const Error& e) {
    return {e.code(), e.what()};
  }
  return {0, ""};
}

}  // namespace

TEST_CASE("load_xlsx: the action sheet is chosen over instructions and a hidden list sheet") {
  RawTable t = load_fixture("plan_openpyxl.xlsx");
  CHECK(t.sheet == "Action Plan");
  REQUIRE_FALSE(t.warnings.empty());
  CHECK(t.warnings[0].message ==
        "sheet 'Action Plan' chosen (score 65): 6 id-like rows, header on row 3; also: 'Instructions' (3), "
        "'Lists' (0, hidden)");
}

TEST_CASE("load_xlsx: --sheet overrides the choice, and a wrong name lists the sheets") {
  RawTable t = load_fixture("plan_openpyxl.xlsx", std::string("Lists"));
  CHECK(t.sheet == "Lists");
  CHECK(t.rows.size() == 4);
  CHECK(t.warnings.empty());
  CHECK(load_fixture("plan_openpyxl.xlsx", std::string("action plan")).sheet == "Action Plan");
  try {
    load_fixture("plan_openpyxl.xlsx", std::string("Plan 2025"));
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == exit_usage);
    CHECK(std::string(e.what()) ==
          "plan_openpyxl.xlsx: no sheet named 'Plan 2025'; the worksheets are 'Instructions', 'Action Plan', "
          "'Lists'; pass one of them to --sheet");
  }
}

TEST_CASE("load_xlsx: cells carry positions and rows are dense") {
  RawTable t = load_fixture("plan_openpyxl.xlsx");
  const Cell& c = cell_at(t, 5, 2);
  CHECK(c.text.rfind("Develop a vision", 0) == 0);
  CHECK(source_cell_ref(t.sheet, c.pos) == "Action Plan!B5");
  CHECK(c.pos.line == 5);
  CHECK(c.pos.column == 2);
  // The hidden column G ("Internal notes") is private: the rows end at F.
  for (const Row& r : t.rows) CHECK(r.cells.size() == 6);
  CHECK(row_at(t, 3).raw == "Action ID\tAction\tLead\tTimescale\tRAG\tUpdate");
}

TEST_CASE("load_xlsx: merged section headings and titles flag their anchor") {
  RawTable t = load_fixture("plan_openpyxl.xlsx");
  CHECK(cell_at(t, 1, 1).merged_across());
  CHECK(cell_at(t, 4, 1).text == "Transport");
  CHECK(cell_at(t, 4, 1).merged_across());
  CHECK(cell_at(t, 4, 2).text.empty());
  CHECK_FALSE(cell_at(t, 4, 2).merged_across());
  CHECK(cell_at(t, 11, 1).merged_across());
  CHECK_FALSE(cell_at(t, 5, 1).merged_across());
  SUBCASE("a lead merged down over two actions is read for both") {
    CHECK(cell_at(t, 5, 3).text == "Transport Strategy and Policy");
    CHECK(cell_at(t, 6, 3).text == "Transport Strategy and Policy");
    CHECK_FALSE(cell_at(t, 5, 3).merged_across());
  }
}

TEST_CASE("load_xlsx: a two-level merged header") {
  RawTable t = load_fixture("plan_xlsxwriter.xlsx");
  CHECK(cell_at(t, 1, 3).text == "Delivery");
  CHECK(cell_at(t, 1, 3).merged_across());
  CHECK(cell_at(t, 1, 4).text.empty());
  CHECK(cell_at(t, 1, 5).text == "Progress");
  CHECK(cell_at(t, 1, 5).merged_across());
  CHECK(cell_at(t, 2, 3).text == "Start");
  CHECK(cell_at(t, 2, 6).text == "Update");
  // "Ref" spans both header rows: read on each.
  CHECK(cell_at(t, 1, 1).text == "Ref");
  CHECK(cell_at(t, 2, 1).text == "Ref");
}

TEST_CASE("load_xlsx: fill colours become RAG words") {
  RawTable t = load_fixture("plan_openpyxl.xlsx");
  SUBCASE("RGB red on an empty cell: the colour is the rating") {
    CHECK(cell_at(t, 5, 5).text.empty());
    CHECK(cell_at(t, 5, 5).fill_rag() == "red");
    const Repair* r = find_repair(t, RepairRule::fill_colour, "Action Plan!E5");
    REQUIRE(r != nullptr);
    CHECK(r->before.empty());
    CHECK(r->after == "red");
    CHECK(r->pos.line == 5);
  }
  SUBCASE("a cell with text keeps it, gets the colour, and no repair") {
    CHECK(cell_at(t, 6, 5).text == "Green");
    CHECK(cell_at(t, 6, 5).fill_rag() == "green");
    CHECK(find_repair(t, RepairRule::fill_colour, "Action Plan!E6") == nullptr);
  }
  SUBCASE("theme colour with tint, resolved through theme1.xml") {
    CHECK(cell_at(t, 7, 5).fill_rag() == "green");
    CHECK(find_repair(t, RepairRule::fill_colour, "Action Plan!E7") != nullptr);
  }
  SUBCASE("indexed palette colour") {
    CHECK(cell_at(t, 8, 5).fill_rag() == "amber");
  }
  SUBCASE("banding and grey fills are not ratings") {
    CHECK(cell_at(t, 6, 6).fill_rag().empty());
    CHECK(cell_at(t, 12, 5).fill_rag().empty());
    CHECK(find_repair(t, RepairRule::fill_colour, "Action Plan!E12") == nullptr);
  }
  SUBCASE("cells covered by a merge get no repair") {
    for (const Repair& r : t.repairs) CHECK(r.cell_ref(t.sheet).find("!B4") == std::string::npos);
  }
  RawTable x = load_fixture("plan_xlsxwriter.xlsx");
  CHECK(cell_at(x, 6, 5).fill_rag() == "amber");
  CHECK(cell_at(x, 7, 5).fill_rag() == "blue");
  CHECK(cell_at(x, 8, 5).fill_rag().empty());
}

TEST_CASE("load_xlsx: dates show as the authors formatted them") {
  RawTable t = load_fixture("plan_openpyxl.xlsx");
  CHECK(cell_at(t, 5, 4).text == "Mar-26");      // mmm-yy
  CHECK(cell_at(t, 6, 4).text == "31/03/2026");  // dd/mm/yyyy
  CHECK(cell_at(t, 7, 4).text == "Ongoing");
  CHECK(cell_at(t, 8, 4).text == "2025-04-01");  // yyyy-mm-dd
  SUBCASE("the 1904 date system") {
    RawTable x = load_fixture("plan_xlsxwriter.xlsx");
    CHECK(cell_at(x, 4, 3).text == "Apr-25");
    CHECK(cell_at(x, 4, 4).text == "Mar-27");
  }
}

TEST_CASE("load_xlsx: numeric ids keep their digits") {
  RawTable t = load_fixture("plan_xlsxwriter.xlsx");
  CHECK(cell_at(t, 4, 1).text == "1.1");
  CHECK(cell_at(t, 12, 1).text == "1.9");
  CHECK(cell_at(t, 16, 1).text == "2");
  CHECK(cell_at(t, 17, 1).text == "2.10");  // number 2.1 in format 0.00
  SUBCASE("1.1 after 1.9 may have been typed 1.10: a warning, the text unchanged") {
    CHECK(cell_at(t, 13, 1).text == "1.1");
    auto it = std::find_if(t.warnings.begin(), t.warnings.end(),
                           [&](const Diagnostic& d) { return d.cell_ref(t.sheet) == "Carbon Reduction Programme!A13"; });
    REQUIRE(it != t.warnings.end());
    CHECK(it->pos.line == 13);
    CHECK(it->message.find("holds the number 1.1 after 1.9") != std::string::npos);
    CHECK(it->message.find("typed as 1.10") != std::string::npos);
  }
  SUBCASE("increasing decimals raise no warning") {
    int count = static_cast<int>(std::count_if(t.warnings.begin(), t.warnings.end(), [](const Diagnostic& d) {
      return d.message.find("trailing zero") != std::string::npos;
    }));
    CHECK(count == 1);
  }
}

TEST_CASE("load_xlsx: a struck-through revised timescale keeps the new text") {
  RawTable t = load_fixture("plan_xlsxwriter.xlsx");
  const Cell& c = cell_at(t, 5, 4);
  CHECK(c.text == "Sep-26");
  CHECK(c.struck_text() == "Mar-25");
  const Repair* r = find_repair(t, RepairRule::struck_through, "Carbon Reduction Programme!D5");
  REQUIRE(r != nullptr);
  CHECK(r->before == "Mar-25 Sep-26");
  CHECK(r->after == "Sep-26");
  CHECK(r->pos.line == 5);
  SUBCASE("a cell struck through entirely is kept, with a warning") {
    RawTable p = load_fixture("plan_openpyxl.xlsx");
    CHECK(cell_at(p, 8, 6).text == "Procurement withdrawn and re-tendered.");
    CHECK(cell_at(p, 8, 6).struck_text().empty());
    CHECK(has_warning(p, "cell F8 is struck through entirely"));
  }
}

TEST_CASE("load_xlsx: hidden rows and columns are private: left out, and only counted") {
  RawTable t = load_fixture("plan_openpyxl.xlsx");
  CHECK(std::none_of(t.rows.begin(), t.rows.end(), [](const Row& r) { return r.line == 9 || r.hidden; }));
  CHECK(t.hidden_columns.empty());
  for (const Row& r : t.rows) CHECK(r.raw.find("check budget line 100") == std::string::npos);
  CHECK(has_warning(t, "sheet 'Action Plan': 1 hidden row and 1 hidden column left out, as hidden text is taken for "
                       "private notes; convert with --keep-hidden to read them"));
}

TEST_CASE("load_xlsx: with --keep-hidden, hidden rows and columns are kept and reported") {
  RawTable t = load_fixture("plan_openpyxl.xlsx", std::nullopt, true);
  CHECK(row_at(t, 9).hidden);
  CHECK(cell_at(t, 9, 1).text == "T5");
  CHECK_FALSE(row_at(t, 8).hidden);
  CHECK(t.hidden_columns == std::vector<std::string>{"Internal notes"});
  CHECK(cell_at(t, 5, 7).text == "check budget line 100");
  CHECK(has_warning(t, "sheet 'Action Plan' column G ('Internal notes') is hidden in the workbook; its cells are kept"));
}

TEST_CASE("load_xlsx: blank rows and manual page breaks mark the next row") {
  RawTable t = load_fixture("plan_openpyxl.xlsx");
  CHECK(row_at(t, 3).page_break_before);   // row 2 is blank
  CHECK_FALSE(row_at(t, 4).page_break_before);
  CHECK(row_at(t, 11).page_break_before);  // row 10 is blank
  CHECK_FALSE(std::any_of(t.rows.begin(), t.rows.end(), [](const Row& r) { return r.line == 2 || r.line == 10; }));
  RawTable x = load_fixture("plan_xlsxwriter.xlsx");
  CHECK(row_at(x, 15).page_break_before);  // manual break after row 14 (and row 14 is blank)
  CHECK_FALSE(row_at(x, 16).page_break_before);
}

TEST_CASE("load_xlsx: a minimal workbook with inline strings and no styles") {
  RawTable t = load_fixture("minimal_inline.xlsx");
  CHECK(t.sheet == "Plan");
  CHECK(t.warnings.empty());
  REQUIRE(t.rows.size() == 3);
  CHECK(cell_at(t, 1, 1).text == "Ref");
  CHECK(cell_at(t, 1, 4).text == "Done");                                      // cells without r attributes
  CHECK(cell_at(t, 2, 2).text == "Plant 500 street trees\nin the town centre");  // _x000D_ and LF: one break
  CHECK(cell_at(t, 2, 3).text == "2025-26");                                   // struck run in an inline string
  CHECK(cell_at(t, 2, 3).struck_text() == "2024");
  CHECK(cell_at(t, 2, 4).text == "TRUE");
  CHECK(cell_at(t, 4, 1).text == "W2");  // a formula's cached string
  CHECK(cell_at(t, 4, 3).text == "#N/A");
  CHECK(cell_at(t, 4, 4).text == "FALSE");
  CHECK(cell_at(t, 4, 5).text == "0.1");
  CHECK(row_at(t, 4).page_break_before);
}

TEST_CASE("load_xlsx: formulas saved without a result are reported") {
  RawTable t = load_fixture("plan_openpyxl.xlsx");
  CHECK(has_warning(t, "1 formula cell(s) in sheet 'Action Plan' have no saved result and read as empty"));
}

TEST_CASE("load_xlsx: hostile and broken files give one clear line and exit code 3") {
  struct Case {
    const char* file;
    const char* message;
  };
  const Case cases[] = {
      {"hostile/spreadsheets/not_a_zip.xlsx",
       "hostile/spreadsheets/not_a_zip.xlsx: not a readable XLSX workbook (zip: no zip signature); re-save it from "
       "Excel or export CSV"},
      {"hostile/spreadsheets/truncated.xlsx",
       "hostile/spreadsheets/truncated.xlsx: not a readable XLSX workbook (zip: Not a zip archive); re-save it from "
       "Excel or export CSV"},
      {"hostile/spreadsheets/zip_bomb.xlsx",
       "hostile/spreadsheets/zip_bomb.xlsx: part 'xl/worksheets/sheet1.xml' has a compression ratio over 200:1; "
       "refusing to read it (a zip bomb?) — re-save the workbook from Excel or export CSV"},
      {"hostile/spreadsheets/entities.xlsx",
       "hostile/spreadsheets/entities.xlsx: part 'xl/worksheets/sheet1.xml' line 2 declares a DTD or entities, "
       "which a workbook never needs; refusing it — re-save the workbook from Excel or export CSV"},
      {"hostile/spreadsheets/missing_workbook.xlsx",
       "hostile/spreadsheets/missing_workbook.xlsx: not an XLSX workbook: it has no workbook part "
       "(xl/workbook.xml); re-save it from Excel or export CSV"},
      {"hostile/spreadsheets/malformed_sheet.xlsx",
       "hostile/spreadsheets/malformed_sheet.xlsx: part 'xl/worksheets/sheet1.xml' is not well-formed XML (line 4: "
       "mismatched tag); re-save the workbook from Excel or export CSV"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.file);
    auto [code, message] = error_of(c.file);
    CHECK(code == exit_input);
    CHECK(message == c.message);
    CHECK(message.find('\n') == std::string::npos);
  }
  SUBCASE("empty input") {
    try {
      load_xlsx("empty.xlsx", "", std::nullopt);
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.code() == exit_input);
    }
  }
}

TEST_CASE("load_xlsx: zip limits on the total decompressed size") {
  std::string bytes = read_bytes("fixtures/spreadsheets/plan_openpyxl.xlsx");
  detail::ZipLimits limits;
  limits.max_total = 4000;
  detail::ZipPackage package("plan.xlsx", bytes, limits);
  try {
    package.read("xl/worksheets/sheet1.xml");
    package.read("xl/worksheets/sheet2.xml");
    package.read("xl/styles.xml");
    FAIL("expected the total limit to stop reading");
  } catch (const Error& e) {
    CHECK(e.code() == exit_input);
    CHECK(std::string(e.what()).find("takes the workbook past its total size limit") != std::string::npos);
  }
}

TEST_CASE("load_xlsx: XML parts refuse DTDs even without entities, and accept prefixed names") {
  struct Collect : detail::XmlHandler {
    std::vector<std::string> names;
    std::string text_seen;
    void start(std::string_view name, detail::XmlAttrs attrs) override {
      names.emplace_back(name);
      if (name == "c") names.emplace_back(detail::xml_attr(attrs, "r"));
    }
    void end(std::string_view) override {}
    void text(std::string_view t) override { text_seen += t; }
  };
  Collect ok;
  detail::parse_xml_text("f.xlsx", "p.xml", "<x:worksheet xmlns:x='u'><x:c r='A1'>a&amp;b</x:c></x:worksheet>", ok);
  CHECK(ok.names == std::vector<std::string>{"worksheet", "c", "A1"});
  CHECK(ok.text_seen == "a&b");
  Collect refused;
  CHECK_THROWS_AS(detail::parse_xml_text("f.xlsx", "p.xml", "<?xml version='1.0'?>\n<!DOCTYPE w SYSTEM 'http://x/'>\n<w/>", refused),
                  Error);
}

TEST_CASE("load_xlsx: number formats") {
  using detail::format_number;
  using detail::format_date;
  using detail::general_number;
  SUBCASE("General shows at most 15 significant digits") {
    CHECK(general_number(1.1) == "1.1");
    CHECK(general_number(2) == "2");
    CHECK(general_number(0.1 + 0.2) == "0.3");
    CHECK(general_number(20250401) == "20250401");
    CHECK(general_number(-3.5) == "-3.5");
  }
  SUBCASE("fixed decimals, thousands, percent, literals") {
    CHECK(format_number(1.1, "0.00") == "1.10");
    CHECK(format_number(12500, "#,##0") == "12,500");
    CHECK(format_number(0.455, "0%") == "46%");
    CHECK(format_number(1.5, "0.0#") == "1.5");
    CHECK(format_number(250000, "\"£\"#,##0") == "£250,000");
    CHECK(format_number(-1200, "#,##0;(#,##0)") == "(1,200)");
    CHECK(format_number(3, "@") == "3");
    CHECK(format_number(3, "General") == "3");
  }
  SUBCASE("dates in both systems") {
    CHECK(format_date(46112, "dd/mm/yyyy", false) == "31/03/2026");
    CHECK(format_date(45748, "mmm-yy", false) == "Apr-25");
    CHECK(format_date(45748 - 1462, "mmm-yy", true) == "Apr-25");
    CHECK(format_date(45748, "[$-809]mmmm yyyy", false) == "April 2025");
    CHECK(format_date(45748, "d mmm yyyy", false) == "1 Apr 2025");
    CHECK(format_date(45748, "dddd d mmmm", false) == "Tuesday 1 April");
    CHECK(format_date(45748.5, "dd/mm/yyyy hh:mm", false) == "01/04/2025 12:00");
    CHECK(format_date(45748.75, "h:mm AM/PM", false) == "6:00 PM");
    CHECK(format_date(45748, "m/d/yyyy", false) == "2025-04-01");  // US order: ISO, never 4 January
    CHECK(format_date(45748, "mm-dd-yy", false) == "2025-04-01");
    CHECK(format_date(60, "yyyy-mm-dd", false) == "1900-02-29");
    CHECK(format_date(61, "yyyy-mm-dd", false) == "1900-03-01");
    CHECK(format_date(1, "yyyy-mm-dd", false) == "1900-01-01");
  }
  SUBCASE("which formats are dates") {
    CHECK(detail::is_date_format(14, ""));
    CHECK(detail::is_date_format(164, "mmm-yy"));
    CHECK(detail::is_date_format(164, "[$-F800]dddd, mmmm dd, yyyy"));
    CHECK_FALSE(detail::is_date_format(0, "General"));
    CHECK_FALSE(detail::is_date_format(164, "0.00E+00"));
    CHECK_FALSE(detail::is_date_format(164, "\"Day \"0"));
    CHECK_FALSE(detail::is_date_format(164, "[Red]0.00"));
  }
}

TEST_CASE("load_xlsx: colours to RAG words") {
  using detail::rag_from_rgb;
  using detail::Rgb;
  CHECK(rag_from_rgb({255, 0, 0}) == "red");
  CHECK(rag_from_rgb({0xC0, 0, 0}) == "red");
  CHECK(rag_from_rgb({0xFF, 0xC7, 0xCE}) == "red");    // Excel's "Bad" fill
  CHECK(rag_from_rgb({0xFF, 0xC0, 0x00}) == "amber");
  CHECK(rag_from_rgb({0xFF, 0xFF, 0x00}) == "amber");  // yellow used for amber
  CHECK(rag_from_rgb({0xFF, 0xEB, 0x9C}) == "amber");  // Excel's "Neutral" fill
  CHECK(rag_from_rgb({0x00, 0xB0, 0x50}) == "green");
  CHECK(rag_from_rgb({0x92, 0xD0, 0x50}) == "green");
  CHECK(rag_from_rgb({0xC6, 0xEF, 0xCE}) == "green");  // Excel's "Good" fill
  CHECK(rag_from_rgb({0x00, 0x70, 0xC0}) == "blue");
  CHECK(rag_from_rgb({255, 255, 255}) == "");
  CHECK(rag_from_rgb({0xD9, 0xD9, 0xD9}) == "");       // grey
  CHECK(rag_from_rgb({0, 0, 0}) == "");
  CHECK(rag_from_rgb({0xDD, 0xEB, 0xF7}) == "");       // light banding
  CHECK(rag_from_rgb({0x70, 0x30, 0xA0}) == "");       // purple
  CHECK(detail::apply_tint({0x9B, 0xBB, 0x59}, 0.4) == Rgb{0xC3, 0xD6, 0x9B});
  CHECK(detail::apply_tint({0x4F, 0x81, 0xBD}, -0.25) == Rgb{0x37, 0x60, 0x92});
  CHECK(detail::indexed_colour(10, {}) == Rgb{255, 0, 0});
  CHECK_FALSE(detail::indexed_colour(64, {}).has_value());
  CHECK(detail::parse_rgb_hex("FF00B050") == Rgb{0, 0xB0, 0x50});
  CHECK_FALSE(detail::parse_rgb_hex("zz").has_value());
}

TEST_CASE("load_xlsx: cell references and part names") {
  int col = 0, row = 0;
  CHECK(detail::parse_cell_ref("AB12", col, row));
  CHECK(col == 28);
  CHECK(row == 12);
  CHECK(detail::parse_cell_ref("$C$5", col, row));
  CHECK_FALSE(detail::parse_cell_ref("XFE1", col, row));
  CHECK_FALSE(detail::parse_cell_ref("A0", col, row));
  CHECK(detail::cell_ref(28, 12) == "AB12");
  CHECK(detail::resolve_part("xl/workbook.xml", "worksheets/sheet1.xml") == "xl/worksheets/sheet1.xml");
  CHECK(detail::resolve_part("xl/workbook.xml", "/xl/styles.xml") == "xl/styles.xml");
  CHECK(detail::resolve_part("xl/worksheets/sheet1.xml", "../drawings/d1.xml") == "xl/drawings/d1.xml");
}

TEST_CASE("load_xlsx: a sheet per theme is read as one plan; copies of one sheet are not") {
  SUBCASE("sheets with the chosen sheet's header and ids of their own join it, each name a section") {
    Plan plan = run("themed_sheets.xlsx", read_bytes("fixtures/spreadsheets/themed_sheets.xlsx"), Options{});
    REQUIRE(plan.actions.size() == 4);
    CHECK(plan.actions[0].id == "T1");
    CHECK(plan.actions[0].section == "Transport");
    CHECK(plan.actions[2].id == "H1");
    CHECK(plan.actions[2].section == "Homes");
    bool said = false;
    for (const Diagnostic& w : plan.warnings) said = said || w.message.find("sheets 'Transport', 'Homes' share") == 0;
    CHECK(said);
  }
  SUBCASE("--sheet reads one sheet alone") {
    Options options;
    options.sheet = "Homes";
    Plan plan = run("themed_sheets.xlsx", read_bytes("fixtures/spreadsheets/themed_sheets.xlsx"), options);
    REQUIRE(plan.actions.size() == 2);
    CHECK(plan.actions[0].id == "H1");
  }
  SUBCASE("a copy per quarter repeats the ids: one version is read, never the actions twice") {
    Plan plan = run("quarterly_copies.xlsx", read_bytes("fixtures/spreadsheets/quarterly_copies.xlsx"), Options{});
    CHECK(plan.actions.size() == 2);
  }
}
