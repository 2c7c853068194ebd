// Defines the timescale rules declared in timescale.hpp. Input is lower-cased ASCII with UTF-8 left alone, so
// every word is a lower-case literal and dashes other than '-' are spelled as multi-byte literals.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "grammar/ast.hpp"
#include "grammar/ast_adapted.hpp"
#include "grammar/timescale.hpp"

namespace plansheet::grammar::parser {

namespace timescale_detail {

using x3::attr;
using x3::lit;
using x3::omit;

auto const digit = x3::char_('0', '9');
x3::uint_parser<unsigned, 10, 4, 4> const year4;
x3::uint_parser<unsigned, 10, 2, 2> const year2;
x3::uint_parser<unsigned, 10, 1, 2> const one_or_two_digits;
x3::uint_parser<unsigned, 10, 1, 1> const one_digit;

auto const dash = lit('-') | lit("\xE2\x80\x93") | lit("\xE2\x80\x94");  // - – —

struct month_table : x3::symbols<unsigned> {
  month_table() {
    add("jan", 1)("january", 1)("feb", 2)("february", 2)("mar", 3)("march", 3)("apr", 4)("april", 4)("may", 5)
        ("jun", 6)("june", 6)("jul", 7)("july", 7)("aug", 8)("august", 8)("sep", 9)("sept", 9)("september", 9)
        ("oct", 10)("october", 10)("nov", 11)("november", 11)("dec", 12)("december", 12);
  }
} const month_name;

struct season_table : x3::symbols<unsigned> {
  season_table() { add("spring", 3)("summer", 6)("autumn", 9)("fall", 9)("winter", 12); }
} const season_name;

struct keyword_table : x3::symbols<ast::timescale_keyword> {
  keyword_table() {
    using k = ast::timescale_keyword;
    add("ongoing", k::ongoing)("on-going", k::ongoing)("on going", k::ongoing)("continuous", k::ongoing)
        ("continuing", k::ongoing)("continual", k::ongoing)("annual", k::ongoing)("annually", k::ongoing)
        ("tbc", k::tbc)("tbd", k::tbc)("tba", k::tbc)("to be confirmed", k::tbc)("to be determined", k::tbc)
        ("to be agreed", k::tbc)
        ("none", k::none)("n/a", k::none)("na", k::none)("not applicable", k::none)("-", k::none)
        ("\xE2\x80\x93", k::none)("\xE2\x80\x94", k::none);
  }
} const keyword;

// Two or four digits and no more; "25" is 2025 (api.cpp widens it).
auto const year = (year4 | year2) >> !digit;
auto const month_sep = lit('-') | '/' | '.' | ", " | ' ' | dash;
auto const date_sep = lit('/') | '.' | '-';
auto const ordinal = lit("st") | "nd" | "rd" | "th";
auto const range_sep = lit(" to ") | (-lit(' ') >> dash >> -lit(' '));

}  // namespace timescale_detail

timescale_value_type const timescale_value = "timescale";
dated_type const dated = "dated period";
timescale_note_type const timescale_note = "note after a timescale";

using namespace timescale_detail;

x3::rule<class month_year_class, ast::month_year> const month_year = "month and year";
x3::rule<class season_year_class, ast::season_year> const season_year = "season and year";
x3::rule<class year_span_class, ast::year_span> const year_span = "year or financial year";
x3::rule<class quarter_class, ast::quarter> const quarter = "quarter";
x3::rule<class year_quarter_class, ast::year_quarter> const year_quarter = "quarter after its year";
x3::rule<class quarter_years_class, ast::year_span> const quarter_years = "year of a quarter";
x3::rule<class dated_value_class, ast::dated_value> const dated_value = "date or period";

auto const month_year_def =
    (month_name >> -month_sep >> year)                                                   // "apr-25", "april 2025"
    | (omit[one_or_two_digits >> -ordinal >> ' '] >> month_name >> ' ' >> year)          // "31 march 2026"
    | (omit[one_or_two_digits >> date_sep] >> one_or_two_digits >> date_sep >> year)     // "31/03/2026"
    | (one_or_two_digits >> '/' >> year4 >> !digit);                                      // "03/2026"

auto const season_year_def = season_name >> -month_sep >> year;

// "fy2025/26", "fy25/26", "2022-23", "2022/2023", "2026-30", then a single "2026" (second = 0).
auto const year_span_def = (lit("fy") >> -lit(' ') >> attr(true) >> year >> (lit('/') | dash) >> year)
                           | (attr(false) >> year4 >> (lit('/') | dash) >> year)
                           | (attr(false) >> year4 >> !digit >> attr(0u));

// "q3 2025/26", "q3 fy25/26", "q3 25/26", "quarter 3 2025/26", "q3 2025".
auto const quarter_years_def = year_span | (attr(true) >> year2 >> '/' >> year2 >> !digit);
auto const quarter_word = lit("quarter ") | "qtr " | "qtr" | 'q';
auto const quarter_def = quarter_word >> one_digit >> -lit(' ') >> quarter_years;
// "2025/26 q1", "fy25/26 q1", "25/26 q1": a year over its quarters in a two-line Gantt header, joined.
auto const year_quarter_def = quarter_years >> ' ' >> quarter_word >> one_digit >> !digit;

auto const dated_value_def = dated >> -(range_sep >> dated);

auto const dated_def = quarter | year_quarter | season_year | month_year | year_span;

// "by march 2026" reads as "march 2026": the deadline is the value.
auto const timescale_value_def = keyword | (-lit("by ") >> dated_value);

// A note starts with " (" or a separator and a space; the text itself is taken from the cell by api.cpp.
auto const timescale_note_def = (lit(' ') >> &lit('(')) | (-lit(' ') >> (dash | ':' | ',' | ';') >> lit(' '));

BOOST_SPIRIT_DEFINE(timescale_value, dated, timescale_note, month_year, season_year, year_span, quarter_years, quarter, year_quarter,
                    dated_value)

}  // namespace plansheet::grammar::parser

namespace plansheet::grammar {
parser::timescale_value_type const& timescale_value_rule() { return parser::timescale_value; }
parser::dated_type const& dated_rule() { return parser::dated; }
parser::timescale_note_type const& timescale_note_rule() { return parser::timescale_note; }
}  // namespace plansheet::grammar
