// Tests for the text-under-the-table pass alone: a totals row and a block set off after the last action row are
// set aside; a wrapped line that finishes the last action, and anything above the last action row, are not.
#include <doctest/doctest.h>

#include "reassemble/pass_inputs.hpp"

using namespace plansheet;
using namespace plansheet::detail;
using namespace plansheet::testing;

TEST_CASE("under_table: is_totals_line") {
  CHECK(is_totals_line({"Total actions: 27"}));
  CHECK(is_totals_line({"Total", "14"}));
  CHECK_FALSE(is_totals_line({"Total cost to be confirmed"}));
  CHECK_FALSE(is_totals_line({"T4", "Count cyclists at 12 sites.", "Transport", "Green"}));
}

TEST_CASE("under_table: find_text_under_table") {
  const TableLayout layout = layout_of({Role::id, Role::action, Role::lead});
  SUBCASE("a key block after a blank line, and a totals row, are under the table") {
    RawTable t = table_of({{"Ref", "Action", "Lead"}, {"K1", "Compost green waste.", "Parks"}, {"Total: 1"},
                           {"Key"}, {"G", "On track"}});
    t.rows[3].page_break_before = true;
    Verdicts why = find_text_under_table(t, layout, Verdicts(t.rows.size()));
    CHECK(why[2]->reason == RemovalReason::totals_row);
    CHECK(why[3]->reason == RemovalReason::under_table);
    CHECK(why[4]->reason == RemovalReason::under_table);
    CHECK_FALSE(why[1]);
  }
  SUBCASE("a wrapped line after a page break still finishes the last action") {
    RawTable t = table_of({{"Ref", "Action", "Lead"}, {"K1", "Compost green waste from the", "Parks"},
                           {"", "Northfield depot.", ""}});
    t.rows[2].page_break_before = true;
    Verdicts why = find_text_under_table(t, layout, Verdicts(t.rows.size()));
    CHECK_FALSE(why[2]);
  }
  SUBCASE("an id-less line with no blank line before it, between actions or after the last, is not set aside") {
    RawTable t = table_of({{"Ref", "Action", "Lead"}, {"K1", "Compost green waste.", "Parks"},
                           {"", "Extra note for K1.", ""}});
    Verdicts why = find_text_under_table(t, layout, Verdicts(t.rows.size()));
    CHECK_FALSE(why[2]);
  }
}
