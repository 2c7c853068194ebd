// The repair-rule registry: one entry per rule, each with a distinct printed name and a sentence for an officer.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "model/repair_rule.hpp"

using namespace plansheet;

TEST_CASE("repair rules: every rule has a distinct name and a sentence") {
  std::set<std::string_view> names;
  for (const RepairRuleInfo& info : repair_rules()) {
    CHECK(&rule_info(info.rule) == &info);
    CHECK(!info.name.empty());
    CHECK(names.insert(info.name).second);
    CHECK(info.sentence.size() > 20);
    CHECK(info.sentence.back() == '.');
  }
  CHECK(names.size() == repair_rules().size());
}

TEST_CASE("repair rules: names as the exports print them") {
  CHECK(rule_name(RepairRule::homoglyph) == "homoglyph");
  CHECK(rule_name(RepairRule::split_word) == "split-word");
  CHECK(rule_name(RepairRule::encoding_cp1252) == "encoding-cp1252");
  CHECK(rule_name(RepairRule::lost_text) == "lost-text");
  CHECK(rule_info(RepairRule::homoglyph).sentence.find("another alphabet") != std::string_view::npos);
}

TEST_CASE("repair rules: text that is moved or restored is shown whole") {
  CHECK(rule_info(RepairRule::misplaced_text).shown_whole);
  CHECK(rule_info(RepairRule::lost_text).shown_whole);
  CHECK_FALSE(rule_info(RepairRule::split_word).shown_whole);
  CHECK_FALSE(rule_info(RepairRule::ocr).shown_whole);
}
