// Tests for the timescale grammar: months, financial and calendar years, quarters, dates, keywords, revised
// values and notes, each to an inclusive span of absolute months; and the texts that are not timescales.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "grammar/api.hpp"

using plansheet::grammar::parse_period_label;
using plansheet::grammar::parse_timescale;
using plansheet::grammar::Timescale;

namespace {
constexpr int month(int year, int m) { return year * 12 + m - 1; }
}  // namespace

TEST_CASE("grammar timescale: dated values become inclusive month spans") {
  struct Case {
    std::string input;
    int first, last;
    bool financial;
  };
  for (auto const& c : std::vector<Case>{
           {"Apr-25", month(2025, 4), month(2025, 4), false},
           {"Sep-22", month(2022, 9), month(2022, 9), false},
           {"Mar-30", month(2030, 3), month(2030, 3), false},
           {"Jan-26", month(2026, 1), month(2026, 1), false},
           {"Dec-31", month(2031, 12), month(2031, 12), false},
           {"April 2025", month(2025, 4), month(2025, 4), false},
           {"Sept 2024", month(2024, 9), month(2024, 9), false},
           {"March 2026", month(2026, 3), month(2026, 3), false},
           {"MARCH 2026", month(2026, 3), month(2026, 3), false},
           {"apr 25", month(2025, 4), month(2025, 4), false},
           {"31/03/2026", month(2026, 3), month(2026, 3), false},
           {"31st March 2026", month(2026, 3), month(2026, 3), false},
           {"03/2026", month(2026, 3), month(2026, 3), false},
           {"2022-23", month(2022, 4), month(2023, 3), true},
           {"2022/23", month(2022, 4), month(2023, 3), true},
           {"2025–26", month(2025, 4), month(2026, 3), true},
           {"2024/2025", month(2024, 4), month(2025, 3), true},
           {"FY2025/26", month(2025, 4), month(2026, 3), true},
           {"FY25/26", month(2025, 4), month(2026, 3), true},
           {"fy 25-26", month(2025, 4), month(2026, 3), true},
           {"2026", month(2026, 1), month(2026, 12), false},
           {"2026-30", month(2026, 1), month(2030, 12), false},
           {"2026-28", month(2026, 1), month(2028, 12), false},
           {"Q3 2025/26", month(2025, 10), month(2025, 12), true},
           {"Q4 2025/26", month(2026, 1), month(2026, 3), true},
           {"q1 fy25/26", month(2025, 4), month(2025, 6), true},
           {"Q3 2025", month(2025, 7), month(2025, 9), false},
           {"Spring 2025", month(2025, 3), month(2025, 5), false},
           {"Winter 2025", month(2025, 12), month(2026, 2), false},
           {"Apr-25 - Mar-27", month(2025, 4), month(2027, 3), false},
           {"2026 to 2030", month(2026, 1), month(2030, 12), false},
           {"by March 2026", month(2026, 3), month(2026, 3), false}}) {
    SUBCASE(c.input.c_str()) {
      CAPTURE(c.input);
      auto t = parse_timescale(c.input);
      REQUIRE(t);
      CHECK(t->kind == Timescale::Kind::interval);
      CHECK(t->first_month == c.first);
      CHECK(t->last_month == c.last);
      CHECK(t->financial == c.financial);
      CHECK(t->earlier.empty());
      CHECK(t->note.empty());
    }
  }
}

TEST_CASE("grammar timescale: keywords in any case") {
  struct Case {
    std::string input;
    Timescale::Kind kind;
  };
  using K = Timescale::Kind;
  for (auto const& c : std::vector<Case>{{"Ongoing", K::ongoing},   {"ongoing", K::ongoing}, {"ONGOING", K::ongoing},
                                         {"on-going", K::ongoing},  {"On going", K::ongoing}, {"Continuous", K::ongoing},
                                         {"TBC", K::tbc},           {"tbd", K::tbc},          {"To be confirmed", K::tbc},
                                         {"none", K::none},         {"None", K::none},        {"N/A", K::none},
                                         {"n/a", K::none},          {"-", K::none}}) {
    SUBCASE(c.input.c_str()) {
      CAPTURE(c.input);
      auto t = parse_timescale(c.input);
      REQUIRE(t);
      CHECK(t->kind == c.kind);
      CHECK(t->note.empty());
    }
  }
}

TEST_CASE("grammar timescale: revised values and notes") {
  SUBCASE("a revised financial year keeps the later value and lists the earlier") {
    auto t = parse_timescale("2023-24 2024-25");
    REQUIRE(t);
    CHECK(t->first_month == month(2024, 4));
    CHECK(t->last_month == month(2025, 3));
    CHECK(t->earlier == std::vector<std::string>{"2023-24"});
  }
  SUBCASE("revised twice, with the case kept as written") {
    auto t = parse_timescale("Sep-22 MAR-23 Jun-23");
    REQUIRE(t);
    CHECK(t->first_month == month(2023, 6));
    CHECK(t->earlier == std::vector<std::string>{"Sep-22", "MAR-23"});
  }
  SUBCASE("a year with a parenthesised note") {
    auto t = parse_timescale("2023 (to have programme established)");
    REQUIRE(t);
    CHECK(t->kind == Timescale::Kind::interval);
    CHECK(t->first_month == month(2023, 1));
    CHECK(t->last_month == month(2023, 12));
    CHECK(t->note == "(to have programme established)");
  }
  SUBCASE("a keyword with a dashed note") {
    auto t = parse_timescale("Ongoing - annual review");
    REQUIRE(t);
    CHECK(t->kind == Timescale::Kind::ongoing);
    CHECK(t->note == "annual review");
  }
  SUBCASE("TBC with a note") {
    auto t = parse_timescale("TBC (subject to funding)");
    REQUIRE(t);
    CHECK(t->kind == Timescale::Kind::tbc);
    CHECK(t->note == "(subject to funding)");
  }
}

TEST_CASE("grammar timescale: text that is not a timescale") {
  for (std::string input : {"", "Deliver by 2030", "none of the above", "2025 - 26", "FY2026", "13/13/2026",
                            "Q5 2025/26", "2030 onwards", "Soon", "Apr-25 Mar", "2026-2026", "2030-26",
                            "1850", "Nature", "700,000", "Annual report 2025"}) {
    SUBCASE(input.c_str()) {
      CAPTURE(input);
      CHECK_FALSE(parse_timescale(input));
    }
  }
}

TEST_CASE("grammar timescale: period labels") {
  struct Case {
    std::string input;
    int first, last;
  };
  for (auto const& c : std::vector<Case>{{"2025-26", month(2025, 4), month(2026, 3)},
                                         {"2025/26", month(2025, 4), month(2026, 3)},
                                         {"FY25/26", month(2025, 4), month(2026, 3)},
                                         {"Q1 2025/26", month(2025, 4), month(2025, 6)},
                                         {"2026", month(2026, 1), month(2026, 12)},
                                         {"Apr-25", month(2025, 4), month(2025, 4)},
                                         // a year over its quarters, joined as the header writes it
                                         {"2025/26 Q1", month(2025, 4), month(2025, 6)},
                                         {"2025-26 Q4", month(2026, 1), month(2026, 3)},
                                         {"FY26/27 Q3", month(2026, 10), month(2026, 12)},
                                         {"Q3 25/26", month(2025, 10), month(2025, 12)},
                                         {"2026 Q2", month(2026, 4), month(2026, 6)},
                                         {"Qtr 2 2025/26", month(2025, 7), month(2025, 9)}}) {
    SUBCASE(c.input.c_str()) {
      CAPTURE(c.input);
      auto p = parse_period_label(c.input);
      REQUIRE(p);
      CHECK(p->label == c.input);
      CHECK(p->first_month == c.first);
      CHECK(p->last_month == c.last);
    }
  }
  for (std::string input : {"Ongoing", "Delivery Period", "2023-24 2024-25", "2025-26 (draft)", "", "Year 1",
                            "2025/26 Q5", "2025/26 Q12", "Q1"}) {
    SUBCASE(("not " + input).c_str()) {
      CAPTURE(input);
      CHECK_FALSE(parse_period_label(input));
    }
  }
}

TEST_CASE("grammar: a quarter with no year, as a Gantt header's second line writes it") {
  using plansheet::grammar::parse_quarter_number;
  CHECK(parse_quarter_number("Q1") == 1);
  CHECK(parse_quarter_number(" q4 ") == 4);
  CHECK(parse_quarter_number("Qtr 2") == 2);
  CHECK(parse_quarter_number("Quarter 3") == 3);
  // Not a quarter of its own: a fifth quarter, a quarter with its year, a word that starts with Q.
  CHECK_FALSE(parse_quarter_number("Q5"));
  CHECK_FALSE(parse_quarter_number("Q1 2025/26"));
  CHECK_FALSE(parse_quarter_number("Quality"));
  CHECK_FALSE(parse_quarter_number(""));
}

TEST_CASE("grammar: a month with no year, and a month under its year") {
  using plansheet::grammar::parse_month_number;
  using plansheet::grammar::parse_period_label;
  CHECK(parse_month_number("Apr") == 4);
  CHECK(parse_month_number(" april ") == 4);
  CHECK(parse_month_number("Sept") == 9);
  CHECK(parse_month_number("DEC") == 12);
  CHECK_FALSE(parse_month_number("Ma"));
  CHECK_FALSE(parse_month_number("Marsh"));
  CHECK_FALSE(parse_month_number("Apr-25"));
  SUBCASE("a financial year's months run April to March") {
    auto apr = parse_period_label("2025/26 Apr");
    auto jan = parse_period_label("2025/26 Jan");
    REQUIRE(apr);
    REQUIRE(jan);
    CHECK(apr->first_month == 2025 * 12 + 3);
    CHECK(apr->last_month == apr->first_month);
    CHECK(jan->first_month == 2026 * 12 + 0);  // January of a 2025/26 year falls in 2026
    CHECK(jan->label == "2025/26 Jan");
  }
  SUBCASE("a calendar year's months run January to December") {
    auto feb = parse_period_label("2027 February");
    REQUIRE(feb);
    CHECK(feb->first_month == 2027 * 12 + 1);
  }
  SUBCASE("not a month under a year") {
    for (const char* text : {"2025/26 Q5", "Delivery Apr", "2025-2030 Apr", "2025/26 Aprx"}) {
      CAPTURE(text);
      CHECK_FALSE(parse_period_label(text));
    }
  }
}

#include <fstream>
#include <sstream>

namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  std::string field;
  while (std::getline(in, field, '\t')) fields.push_back(field);
  return fields;
}

int parse_month(const std::string& yyyy_mm) { return month(std::stoi(yyyy_mm.substr(0, 4)), std::stoi(yyyy_mm.substr(5, 2))); }

}  // namespace

TEST_CASE("grammar timescale: every timescale of the hand-checked plans reads as expected") {
  std::ifstream file(PLANSHEET_SOURCE_DIR "/tests/fixtures/grammar/timescales.tsv");
  REQUIRE(file);
  std::string line;
  int cases = 0;
  while (std::getline(file, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto const fields = split_tabs(line);
    REQUIRE(fields.size() >= 2);
    ++cases;
    SUBCASE(fields[0].c_str()) {
      CAPTURE(line);
      auto t = parse_timescale(fields[0]);
      REQUIRE(t);
      std::string const kind = fields[1];
      if (kind == "interval") {
        REQUIRE(fields.size() >= 4);
        CHECK(t->kind == Timescale::Kind::interval);
        CHECK(t->first_month == parse_month(fields[2]));
        CHECK(t->last_month == parse_month(fields[3]));
        std::vector<std::string> earlier;
        if (fields.size() >= 5) {
          std::stringstream values(fields[4]);
          std::string value;
          while (std::getline(values, value, '|')) earlier.push_back(value);
        }
        CHECK(t->earlier == earlier);
      } else {
        CHECK(t->kind == (kind == "ongoing" ? Timescale::Kind::ongoing
                          : kind == "tbc"   ? Timescale::Kind::tbc
                                            : Timescale::Kind::none));
      }
    }
  }
  CHECK(cases >= 29);
}
