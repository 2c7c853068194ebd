// Tests for the CSV dialect pass: the delimiter score on field counts, the choice and its tie-break, and the
// choice as the CSV loader makes it.
#include <doctest/doctest.h>

#include <string>

#include "detect/csv_dialect.hpp"
#include "load/load_spreadsheet.hpp"

using namespace plansheet;

TEST_CASE("csv dialect: a delimiter scores by how consistently it splits the records") {
  DelimiterScore s = score_delimiter(';', {3, 3, 3, 2});
  CHECK(s.delim == ';');
  CHECK(s.fields == 3);
  CHECK(s.consistency == doctest::Approx(0.75));
  CHECK(score_delimiter(',', {1, 1, 1}).consistency == 0);  // never splits
  CHECK(score_delimiter(',', {}).consistency == 0);
}

TEST_CASE("csv dialect: the most consistent wins, then more fields, then the order comma, semicolon, tab, pipe") {
  CHECK(choose_csv_delimiter({{{2, 4, 3}, {3, 3, 3}, {1, 1, 1}, {1, 1, 1}}}).delim == ';');
  CHECK(choose_csv_delimiter({{{2, 2}, {1, 1}, {4, 4}, {1, 1}}}).delim == '\t');
  CsvDialect tie = choose_csv_delimiter({{{3, 3}, {1, 1}, {1, 1}, {3, 3}}});
  CHECK(tie.delim == ',');
  CHECK(tie.warning.rfind("both ',' and '|' split the rows into 3 fields; read with ','", 0) == 0);
  CHECK(choose_csv_delimiter({{{1}, {1}, {1}, {1}}}).warning.empty());  // one column: nothing to doubt
}

TEST_CASE("csv dialect: the CSV loader reads with the delimiter that splits rows consistently") {
  SUBCASE("semicolons win over commas inside the text") {
    RawTable t = load_csv("x.csv", "id;action;lead\nT1;Walk, cycle, bus;Transport\nT2;Trains;Rail, buses\n");
    CHECK(t.rows[1].cells.size() == 3);
    CHECK(t.rows[1].cells[1].text == "Walk, cycle, bus");
  }
  SUBCASE("one column with no delimiter stays one column") {
    RawTable t = load_csv("x.csv", "Transport\nBuildings\n");
    CHECK(t.rows[0].cells.size() == 1);
  }
  SUBCASE("two delimiters splitting equally give a warning") {
    RawTable t = load_csv("x.csv", "a,b;c\nd,e;f\n");
    REQUIRE(t.warnings.size() == 1);
    CHECK(t.warnings[0].message.find("both ',' and ';'") != std::string::npos);
  }
}
