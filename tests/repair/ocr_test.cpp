// Rule ocr: misread characters corrected only where the original is not a word and the reading is; stray letters
// dropped.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "repair/words.hpp"

using namespace plansheet;
using namespace plansheet::testing;

TEST_CASE("ocr: drop_stray_leading_letter") {
  Words w;
  CHECK(fixed(drop_stray_leading_letter("n In progress", w.lexicon)) == "In progress");
  CHECK(fixed(drop_stray_leading_letter("t Discovery", w.lexicon)) == "Discovery");
  SUBCASE("a real one-letter word stays") {
    CHECK_FALSE(drop_stray_leading_letter("a Plan for schools", w.lexicon));
  }
  SUBCASE("a letter before a lower-case word is not a stray") { CHECK_FALSE(drop_stray_leading_letter("x marks", w.lexicon)); }
  SUBCASE("too short") { CHECK_FALSE(drop_stray_leading_letter("n A", w.lexicon)); }
}

TEST_CASE("ocr: fix_ocr_confusions fires only where the original is not a word") {
  Words w;
  SUBCASE("confusions inside words") {
    CHECK(fixed(fix_ocr_confusions("energy rnanagement", w.lexicon)) == "energy management");
    CHECK(fixed(fix_ocr_confusions("a g0al for schools", w.lexicon)) == "a goal for schools");
    CHECK(fixed(fix_ocr_confusions("the c1imate charter", w.lexicon)) == "the climate charter");
    // "ln" is in en_GB (the logarithm), so "ln progress" is left to the column-vocabulary rule in reconcile.
    CHECK_FALSE(fix_ocr_confusions("ln progress", w.lexicon));
  }
  SUBCASE("real words with a look-alike reading stay") {
    for (const char* text : {"modern boilers", "clean air", "close the barn", "clear the corn", "turn it off"}) {
      CAPTURE(text);
      CHECK_FALSE(fix_ocr_confusions(text, w.lexicon));
    }
  }
  SUBCASE("codes with digits stay") {
    for (const char* text : {"LTP4", "CO2 levels", "5G masts", "scope 1 and 2", "PM10"}) {
      CAPTURE(text);
      CHECK_FALSE(fix_ocr_confusions(text, w.lexicon));
    }
  }
  SUBCASE("the readings of a token") {
    auto readings = ocr_readings("ln");
    CHECK(std::find(readings.begin(), readings.end(), std::string("In")) != readings.end());
    CHECK(ocr_readings("0ngoing").empty());  // a digit at a word edge is not a misread letter
  }
}

TEST_CASE("ocr: drop_lone_mark empties a date or rating cell holding one stray letter") {
  Words w;
  CHECK(fixed(drop_lone_mark("x", Role::timescale, w.lexicon)).empty());
  CHECK(fixed(drop_lone_mark("x", Role::rag, w.lexicon)).empty());
  REQUIRE(drop_lone_mark("x", Role::rag, w.lexicon));
  CHECK(drop_lone_mark("x", Role::rag, w.lexicon)->rule == RepairRule::ocr);
  SUBCASE("a value of the column stays") {
    CHECK_FALSE(drop_lone_mark("G", Role::rag, w.lexicon));  // a rating letter
    CHECK_FALSE(drop_lone_mark("2025", Role::timescale, w.lexicon));
  }
  SUBCASE("a one-letter word stays") { CHECK_FALSE(drop_lone_mark("a", Role::timescale, w.lexicon)); }
  SUBCASE("an empty cell is left alone") { CHECK_FALSE(drop_lone_mark("", Role::timescale, w.lexicon)); }
}
