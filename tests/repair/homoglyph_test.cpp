// Rule homoglyph: Cyrillic or Greek look-alikes inside Latin text read as Latin; words of another alphabet kept.
#include <doctest/doctest.h>

#include "repair/words.hpp"

using namespace plansheet;
using namespace plansheet::testing;

TEST_CASE("homoglyph: fix_homoglyph_words") {
  SUBCASE("Cyrillic letters inside Latin words") {
    auto fix = fix_homoglyph_words("a \u0441limate fund for \u0440arish projects");
    REQUIRE(fix);
    CHECK(fix->text == "a climate fund for parish projects");
    CHECK(fix->rule == RepairRule::homoglyph);
  }
  SUBCASE("a whole Cyrillic look-alike word") { CHECK(fixed(fix_homoglyph_words("\u0422\u0412\u0421")) == "TBC"); }
  SUBCASE("Greek capitals") { CHECK(fixed(fix_homoglyph_words("\u039d\u039f2 levels")) == "NO2 levels"); }
  SUBCASE("real Cyrillic or Greek words are kept") {
    CHECK_FALSE(fix_homoglyph_words("\u0416\u0438\u043b\u043e\u0439"));  // Жилой: Ж has no Latin look-alike
    CHECK_FALSE(fix_homoglyph_words("plain ASCII text"));
  }
}
