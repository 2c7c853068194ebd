// Tests for the sheet choice pass: ids and header words as the score counts them, the score's rule, the best
// sheet, and the note naming the choice. (Choosing among a real workbook's sheets: tests/load/load_xlsx_test.cpp.)
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "detect/sheet_choice.hpp"

using namespace plansheet;

namespace {

RawTable sheet(const std::vector<std::vector<std::string>>& cells) {
  RawTable t;
  int line = 0;
  for (const auto& texts : cells) {
    Row row;
    row.line = ++line;
    for (const std::string& text : texts) row.cells.push_back(Cell{text, {line, 0}, nullptr});
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace

TEST_CASE("sheet choice: id-like cells") {
  for (const char* id : {"T1", "F1.1", "1.1", "12", "CR-01", "2.3a", "MG1.1", "3.2.1"}) {
    CAPTURE(id);
    CHECK(detail::is_id_like(id));
  }
  for (const char* text : {"Transport", "Action ID", "", "2025-26", "Ongoing"}) {
    CAPTURE(text);
    CHECK_FALSE(detail::is_id_like(text));
  }
}

TEST_CASE("sheet choice: the score, the best sheet and the note") {
  RawTable plan = sheet({{"Climate plan"}, {"Ref", "Action", "Lead"}, {"T1", "Plant trees", "Parks"},
                         {"T2", "Cut waste", "Facilities"}});
  detail::SheetScore s = detail::score_sheet(plan, "Action Plan", false);
  CHECK(detail::guess_header_row(plan) == 1);
  CHECK(s.id_rows == 2);
  CHECK(s.header_words == 3);
  CHECK(s.header_line == 2);
  CHECK(s.score == doctest::Approx(3.0 * 2 + 5.0 * 3 + 0.5 * 4 + 2.0 * 3));
  detail::SheetScore hidden = detail::score_sheet(plan, "Old plan", true);
  CHECK(hidden.score == doctest::Approx(s.score * 0.1));
  detail::SheetScore notes = detail::score_sheet(plan, "Guidance notes", false);
  CHECK(notes.furniture_name);
  CHECK(notes.score == doctest::Approx(s.score * 0.3));

  detail::SheetScore chart;
  chart.name = "Chart1";
  chart.chart = true;
  CHECK(detail::best_sheet({chart, notes, s, hidden}) == 2);
  CHECK(detail::sheet_choice_message(s, {notes, chart}) ==
        "sheet 'Action Plan' chosen (score 29): 2 id-like rows, header on row 2; also: 'Guidance notes' (9), "
        "'Chart1' (chart)");
}
