// The list of cell-level rules: the order they run in, and which columns each applies to.
#include <doctest/doctest.h>

#include <vector>

#include "repair/words.hpp"

using namespace plansheet;
using namespace plansheet::testing;

TEST_CASE("clean_text: the cell rules in the order they run") {
  std::vector<RepairRule> order;
  for (const CellRule& rule : cell_rules()) order.push_back(rule.rule);
  CHECK(order == std::vector<RepairRule>{RepairRule::homoglyph, RepairRule::ocr, RepairRule::ocr, RepairRule::ocr,
                                         RepairRule::split_word, RepairRule::line_end_hyphen, RepairRule::ocr,
                                         RepairRule::ocr});
}

TEST_CASE("clean_text: which columns each rule applies to") {
  const auto rules = cell_rules();
  SUBCASE("look-alike letters everywhere, ids included") {
    CHECK(rules[0].applies_to(Role::id));
    CHECK(rules[0].applies_to(Role::action));
  }
  SUBCASE("the word rules never in an id") {
    for (std::size_t i = 1; i <= 5; ++i) {
      CAPTURE(i);
      CHECK_FALSE(rules[i].applies_to(Role::id));
      CHECK(rules[i].applies_to(Role::lead));
    }
  }
  SUBCASE("a misread value and a lone mark only in a date or rating column, sparing the column's vocabulary") {
    for (std::size_t i = 6; i <= 7; ++i) {
      CAPTURE(i);
      CHECK(rules[i].applies_to(Role::timescale));
      CHECK(rules[i].applies_to(Role::rag));
      CHECK_FALSE(rules[i].applies_to(Role::action));
      CHECK(rules[i].spares_vocabulary);
    }
    for (std::size_t i = 0; i <= 5; ++i) CHECK_FALSE(rules[i].spares_vocabulary);
  }
}

TEST_CASE("clean_text: each step logs its own rule") {
  Words w;
  for (const CellRule& rule : cell_rules()) {
    for (const char* text : {"a \u0441limate fund", "n In progress", "energy rnanagement", "install ele ctric chargers", "a commu- nity fund", "x"}) {
      CAPTURE(text);
      if (auto fix = rule.fn(text, Role::timescale, w.lexicon)) CHECK(fix->rule == rule.rule);
    }
  }
}
