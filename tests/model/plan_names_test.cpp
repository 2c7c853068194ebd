// The printed names of legend kinds and removal reasons: what the JSON export writes for each enumerator.
#include <doctest/doctest.h>

#include "model/plan.hpp"

using namespace plansheet;

TEST_CASE("legend kinds print as the export's words") {
  CHECK(legend_kind_name(LegendKind::rag) == "rag");
  CHECK(legend_kind_name(LegendKind::gantt) == "gantt");
  CHECK(legend_kind_name(LegendKind::heading) == "heading");
}

TEST_CASE("removal reasons print as the export's words") {
  CHECK(removal_reason_text({3, "Page 3 of 11", RemovalReason::furniture}) == "furniture");
  CHECK(removal_reason_text({4, "x", RemovalReason::before_first_action}) ==
        "text between the header and the first action");
  SUBCASE("a duplicate row names the line it was merged into") {
    CHECK(removal_reason_text({9, "T3 Retrofit", RemovalReason::duplicate_row, 7}) ==
          "row printed twice (merged into line 7)");
  }
}
