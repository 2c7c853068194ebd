// Tests of the workbook layout as a whole: hand-built Plans in, the sheet model out (no files): the sheets and
// their order, the cell limit, continuation sheets. Each sheet has its own test file beside this one.
#include <doctest/doctest.h>

#include <algorithm>
#include <stdexcept>
#include <string>

#include "workbook/sample_plans.hpp"
#include "xlsx/layout.hpp"
#include "xlsx/model_lookup.hpp"

using namespace plansheet;
using namespace plansheet::xlsx;
using namespace plansheet::xlsx::test;

TEST_CASE("xlsx_layout: sheets come in order, with the list sheet hidden and only when needed") {
  SUBCASE("gantt plan: four sheets") {
    const WorkbookModel m = layout_workbook(test_plans::gantt_plan());
    std::vector<std::string> names;
    for (const Sheet& s : m.sheets) names.push_back(s.name);
    CHECK(names == std::vector<std::string>{"Actions", "Summary", "Repairs", "Key"});
    CHECK(m.sheets[0].active);
  }
  SUBCASE("a status with a comma cannot sit in an in-cell list: the Lists sheet appears, hidden, last") {
    const WorkbookModel m = layout_workbook(test_plans::matrix_plan());
    REQUIRE(m.sheets.size() == 5);
    CHECK(m.sheets[4].name == "Lists");
    CHECK(m.sheets[4].hidden);
  }
}

TEST_CASE("xlsx_layout: a cell over the spreadsheet limit is cut, with a warning, never a failure") {
  const Plan p = test_plans::edge_plan();
  const WorkbookModel m = layout_workbook(p);
  const Sheet& s = sheet_named(m, "Actions");
  const SheetCell* c = find_cell(s, row_of_action(m, p, "2.1"), m.actions.column_of(Role::action));
  REQUIRE(c);
  CHECK(detail::utf16_length(c->text) <= max_cell_chars);
  CHECK(c->text.rfind("Design, test, and implement", 0) == 0);
  CHECK(c->text.find("cut at the spreadsheet cell limit") != std::string::npos);
  REQUIRE(m.warnings.size() == 1);
  CHECK(m.warnings[0].action_id == "2.1");
  CHECK(m.warnings[0].pos.line == 12);
  CHECK(m.warnings[0].message.find("JSON export") != std::string::npos);
  const Sheet& r = sheet_named(m, "Repairs");
  CHECK(std::any_of(r.cells.begin(), r.cells.end(), [](const SheetCell& x) { return x.text == "Warning"; }));
  // A word the key does not know (purple) stays as written, in the dropdown, with no colour rule of its own.
  CHECK(text_at(s, row_of_action(m, p, "1.1"), m.actions.rag_col()) == "Purple");
}

TEST_CASE("xlsx_layout: a sheet too long goes on over continuation sheets, with a warning") {
  // Sheets of 20 rows stand in for Excel's 1,048,576: 40 actions and 40 repairs need more than one sheet each.
  const Plan p = test_plans::long_plan(40);
  const int sheet_rows = 20;
  const WorkbookModel m = layout_workbook(p, Body::cells, sheet_rows);
  const ActionsGrid& g = m.actions;
  REQUIRE(g.split.first_row == g.first_row);
  REQUIRE(g.split.part_of(g.last_row) >= 2);  // at least "Actions (3)"

  // Every action lands inside its part, below the repeated title block and header.
  for (int row : g.action_rows) {
    CHECK(g.split.row_on_part(row) >= g.first_row);
    CHECK(g.split.row_on_part(row) < sheet_rows);
  }
  // Each continuation sheet's first row names the section it carries on, in its Section column.
  const Sheet& actions = m.sheets[0];
  for (int part = 1; part <= g.split.part_of(g.last_row); ++part) {
    const int top = g.first_row + part * g.split.capacity();
    const SheetCell* section = find_cell(actions, top, g.column_of(Role::section));
    CHECK((section && !section->text.empty()));
  }

  // The warnings say where the rows went.
  auto warned = [&](std::string_view text) {
    return std::any_of(m.warnings.begin(), m.warnings.end(),
                       [&](const Diagnostic& d) { return d.message.find(text) != std::string::npos; });
  };
  CHECK(warned("the Actions sheet needs"));
  CHECK(warned("'Actions (2)' to 'Actions ("));
  CHECK(warned("the Repairs sheet needs"));

  // Summary counts reach the continuation sheets.
  const Sheet& summary = sheet_named(m, "Summary");
  CHECK(std::any_of(summary.cells.begin(), summary.cells.end(), [](const SheetCell& c) {
    return c.kind == CellKind::formula && c.text.find("COUNTIF('Actions (2)'!") != std::string::npos;
  }));
  // Totals still count every action once.
  double total = 0;
  for (const SheetCell& c : summary.cells)
    if (c.style == Style::count_total && c.col == 1 && c.number > 0) total = std::max(total, c.number);
  CHECK(total == 40);

  // A repair on an action of the third sheet links to its cell there.
  const std::size_t last = p.actions.size() - 1;
  const int row = g.action_rows[last];
  const std::string there = "'Actions (" + std::to_string(g.split.part_of(row) + 1) + ")'!" +
                            cell_ref(g.split.row_on_part(row), g.column_of(Role::stage));
  const Sheet& repairs = sheet_named(m, "Repairs");
  CHECK(std::any_of(repairs.cells.begin(), repairs.cells.end(), [&](const SheetCell& c) {
    return c.text == there && c.link == "internal:" + there;
  }));
  CHECK(repairs.split.first_row == 4);
}

TEST_CASE("xlsx_layout: a continuation sheet is named from its sheet, and ranges split where the sheets do") {
  const SheetSplit split{5, 20};  // rows 0-4 repeat; 15 body rows a sheet
  CHECK(part_name("Actions", 0) == "Actions");
  CHECK(part_name("Actions", 2) == "Actions (3)");
  CHECK(split.part_of(4) == 0);
  CHECK(split.part_of(19) == 0);
  CHECK(split.part_of(20) == 1);
  CHECK(split.row_on_part(20) == 5);
  CHECK(located_ref("Actions", split, 36, 2) == "'Actions (3)'!C7");
  CHECK(located_ref("Actions", split, 7, 0) == "Actions!A8");
  const std::vector<std::string> refs = located_range_refs("Actions", split, {10, 3, 40, 3});
  REQUIRE(refs.size() == 3);
  CHECK(refs[0] == "Actions!$D$11:$D$20");
  CHECK(refs[1] == "'Actions (2)'!$D$6:$D$20");
  CHECK(refs[2] == "'Actions (3)'!$D$6:$D$11");
  // A range from the header down (a filter) keeps the header on every sheet.
  const auto filter = split.on_part({4, 0, 40, 8}, 1);
  REQUIRE(filter);
  CHECK(*filter == Range{4, 0, 19, 8});
  CHECK_FALSE(split.on_part({6, 0, 9, 0}, 1));
  // The default split never splits.
  CHECK(SheetSplit{}.part_of(max_rows - 1) == 0);
  CHECK_THROWS_AS(layout_workbook(test_plans::gantt_plan(), Body::cells, 3), std::invalid_argument);
}

TEST_CASE("xlsx_layout: the source file's name only, never its folders, in any cell or document property") {
  Plan p = test_plans::gantt_plan();
  p.source = "/home/officer/plans/2025/leics.txt";
  p.title.reset();
  const WorkbookModel m = layout_workbook(p);
  for (const Sheet& s : m.sheets) {
    CAPTURE(s.name);
    for (const SheetCell& c : s.cells) CHECK(c.text.find("/home/") == std::string::npos);
    for (const Merge& mg : s.merges) CHECK(mg.text.find("/home/") == std::string::npos);
  }
  const Sheet& actions = m.sheets[0];
  CHECK(std::any_of(actions.merges.begin(), actions.merges.end(),
                    [](const Merge& mg) { return mg.text.rfind("Source: leics.txt", 0) == 0; }));
  for (const std::string* prop : {&m.properties.title, &m.properties.subject, &m.properties.keywords, &m.properties.comments})
    CHECK(prop->find("/home/") == std::string::npos);
  CHECK(m.properties.title == "leics.txt");
  CHECK(m.properties.comments == "Converted from leics.txt");
  CHECK(source_file_name("C:\\Users\\o\\plan.xlsx") == "plan.xlsx");
  CHECK(source_file_name("") == "-");
}
