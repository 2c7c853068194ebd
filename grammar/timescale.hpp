// Declares the timescale rules, all over ASCII-lower-cased text (api.cpp folds case first):
//   timescale_value  one value: "ongoing", "tbc", "apr-25", "2022-23", "q3 2025/26", "apr-25 - mar-27"
//   dated            one dated period only (a Gantt period label): "2025-26", "fy25/26", "q1 2025/26", "2026"
//   timescale_note   the start of free text after a value: " (to have ...)", " - review annually"
#pragma once

#include <boost/spirit/home/x3.hpp>

#include <string_view>

#include "grammar/ast.hpp"

namespace plansheet::grammar::parser {

namespace x3 = boost::spirit::x3;

struct timescale_value_class;
struct dated_class;
struct timescale_note_class;
using timescale_value_type = x3::rule<timescale_value_class, ast::timescale_value>;
using dated_type = x3::rule<dated_class, ast::dated>;
using timescale_note_type = x3::rule<timescale_note_class>;
BOOST_SPIRIT_DECLARE(timescale_value_type, dated_type, timescale_note_type)

}  // namespace plansheet::grammar::parser

namespace plansheet::grammar {
parser::timescale_value_type const& timescale_value_rule();
parser::dated_type const& dated_rule();
parser::timescale_note_type const& timescale_note_rule();
// The month a whole lower-cased word names ("apr", "april", "sept" -> 4, 4, 9), by the timescales' own month table;
// 0 when it names none.
unsigned month_named(std::string_view folded);
}  // namespace plansheet::grammar
