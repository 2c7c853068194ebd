// Tests of xlsx_layout: hand-built Plans in, the sheet model out (no files): column order, section bands, Gantt
// cells, widths and heights, dropdowns, colour rules, notes on repaired cells, Summary counts, Repairs links, limits.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "workbook/sample_plans.hpp"
#include "xlsx/layout.hpp"

using namespace plansheet;
using namespace plansheet::xlsx;

namespace {

const Sheet& sheet_named(const WorkbookModel& m, std::string_view name) {
  const Sheet* s = find_sheet(m, name);
  REQUIRE_MESSAGE(s != nullptr, "no sheet " << name);
  return *s;
}

std::vector<std::string> labels(const WorkbookModel& m) {
  std::vector<std::string> out;
  for (const ActionsColumn& c : m.actions.columns) out.push_back(c.label);
  return out;
}

std::string text_at(const Sheet& s, int row, int col) {
  const SheetCell* c = find_cell(s, row, col);
  return c ? c->text : std::string();
}

std::string style_at(const Sheet& s, int row, int col) {
  const SheetCell* c = find_cell(s, row, col);
  return c ? std::string(style_name(c->style)) : std::string();
}

int row_of_action(const WorkbookModel& m, const Plan& p, std::string_view id, int nth = 0) {
  for (std::size_t i = 0; i < p.actions.size(); ++i)
    if (p.actions[i].id == id && nth-- == 0) return m.actions.action_rows[i];
  return -1;
}

int period_col(const WorkbookModel& m, std::string_view label) {
  for (const ActionsColumn& c : m.actions.columns)
    if (c.kind == ColumnKind::period && c.label == label) return c.col;
  return -1;
}

double width_of(const Sheet& s, int col) {
  for (const ColumnSpec& c : s.columns)
    if (c.first <= col && col <= c.last) return c.width;
  return -1;
}

double height_of(const Sheet& s, int row) {
  for (const RowSpec& r : s.rows)
    if (r.row == row) return r.height;
  return 15;
}

const Validation* validation_on(const Sheet& s, int col) {
  for (const Validation& v : s.validations)
    if (v.range.first_col == col) return &v;
  return nullptr;
}

}  // namespace

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

TEST_CASE("xlsx_layout: Actions columns follow the plan, a RAG column is always there, Gantt periods come last") {
  SUBCASE("gantt plan without a RAG column gets one before the periods") {
    const WorkbookModel m = layout_workbook(test_plans::gantt_plan());
    CHECK(labels(m) == std::vector<std::string>{"Action ID", "Objective", "Action", "LCC team leads", "Partners",
                                                "Timescale / Start", "Timescale / End", "RAG", "2025-26", "2026-27",
                                                "2027-28", "2028-29", "2029-30"});
    const Sheet& s = sheet_named(m, "Actions");
    for (const ActionsColumn& c : m.actions.columns) {
      CAPTURE(c.label);
      CHECK(text_at(s, m.actions.header_row, c.col) == c.label);
    }
  }
  SUBCASE("stage/RAG plan keeps its RAG column where the authors put it") {
    const WorkbookModel m = layout_workbook(test_plans::rag_plan());
    CHECK(labels(m) == std::vector<std::string>{"Action ID", "Project Description", "Timescale", "Project stage", "RAG",
                                                "December 2023 Update"});
    CHECK(m.actions.rag_col() == 4);
  }
  SUBCASE("target matrix: seven tick columns, ticks shown as a check mark, empty when false") {
    const Plan p = test_plans::matrix_plan();
    const WorkbookModel m = layout_workbook(p);
    const auto cols = m.actions.columns;
    CHECK(std::count_if(cols.begin(), cols.end(), [](const ActionsColumn& c) { return c.kind == ColumnKind::target; }) == 7);
    const Sheet& s = sheet_named(m, "Actions");
    const int row = row_of_action(m, p, "1");
    CHECK(find_cell(s, row, 1)->kind == CellKind::blank);  // target 1 false
    CHECK(text_at(s, row, 2) == "\u2713");                  // target 2 true
    CHECK(style_at(s, row, 2) == "tick");
  }
  SUBCASE("a plan with no column list still shows every text its actions carry") {
    Plan p = test_plans::rag_plan();
    p.columns.clear();
    const WorkbookModel m = layout_workbook(p);
    CHECK(m.actions.column_of(Role::id) == 0);
    CHECK(m.actions.column_of(Role::action) > 0);
    CHECK(m.actions.column_of(Role::update) > 0);
    CHECK(m.actions.rag_col() > 0);
  }
}

TEST_CASE("xlsx_layout: ids and action text appear verbatim, under a band row per section") {
  const Plan p = test_plans::gantt_plan();
  const WorkbookModel m = layout_workbook(p);
  const Sheet& s = sheet_named(m, "Actions");
  SUBCASE("band rows, one per section, full width, before the section's first action") {
    std::vector<std::string> names;
    for (const auto& [name, row] : m.actions.band_rows) names.push_back(name);
    CHECK(names == std::vector<std::string>{"Transport", "Buildings and Energy", "Business and Economy"});
    for (const auto& [name, row] : m.actions.band_rows) {
      CAPTURE(name);
      auto it = std::find_if(s.merges.begin(), s.merges.end(), [&](const Merge& mg) { return mg.range.first_row == row; });
      REQUIRE(it != s.merges.end());
      CHECK(it->text == name);
      CHECK(it->style == Style::band);
      CHECK(it->range.first_col == 0);
      CHECK(it->range.last_col == static_cast<int>(m.actions.columns.size()) - 1);
    }
    CHECK(row_of_action(m, p, "T1") == m.actions.band_rows[0].second + 1);
    CHECK(row_of_action(m, p, "B1") == m.actions.band_rows[1].second + 1);
  }
  SUBCASE("every action's id and text verbatim") {
    for (std::size_t i = 0; i < p.actions.size(); ++i) {
      CAPTURE(p.actions[i].id);
      const int row = m.actions.action_rows[i];
      CHECK(text_at(s, row, m.actions.column_of(Role::id)) == p.actions[i].id);
      CHECK(text_at(s, row, m.actions.column_of(Role::action)) == p.actions[i].action);
      CHECK(text_at(s, row, m.actions.column_of(Role::partners)) == p.actions[i].partners);
    }
  }
  SUBCASE("actions without sections get no bands") {
    const WorkbookModel mm = layout_workbook(test_plans::matrix_plan());
    CHECK(mm.actions.band_rows.empty());
    CHECK(mm.actions.action_rows.front() == mm.actions.header_row + 1);
  }
  SUBCASE("the title block names the plan, or the source file when it has no title") {
    CHECK(s.merges.front().text == "2050 Net Zero Leicestershire Action Plan");
    const WorkbookModel mm = layout_workbook(test_plans::rag_plan());
    CHECK(sheet_named(mm, "Actions").merges.front().text == "leicestershire-carbon-reduction-programme-2023.txt");
  }
}

TEST_CASE("xlsx_layout: one Gantt cell per period, solid when active, lighter when the action is ongoing") {
  const Plan p = test_plans::gantt_plan();
  const WorkbookModel m = layout_workbook(p);
  const Sheet& s = sheet_named(m, "Actions");
  auto fills = [&](std::string_view id) {
    std::vector<std::string> out;
    const int row = row_of_action(m, p, id);
    for (const std::string& period : p.periods) out.push_back(style_at(s, row, period_col(m, period)));
    return out;
  };
  SUBCASE("fixed dates: solid in the active periods only") {
    CHECK(fills("T1") == std::vector<std::string>{"gantt_active", "gantt_active", "gantt_empty", "gantt_empty", "gantt_empty"});
    CHECK(fills("T9") == std::vector<std::string>{"gantt_empty", "gantt_empty", "gantt_active", "gantt_active", "gantt_active"});
    CHECK(fills("B3") == std::vector<std::string>{"gantt_active", "gantt_empty", "gantt_empty", "gantt_empty", "gantt_empty"});
  }
  SUBCASE("ongoing: the lighter fill of the same hue") {
    CHECK(fills("T2") == std::vector<std::string>(5, "gantt_ongoing"));
    CHECK(fills("E7") == std::vector<std::string>(5, "gantt_ongoing"));
    const StyleSpec* solid = find_style(m, "gantt_active");
    const StyleSpec* light = find_style(m, "gantt_ongoing");
    REQUIRE(solid);
    REQUIRE(light);
    REQUIRE(solid->fill);
    REQUIRE(light->fill);
    CHECK(*solid->fill != *light->fill);
  }
  SUBCASE("the key above the header uses the plan's own Gantt key text") {
    CHECK(style_at(s, 2, 0) == "gantt_active");
    CHECK(style_at(s, 3, 0) == "gantt_ongoing");
    CHECK(s.merges[2].text == "Delivered in a specific timeframe");
    CHECK(s.merges[3].text == "Ongoing actions");
  }
  SUBCASE("a plan without a period grid has no Gantt columns and no Gantt key") {
    const WorkbookModel mm = layout_workbook(test_plans::rag_plan());
    for (const ActionsColumn& c : mm.actions.columns) CHECK(c.kind != ColumnKind::period);
    CHECK(mm.actions.header_row == 2);
  }
}

TEST_CASE("xlsx_layout: widths come from content, prose wraps at about 60, rows grow with their text") {
  const Plan p = test_plans::gantt_plan();
  const WorkbookModel m = layout_workbook(p);
  const Sheet& s = sheet_named(m, "Actions");
  CHECK(width_of(s, m.actions.column_of(Role::action)) == doctest::Approx(60));
  CHECK(width_of(s, m.actions.column_of(Role::id)) <= 14);
  CHECK(width_of(s, m.actions.column_of(Role::id)) >= 8);  // "Action", the longest word of its header, fits
  const double lead = width_of(s, m.actions.column_of(Role::lead));
  CHECK(lead > 14);
  CHECK(lead <= 30);
  CHECK(width_of(s, period_col(m, "2025-26")) < 12);
  CHECK(style_at(s, row_of_action(m, p, "T1"), m.actions.column_of(Role::action)) == "text");
  // T3 has the longest partners list: its row is taller than T1's two-line row.
  CHECK(height_of(s, row_of_action(m, p, "T3")) > height_of(s, row_of_action(m, p, "T1")));
  CHECK(height_of(s, row_of_action(m, p, "T1")) >= 30);
  for (const RowSpec& r : s.rows) CHECK(r.height <= 409);
}

TEST_CASE("xlsx_layout: dropdowns use the plan's own words and RAG colours follow the word by rule") {
  SUBCASE("the plan's words (Orange, not Amber) plus Blue from an action, in colour order") {
    const Plan p = test_plans::rag_plan();
    const WorkbookModel m = layout_workbook(p);
    const Sheet& s = sheet_named(m, "Actions");
    const Validation* rag = validation_on(s, m.actions.rag_col());
    REQUIRE(rag);
    CHECK(rag->items == std::vector<std::string>{"Red", "Orange", "Green", "Blue"});
    CHECK(rag->source.empty());
    CHECK(rag->range.first_row == m.actions.first_row);
    CHECK(rag->range.last_row == m.actions.last_row);
    const Validation* stage = validation_on(s, m.actions.column_of(Role::stage));
    REQUIRE(stage);
    CHECK(stage->items == std::vector<std::string>{"Delivery", "Design", "Completed", "Discovery"});
    CHECK(validation_on(s, m.actions.column_of(Role::timescale)) == nullptr);
  }
  SUBCASE("no RAG words in the plan: the standard four") {
    const WorkbookModel m = layout_workbook(test_plans::gantt_plan());
    const Validation* rag = validation_on(sheet_named(m, "Actions"), m.actions.rag_col());
    REQUIRE(rag);
    CHECK(rag->items == std::vector<std::string>{"Red", "Amber", "Green", "Blue"});
  }
  SUBCASE("a list with a comma goes on the hidden sheet") {
    const WorkbookModel m = layout_workbook(test_plans::matrix_plan());
    const Validation* status = validation_on(sheet_named(m, "Actions"), m.actions.column_of(Role::status));
    REQUIRE(status);
    CHECK(status->items == std::vector<std::string>{"In progress", "Delivery", "On hold, awaiting funding", "Not Started"});
    CHECK(status->source == "=Lists!$A$1:$A$4");
    const Sheet& lists = sheet_named(m, "Lists");
    CHECK(text_at(lists, 2, 0) == "On hold, awaiting funding");
  }
  SUBCASE("a list longer than 255 characters goes on the hidden sheet") {
    Plan p = test_plans::rag_plan();
    for (int i = 0; i < 30; ++i) {
      p.actions.push_back(p.actions[0]);
      p.actions.back().stage = "Stage number " + std::to_string(i);
    }
    const WorkbookModel m = layout_workbook(p);
    const Validation* stage = validation_on(sheet_named(m, "Actions"), m.actions.column_of(Role::stage));
    REQUIRE(stage);
    CHECK(stage->source.rfind("=Lists!", 0) == 0);
  }
  SUBCASE("four colour rules on the RAG column, by word, any case") {
    const WorkbookModel m = layout_workbook(test_plans::rag_plan());
    const Sheet& s = sheet_named(m, "Actions");
    REQUIRE(s.conditionals.size() == 4);
    const std::string first = cell_ref(m.actions.first_row, m.actions.rag_col());
    CHECK(s.conditionals[0].style == Style::cf_red);
    CHECK(s.conditionals[0].formula == "LOWER(TRIM(" + first + "))=\"red\"");
    CHECK(s.conditionals[1].style == Style::cf_amber);
    CHECK(s.conditionals[1].formula.find("\"orange\"") != std::string::npos);
    CHECK(s.conditionals[1].formula.find("\"yellow\"") != std::string::npos);
    CHECK(s.conditionals[3].formula.find("\"blue\"") != std::string::npos);
    for (const ConditionalRule& r : s.conditionals) {
      CHECK(r.range.first_col == m.actions.rag_col());
      CHECK(r.range.last_row == m.actions.last_row);
      const StyleSpec* st = find_style(m, r.style);
      REQUIRE(st);
      CHECK(st->conditional);
    }
    // The word is always in the cell: colour is never the only carrier of the rating.
    const Plan p = test_plans::rag_plan();
    CHECK(text_at(s, row_of_action(m, p, "F1.2"), m.actions.rag_col()) == "Orange");
  }
  SUBCASE("a plan with no actions has no dropdowns or rules (nothing to rate)") {
    const WorkbookModel m = layout_workbook(test_plans::empty_plan());
    CHECK(sheet_named(m, "Actions").validations.empty());
    CHECK(sheet_named(m, "Actions").conditionals.empty());
  }
}

TEST_CASE("xlsx_layout: a repaired cell carries a note with the text before the repair") {
  SUBCASE("homoglyph id, split section name (on its band), OCR in a lead") {
    const Plan p = test_plans::gantt_plan();
    const WorkbookModel m = layout_workbook(p);
    const Sheet& s = sheet_named(m, "Actions");
    const SheetCell* id = find_cell(s, row_of_action(m, p, "T3"), m.actions.column_of(Role::id));
    REQUIRE(id);
    CHECK(id->text == "T3");
    CHECK(id->note == "Before repair (homoglyph, line 16): \u0442\u0437");
    const SheetCell* band = find_cell(s, m.actions.band_rows[1].second, 0);
    REQUIRE(band);
    CHECK(band->note.find("Buildings a\u2192nd Energy") != std::string::npos);
    const SheetCell* lead = find_cell(s, row_of_action(m, p, "E7"), m.actions.column_of(Role::lead));
    REQUIRE(lead);
    CHECK(lead->note.find("Growth Servce.") != std::string::npos);
    // Cells nobody repaired carry no note.
    CHECK(find_cell(s, row_of_action(m, p, "T1"), m.actions.column_of(Role::id))->note.empty());
  }
  SUBCASE("a repeated id: the repair's line picks the right action") {
    const Plan p = test_plans::matrix_plan();
    const WorkbookModel m = layout_workbook(p);
    const Sheet& s = sheet_named(m, "Actions");
    const int col = m.actions.column_of(Role::action);
    CHECK(find_cell(s, row_of_action(m, p, "22", 0), col)->note.empty());
    CHECK(find_cell(s, row_of_action(m, p, "22", 1), col)->note.find("suitable locations r") != std::string::npos);
  }
}

TEST_CASE("xlsx_layout: Summary counts actions by section and RAG colour, and by status and stage") {
  const Plan p = test_plans::rag_plan();
  const WorkbookModel m = layout_workbook(p);
  const Sheet& s = sheet_named(m, "Summary");
  auto row_named = [&](std::string_view name, int from = 0) {
    for (const SheetCell& c : s.cells)
      if (c.row >= from && c.col == 0 && c.text == name) return c.row;
    return -1;
  };
  auto num = [&](int row, int col) {
    const SheetCell* c = find_cell(s, row, col);
    REQUIRE_MESSAGE(c, "no cell at " << cell_ref(row, col));
    return c->number;
  };
  const int head = row_named("Section");
  REQUIRE(head >= 0);
  CHECK(text_at(s, head, 2) == "Orange");  // the amber column is named with the plan's word
  SUBCASE("section x colour, with the plan's Orange counted as amber and blanks as not rated") {
    const int finance = row_named("Finance");
    CHECK(num(finance, 1) == 0);  // red
    CHECK(num(finance, 2) == 1);  // amber (orange)
    CHECK(num(finance, 3) == 1);  // green
    CHECK(num(finance, 4) == 1);  // blue
    CHECK(num(finance, 5) == 0);  // not rated
    CHECK(num(finance, 6) == 3);  // actions
    const int dm = row_named("Decision Making and Procurement");
    CHECK(num(dm, 1) == 1);
    CHECK(num(dm, 5) == 1);
    const int total = row_named("Total");
    CHECK(num(total, 6) == 6);
    CHECK(num(total, 3) == 2);
  }
  SUBCASE("counts are formulas over the Actions RAG cells, so officers' updates flow through") {
    const SheetCell* c = find_cell(s, row_named("Finance"), 2);
    REQUIRE(c);
    CHECK(c->kind == CellKind::formula);
    const std::string rag = column_name(m.actions.rag_col());
    CHECK(c->text.find("COUNTIF(Actions!$" + rag + "$") != std::string::npos);
    CHECK(c->text.find("\"orange\"") != std::string::npos);
  }
  SUBCASE("stage counts, case-insensitive like COUNTIF") {
    const int stage_head = row_named("Stage");
    REQUIRE(stage_head > head);
    CHECK(num(row_named("Discovery", stage_head), 1) == 2);
    CHECK(num(row_named("Completed", stage_head), 1) == 2);
    const SheetCell* f = find_cell(s, row_named("Discovery", stage_head), 1);
    CHECK(f->text.find("\"=Discovery\"") != std::string::npos);
  }
  SUBCASE("a stacked bar chart of section x RAG") {
    REQUIRE(s.charts.size() == 1);
    CHECK(s.charts[0].series.size() == 5);
    CHECK(s.charts[0].categories.first_row == head + 1);
    CHECK(s.charts[0].categories.last_row == row_named("Total") - 1);
  }
}

TEST_CASE("xlsx_layout: Repairs lists every repair and warning, linked to the Actions cell") {
  SUBCASE("links point at the touched cell") {
    const Plan p = test_plans::gantt_plan();
    const WorkbookModel m = layout_workbook(p);
    const Sheet& s = sheet_named(m, "Repairs");
    std::vector<std::string> links;
    for (const SheetCell& c : s.cells)
      if (!c.link.empty()) links.push_back(c.link);
    REQUIRE(links.size() == 4);  // three repairs and one warning
    const std::string t3 = cell_ref(row_of_action(m, p, "T3"), m.actions.column_of(Role::id));
    CHECK(links[0] == "internal:'Actions'!" + t3);
    CHECK(links[1] == "internal:'Actions'!" + cell_ref(m.actions.band_rows[1].second, 0));
    CHECK(links[2] == "internal:'Actions'!" + cell_ref(row_of_action(m, p, "E7"), m.actions.column_of(Role::lead)));
    int warnings = 0;
    for (const SheetCell& c : s.cells) warnings += c.col == 0 && c.text == "Warning";
    CHECK(warnings == 1);
    CHECK(s.autofilter.has_value());
  }
  SUBCASE("nothing to report says so") {
    const WorkbookModel m = layout_workbook(test_plans::empty_plan());
    const Sheet& s = sheet_named(m, "Repairs");
    CHECK(std::any_of(s.cells.begin(), s.cells.end(),
                      [](const SheetCell& c) { return c.text.rfind("No repairs or warnings", 0) == 0; }));
  }
}

TEST_CASE("xlsx_layout: Key holds the plan's legends and the workbook's colour key") {
  const WorkbookModel m = layout_workbook(test_plans::rag_plan());
  const Sheet& s = sheet_named(m, "Key");
  auto has = [&](std::string_view text, std::string_view style = {}) {
    return std::any_of(s.cells.begin(), s.cells.end(), [&](const SheetCell& c) {
      return c.text == text && (style.empty() || style_name(c.style) == style);
    });
  };
  CHECK(has("Orange some delivery off track/timelines, further work to be completed"));
  CHECK(has("In discovery (research, fact finding, gather evidence)"));
  CHECK(has("Orange", "rag_amber"));
  CHECK(has("Red", "rag_red"));
  CHECK(has("In discovery", "key_term"));  // a stage line's own name, beside its full text
  const WorkbookModel g = layout_workbook(test_plans::gantt_plan());
  const Sheet& gk = sheet_named(g, "Key");
  CHECK(std::any_of(gk.cells.begin(), gk.cells.end(),
                    [](const SheetCell& c) { return c.text == "Ongoing actions" && c.col == 1; }));
}

TEST_CASE("xlsx_layout: panes, filter and print setup") {
  const Plan p = test_plans::gantt_plan();
  const WorkbookModel m = layout_workbook(p);
  const Sheet& s = sheet_named(m, "Actions");
  REQUIRE(s.freeze);
  CHECK(s.freeze->first == m.actions.header_row + 1);
  CHECK(s.freeze->second == m.actions.column_of(Role::id) + 1);
  REQUIRE(s.autofilter);
  CHECK(*s.autofilter == Range{m.actions.header_row, 0, m.actions.last_row, 12});
  CHECK(s.print.landscape);
  CHECK(s.print.fit_to_width);
  CHECK(s.print.repeat_rows == std::pair{m.actions.header_row, m.actions.header_row});
  CHECK(s.print.footer == "&L2050 Net Zero Leicestershire Action Plan&C&A&RPage &P of &N");
  SUBCASE("an ampersand in the title is doubled so the footer shows it") {
    const WorkbookModel e = layout_workbook(test_plans::edge_plan());
    CHECK(sheet_named(e, "Actions").print.footer.find("Kent && Medway") != std::string::npos);
    CHECK(e.properties.title == "Kent & Medway \"Energy\" and Low Emissions Strategy");
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
  // Each continuation sheet starts with a band naming the section it carries on, and no band is a part's last row.
  for (int part = 1; part <= g.split.part_of(g.last_row); ++part) {
    const int top = g.first_row + part * g.split.capacity();
    CHECK(std::any_of(g.band_rows.begin(), g.band_rows.end(), [&](const auto& b) { return b.second == top; }));
  }
  for (const auto& [name, row] : g.band_rows) CHECK(g.split.row_on_part(row) != sheet_rows - 1);

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

TEST_CASE("xlsx_layout: the plan's RAG vocabulary") {
  SUBCASE("legend words first by colour, completed with standard words") {
    Plan p;
    p.legend = {{LegendKind::rag, "Yellow - some slippage", "amber"}, {LegendKind::rag, "Green: on track", "green"}};
    const auto v = rag_vocabulary(p);
    REQUIRE(v.size() == 3);
    CHECK(v[0].word == "Red");
    CHECK(v[1].word == "Yellow");
    CHECK(v[1].colour == "amber");
    CHECK(v[2].word == "Green");
  }
  SUBCASE("an action's own colour decides its word's colour") {
    Plan p;
    Action a;
    a.rag = "complete";
    a.rag_colour = "blue";
    p.actions.push_back(a);
    const auto v = rag_vocabulary(p);
    CHECK(std::any_of(v.begin(), v.end(), [](const RagWord& w) { return w.word == "Complete" && w.colour == "blue"; }));
    CHECK(std::none_of(v.begin(), v.end(), [](const RagWord& w) { return w.word == "Blue"; }));
  }
}

TEST_CASE("xlsx_layout: text measures") {
  SUBCASE("wrapped lines") {
    CHECK(detail::wrapped_lines("", 20) == 1);
    CHECK(detail::wrapped_lines("short", 20) == 1);
    CHECK(detail::wrapped_lines("one two three four five six seven eight nine ten", 12) >= 4);
    CHECK(detail::wrapped_lines("line one\nline two", 60) == 2);
    CHECK(detail::wrapped_lines(std::string(100, 'x'), 11) == 10);  // an unbroken word breaks anywhere
  }
  SUBCASE("UTF-16 length counts astral characters twice") {
    CHECK(detail::utf16_length("T3") == 2);
    CHECK(detail::utf16_length("\u0442\u0437") == 2);
    CHECK(detail::utf16_length("\U0001F600") == 2);
  }
  SUBCASE("cutting never splits a character") {
    const std::string s = std::string(10, 'a') + "\U0001F600\U0001F600";
    const std::string cut = detail::cut_to_limit(s + std::string(100, 'b'), 60);
    CHECK(detail::utf16_length(cut) <= 60);
    CHECK(detail::valid_utf8(cut) == cut);
  }
  SUBCASE("invalid UTF-8 becomes U+FFFD") {
    CHECK(detail::valid_utf8("ab\xff" "c") == "ab\uFFFD" "c");
    CHECK(detail::valid_utf8("\xe2\x82") == "\uFFFD\uFFFD");
    CHECK(detail::valid_utf8("caf\xc3\xa9") == "caf\xc3\xa9");
  }
  SUBCASE("colour words") {
    CHECK(detail::colour_of_word("Orange") == "amber");
    CHECK(detail::colour_of_word("yellow") == "amber");
    CHECK(detail::colour_of_word("Completed") == "blue");
    CHECK(detail::colour_of_word("purple").empty());
  }
}
