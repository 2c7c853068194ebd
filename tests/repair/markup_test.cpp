// Rule markup: HTML and markdown removed, leaving the words; text that only looks like markup left alone.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "repair/words.hpp"

using namespace plansheet;
using namespace plansheet::testing;

TEST_CASE("markup: strip_markup") {
  SUBCASE("HTML tags") {
    const std::string input = "Deliver the <b>Warm Homes</b> programme";
    CAPTURE(input);
    auto fix = strip_markup(input);
    REQUIRE(fix);
    CHECK(fix->text == "Deliver the Warm Homes programme");
    CHECK(fix->rule == RepairRule::markup);
  }
  SUBCASE("a block tag keeps the words apart") { CHECK(fixed(strip_markup("first line<br/>second line")) == "first line second line"); }
  SUBCASE("tags with attributes") {
    CHECK(fixed(strip_markup("Review <span class=\"x\">heating</span> tariffs")) == "Review heating tariffs");
  }
  SUBCASE("markdown links keep their text") {
    CHECK(fixed(strip_markup("See [the dashboard](https://example.org/d) online")) == "See the dashboard online");
    CHECK(fixed(strip_markup("found online [here](#).")) == "found online here.");
  }
  SUBCASE("markdown escapes") { CHECK(fixed(strip_markup("\\*all\\* net\\_zero \\#tag")) == "*all* net_zero #tag"); }
  SUBCASE("text that only looks like markup is left alone") {
    CHECK_FALSE(strip_markup("emissions < 5% and > 2%"));
    CHECK_FALSE(strip_markup("cost [estimate] (2025)"));
    CHECK_FALSE(strip_markup("a \\ b"));
  }
  SUBCASE("the words touching removed markup are reported") {
    std::vector<std::size_t> damaged;
    auto fix = strip_markup("net ze <b>Eo</b> 0 carbon", &damaged);
    REQUIRE(fix);
    CHECK(fix->text == "net ze Eo 0 carbon");
    CHECK(std::find(damaged.begin(), damaged.end(), std::size_t{2}) != damaged.end());
  }
}
