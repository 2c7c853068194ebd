// Tests for the normalise stage, plus the damage fixtures in tests/fixtures/normalise/.
#include <doctest/doctest.h>

#include "ledger.hpp"
#include "load/normalise.hpp"

using namespace plansheet;
using namespace plansheet::testing;

TEST_CASE("normalise: damage fixtures") { check_fixtures("normalise"); }

TEST_CASE("normalise: one cell's text") {
  std::vector<Repair> repairs;
  SUBCASE("ASCII is left alone and logs nothing") {
    CHECK(normalise_cell("T1\tPlant  trees", {3}, repairs) == "T1\tPlant  trees");
    CHECK(repairs.empty());
  }
  SUBCASE("no-break and thin spaces become spaces") {
    const std::string input = "Property\u00a0Services\u2009Team";
    CAPTURE(input);
    CHECK(normalise_cell(input, {4}, repairs) == "Property Services Team");
    REQUIRE(repairs.size() == 1);
    CHECK(repairs[0].rule == RepairRule::invisible_characters);
    CHECK(repairs[0].pos.line == 4);
  }
  SUBCASE("zero-width spaces, joiners and soft hyphens are dropped") {
    CHECK(normalise_cell("car\u200bbon off\u00adset\u2060", {1}, repairs) == "carbon offset");
    CHECK(repairs.size() == 1);
  }
  SUBCASE("ligatures are expanded") {
    CHECK(normalise_cell("e\ufb03cient \ufb02eet", {1}, repairs) == "efficient fleet");
    REQUIRE(repairs.size() == 1);
    CHECK(repairs[0].before == "e\ufb03cient \ufb02eet");
    CHECK(repairs[0].after == "efficient fleet");
  }
  SUBCASE("mojibake is undone") {
    CHECK(normalise_cell("the council\u00e2\u20ac\u2122s plan", {2}, repairs) == "the council\u2019s plan");
    REQUIRE(repairs.size() == 1);
    CHECK(repairs[0].rule == RepairRule::mojibake);
  }
  SUBCASE("decomposed accents are composed (NFC)") {
    CHECK(normalise_cell("Cafe\u0301 network", {1}, repairs) == "Caf\u00e9 network");
    REQUIRE(repairs.size() == 1);
    CHECK(repairs[0].rule == RepairRule::unicode_nfc);
  }
  SUBCASE("tabs are kept") { CHECK(normalise_cell("a\u00a0b\tc", {1}, repairs) == "a b\tc"); }
  SUBCASE("the cell's position is logged (spreadsheets)") {
    normalise_cell("x\u00a0y", {12, 3}, repairs);
    REQUIRE(repairs.size() == 1);
    CHECK(repairs[0].pos.column == 3);
    CHECK(repairs[0].cell_ref("Sheet1") == "Sheet1!C12");
  }
  SUBCASE("correct accents and punctuation are left alone") {
    CHECK(normalise_cell("Caf\u00e9 \u2013 \u201cgreen\u201d \u00a32m", {1}, repairs) == "Caf\u00e9 \u2013 \u201cgreen\u201d \u00a32m");
    CHECK(repairs.empty());
  }
}

TEST_CASE("normalise: every line of a paste, each repair on its own line") {
  SourceText text;
  text.lines = {"ID\tAction", "T1\tRe\ufb01t the hall", "T2\tCut waste", "T3\tAsk\u00a0suppliers"};
  normalise(text);
  CHECK(text.lines[1] == "T1\tRefit the hall");
  CHECK(text.lines[3] == "T3\tAsk suppliers");
  REQUIRE(text.repairs.size() == 2);
  CHECK(text.repairs[0].pos.line == 2);
  CHECK(text.repairs[1].pos.line == 4);
}
