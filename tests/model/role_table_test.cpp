// Tests for the role table: every role's row (names, the names --roles accepts, how repairs name its cells, the
// workbook's label and width, text and prose), and an action's text reached through it.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/plan.hpp"

using namespace plansheet;

TEST_CASE("role table: every role, in the order of an action's JSON keys") {
  std::vector<std::string> names;
  for (Role role : all_roles) names.emplace_back(role_name(role));
  CHECK(names == std::vector<std::string>{"id", "section", "objective", "action", "lead", "partners", "start", "end",
                                          "timescale", "stage", "status", "rag", "update", "target", "period", "extra",
                                          "ignore"});
  for (Role role : all_roles) CHECK(role_row(role).role == role);
}

TEST_CASE("role table: names --roles accepts") {
  for (Role role : all_roles) CHECK(role_from_name(role_name(role)) == role);
  CHECK(role_from_name("targets") == Role::target);
  CHECK(role_from_name("periods") == Role::period);
  CHECK_FALSE(role_from_name("Lead").has_value());
  CHECK_FALSE(role_from_name("").has_value());
}

TEST_CASE("role table: text roles, prose roles, and how repairs name a cell") {
  for (Role role : all_roles) {
    CAPTURE(role_name(role));
    bool text = role != Role::target && role != Role::period && role != Role::extra && role != Role::ignore;
    CHECK(is_text_role(role) == text);
  }
  for (Role role : {Role::objective, Role::action, Role::lead, Role::partners, Role::update, Role::status, Role::stage,
                    Role::extra})
    CHECK(is_prose_role(role));
  for (Role role : {Role::id, Role::section, Role::start, Role::end, Role::timescale, Role::rag, Role::target,
                    Role::period, Role::ignore})
    CHECK_FALSE(is_prose_role(role));
  CHECK(cell_role_name(Role::lead, "LCC team leads") == "lead");
  CHECK(cell_role_name(Role::target, "Cleaner air") == "targets");
  CHECK(cell_role_name(Role::period, "2025-26") == "period");
  CHECK(cell_role_name(Role::extra, "Budget") == "Budget");
}

TEST_CASE("role table: the workbook's label and width") {
  CHECK(role_display_label(Role::id) == "ID");
  CHECK(role_display_label(Role::rag) == "RAG");
  CHECK(role_display_label(Role::update) == "Update");
  CHECK(role_display_label(Role::target) == "target");
  CHECK(role_width_cap(Role::action) == 60);
  CHECK(role_width_cap(Role::update) == 55);
  CHECK(role_width_cap(Role::id) == 14);
  CHECK(role_width_cap(Role::status) == 18);
  CHECK(role_width_cap(Role::extra) == 40);
}

TEST_CASE("role table: an action's text of a role") {
  Action a;
  a.lead = "Parks";
  REQUIRE(a.text_of(Role::lead) != nullptr);
  CHECK(*a.text_of(Role::lead) == "Parks");
  *a.text_of(Role::update) = "On track";
  CHECK(a.update == "On track");
  CHECK(a.text_of(Role::target) == nullptr);
  CHECK(a.text_of(Role::extra) == nullptr);
}
