// Tests for header words: labels reduced to words, and labels to roles by the role table's synonyms, including
// the labels two roles' words both match (the earlier label_rank wins).
#include <doctest/doctest.h>

#include "detect/header_words.hpp"

using namespace plansheet;

TEST_CASE("header words: labels to roles by synonym") {
  struct Case {
    const char* label;
    Role role;
  };
  const Case cases[] = {
      {"Action ID", Role::id},           {"No.", Role::id},
      {"Ref", Role::id},                 {"ID #", Role::id},
      {"Reference", Role::id},           {"Action", Role::action},
      {"Action Detail", Role::action},   {"Project Description", Role::action},
      {"Actions", Role::action},         {"Lead", Role::lead},
      {"LCC team leads", Role::lead},    {"Responsible officer", Role::lead},
      {"Partners", Role::partners},      {"Key stakeholders", Role::partners},
      {"Delivery Status", Role::status}, {"Status", Role::status},
      {"Project stage", Role::stage},    {"RAG", Role::rag},
      {"RAG rating", Role::rag},         {"Timescale", Role::timescale},
      {"Action Plan Target Date", Role::timescale},
      {"Start", Role::start},            {"End", Role::end},
      {"December 2023 Update", Role::update},
      {"Progress", Role::update},        {"Objective", Role::objective},
      {"Theme", Role::section},          {"Workstream", Role::section},
  };
  for (const Case& c : cases) {
    SUBCASE(c.label) {
      CAPTURE(c.label);
      auto role = role_from_label(c.label);
      REQUIRE(role.has_value());
      CHECK(role_name(*role) == role_name(c.role));
    }
  }
  SUBCASE("labels naming no role") {
    for (const char* label : {"Budget", "Cost (£k)", "", "Improve our Biodiversity across Council estate by 2030"}) {
      CAPTURE(label);
      CHECK_FALSE(role_from_label(label).has_value());
    }
  }
}

TEST_CASE("header words: where two roles' words meet, the earlier rank wins") {
  CHECK(role_from_label("RAG status") == Role::rag);          // rag before status
  CHECK(role_from_label("Target date") == Role::timescale);   // a target date, not a tick column
  CHECK(role_from_label("Lead partner") == Role::lead);       // lead before partners
  CHECK(role_from_label("Project stage") == Role::stage);     // stage before action ("project")
  CHECK(role_from_label("Completion date") == Role::end);     // end's whole label before timescale's "completion"
  CHECK(role_from_label("Strategic objective description") == Role::objective);
  CHECK(role_from_label("Progress notes") == Role::update);
  CHECK(role_from_label("Timescale / Start") == Role::start);  // the lower level of a two-level label
}

TEST_CASE("header words: labels as words") {
  CHECK(label_key("ID #") == "id #");
  CHECK(label_key("Lead Officer/Team") == "lead officer team");
  CHECK(label_key("  Action Plan Target Date: ") == "action plan target date");
  CHECK(has_label_word("lcc team leads", "lead"));
  CHECK(has_label_word("key stakeholders", "stakeholder"));
  CHECK_FALSE(has_label_word("leadership", "lead"));
  CHECK(label_starts_with("rag status", "rag"));
  CHECK_FALSE(label_starts_with("ragged", "rag"));
}

TEST_CASE("header words: everyday and bilingual wording") {
  struct Case {
    const char* label;
    Role role;
  };
  const Case cases[] = {
      {"Working with", Role::partners},      {"Due", Role::timescale},
      {"What we will do", Role::action},     {"Who", Role::lead},
      {"When", Role::timescale},             {"Latest position", Role::update},
      {"Completion by", Role::timescale},    {"Key area", Role::section},
      {"Commentary", Role::update},          {"R/A/G", Role::rag},
      {"Cam Gweithredu / Action", Role::action}, {"Statws RAG / RAG Status", Role::rag},
      {"Arweinydd / Lead", Role::lead},      {"Amserlen / Timescale", Role::timescale},
      {"Diweddariad / Update", Role::update}, {"Sylwadau / Comments", Role::update},
      {"Cyf. / Ref.", Role::id},             {"Maes / Area", Role::section},
  };
  for (const Case& c : cases) {
    SUBCASE(c.label) {
      CAPTURE(c.label);
      auto role = role_from_label(c.label);
      REQUIRE(role.has_value());
      CHECK(role_name(*role) == role_name(c.role));
    }
  }
  SUBCASE("either side of a bilingual label is enough") {
    CHECK(role_from_label("Sylwadau") == Role::update);  // the Welsh side alone
    CHECK(role_from_label("Statws") == Role::status);
  }
  SUBCASE("a word that only sometimes names a role names it weakly") {
    auto named = roles_named_by("Progress");
    REQUIRE(named.size() == 2);
    CHECK(named[0].role == Role::update);
    CHECK(named[1].role == Role::status);
    CHECK(named[1].strength < named[0].strength);
  }
  SUBCASE("the words that open a label outweigh words after them") {
    auto named = roles_named_by("RAG status");
    REQUIRE(named.size() == 2);
    CHECK(named[0].role == Role::rag);
    CHECK(named[1].strength * 2 <= named[0].strength);
  }
  SUBCASE("slashes between letters are not two labels") {
    CHECK(role_from_label("N/A") != Role::rag);
    CHECK_FALSE(role_from_label("Budget / Cost").has_value());
  }
}
