// Tests for the RAG grammar: colour words, letters, two-colour ratings (the worse colour wins), "Complete" as
// blue, words with an explanation, and the status prose that must not read as a rating.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "grammar/api.hpp"

using plansheet::grammar::parse_rag;

TEST_CASE("grammar rag: ratings give the plan's word and a canonical colour") {
  struct Case {
    std::string input, word, colour;
  };
  for (auto const& c : std::vector<Case>{{"Red", "red", "red"},
                                         {"Amber", "amber", "amber"},
                                         {"Green", "green", "green"},
                                         {"Blue", "blue", "blue"},
                                         {"Orange", "orange", "amber"},
                                         {"Yellow", "yellow", "amber"},
                                         {"R", "red", "red"},
                                         {"A", "amber", "amber"},
                                         {"G", "green", "green"},
                                         {"B", "blue", "blue"},
                                         {"A/G", "amber/green", "amber"},
                                         {"A/R", "amber/red", "red"},
                                         {"R/A", "red/amber", "red"},
                                         {"G/A", "green/amber", "amber"},
                                         {"Amber / Green", "amber/green", "amber"},
                                         // Welsh, alone or beside its English: one rating, not two colours
                                         {"Gwyrdd/Green", "green", "green"},
                                         {"Oren / Amber", "amber", "amber"},
                                         {"Coch/Red ", "red", "red"},
                                         {"Glas", "blue", "blue"},
                                         {"Complete", "blue", "blue"},
                                         {"Completed", "blue", "blue"},
                                         {"Red - off track", "red", "red"},
                                         {"Green (on track)", "green", "green"},
                                         {"Amber: some delay", "amber", "amber"},
                                         {"RED", "red", "red"},
                                         {"gReEn", "green", "green"},
                                         {"yellow", "yellow", "amber"},
                                         {" Amber ", "amber", "amber"},
                                         {"Gwyrdd", "green", "green"},
                                         {"Oren", "amber", "amber"},
                                         {"Coch", "red", "red"},
                                         {"Glas", "blue", "blue"},
                                         {"Melyn", "yellow", "amber"},
                                         {"Gwyrdd/Green", "green", "green"},
                                         {"Oren / Amber", "amber", "amber"},
                                         {"Coch/Red ", "red", "red"},
                                         {"Glas / Blue", "blue", "blue"},
                                         {"Gwyrdd / Amber", "green/amber", "amber"}}) {
    SUBCASE(c.input.c_str()) {
      CAPTURE(c.input);
      auto rag = parse_rag(c.input);
      REQUIRE(rag);
      CHECK(rag->word == c.word);
      CHECK(rag->colour == c.colour);
    }
  }
}

TEST_CASE("grammar rag: an explanation after the word is given back as written") {
  struct Case {
    std::string input, explanation;
  };
  for (auto const& c : std::vector<Case>{{"Red - off track", "- off track"},
                                         {"Green (On Track)", "(On Track)"},
                                         {"Amber: some delay ", ": some delay"},
                                         {"Green-27", "-27"},
                                         {"Green", ""},
                                         {"A/G", ""},
                                         {"Amber / Green", ""},
                                         {"Completed", ""}}) {
    CAPTURE(c.input);
    auto rag = parse_rag(c.input);
    REQUIRE(rag);
    CHECK(rag->explanation == c.explanation);
  }
}

TEST_CASE("grammar rag: status prose and look-alikes are not ratings") {
  for (std::string input : {"Delivery", "In progress", "On track", "Greener Together", "Green Together",
                            "Red squirrels are being reintroduced", "Not started", "", "Ongoing", "a, b",
                            "A - late", "Bluebell woods", "2025-26", "RAG",
                            "Glasgow", "Cochrane Park", "Gwyrdd a glân"}) {
    SUBCASE(input.c_str()) {
      CAPTURE(input);
      CHECK_FALSE(parse_rag(input));
    }
  }
}
