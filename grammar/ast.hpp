// The attribute types the grammars fill: raw numbers and words as written, before any calendar arithmetic
// (which lives in api.cpp, so a grammar change never hides inside a conversion).
#pragma once

#include <string>
#include <vector>

#include <boost/optional.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>

namespace plansheet::grammar::ast {

namespace x3 = boost::spirit::x3;

// ---- action ids: "MG1.10" -> {"MG", {1, 10}, ""}
struct action_id {
  std::string prefix;
  std::vector<unsigned> numbers;
  std::string suffix;
};

// ---- timescales
enum class timescale_keyword { ongoing, tbc, none };

// "Apr-25", "April 2025", "31/03/2026": one month; the year as written (two or four digits).
struct month_year {
  unsigned month = 0;
  unsigned year = 0;
};

// "Spring 2025": the three months from first_month (winter runs into the next year).
struct season_year {
  unsigned first_month = 0;
  unsigned year = 0;
};

// "2022-23", "FY25/26", "2026-30", "2026": two years as written, second == 0 for a single year.
// Whether a pair is a financial year or a run of calendar years is decided from the numbers, not here.
struct year_span {
  bool fy_prefix = false;  // written with "FY"
  unsigned first = 0;
  unsigned second = 0;
};

// "Q3 2025/26" (a quarter of a financial year), "Q3 2025" (of a calendar year).
struct quarter {
  unsigned number = 0;
  year_span years;
};

// "2025/26 Q1": the same quarter written year first, as a Gantt header writes a year over its quarters.
struct year_quarter {
  year_span years;
  unsigned number = 0;
};

struct dated : x3::variant<month_year, season_year, quarter, year_quarter, year_span> {
  using base_type::base_type;
  using base_type::operator=;
};

// A single date or period, or a range "Apr-25 - Mar-27", "2026 to 2030".
struct dated_value {
  dated from;
  boost::optional<dated> to;
};

struct timescale_value : x3::variant<timescale_keyword, dated_value> {
  using base_type::base_type;
  using base_type::operator=;
};

// ---- RAG ratings: one word, or two joined by '/' ("A/G").
enum class rag_word { red, amber, green, blue, orange, yellow };

struct rag {
  rag_word first = rag_word::red;
  boost::optional<rag_word> second;
};

}  // namespace plansheet::grammar::ast
