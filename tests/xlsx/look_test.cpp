// Tests of the look: words in, the RAG colour they name out; the style table made once, every colour named.
#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "xlsx/look.hpp"

using namespace plansheet;
using namespace plansheet::xlsx;

TEST_CASE("xlsx_look: colour words, and every bordered style names its border colour") {
  SUBCASE("colour words") {
    CHECK(colour_of_word("Orange") == "amber");
    CHECK(colour_of_word("yellow") == "amber");
    CHECK(colour_of_word("Completed") == "blue");
    CHECK(colour_of_word("purple").empty());
  }
  SUBCASE("the style table") {
    const std::vector<StyleSpec> styles = style_table();
    CHECK(styles.size() == style_count - 1);  // every style but none, each once
    for (const StyleSpec& s : styles) {
      CAPTURE(style_name(s.id));
      CHECK(std::count_if(styles.begin(), styles.end(), [&](const StyleSpec& t) { return t.id == s.id; }) == 1);
      if (s.border) CHECK(s.border_colour != palette::black);
    }
  }
}
