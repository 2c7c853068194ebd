// Tests for how a paste's lines become cells: each tab or space line split on its own evidence and aimed at the
// table's width (line_cells.cpp), fixed-width records rebuilt from wrapped lines (fixed_records.cpp), and the
// whole-pipeline fixtures in tests/fixtures/dialect/.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "detect/dialect.hpp"
#include "ledger.hpp"
#include "load/paste/fixed_records.hpp"
#include "load/paste/tokenise.hpp"

using namespace plansheet;
using namespace plansheet::testing;

namespace {

RawTable read(std::vector<std::string> lines) {
  SourceText text;
  text.source = "p.txt";
  text.lines = std::move(lines);
  return tokenise(text, sniff(text.lines));
}

std::vector<std::string> texts(const Row& row) {
  std::vector<std::string> out;
  for (const Cell& c : row.cells) out.push_back(c.text);
  return out;
}

using Cells = std::vector<std::string>;

}  // namespace

TEST_CASE("paste lines: dialect fixtures") { check_fixtures("dialect"); }

TEST_CASE("paste lines: a line with no tabs in a tab paste is split at its runs of spaces") {
  RawTable t = read({"Ref\tAction\tLead\tPartner", "A1\tWarm homes advice\tHousing\tCitizens Advice",
                     "A2\tGreen fleet\tFleet\t", "A3   Tree map for the wards   Parks   Woodland Trust",
                     "    Cycle hub at the station   Transport   Rail operator"});
  REQUIRE(t.rows.size() == 5);
  CHECK(texts(t.rows[3]) == Cells{"A3", "Tree map for the wards", "Parks", "Woodland Trust"});
  SUBCASE("an indented line that is one cell short starts with an empty cell, and says so") {
    CHECK(texts(t.rows[4]) == Cells{"", "Cycle hub at the station", "Transport", "Rail operator"});
    bool noted = false;
    for (const Diagnostic& d : t.warnings) noted |= d.pos.line == 5 && d.note && d.message.find("indented") != std::string::npos;
    CHECK(noted);
  }
}

TEST_CASE("paste lines: indentation far to the right is a wrapped cell, not a lost first cell") {
  RawTable t = read({"Ref  Action  Lead  Update", "B1  Re-roof the depot  Estates  Tender out",
                     "B2  Solar car port  Parking  Planning granted", "B3  Heat network study  Energy  Draft in",
                     "                                          review  now"});
  REQUIRE(t.rows.size() == 5);
  CHECK(texts(t.rows[4]) == Cells{"review", "now"});
}

TEST_CASE("paste lines: a double space after a full stop is kept as a boundary when the row is not too wide") {
  RawTable t = read({"Ref  Action  Lead  Update", "C1  Cut waste.  Waste Team  On track.",
                     "C2  Fit LED lights in the hall.  Estates  Works started in May."});
  REQUIRE(t.rows.size() == 3);
  CHECK(texts(t.rows[2]) == Cells{"C2", "Fit LED lights in the hall.", "Estates", "Works started in May."});
  CHECK(t.repairs.empty());
}

TEST_CASE("paste lines: fixed-width records") {
  SUBCASE("a heading in the action column after a finished cell is a row of its own") {
    RawTable t = read({"Ref   Action                            Lead               RAG",
                       "W1    Cut paper use in the offices by   Digital Services   Green",
                       "      half.",
                       "      Nature and biodiversity",
                       "W2    Sow wildflower strips on three    Grounds Team       Amber",
                       "      road verges.",
                       "W3    Survey the bats in the country    Ecology Officer    Green",
                       "      park and the old quarry."});
    REQUIRE(t.rows.size() == 5);
    CHECK(texts(t.rows[1]) == Cells{"W1", "Cut paper use in the offices by half.", "Digital Services", "Green"});
    CHECK(texts(t.rows[2]) == Cells{"", "Nature and biodiversity", "", ""});
    CHECK(t.rows[2].line == 4);
    CHECK(texts(t.rows[4]) == Cells{"W3", "Survey the bats in the country park and the old quarry.", "Ecology Officer", "Green"});
  }
  SUBCASE("list items continue their cell; a title across the columns stays one cell") {
    RawTable t = read({"Harbour Board Climate Programme 2025 to 2030, as agreed in March",
                       "",
                       "Ref   Action                  Partners",
                       "P1    Shore power for the     \xE2\x80\xA2 Port users",
                       "      ferry berth             \xE2\x80\xA2 Grid operator",
                       "P2    Electric tugs           \xE2\x80\xA2 Tug company",
                       "P3    Solar on the cargo      \xE2\x80\xA2 Landlord",
                       "      sheds"});
    REQUIRE(t.rows.size() == 5);
    CHECK(texts(t.rows[0]) == Cells{"Harbour Board Climate Programme 2025 to 2030, as agreed in March"});
    CHECK(texts(t.rows[2]) == Cells{"P1", "Shore power for the ferry berth", "\xE2\x80\xA2 Port users \xE2\x80\xA2 Grid operator"});
    CHECK(t.rows[2].raw.find('\n') != std::string::npos);
    CHECK(t.rows[1].page_break_before);
  }
  SUBCASE("a word broken after a hyphen is joined back without a space") {
    std::string cell = "Support low-";
    append_fragment(cell, "carbon heating");
    CHECK(cell == "Support low-carbon heating");
    append_fragment(cell, "- and");
    CHECK(cell == "Support low-carbon heating - and");
  }
}
