// Tests of the Actions sheet: hand-built Plans in, the sheet model out (no files): column order, section bands,
// Gantt cells, widths and heights, dropdowns, colour rules, notes on repaired cells, panes and print setup.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "workbook/sample_plans.hpp"
#include "xlsx/layout.hpp"
#include "xlsx/model_lookup.hpp"

using namespace plansheet;
using namespace plansheet::xlsx;
using namespace plansheet::xlsx::test;

TEST_CASE("xlsx_layout: Actions columns follow the plan, a RAG column is always there, Gantt periods come last") {
  SUBCASE("gantt plan without a RAG column gets one before the periods") {
    const WorkbookModel m = layout_workbook(test_plans::gantt_plan());
    CHECK(labels(m) == std::vector<std::string>{"Section", "Action ID", "Objective", "Action", "LCC team leads", "Partners",
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
    CHECK(labels(m) == std::vector<std::string>{"Section", "Action ID", "Project Description", "Timescale",
                                                "Project stage", "RAG", "December 2023 Update"});
    CHECK(m.actions.rag_col() == 5);
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
    CHECK(m.actions.column_of(Role::section) == 0);
    CHECK(m.actions.column_of(Role::id) == 1);
    CHECK(m.actions.column_of(Role::action) > 1);
    CHECK(m.actions.column_of(Role::update) > 0);
    CHECK(m.actions.rag_col() > 0);
  }
}

TEST_CASE("xlsx_layout: ids and action text appear verbatim, each row with its section, in one table") {
  const Plan p = test_plans::gantt_plan();
  const WorkbookModel m = layout_workbook(p);
  const Sheet& s = sheet_named(m, "Actions");
  SUBCASE("a Section column on every row; no merged cells below the header; each section's first row marked") {
    const int section = m.actions.column_of(Role::section);
    REQUIRE(section == 0);
    for (std::size_t i = 0; i < p.actions.size(); ++i) {
      CAPTURE(p.actions[i].id);
      CHECK(text_at(s, m.actions.action_rows[i], section) == p.actions[i].section);
    }
    for (const Merge& mg : s.merges) CHECK(mg.range.last_row < m.actions.header_row);
    std::vector<std::string> names;
    for (const auto& [name, row] : m.actions.band_rows) names.push_back(name);
    CHECK(names == std::vector<std::string>{"Transport", "Buildings and Energy", "Business and Economy"});
    CHECK(row_of_action(m, p, "T1") == m.actions.band_rows[0].second);
    CHECK(row_of_action(m, p, "B1") == m.actions.band_rows[1].second);
    const std::string starts = "$A" + std::to_string(m.actions.first_row + 1) + "<>$A" + std::to_string(m.actions.first_row);
    CHECK(std::any_of(s.conditionals.begin(), s.conditionals.end(), [&](const ConditionalRule& r) {
      return r.formula == starts && r.style == Style::cf_section_name;
    }));
    // The rule rules off every column but those with rules of their own (LibreOffice applies one per cell): the
    // RAG, the overdue flag on End and the Gantt.
    std::vector<int> ruled;
    for (const ConditionalRule& r : s.conditionals)
      if (r.formula == starts && r.style == Style::cf_section_start)
        for (int c = r.range.first_col; c <= r.range.last_col; ++c) ruled.push_back(c);
    std::vector<int> want;
    for (const ActionsColumn& c : m.actions.columns)
      if (c.col > section && c.kind != ColumnKind::period && c.kind != ColumnKind::rag && c.role != Role::end)
        want.push_back(c.col);
    CHECK(ruled == want);
  }
  SUBCASE("the table: header to last action, one unique name per column") {
    REQUIRE(s.table);
    CHECK(s.table->range == Range{m.actions.header_row, 0, m.actions.last_row, static_cast<int>(m.actions.columns.size()) - 1});
    CHECK(s.table->headers.size() == m.actions.columns.size());
    CHECK(s.table->headers[0] == "Section");
    REQUIRE(s.ids_as_text);
    CHECK(s.ids_as_text->first_col == m.actions.column_of(Role::id));
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
  SUBCASE("actions without sections get no Section column") {
    const WorkbookModel mm = layout_workbook(test_plans::matrix_plan());
    CHECK(mm.actions.band_rows.empty());
    CHECK(mm.actions.column_of(Role::section) < 0);
    CHECK(mm.actions.action_rows.front() == mm.actions.header_row + 1);
  }
  SUBCASE("the title block names the plan, or the source file when it has no title") {
    CHECK(s.merges.front().text == "2050 Net Zero Leicestershire Action Plan");
    const WorkbookModel mm = layout_workbook(test_plans::rag_plan());
    CHECK(sheet_named(mm, "Actions").merges.front().text == "leicestershire-carbon-reduction-programme-2023.txt");
  }
}

TEST_CASE("xlsx_layout: a plan thousands of columns wide gets the filter, not an Excel Table") {
  // An Excel Table costs about 170 KB a column in the writer: a 600-target tick matrix would take 100 MB for it.
  Plan p = test_plans::gantt_plan();
  for (int k = 0; k < 600; ++k) p.columns.push_back({Role::target, "Target " + std::to_string(k + 1)});
  for (Action& a : p.actions) a.targets.assign(600, false);
  const WorkbookModel m = layout_workbook(p);
  const Sheet& s = sheet_named(m, "Actions");
  CHECK_FALSE(s.table);
  REQUIRE(s.autofilter);
  CHECK(s.autofilter->last_col >= 600);
  CHECK(s.ids_as_text);  // the rest of the sheet's setup is unchanged
}

TEST_CASE("xlsx_layout: a Gantt cell holds a glyph where the plan has the action active; rules colour the bars") {
  const Plan p = test_plans::gantt_plan();
  const WorkbookModel m = layout_workbook(p);
  const Sheet& s = sheet_named(m, "Actions");
  auto marks = [&](std::string_view id) {
    std::vector<std::string> out;
    const int row = row_of_action(m, p, id);
    for (const std::string& period : p.periods) out.push_back(text_at(s, row, period_col(m, period)));
    return out;
  };
  const std::string on = "\u25A0", go = "\u25B6";
  SUBCASE("fixed dates: a block in the active periods only; the others empty, with no format of their own") {
    CHECK(marks("T1") == std::vector<std::string>{on, on, "", "", ""});
    CHECK(marks("T9") == std::vector<std::string>{"", "", on, on, on});
    CHECK(marks("B3") == std::vector<std::string>{on, "", "", "", ""});
    const int row = row_of_action(m, p, "T1");
    CHECK(style_at(s, row, period_col(m, "2025-26")) == "gantt_mark");
    CHECK(find_cell(s, row, period_col(m, "2027-28")) == nullptr);
  }
  SUBCASE("ongoing: an arrow, and a lighter fill of the same hue, still 3:1 against white") {
    CHECK(marks("T2") == std::vector<std::string>(5, go));
    CHECK(marks("E7") == std::vector<std::string>(5, go));
    const StyleSpec* solid = find_style(m, "cf_gantt_active");
    const StyleSpec* light = find_style(m, "cf_gantt_ongoing");
    REQUIRE(solid);
    REQUIRE(light);
    REQUIRE(solid->fill);
    REQUIRE(light->fill);
    CHECK(*solid->fill != *light->fill);
    CHECK(solid->conditional);
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
    CHECK(rag->range.last_row == max_rows - 1);  // rows added below the table get the dropdown too
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
    const Sheet& sheet = sheet_named(m, "Actions");
    std::vector<ConditionalRule> rag;
    for (const ConditionalRule& r : sheet.conditionals)
      if (r.range.first_col == m.actions.rag_col()) rag.push_back(r);
    REQUIRE(rag.size() == 4);
    const std::string first = cell_ref(m.actions.first_row, m.actions.rag_col());
    CHECK(rag[0].style == Style::cf_red);
    CHECK(rag[0].formula == "LOWER(TRIM(" + first + "))=\"red\"");
    CHECK(rag[1].style == Style::cf_amber);
    CHECK(rag[1].formula.find("\"orange\"") != std::string::npos);
    CHECK(rag[1].formula.find("\"yellow\"") != std::string::npos);
    CHECK(rag[3].formula.find("\"blue\"") != std::string::npos);
    const Sheet& s = sheet;
    for (const ConditionalRule& r : rag) {
      CHECK(r.range.first_col == m.actions.rag_col());
      CHECK(r.range.last_row == max_rows - 1);
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

TEST_CASE("xlsx_layout: panes, filter and print setup") {
  const Plan p = test_plans::gantt_plan();
  const WorkbookModel m = layout_workbook(p);
  const Sheet& s = sheet_named(m, "Actions");
  REQUIRE(s.freeze);
  CHECK(s.freeze->first == m.actions.header_row + 1);
  // The id and the action stay in view.
  CHECK(s.freeze->second == m.actions.column_of(Role::action) + 1);
  REQUIRE(s.autofilter);
  CHECK(*s.autofilter == Range{m.actions.header_row, 0, m.actions.last_row, 13});
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
