// Tests for the actions pass alone: an id read as written, through look-alike letters, as the next of a run of
// numbers, or with a mark glued after it; and a new draft action for the row.
#include <doctest/doctest.h>

#include "reassemble/pass_inputs.hpp"

using namespace plansheet;
using namespace plansheet::detail;
using namespace plansheet::testing;

TEST_CASE("actions: read_id") {
  using Cells = std::vector<std::string>;
  SUBCASE("an id as written") {
    auto id = read_id(Cells{"T3", "Extend bus lanes"}, 0, "");
    REQUIRE(id);
    CHECK(id->id == "T3");
    CHECK(id->raw == "T3");
    CHECK(id->rest.empty());
  }
  SUBCASE("a mark glued after the id") {
    auto id = read_id(Cells{"50 ✓", "Plant trees"}, 0, "");
    REQUIRE(id);
    CHECK(id->id == "50");
    CHECK(id->rest == "✓");
  }
  SUBCASE("Cyrillic look-alike letters: the Latin id to tell rows apart, the written one to repair") {
    auto id = read_id(Cells{"ТЗ"}, 0, "");
    REQUIRE(id);
    CHECK(id->id == "T3");
    CHECK(id->raw == "ТЗ");
  }
  SUBCASE("a four-digit number is an id only as the next of a run of numeric ids") {
    CHECK(read_id(Cells{"1000"}, 0, "999"));
    CHECK_FALSE(read_id(Cells{"1000"}, 0, ""));
    CHECK_FALSE(read_id(Cells{"2025"}, 0, "12"));
  }
  SUBCASE("no id") {
    CHECK_FALSE(read_id(Cells{"Energy"}, 0, ""));
    CHECK_FALSE(read_id(Cells{"T1"}, 1, ""));  // the id column is past the row's cells
  }
}

TEST_CASE("actions: read_row_id gives a glued mark its own cell") {
  const TableLayout layout = layout_of({Role::id, Role::target, Role::action});
  Reassembled out;
  Drafting drafting;
  Row row = row_of(4, {"50 ✓", "Plant trees"});
  std::vector<std::string> cells = cell_texts(row);
  auto id = read_row_id(row, cells, layout, drafting, out);
  REQUIRE(id);
  CHECK(cells == std::vector<std::string>{"50", "✓", "Plant trees"});
  CHECK(logged(out.repairs, RepairRule::misplaced_text, 4, "id"));
}

TEST_CASE("actions: read_row_id finds the id of a row that lost the empty cells before it") {
  const TableLayout layout = layout_of({Role::section, Role::id, Role::action, Role::lead});
  Reassembled out;
  Drafting drafting;
  SUBCASE("a row a cell short starting with an id") {
    Row row = row_of(9, {"K2", "Fit timers to the office heating", "Estates"});
    std::vector<std::string> cells = cell_texts(row);
    auto id = read_row_id(row, cells, layout, drafting, out);
    REQUIRE(id);
    CHECK(id->id == "K2");
    CHECK(id->cell == 0);
  }
  SUBCASE("a full row's first cell is its section, never its id") {
    Row row = row_of(9, {"K2", "Kitchens", "Fit timers to the office heating", "Estates"});
    std::vector<std::string> cells = cell_texts(row);
    CHECK_FALSE(read_row_id(row, cells, layout, drafting, out));
  }
  SUBCASE("an id alone on its line is no action row") {
    Row row = row_of(9, {"K2"});
    std::vector<std::string> cells = cell_texts(row);
    CHECK_FALSE(read_row_id(row, cells, layout, drafting, out));
  }
}

TEST_CASE("actions: start_action") {
  Reassembled out;
  Drafting drafting;
  drafting.current_heading = 2;
  start_action({"T1", "Extend bus lanes"}, {"T1", "Extend bus lanes"}, row_of(7, {"T1", "Extend bus lanes"}),
               RowId{"T1", "T1", ""}, drafting, out);
  REQUIRE(out.actions.size() == 1);
  CHECK(out.actions[0].heading == 2);
  CHECK(out.actions[0].line == 7);
  CHECK(out.actions[0].lines == std::vector<int>{7});
  CHECK(drafting.last == &out.actions[0]);
  CHECK(drafting.last_id == "T1");
  CHECK(drafting.previous_action_id == "T1");
  CHECK(drafting.last_raw_cells == std::vector<std::string>{"T1", "Extend bus lanes"});  // for a row split in a cell
}
