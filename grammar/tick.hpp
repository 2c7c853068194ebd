// Declares the tick-matrix rules over the cell's bytes (case folded by api.cpp):
//   tick_cell  a whole cell -> true (a mark), false (blank, "-", "no"); no match for anything else
//   tick_mark  one symbolic tick glyph on its own: ✓ ✔ √ ☑ ✅ • ● * ~ + x
#pragma once

#include <boost/spirit/home/x3.hpp>

namespace plansheet::grammar::parser {

namespace x3 = boost::spirit::x3;

struct tick_cell_class;
struct tick_mark_class;
using tick_cell_type = x3::rule<tick_cell_class, bool>;
using tick_mark_type = x3::rule<tick_mark_class>;
BOOST_SPIRIT_DECLARE(tick_cell_type, tick_mark_type)

}  // namespace plansheet::grammar::parser

namespace plansheet::grammar {
parser::tick_cell_type const& tick_cell_rule();
parser::tick_mark_type const& tick_mark_rule();
}  // namespace plansheet::grammar
