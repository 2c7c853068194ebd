// Tests for the PDF reader: words to fixed-width lines, PDFs printed by LibreOffice read back, --pages, and PDFs
// that must be refused with one line (no text layer, a password, damage, too many pages).
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "load/fixture_bytes.hpp"
#include "load/input_format.hpp"
#include "load/pdf/page_text.hpp"
#include "load/pdf/pdf_tables.hpp"
#include "model/errors.hpp"
#include "pipeline.hpp"

using namespace plansheet;
using plansheet::testing::read_bytes;

namespace {

// A PDF of `pages` pages, each drawing `content` (a content stream): objects and a cross-reference table with
// the right offsets.
std::string make_pdf(int pages, const std::string& content) {
  std::vector<std::string> objects;
  std::string kids;
  for (int i = 0; i < pages; ++i) kids += std::to_string(4 + i) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>");
  objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
  for (int i = 0; i < pages; ++i)
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R "
                      "/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>");
  std::string out = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    std::string n = std::to_string(offset);
    out += std::string(10 - n.size(), '0') + n + " 00000 n \n";
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return out;
}

int exit_code_of(const std::string& name, const std::string& bytes, const Options& options, std::string& message) {
  try {
    run(name, bytes, options);
  } catch (const Error& e) {
    message = e.what();
    CHECK_MESSAGE(message.find('\n') == std::string::npos, message);
    return e.code();
  }
  return 0;
}

detail::PdfWord word(std::string text, double x0, double y0, double width) {
  return {std::move(text), x0, y0, x0 + width, y0 + 10, true};
}

}  // namespace

TEST_CASE("pdf words: one line per baseline, a word space kept single, a gutter two spaces or more") {
  detail::PdfPage page{1, {word("Ref", 50, 100, 15), word("Action", 120, 100.8, 30), word("Lead", 300, 99.5, 20),
                           word("T1", 50, 115, 10), word("Plant", 120, 115, 25), word("trees", 148, 115, 25),
                           word("Parks", 300, 115, 25)}};
  const std::string text = detail::pages_to_text({page}).text;
  std::istringstream lines(text);
  std::string header, row;
  std::getline(lines, header);
  std::getline(lines, row);
  CHECK(header.find("Ref") < header.find("Action"));
  CHECK(row.find("Plant trees") != std::string::npos);
  // Columns line up: each cell starts where its header does.
  CHECK(header.find("Action") == row.find("Plant"));
  CHECK(header.find("Lead") == row.find("Parks"));
  CHECK(header.find("Ref  ") != std::string::npos);
  // A page break is a blank line; boxes that are not numbers are dropped, not drawn.
  detail::PdfPage second{2, {word("T2", 50, 100, 10), {"bad", 1e300 * 10, 0, 1, 1, true}}};
  const std::string two = detail::pages_to_text({page, second}).text;
  CHECK(two.find("\n\n") < two.find("T2"));
  CHECK(two.find("bad") == std::string::npos);
}

TEST_CASE("pdf words: a header and a page number at the same height on every page are furniture, left blank") {
  std::vector<detail::PdfPage> pages;
  for (int n = 1; n <= 3; ++n)
    pages.push_back({n, {word("Council", 50, 20, 40), word("plan", 94, 20, 20), word("T" + std::to_string(n), 50, 100, 10), word("Plant", 150, 100, 25),
                         word("Page", 250, 800, 20), word(std::to_string(n * 10), 274, 800, 10)}});
  pages[1].words.push_back(word("Council", 50, 400, 40));  // the same words elsewhere on a page are not furniture
  const detail::PageText laid = detail::pages_to_text(pages);
  REQUIRE(laid.furniture.size() == 6);
  CHECK(laid.furniture[0] == std::pair<int, std::string>(1, "Council plan"));
  CHECK(laid.furniture[5].second == "Page 30");
  CHECK(laid.text.find("Page") == std::string::npos);
  CHECK(laid.text.find("T2") != std::string::npos);
  CHECK(laid.text.find("Council") != std::string::npos);
  // One page alone gives no evidence of what repeats.
  CHECK(detail::pages_to_text({pages[0]}).furniture.empty());
}

TEST_CASE("pdf: a Word table printed by LibreOffice reads back its gold, and is told from its name") {
  const std::string bytes = read_bytes("fixtures/documents/kent_medway_plan.pdf");
  CHECK(detect_input_kind("plan.txt", bytes) == InputKind::pdf);
  Plan plan = run("kent_medway_plan.pdf", bytes, {});
  CHECK(plan.actions.size() == 24);
  CHECK(plan.title == "Kent and Medway Energy and Low Emissions Strategy Implementation Plan");
  CHECK(std::count_if(plan.actions.begin(), plan.actions.end(), [](const Action& a) { return !a.section.empty(); }) == 24);
}

TEST_CASE("pdf: an update opening with a number stays with its own id; each wrapped cell joined is logged") {
  // numbered_updates.pdf (make_docx.py): 4.1's update ends without a full stop, 4.10's opens with "640" and names
  // a framework in capitals half-way through.
  Plan plan = run("numbered_updates.pdf", read_bytes("fixtures/documents/numbered_updates.pdf"), {});
  REQUIRE(plan.actions.size() == 3);
  CHECK(plan.actions[0].id == "4.1");
  CHECK(plan.actions[0].update == "Contractor appointed for the first depot - 2 of 3 site surveys done");
  CHECK(plan.actions[1].id == "4.10");
  CHECK(plan.actions[1].update == "640 street lights converted so far through the Greenway Lighting framework, ahead of plan.");
  CHECK(std::none_of(plan.repairs.begin(), plan.repairs.end(),
                     [](const Repair& r) { return r.rule == RepairRule::misplaced_text; }));
  // The fixed-width reader's joins are logged as a paste's: the line, the action, the cell's role, the pieces.
  auto joined = std::find_if(plan.repairs.begin(), plan.repairs.end(), [](const Repair& r) {
    return r.rule == RepairRule::continuation && r.action_id == "4.2" && r.role == "lead";
  });
  REQUIRE(joined != plan.repairs.end());
  CHECK(joined->before == "Parks and Open || Spaces");
  CHECK(joined->after == "Parks and Open Spaces");
  CHECK(joined->pos.line > plan.actions[2].line);
}

TEST_CASE("pdf: each line's page, as the document numbers it, also when --pages starts further in") {
  // two_tables.pdf (make_docx.py): a plan of 40 actions over three pages.
  const std::string bytes = read_bytes("fixtures/documents/two_tables.pdf");
  Plan plan = run("two_tables.pdf", bytes, {});
  CHECK(plan.parts.kind == "page");
  REQUIRE(plan.parts.parts.size() == 3);
  for (int page = 1; page <= 3; ++page) CHECK(plan.parts.parts[static_cast<std::size_t>(page - 1)].number == page);
  REQUIRE(plan.actions.size() >= 40);
  CHECK(plan.parts.of_line(plan.actions.front().line) == 1);
  CHECK(plan.parts.of_line(plan.actions[39].line) == 3);
  // The pages in line order: each action's page at or after the one before.
  for (std::size_t i = 1; i < plan.actions.size(); ++i)
    CHECK(plan.parts.of_line(plan.actions[i - 1].line) <= plan.parts.of_line(plan.actions[i].line));
  // The page break's blank line belongs to no page.
  CHECK(plan.parts.of_line(plan.parts.parts[1].first_line - 1) == 0);
  Options later;
  later.pages = std::pair(2, 3);
  Plan part = run("two_tables.pdf", bytes, later);
  REQUIRE(part.parts.parts.size() == 2);
  CHECK(part.parts.parts[0].number == 2);
  CHECK(part.parts.parts[0].first_line == 1);
  CHECK(part.parts.of_line(part.actions.back().line) == 3);
}

TEST_CASE("pdf: tables with other headers are told apart; the plan's is read, the others listed, --table picks one") {
  // two_tables.pdf (make_docx.py): 40 actions over three pages, then prose and a table of grants.
  const std::string bytes = read_bytes("fixtures/documents/two_tables.pdf");
  Plan plan = run("two_tables.pdf", bytes, {});
  REQUIRE(plan.actions.size() == 40);
  CHECK(plan.actions.back().id == "R40");
  CHECK(plan.actions.back().action == "Re-roof the leisure centre");
  CHECK(plan.actions.back().lead == "Property");
  CHECK(plan.actions.back().status == "Under way");
  CHECK(std::any_of(plan.warnings.begin(), plan.warnings.end(), [](const Diagnostic& d) {
    return d.note && d.message.find("table 2 (4 rows, header 'Grant | Amount (GBP) | Awarded by | Year'") !=
                         std::string::npos && d.message.find("--table 2 reads it alone") != std::string::npos;
  }));
  // The grants' lines are accounted for, not lost.
  CHECK(std::any_of(plan.removed.begin(), plan.removed.end(), [](const Removal& r) {
    return r.reason == RemovalReason::other_table && r.text == "Rural England 86,500 Defra 2025";
  }));
  Options second;
  second.table = 2;
  RawTable grants = load_table("two_tables.pdf", bytes, second);
  std::string cells;
  for (const Row& row : grants.rows)
    for (const Cell& c : row.cells) cells += c.text + "|";
  CHECK(cells.find("Salix") != std::string::npos);
  CHECK(cells.find("R1|") == std::string::npos);
  CHECK(cells.find("Riverside District Net Zero Delivery Plan") != std::string::npos);  // the title, above both
  Options third;
  third.table = 3;
  std::string message;
  CHECK(exit_code_of("two_tables.pdf", bytes, third, message) == exit_usage);
  CHECK(message.find("holds 2 table(s)") != std::string::npos);
  // A PDF of one table: --table 1 reads it, --table 2 is past the end.
  const std::string kent = read_bytes("fixtures/documents/kent_medway_plan.pdf");
  Options first;
  first.table = 1;
  CHECK(run("kent_medway_plan.pdf", kent, first).actions.size() == 24);
  CHECK(exit_code_of("kent_medway_plan.pdf", kent, second, message) == exit_usage);
}

TEST_CASE("pdf: a contacts table between two parts of the plan is left out, the parts read as one (as from Word)") {
  Plan plan = run("split_tables.pdf", read_bytes("fixtures/documents/split_tables.pdf"), {});
  REQUIRE(plan.actions.size() == 4);
  CHECK(plan.actions[1].id == "E2");
  CHECK(plan.actions[1].lead == "Highways");
  CHECK(plan.actions[2].section == "Waste");
  CHECK(std::any_of(plan.warnings.begin(), plan.warnings.end(), [](const Diagnostic& d) {
    return d.message.find("table 2 (1 rows, header 'Name | Email'") != std::string::npos;
  }));
}

TEST_CASE("pdf tables: what is no other table") {
  using detail::find_pdf_tables;
  SUBCASE("a plan without ids: a row of short cells under each section heading is an action, not a header") {
    CHECK(find_pdf_tables({"Action                  Lead          Due",
                           "Buildings and energy use across the estate",
                           "Insulate lofts          Housing       2026",
                           "Fit heat pumps          Estates       2027",
                           "Transport and travel across the district",
                           "Buy electric vans       Fleet         2026",
                           "Add cycle racks         Highways      2025"}).empty());
  }
  SUBCASE("a key under the plan stays with it, to be read as its key") {
    CHECK(find_pdf_tables({"Ref     Action                  Lead          RAG",
                           "A1      Insulate lofts          Housing       Green",
                           "A2      Fit heat pumps          Estates       Red",
                           "The ratings below are the ones the board agreed in 2024.",
                           "RAG     Meaning",
                           "Green   On track",
                           "Red     Off track"}).empty());
  }
  SUBCASE("a header printed again on a later page joins its table; a new one after prose starts another") {
    const std::vector<detail::PdfTable> tables = find_pdf_tables({
        "Ref     Action                  Lead          Status",
        "A1      Insulate lofts          Housing       Done",
        "A2      Fit heat pumps          Estates       Late",
        "",
        "Ref     Action                  Lead          Status",
        "A3      Plant hedges            Parks         Done",
        "Contact officers for each service are named here for reference.",
        "Name    Telephone               Room",
        "Ash     01632 960001            G12",
        "Birch   01632 960002            G14"});
    REQUIRE(tables.size() == 2);
    CHECK(tables[0].ranges == std::vector<std::pair<int, int>>{{1, 6}});
    CHECK(tables[1].header == "Name | Telephone | Room");
    CHECK(tables[1].ranges == std::vector<std::pair<int, int>>{{7, 10}});
    CHECK(tables[1].rows == 3);
    std::vector<std::pair<int, std::string>> left_out;
    const std::string text = detail::table_text({"Title", "Ref  Action", "A1  Plant"}, {{"Ref | Action", 2, {{2, 3}}, 2},
                                                {"X | Y", 1, {{1, 1}}, 1}}, 0, left_out);
    CHECK(text == "\nRef  Action\nA1  Plant\n");
    CHECK(left_out == std::vector<std::pair<int, std::string>>{{1, "Title"}});
  }
}

TEST_CASE("pdf: --pages limits the reading; pages past the end are a usage error") {
  const std::string bytes = read_bytes("fixtures/documents/split_tables.pdf");
  Options first;
  first.pages = std::pair(1, 1);
  Plan plan = run("split_tables.pdf", bytes, first);
  CHECK(std::any_of(plan.actions.begin(), plan.actions.end(), [](const Action& a) { return a.id == "W2"; }));
  Options past;
  past.pages = std::pair(2, 5);
  std::string message;
  CHECK(exit_code_of("split_tables.pdf", bytes, past, message) == exit_usage);
  CHECK(message.find("has 1 page(s)") != std::string::npos);
}

TEST_CASE("pdf: no text layer, a password, damage and thousands of pages exit 3 with one line") {
  std::string message;
  CHECK(exit_code_of("scan.pdf", make_pdf(2, "0 0 m 100 100 l S"), {}, message) == exit_input);
  CHECK(message.find("needs OCR first") != std::string::npos);

  CHECK(exit_code_of("encrypted.pdf", read_bytes("fixtures/documents/encrypted.pdf"), {}, message) == exit_input);
  CHECK(message.find("encrypted") != std::string::npos);

  CHECK(exit_code_of("broken.pdf", "%PDF-1.4\nthis is no PDF at all\n", {}, message) == exit_input);
  std::string bad_xref = make_pdf(1, "BT /F1 12 Tf 72 700 Td (Ref  Action) Tj ET");
  bad_xref.replace(bad_xref.find("startxref\n") + 10, 3, "999");
  exit_code_of("bad_xref.pdf", bad_xref, {}, message);  // repaired or refused: either way, one line

  CHECK(exit_code_of("huge.pdf", make_pdf(2500, "0 0 m 1 1 l S"), {}, message) == exit_input);
  CHECK(message.find("--pages") != std::string::npos);
  Options some;
  some.pages = std::pair(10, 12);
  CHECK(exit_code_of("huge.pdf", make_pdf(2500, "0 0 m 1 1 l S"), some, message) == exit_input);
  CHECK(message.find("needs OCR first") != std::string::npos);
}
