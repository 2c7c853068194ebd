// The iterator and context every grammar is instantiated for: one cell's UTF-8 bytes, parsed without a skipper
// (spaces are spelled out in the rules, so no character-class skipper ever sees a multi-byte sequence).
#pragma once

#include <boost/spirit/home/x3.hpp>

namespace plansheet::grammar::parser {

namespace x3 = boost::spirit::x3;

using iterator_type = char const*;
// x3::parse without a skipper hands every rule an unused context; the instantiations must match it exactly.
using context_type = x3::unused_type;

}  // namespace plansheet::grammar::parser
