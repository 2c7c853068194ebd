// Tests of the plan's RAG vocabulary: legend lines and actions in, the words of the dropdown and their colours out.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "xlsx/layout.hpp"

using namespace plansheet;
using namespace plansheet::xlsx;

TEST_CASE("xlsx_layout: the plan's RAG vocabulary") {
  SUBCASE("legend words first by colour, completed with standard words") {
    Plan p;
    p.legend = {{LegendKind::rag, "Yellow - some slippage", "amber"}, {LegendKind::rag, "Green: on track", "green"}};
    const auto v = rag_vocabulary(p);
    REQUIRE(v.size() == 3);
    CHECK(v[0].word == "Red");
    CHECK(v[1].word == "Yellow");
    CHECK(v[1].colour == "amber");
    CHECK(v[2].word == "Green");
  }
  SUBCASE("an action's own colour decides its word's colour") {
    Plan p;
    Action a;
    a.rag = "complete";
    a.rag_colour = "blue";
    p.actions.push_back(a);
    const auto v = rag_vocabulary(p);
    CHECK(std::any_of(v.begin(), v.end(), [](const RagWord& w) { return w.word == "Complete" && w.colour == "blue"; }));
    CHECK(std::none_of(v.begin(), v.end(), [](const RagWord& w) { return w.word == "Blue"; }));
  }
}
