// Defines the action-id rule declared in action_id.hpp: an optional upper-case prefix (up to four letters, an
// optional '-'), dot-separated numbers of one to six digits, an optional lower-case letter.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "grammar/action_id.hpp"
#include "grammar/ast.hpp"
#include "grammar/ast_adapted.hpp"

namespace plansheet::grammar::parser {

namespace action_id_detail {

auto const upper = x3::char_('A', 'Z');
auto const lower = x3::char_('a', 'z');
auto const digit = x3::char_('0', '9');

// Up to six digits ("EN1024" in a large tracker); the facade refuses a bare (unprefixed) first number of four or
// more digits, which is a year or an amount rather than an id.
x3::uint_parser<unsigned, 10, 1, 6> const id_number;
auto const number = id_number >> !digit;

// Upper-case month names ("APR-25", "SEPT-24") would otherwise read as prefix + number.
struct upper_month_table : x3::symbols<x3::unused_type> {
  upper_month_table() {
    for (char const* m : {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC"})
      add(m);
  }
} const upper_month;

auto const not_a_date = !(upper_month >> (x3::lit('-') | '/' | ' ') >> digit);
// "Q3 2025/26" is a quarter, not id "Q3" with text after it.
auto const not_a_quarter = !(x3::lit('Q') >> x3::char_('1', '4') >> ' ' >> digit);

auto const prefix = (x3::repeat(1, 4)[upper] >> -x3::lit('-')) | x3::attr(std::string());
auto const suffix = x3::repeat(0, 1)[lower];

}  // namespace action_id_detail

action_id_type const action_id = "action id";

auto const action_id_def = action_id_detail::not_a_date >> action_id_detail::not_a_quarter >>
                           action_id_detail::prefix >> (action_id_detail::number % '.') >> action_id_detail::suffix;

BOOST_SPIRIT_DEFINE(action_id)

}  // namespace plansheet::grammar::parser

namespace plansheet::grammar {
parser::action_id_type const& action_id_rule() { return parser::action_id; }
}
