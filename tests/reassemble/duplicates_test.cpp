// Tests for the duplicates pass alone: the last action's row printed again is merged into it, and two actions that
// share an id by mistake are left apart.
#include <doctest/doctest.h>

#include "reassemble/pass_inputs.hpp"
#include "text/dictionary.hpp"

using namespace plansheet;
using namespace plansheet::detail;
using namespace plansheet::testing;

TEST_CASE("duplicates: merge_printed_twice") {
  const TableLayout layout = layout_of({Role::id, Role::action, Role::lead, Role::status});
  const Dictionary dictionary;
  Reassembled out;
  out.actions.push_back(DraftAction{{"E1", "Fit solar panels on the depot", "Property Services", ""}, -1, 3, {3}});
  Drafting drafting;
  drafting.last = &out.actions.back();
  drafting.last_id = "E1";
  const RowId e1{"E1", "E1", ""};

  SUBCASE("a second printing fills what the first lacked, and is logged as removed") {
    const std::vector<std::string> placed = {"E1", "Fit solar panels on the depot", "Property Services", "Complete"};
    CHECK(merge_printed_twice(placed, row_of(4, placed), e1, layout, dictionary, drafting, out));
    CHECK(out.actions[0].cells[3] == "Complete");
    CHECK(out.actions[0].lines == std::vector<int>{3, 4});
    CHECK(logged(out.repairs, RepairRule::duplicate_row, 4, "status"));
    CHECK(out.repairs.size() == 1);  // the cells printed alike change nothing
    REQUIRE(out.removed.size() == 1);
    CHECK(removal_reason_text(out.removed[0]) == "row printed twice (merged into line 3)");
  }
  SUBCASE("two printings of one text keep the cleaner copy") {
    const std::vector<std::string> placed = {"E1", "Fit solar pnaels on the depot", "", ""};
    CHECK(merge_printed_twice(placed, row_of(4, placed), e1, layout, dictionary, drafting, out));
    CHECK(out.actions[0].cells[1] == "Fit solar panels on the depot");
  }
  SUBCASE("another id is no printing of this action") {
    const std::vector<std::string> placed = {"E2", "Buy renewable electricity", "Procurement", ""};
    CHECK_FALSE(merge_printed_twice(placed, row_of(4, placed), RowId{"E2", "E2", ""}, layout, dictionary, drafting, out));
    CHECK(out.repairs.empty());
    CHECK(out.removed.empty());
  }
  SUBCASE("one id on two complete, different actions: two actions, for reconcile to warn about") {
    out.actions[0].cells[1] = "Fit solar panels on the depot.";
    const std::vector<std::string> placed = {"E1", "Buy renewable electricity for the offices.", "Procurement", ""};
    CHECK_FALSE(merge_printed_twice(placed, row_of(4, placed), e1, layout, dictionary, drafting, out));
  }
}
