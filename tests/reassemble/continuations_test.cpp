// Tests for the continuations pass alone: a line with no id extends the last action's cells (each extension
// logged); before the first action it is set aside with a warning.
#include <doctest/doctest.h>

#include "reassemble/pass_inputs.hpp"
#include "text/dictionary.hpp"

using namespace plansheet;
using namespace plansheet::detail;
using namespace plansheet::testing;

TEST_CASE("continuations: continue_last_action") {
  const RawTable table = table_of({{"Ref", "Action", "Lead"}, {"A1", "Plant trees on", "Parks"}});
  const TableLayout layout = layout_of({Role::id, Role::action, Role::lead});
  const Dictionary dictionary;
  const ColumnFit fit = learn_column_fit(table, layout, dictionary);
  Reassembled out;
  Drafting drafting;
  SUBCASE("before the first action the text belongs to none") {
    continue_last_action(fit, row_of(2, {"Notes for officers"}), {"Notes for officers"}, 0, drafting, out);
    REQUIRE(out.removed.size() == 1);
    CHECK(out.removed[0].reason == RemovalReason::before_first_action);
    REQUIRE(out.warnings.size() == 1);
    CHECK(out.warnings[0].message == "line 2: text that belongs to no action was left out: 'Notes for officers'");
  }
  SUBCASE("after an action, its cells are extended column by column") {
    out.actions.push_back(DraftAction{{"A1", "Plant trees on", "Parks"}, -1, 2, {2}});
    drafting.last = &out.actions.back();
    drafting.last_id = "A1";
    const std::vector<std::string> cells = {"", "verges", "& Highways"};
    continue_last_action(fit, row_of(3, cells), cells, 0, drafting, out);
    CHECK(out.actions[0].cells == std::vector<std::string>{"A1", "Plant trees on verges", "Parks & Highways"});
    CHECK(out.actions[0].lines == std::vector<int>{2, 3});
    CHECK(logged(out.repairs, RepairRule::continuation, 3, "action"));
    CHECK(logged(out.repairs, RepairRule::continuation, 3, "lead"));
    CHECK(out.removed.empty());
  }
  SUBCASE("text in the id column of a continuation line is left out and flagged") {
    out.actions.push_back(DraftAction{{"A1", "Plant trees on", "Parks"}, -1, 2, {2}});
    drafting.last = &out.actions.back();
    drafting.last_id = "A1";
    const std::vector<std::string> cells = {"see note", "verges"};
    continue_last_action(fit, row_of(3, cells), cells, 0, drafting, out);
    CHECK(out.actions[0].cells[0] == "A1");
    REQUIRE(out.removed.size() == 1);
    CHECK(out.removed[0].reason == RemovalReason::id_column_of_continuation);
    CHECK(out.warnings.size() == 1);
  }
}
