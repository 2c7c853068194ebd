// Defines the heading-label rule declared in section_heading.hpp: a label word, an optional number or letter,
// then ':' or a spaced dash; or a bare number with '.', ')' or ':'. Without a number a separator is required.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "grammar/section_heading.hpp"

namespace plansheet::grammar::parser {

namespace section_heading_detail {

using x3::lit;

auto const digit = x3::char_('0', '9');
auto const letter = x3::char_('a', 'z');

struct label_table : x3::symbols<x3::unused_type> {
  label_table() {
    for (char const* w : {"workstream", "work stream", "theme", "section", "priority area", "priority", "area",
                          "focus area", "key area", "action area", "delivery area", "programme area", "objective",
                          "outcome", "chapter", "part", "strand", "pillar", "programme", "program", "category",
                          "topic", "sector", "goal", "aim", "ambition", "workstream area", "work area"})
      add(w);
  }
} const label_word;

auto const dash = lit('-') | lit("\xE2\x80\x93") | lit("\xE2\x80\x94");  // - – —
auto const label_number = (+digit % '.') | (letter >> &(lit(':') | ' ' | '.'));
auto const separator = (lit(':') >> -lit(' ')) | (lit(' ') >> dash >> ' ');
auto const numbered_separator = separator | (lit('.') >> ' ') | lit(' ');

}  // namespace section_heading_detail

heading_label_type const heading_label = "section heading label";

auto const heading_label_def =
    (section_heading_detail::label_word >> ' ' >> section_heading_detail::label_number >>
     section_heading_detail::numbered_separator) |
    (section_heading_detail::label_word >> section_heading_detail::separator) |
    (x3::repeat(1, 2)[section_heading_detail::digit] >> (x3::lit('.') | ')' | ':') >> ' ');

BOOST_SPIRIT_DEFINE(heading_label)

}  // namespace plansheet::grammar::parser

namespace plansheet::grammar {
parser::heading_label_type const& heading_label_rule() { return parser::heading_label; }
}
