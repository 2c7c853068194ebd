// Tests for pass 5, column roles by evidence: the fixtures in tests/fixtures/detect/ (header wording, bilingual
// labels, two-line headers, Gantt grids at several granularities) through the whole pipeline, and the scoring
// rule of role_scores.cpp alone, including what content must not overrule.
#include <doctest/doctest.h>

#include "detect/role_scores.hpp"
#include "ledger.hpp"

using namespace plansheet;
using namespace plansheet::detail;

namespace {

ColumnEvidence column(std::string label, std::vector<std::string> cells) {
  LooksReader reader;
  for (const std::string& c : cells) reader.add(c);
  return {label, roles_named_by(label), reader.looks()};
}

std::vector<Role> assigned(const std::vector<ColumnEvidence>& columns) {
  std::vector<Role> out;
  for (const RoleChoice& c : assign_roles(columns)) out.push_back(c.role);
  return out;
}

const std::vector<std::string> sentences = {"The first survey is done and the second is booked for May.",
                                            "Funding was agreed by the cabinet at its March meeting this year.",
                                            "Work paused while the contractor was replaced after a dispute.",
                                            "Six sites are now live and two more follow in the new year."};

}  // namespace

TEST_CASE("column roles: fixtures") { testing::check_fixtures("detect"); }

TEST_CASE("column roles: header words and values settled together") {
  SUBCASE("a header naming two roles is read by its values") {
    auto roles = assigned({column("Progress", {"In progress", "Complete", "In progress", "Not started"}),
                           column("Notes", sentences)});
    CHECK(roles == std::vector<Role>{Role::status, Role::update});
  }
  SUBCASE("a second column of a role already taken stays extra, not moved to a role it never named") {
    auto roles = assigned({column("Lead", {"Parks", "Housing", "Finance", "Parks"}),
                           column("Lead officer", {"Jo Bell", "Sam Reid", "Al Khan", "Jo Bell"})});
    CHECK(roles == std::vector<Role>{Role::lead, Role::extra});
  }
  SUBCASE("an unread label keeps its column extra even when its values look like a role") {
    auto roles = assigned({column("Funding source", {"UKSPF, CIL", "Salix; council capital", "CIL and S106", "UKSPF"})});
    CHECK(roles == std::vector<Role>{Role::extra});
  }
  SUBCASE("a plain header is not overruled by values that are merely unusual") {
    // A lead column of long descriptions is still the lead: nothing else names it and the header is clear.
    auto roles = assigned({column("Action", sentences), column("Lead", sentences)});
    CHECK(roles == std::vector<Role>{Role::action, Role::lead});
  }
  SUBCASE("without labels, values alone: ids, prose, dates, RAG words") {
    auto roles = assigned({column("", {"T1", "T2", "T3", "T4"}), column("", sentences),
                           column("", {"Mar-26", "2025/26", "Ongoing", "Dec-25"}), column("", {"Green", "Amber", "Red", "Green"})});
    CHECK(roles == std::vector<Role>{Role::id, Role::action, Role::timescale, Role::rag});
  }
}

TEST_CASE("column roles: what a column's values look like") {
  LooksReader reader;
  for (const char* c : {"KW / AH", "AH", "JB, MT", "", "AH"}) reader.add(c);
  ColumnLooks l = reader.looks();
  CHECK(l.filled == 4);
  CHECK(l.initials == doctest::Approx(1.0));
  CHECK(l.samples == std::vector<std::string>{"KW / AH", "AH", "JB, MT"});

  LooksReader welsh;
  for (const char* c : {"Gwyrdd/Green", "Oren / Amber", "Coch", "B1"}) welsh.add(c);
  CHECK(welsh.looks().rag == doctest::Approx(0.75));  // an id's letter is no rating
}
