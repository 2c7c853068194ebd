// Tests for the aligner alone: a row that fits is read by position, a row that lost a cell has its cells moved to
// the columns their content fits (each move logged), and a row far wider than the header is warned about.
#include <doctest/doctest.h>

#include "reassemble/pass_inputs.hpp"
#include "text/dictionary.hpp"

using namespace plansheet;
using namespace plansheet::detail;
using namespace plansheet::testing;

namespace {

RawTable tracker() {
  return table_of({{"Ref", "Action", "Due", "Status"},
                   {"A1", "Plant trees on verges", "March 2026", "In progress"},
                   {"A2", "Cut office waste", "2027", "Complete"},
                   {"A3", "Buy renewable power", "April 2025", "Not started"},
                   {"A4", "Insulate the library", "2028", "In progress"}});
}

}  // namespace

TEST_CASE("aligner: aligned_cells") {
  const RawTable table = tracker();
  const TableLayout layout = layout_of({Role::id, Role::action, Role::end, Role::status});
  const Dictionary dictionary;
  const ColumnFit fit = learn_column_fit(table, layout, dictionary);
  Reassembled out;
  SUBCASE("a row that fits is read by position") {
    const std::vector<std::string> cells = {"A5", "Retrofit the pool", "2026", "Complete"};
    CHECK(aligned_cells(fit, cells, 0, 6, "A5", false, out) == cells);
    CHECK(out.repairs.empty());
  }
  SUBCASE("a row that lost its date cell: the status goes back under Status") {
    std::vector<std::string> placed = aligned_cells(fit, {"A5", "Retrofit the pool", "Complete"}, 0, 6, "A5", false, out);
    CHECK(placed == std::vector<std::string>{"A5", "Retrofit the pool", "", "Complete"});
    CHECK(logged(out.repairs, RepairRule::misplaced_text, 6, "status"));
  }
  SUBCASE("a continuation line is read by position, padded to the table's width") {
    std::vector<std::string> placed = aligned_cells(fit, {"", "and the gym"}, 0, 7, "A4", true, out);
    CHECK(placed == std::vector<std::string>{"", "and the gym", "", ""});
    CHECK(out.repairs.empty());
  }
}

TEST_CASE("aligner: the column the short rows lose, and a wrapped first line, weigh where a cell goes") {
  // A theme written on each theme's first row only: full rows have it, the rows after it are a cell short.
  const RawTable table = table_of({{"Ref", "Theme", "Action", "Lead", "Status"},
                                   {"P1", "Parks", "Plant an orchard at the cemetery", "Parks team", "In progress"},
                                   {"P2", "Mow verges twice a year for wild flowers", "Highways", "Complete"},
                                   {"P3", "Put bat boxes in the country park woods", "Rangers", "Not started"},
                                   {"S1", "Schools", "Help schools apply for solar grants", "Education", "In progress"},
                                   {"S2", "Run a walk-to-school week every term", "Public health", "Complete"},
                                   {"S3", "Fit water butts at every primary", "Estates", "Not started"}});
  const TableLayout layout = layout_of({Role::id, Role::section, Role::action, Role::lead, Role::status});
  const Dictionary dictionary;
  const ColumnFit fit = learn_column_fit(table, layout, dictionary);
  SUBCASE("the rows a cell short all lost the theme") {
    REQUIRE(fit.lost_share.size() == 5);
    CHECK(fit.lost_share[1] == doctest::Approx(1.0));
  }
  SUBCASE("a short first line of a wrapped action is the action's, not a theme") {
    Reassembled out;
    const std::vector<std::string> placed =
        aligned_cells(fit, {"S4", "Re-roof the", "Estates", "Not started"}, 0, 9, "S4", false, out);
    CHECK(placed == std::vector<std::string>{"S4", "", "Re-roof the", "Estates", "Not started"});
  }
}

TEST_CASE("aligner: warn_lost_line_breaks") {
  const TableLayout layout = layout_of({Role::id, Role::action, Role::end, Role::status});
  Reassembled out;
  std::vector<std::string> cells;
  for (int i = 0; i < 17; ++i) cells.push_back("cell");
  warn_lost_line_breaks(row_of(9, cells), cells, layout, out);
  REQUIRE(out.warnings.size() == 1);
  CHECK(out.warnings[0].message ==
        "line 9 holds 17 filled cells where the header has 4: the paste may have lost its line breaks");
  cells.resize(16);
  warn_lost_line_breaks(row_of(10, cells), cells, layout, out);
  CHECK(out.warnings.size() == 1);
}
