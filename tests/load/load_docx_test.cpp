// Tests for load_docx and the document reader: merges, shading, tracked changes, split tables, headings, and hostile
// documents, on fixtures written by python-docx (tests/fixtures/documents/make_docx.py).
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "load/fixture_bytes.hpp"
#include "load/docx/document_reader.hpp"
#include "load/docx/load_docx.hpp"
#include "load/input_format.hpp"
#include "model/errors.hpp"
#include "export/emit_json.hpp"
#include "pipeline.hpp"

using namespace plansheet;
using plansheet::testing::read_bytes;

namespace {

Plan run_fixture(const std::string& name, Options options = {}) {
  return run(name, read_bytes("fixtures/documents/" + name), options);
}

const Action& action(const Plan& plan, const std::string& id) {
  auto it = std::find_if(plan.actions.begin(), plan.actions.end(), [&](const Action& a) { return a.id == id; });
  REQUIRE_MESSAGE(it != plan.actions.end(), "no action " << id);
  return *it;
}

bool has_repair(const Plan& plan, RepairRule rule, const std::string& after) {
  return std::any_of(plan.repairs.begin(), plan.repairs.end(),
                     [&](const Repair& r) { return r.rule == rule && r.after == after; });
}

bool has_warning(const Plan& plan, const std::string& words) {
  return std::any_of(plan.warnings.begin(), plan.warnings.end(),
                     [&](const Diagnostic& d) { return d.message.find(words) != std::string::npos; });
}

const std::string w_ns = R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";

std::string doc_xml(const std::string& body) {
  return "<w:document " + w_ns + "><w:body>" + body + "</w:body></w:document>";
}

std::string cell(const std::string& text) { return "<w:tc><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:tc>"; }

}  // namespace

TEST_CASE("a .docx is told from an .xlsx by its content, whatever its name") {
  std::string bytes = read_bytes("fixtures/documents/merges.docx");
  CHECK(detect_input_kind("plan.xlsx", bytes) == InputKind::docx);
  CHECK(detect_input_kind("plan.docx", bytes) == InputKind::docx);
  CHECK(detect_input_kind("plan.docx", read_bytes("fixtures/spreadsheets/plan_openpyxl.xlsx")) == InputKind::xlsx);
}

TEST_CASE("docx: a span across the table is a section, a merge down is filled and logged, the title is read") {
  Plan plan = run_fixture("merges.docx");
  REQUIRE(plan.actions.size() == 3);
  CHECK(plan.title == "Net Zero Action Plan 2025");
  CHECK(action(plan, "T1.1").section.find("Buildings") != std::string::npos);
  CHECK(action(plan, "T1.3").section == action(plan, "T1.1").section);
  CHECK(action(plan, "T1.2").lead == "Estates");
  CHECK(has_repair(plan, RepairRule::fill_down, "Estates"));
  // The line break and the second paragraph the authors wrote stay line breaks.
  CHECK(action(plan, "T1.3").action == "Solar on schools\nphase one\n• Phase two next year");
}

TEST_CASE("docx: line breaks in a cell stay in running text; ids, dates, ratings and the header are single-spaced") {
  Plan plan = run_fixture("line_breaks.docx");
  REQUIRE(plan.actions.size() == 2);
  const Action& b1 = action(plan, "B1");
  CHECK(b1.action == "Retrofit the town hall\nPhase 1: roof insulation");
  CHECK(b1.lead == "Estates\nClimate team");
  CHECK(b1.update == "Survey done.\nContractor starts in June.");
  CHECK(b1.timescale == "Apr 2025 to Mar 2026");
  CHECK(b1.rag == "amber");
  REQUIRE(plan.columns.size() == 6);
  CHECK(plan.columns[5].role == Role::update);
  CHECK(plan.columns[5].label == "Progress update");
  // The JSON carries the line breaks; nothing was logged as a repair for keeping them.
  CHECK(emit_json(plan).find(R"("Estates\nClimate team")") != std::string::npos);
  CHECK(plan.repairs.empty());
}

TEST_CASE("docx: shading read as RAG, strike-through as a revision, soft hyphens and content controls") {
  Plan plan = run_fixture("shading.docx");
  REQUIRE(plan.actions.size() == 3);
  CHECK(action(plan, "1").rag == "green");
  CHECK(action(plan, "2").rag == "amber");
  CHECK(action(plan, "3").rag == "red");
  CHECK(has_repair(plan, RepairRule::fill_colour, "amber"));
  CHECK(action(plan, "2").timescale == "2026");
  CHECK(has_repair(plan, RepairRule::struck_through, "2026"));
  CHECK(action(plan, "1").action == "Electric pool cars");
  CHECK(action(plan, "1").lead == "Fleet");
}

TEST_CASE("docx: tracked insertions are taken, deletions dropped, and a warning says so") {
  Plan plan = run_fixture("tracked.docx");
  CHECK(action(plan, "A1").action == "Plant 1000 trees");
  CHECK(has_warning(plan, "1 insertion(s) taken, 1 deletion(s) dropped"));
  CHECK(plan.doubt_count() >= 1);
}

TEST_CASE("docx: tables sharing a header are one plan under their headings; another table is left out") {
  Plan plan = run_fixture("split_tables.docx");
  REQUIRE(plan.actions.size() == 4);
  CHECK(plan.title == "Climate Action Plan");
  CHECK(action(plan, "E2").section == "Energy");
  CHECK(action(plan, "W1").section == "Waste");
  CHECK(has_warning(plan, "tables 1 and 3 share one header"));
  CHECK(has_warning(plan, "table 2 (3 rows, header 'Name | Email') is left out"));
  // Each line's table, as --table counts them: the plan's rows from tables 1 and 3, the title row from none.
  CHECK(plan.parts.kind == "table");
  CHECK(plan.parts.of_line(action(plan, "E1").line) == 1);
  CHECK(plan.parts.of_line(action(plan, "W2").line) == 3);
  CHECK(plan.parts.of_line(1) == 0);

  Options only_second;
  only_second.table = 3;
  Plan third = run_fixture("split_tables.docx", only_second);
  CHECK(third.actions.size() == 2);
  CHECK(third.actions.front().id == "W1");
  CHECK(third.parts.of_line(third.actions.front().line) == 3);

  Options past_the_end;
  past_the_end.table = 9;
  try {
    run_fixture("split_tables.docx", past_the_end);
    FAIL("expected a usage error");
  } catch (const Error& e) {
    CHECK(e.code() == exit_usage);
    CHECK(std::string(e.what()).find("holds 3 table(s)") != std::string::npos);
  }
}

TEST_CASE("docx: a document without a table, a workbook named .docx and a broken file exit 3 with one line") {
  auto code_of = [](const std::string& name, const std::string& bytes) {
    try {
      run(name, bytes, {});
    } catch (const Error& e) {
      CHECK(std::string(e.what()).find('\n') == std::string::npos);
      return static_cast<int>(e.code());
    }
    return 0;
  };
  CHECK(code_of("no_table.docx", read_bytes("fixtures/documents/no_table.docx")) == exit_input);
  CHECK(code_of("broken.docx", "PK\x03\x04 not really a zip word/document.xml") == exit_input);
  std::string bytes = read_bytes("fixtures/documents/merges.docx");
  CHECK(code_of("cut.docx", bytes.substr(0, bytes.size() / 2)) == exit_input);
}

TEST_CASE("docx reader: spans give grid columns, vMerge marks, numbering as text, nested tables as lines") {
  detail::DocFormats formats;
  formats.num_to_abstract["5"] = "0";
  formats.abstract_levels["0"][0] = {"decimal", "%1.", 1};
  formats.abstract_levels["0"][1] = {"lowerLetter", "%2)", 1};
  const std::string numbered = R"(<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>One</w:t></w:r></w:p>)"
                               R"(<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>Sub</w:t></w:r></w:p>)"
                               R"(<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>Two</w:t></w:r></w:p>)";
  const std::string xml = doc_xml(
      "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>Wide</w:t></w:r></w:p></w:tc>" +
      cell("C") + "</w:tr><w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p/></w:tc><w:tc>" + numbered +
      "</w:tc><w:tc><w:tbl><w:tr>" + cell("inner 1") + cell("inner 2") + "</w:tr></w:tbl><w:p/></w:tc></w:tr>"
      "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>" + cell("x") + cell("y") + "</w:tr></w:tbl>");
  detail::DocBody body = detail::read_document_xml("t.docx", xml, formats, {});
  REQUIRE(body.tables.size() == 1);
  const auto& rows = body.tables[0].rows;
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].cells[0].span == 2);
  CHECK(rows[0].cells[1].column == 3);
  CHECK(rows[1].cells[0].vmerge == detail::DocCell::VMerge::restart);
  CHECK(rows[2].cells[0].vmerge == detail::DocCell::VMerge::next);
  CHECK(rows[1].cells[1].text == "1. One\na) Sub\n2. Two");
  CHECK(rows[1].cells[2].text == "inner 1\ninner 2");
}

TEST_CASE("docx reader: a DTD, tables nested past the limit and text past the expanded limit are refused") {
  auto refused = [](const std::string& xml, const Limits& limits, const std::string& words) {
    try {
      detail::read_document_xml("h.docx", xml, {}, limits);
    } catch (const Error& e) {
      CHECK(e.code() == exit_input);
      CHECK_MESSAGE(std::string(e.what()).find(words) != std::string::npos, e.what());
      return true;
    }
    return false;
  };
  CHECK(refused("<!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + doc_xml("<w:p>&x;</w:p>"), {},
                "h.docx"));
  std::string deep;
  for (int i = 0; i < 40; ++i) deep += "<w:tbl><w:tr><w:tc>";
  CHECK(refused(doc_xml(deep), {}, "nested more than 32 deep"));
  Limits small;
  small.expanded_bytes = 100;
  std::string big = "<w:tbl><w:tr>";
  for (int i = 0; i < 20; ++i) big += cell("twenty characters...");
  CHECK(refused(doc_xml(big + "</w:tr></w:tbl>"), small, "--max-expanded-size"));
  CHECK(refused(doc_xml("<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"99999\"/></w:tcPr></w:tc>" + cell("x") +
                        "</w:tr></w:tbl>"),
                {}, "--max-columns"));
}
