// Tests for the furniture pass alone: page numbers, rules and "continued" lines, hidden rows and the header printed
// again are set aside and logged; rows that only look a little like them are kept.
#include <doctest/doctest.h>

#include "reassemble/pass_inputs.hpp"

using namespace plansheet;
using namespace plansheet::detail;
using namespace plansheet::testing;

TEST_CASE("furniture: is_furniture") {
  SUBCASE("page numbers, rules and continuation notes") {
    for (const char* text : {"Page 3 of 11", "page 4", "12 of 40", "PAGE 2", "________", "- - - -", "=====",
                             "(continued)", "Continued overleaf", "This page is intentionally left blank", "  "}) {
      CAPTURE(text);
      CHECK(is_furniture(text));
    }
  }
  SUBCASE("text that only starts like furniture") {
    for (const char* text : {"Page turner reading scheme", "3 of the 11 schools", "Continued support for schools",
                             "Page 12345", "12", "3 of 11 schools"}) {
      CAPTURE(text);
      CHECK_FALSE(is_furniture(text));
    }
  }
}

TEST_CASE("furniture: header_texts takes the widest header row") {
  RawTable table = table_of({{"Ref", "Action", "", ""}, {"Ref", "Action", "Lead", "Status"}, {"A1", "Plant trees"}});
  TableLayout layout = layout_of({Role::id, Role::action, Role::lead, Role::status});
  layout.body_begin = 2;
  CHECK(header_texts(table, layout) == std::vector<std::string>{"Action", "Lead", "Ref", "Status"});  // sorted
}

TEST_CASE("furniture: set_aside_furniture") {
  const std::vector<std::string> header = {"Ref", "Action", "Lead", "Status"};
  Reassembled out;
  SUBCASE("a page number") {
    Row row = row_of(5, {"Page 3 of 11"});
    CHECK(set_aside_furniture(row, cell_texts(row), header, out));
    REQUIRE(out.removed.size() == 1);
    CHECK(out.removed[0].reason == RemovalReason::furniture);
    CHECK(out.removed[0].text == "Page 3 of 11");
    CHECK(out.warnings.empty());
  }
  SUBCASE("a rule drawn across the cells") {
    Row row = row_of(6, {"_", "_", "_", "_"});
    CHECK(set_aside_furniture(row, cell_texts(row), header, out));
    CHECK(out.removed.at(0).reason == RemovalReason::furniture);
  }
  SUBCASE("the header printed again on a new page") {
    Row row = row_of(7, header);
    CHECK(set_aside_furniture(row, cell_texts(row), header, out));
    CHECK(out.removed.at(0).reason == RemovalReason::repeated_header);
  }
  SUBCASE("a hidden row is set aside with a warning, whatever it holds") {
    Row row = row_of(8, {"A9", "Retired action", "Parks", "Closed"});
    row.hidden = true;
    CHECK(set_aside_furniture(row, cell_texts(row), header, out));
    CHECK(out.removed.at(0).reason == RemovalReason::hidden_row);
    REQUIRE(out.warnings.size() == 1);
    CHECK(out.warnings[0].message == "line 8: hidden row left out of the table: A9 Retired action Parks Closed");
  }
  SUBCASE("an action row, and a row that shares one word with the header, are kept") {
    for (const Row& row : {row_of(9, {"A1", "Plant trees", "Parks", "Status"}), row_of(10, {"A2", "Cut waste"})}) {
      CHECK_FALSE(set_aside_furniture(row, cell_texts(row), header, out));
    }
    CHECK(out.removed.empty());
  }
}
