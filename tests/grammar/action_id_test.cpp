// Tests for the action-id grammar: ids as plans write them (kept verbatim), ids glued to the next cell's text,
// and the look-alikes that must not read as ids (years, amounts, months, lists, words).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "grammar/api.hpp"

using plansheet::grammar::is_action_id;
using plansheet::grammar::parse_action_id;
using plansheet::grammar::split_action_id;

TEST_CASE("grammar action_id: ids are recognised and kept as written") {
  for (std::string input : {"T1", "F1.1", "MG1.1", "1.1", "22", "4.1a", "EN2", "CE1.7", "DM1.10", "A-12", "EA4",
                            "T10", "1", "9.3", "PM1.3", "LD1.6"}) {
    SUBCASE(input.c_str()) {
      CAPTURE(input);
      auto id = parse_action_id(input);
      REQUIRE(id);
      CHECK(id->id == input);
      CHECK(id->rest.empty());
      CHECK(is_action_id(input));
    }
  }
}

TEST_CASE("grammar action_id: an id glued to the next cell is split off") {
  struct Case {
    std::string input, id, rest;
  };
  for (auto const& c : std::vector<Case>{{"50 ✓", "50", "✓"},
                                         {"54 ✔", "54", "✔"},
                                         {"50✓", "50", "✓"},
                                         {"T1 Develop a vision", "T1", "Develop a vision"},
                                         {"  F1.2  ", "F1.2", ""}}) {
    SUBCASE(c.input.c_str()) {
      CAPTURE(c.input);
      auto id = parse_action_id(c.input);
      REQUIRE(id);
      CHECK(id->id == c.id);
      CHECK(id->rest == c.rest);
      CHECK(is_action_id(c.input) == c.rest.empty());
    }
  }
}

TEST_CASE("grammar action_id: look-alikes are not ids") {
  for (std::string input : {"2025-26", "Apr-25", "APR-25", "SEPT-24", "Ongoing", "All", "1, 2", "2030", "700,000",
                            "Transport", "words", "", " ", "1.", "T1abc", "1st", "Q3 2025/26", "-12", "ABCDE1",
                            "1.1.", "тз", "✓", "12/03/2026"}) {
    SUBCASE(input.c_str()) {
      CAPTURE(input);
      CHECK_FALSE(parse_action_id(input));
      CHECK_FALSE(is_action_id(input));
      CHECK_FALSE(split_action_id(input));
    }
  }
}

TEST_CASE("grammar action_id: an id splits into prefix, numbers and suffix") {
  struct Case {
    std::string input, prefix;
    std::vector<int> numbers;
    std::string suffix;
  };
  for (auto const& c : std::vector<Case>{{"MG1.10", "MG", {1, 10}, ""},
                                         {"4.1a", "", {4, 1}, "a"},
                                         {"T3", "T", {3}, ""},
                                         {"22", "", {22}, ""},
                                         {"A-12", "A", {12}, ""},
                                         {"CE1.7", "CE", {1, 7}, ""}}) {
    SUBCASE(c.input.c_str()) {
      CAPTURE(c.input);
      auto parts = split_action_id(c.input);
      REQUIRE(parts);
      CHECK(parts->prefix == c.prefix);
      CHECK(parts->numbers == c.numbers);
      CHECK(parts->suffix == c.suffix);
    }
  }
  SUBCASE("an id with text after it is not a bare id") { CHECK_FALSE(split_action_id("50 ✓")); }
}
