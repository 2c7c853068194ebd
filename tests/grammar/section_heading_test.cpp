// Tests for the section-heading grammar: labels ("Workstream:", "Theme 2:", "Section 3 -") are dropped and
// kept apart, plain headings pass through, and sentences are not headings.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "grammar/api.hpp"

using plansheet::grammar::parse_section_heading;

TEST_CASE("grammar section_heading: labels are split from the name") {
  struct Case {
    std::string input, name, label;
  };
  for (auto const& c : std::vector<Case>{{"Workstream: Finance", "Finance", "Workstream:"},
                                         {"WORKSTREAM: Finance", "Finance", "WORKSTREAM:"},
                                         {"Workstream:Finance", "Finance", "Workstream:"},
                                         {"Theme 2: Transport", "Transport", "Theme 2:"},
                                         {"Section 3 - Buildings", "Buildings", "Section 3 -"},
                                         {"Section 3 – Buildings", "Buildings", "Section 3 –"},
                                         {"Priority area: Nature", "Nature", "Priority area:"},
                                         {"Theme A: Homes", "Homes", "Theme A:"},
                                         {"Objective 1.2 Reduce waste", "Reduce waste", "Objective 1.2"},
                                         {"1. Carbon Reduction", "Carbon Reduction", "1."},
                                         {"Transport", "Transport", ""},
                                         {"Management & Governance", "Management & Governance", ""},
                                         {"Transport:", "Transport", ""},
                                         {"Area of work", "Area of work", ""},
                                         {"Sector", "Sector", ""}}) {
    SUBCASE(c.input.c_str()) {
      CAPTURE(c.input);
      auto heading = parse_section_heading(c.input);
      REQUIRE(heading);
      CHECK(heading->name == c.name);
      CHECK(heading->label == c.label);
    }
  }
}

TEST_CASE("grammar section_heading: sentences and empty names are not headings") {
  for (std::string input : {"Deliver the plan by 2030.", "Is this a heading?", "",
                            "one two three four five six seven eight nine ten eleven twelve thirteen",
                            "Workstream:", "2030", "Theme 2: Cut emissions by half."}) {
    SUBCASE(input.c_str()) {
      CAPTURE(input);
      CHECK_FALSE(parse_section_heading(input));
    }
  }
}
