// Tests of the Repairs sheet: hand-built Plans in, one row per repair and warning, linked to its Actions cell.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "workbook/sample_plans.hpp"
#include "xlsx/change_words.hpp"
#include "xlsx/layout.hpp"
#include "xlsx/model_lookup.hpp"

using namespace plansheet;
using namespace plansheet::xlsx;
using namespace plansheet::xlsx::test;

TEST_CASE("xlsx_layout: Repairs lists every repair and warning, linked to the Actions cell") {
  SUBCASE("links point at the touched cell") {
    const Plan p = test_plans::gantt_plan();
    const WorkbookModel m = layout_workbook(p);
    const Sheet& s = sheet_named(m, "Repairs");
    std::vector<std::string> links;
    for (const SheetCell& c : s.cells)
      if (!c.link.empty()) links.push_back(c.link);
    REQUIRE(links.size() == 4);  // one warning, first, then three repairs
    CHECK(links[0] == "internal:'Actions'!" + cell_ref(row_of_action(m, p, "T9"), m.actions.column_of(Role::id)));
    const std::string t3 = cell_ref(row_of_action(m, p, "T3"), m.actions.column_of(Role::id));
    CHECK(links[1] == "internal:'Actions'!" + t3);
    CHECK(links[2] == "internal:'Actions'!" + cell_ref(m.actions.band_rows[1].second, 0));
    CHECK(links[3] == "internal:'Actions'!" + cell_ref(row_of_action(m, p, "E7"), m.actions.column_of(Role::lead)));
    int warnings = 0;
    for (const SheetCell& c : s.cells) warnings += c.col == 0 && c.text == "Warning";
    CHECK(warnings == 1);
    // In words: the rule's sentence beside its name, the look-alike letters named.
    auto has = [&](std::string_view text) {
      return std::any_of(s.cells.begin(), s.cells.end(), [&](const SheetCell& c) { return c.text == text; });
    };
    CHECK(has(rule_info(RepairRule::homoglyph).sentence));
    CHECK(has("homoglyph"));
    CHECK(has("[Cyrillic \u0442][Cyrillic \u0437]"));
    CHECK(has("Cyrillic '\u0442' (U+0442) \u2192 Latin 'T'; Cyrillic '\u0437' (U+0437) \u2192 digit '3'"));
    CHECK(has("Buildings a[tab]nd Energy"));
    CHECK(s.autofilter.has_value());
  }
  SUBCASE("nothing to report says so") {
    const WorkbookModel m = layout_workbook(test_plans::empty_plan());
    const Sheet& s = sheet_named(m, "Repairs");
    CHECK(std::any_of(s.cells.begin(), s.cells.end(),
                      [](const SheetCell& c) { return c.text.rfind("No repairs or warnings", 0) == 0; }));
  }
}

TEST_CASE("xlsx_layout: a repair filed under an id repaired later, or under no id, still finds its cell") {
  Plan p = test_plans::gantt_plan();
  const auto at = std::find_if(p.actions.begin(), p.actions.end(), [](const Action& a) { return a.id == "T3"; });
  REQUIRE(at != p.actions.end());
  const std::size_t t3 = static_cast<std::size_t>(at - p.actions.begin());
  // A split word in T3's action text, filed under the id as first read (its T Cyrillic), and a re-read line filed
  // under no action at all: both on T3's line.
  p.repairs.push_back({RepairRule::split_word, {16}, "\u0422" "3", "action", "Cycl\ting", "Cycling"});
  p.repairs.push_back({RepairRule::encoding_cp1252, {p.actions[t3].line}, "", "", "x", p.actions[t3].lead});
  // A repair on a line above the first action, not in the title: no cell.
  p.repairs.push_back({RepairRule::mojibake, {1}, "", "", "\u00e2\u20ac\u201c", "\u2013"});
  const WorkbookModel m = layout_workbook(p);
  const Sheet& s = sheet_named(m, "Repairs");
  const int row = row_of_action(m, p, "T3");
  std::vector<std::string> links;
  for (const SheetCell& c : s.cells)
    if (!c.link.empty()) links.push_back(c.link);
  CHECK(std::count(links.begin(), links.end(), "internal:'Actions'!" + cell_ref(row, m.actions.column_of(Role::action))) == 1);
  CHECK(std::count(links.begin(), links.end(), "internal:'Actions'!" + cell_ref(row, m.actions.column_of(Role::lead))) == 1);
  CHECK(links.size() == 6);  // the four above and these two; the line above the table has none
}

TEST_CASE("xlsx_layout: what a repair changed, in words") {
  using detail::marked_text;
  using detail::what_changed;
  CHECK(marked_text("Solar\u00a0Together", "Solar Together") == "Solar[no-break space]Together");
  CHECK(marked_text("co\u00adordinate", "coordinate") == "co[soft hyphen]ordinate");
  CHECK(marked_text("a\u200bb", "") == "a[zero-width space]b");
  // Other alphabets are named only where the repair changed them: a Greek word elsewhere stays as written.
  CHECK(marked_text("\u0391\u03b8\u03ae\u03bd\u03b1 \u0422R2", "\u0391\u03b8\u03ae\u03bd\u03b1 TR2") ==
        "\u0391\u03b8\u03ae\u03bd\u03b1 [Cyrillic \u0422]R2");
  CHECK(marked_text("plain text", "plain") == "plain text");
  Repair nbsp{RepairRule::invisible_characters, {3}, "A1", "action", "86\u00a0charge", "86 charge"};
  CHECK(what_changed(nbsp, "Action", "") == "no-break space (U+00A0) \u2192 space");
  Repair zw{RepairRule::invisible_characters, {3}, "A1", "action", "ab\u200b", "ab"};
  CHECK(what_changed(zw, "Action", "") == "zero-width space (U+200B) removed");
  Repair moved{RepairRule::misplaced_text, {3}, "A1", "update", "Done.", "Done.", 0, "rag"};
  CHECK(what_changed(moved, "Update", "RAG") == "moved from the RAG column to Update");
  Repair ocr{RepairRule::ocr, {3}, "A1", "rag", "Arnber", "Amber"};
  CHECK(what_changed(ocr, "RAG", "") == "'rn' \u2192 'm'");
}

TEST_CASE("xlsx_layout: what was detected is a note, after the repairs, its scores left out") {
  Plan p = test_plans::gantt_plan();
  Diagnostic chosen;
  chosen.message = "sheet 'Action Plan' chosen (score 150): 27 id-like rows, header on row 4; also: 'Instructions' (2), "
                   "'Lists' (0.5, hidden), 'Chart1' (chart)";
  chosen.note = true;
  p.warnings.insert(p.warnings.begin(), chosen);
  const WorkbookModel m = layout_workbook(p);
  const Sheet& s = sheet_named(m, "Repairs");
  std::vector<std::string> types;
  for (const SheetCell& c : s.cells)
    if (c.col == 0 && (c.text == "Warning" || c.text == "Repair" || c.text == "Note")) types.push_back(c.text);
  CHECK(types == std::vector<std::string>{"Warning", "Repair", "Repair", "Repair", "Note"});
  CHECK(std::any_of(s.cells.begin(), s.cells.end(), [](const SheetCell& c) {
    return c.text == "sheet 'Action Plan' chosen: 27 id-like rows, header on row 4; also: 'Instructions', 'Lists' "
                     "(hidden), 'Chart1' (chart)";
  }));
}
