// Declares the heading-label rule over ASCII-lower-cased text: "workstream: ", "theme 2: ", "section 3 - ",
// "priority area: ", "1. ". It matches the label and its separator; the name is the rest of the cell (api.cpp).
#pragma once

#include <boost/spirit/home/x3.hpp>

namespace plansheet::grammar::parser {

namespace x3 = boost::spirit::x3;

struct heading_label_class;
using heading_label_type = x3::rule<heading_label_class>;
BOOST_SPIRIT_DECLARE(heading_label_type)

}  // namespace plansheet::grammar::parser

namespace plansheet::grammar {
parser::heading_label_type const& heading_label_rule();
}
