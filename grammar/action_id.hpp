// Declares the action-id rule: "T1", "F1.1", "MG1.10", "1.1", "22", "4.1a", "A-12" -> ast::action_id.
// The rule matches the longest id at the start of the input; api.cpp decides what may follow it.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "grammar/ast.hpp"

namespace plansheet::grammar::parser {

namespace x3 = boost::spirit::x3;

struct action_id_class;
using action_id_type = x3::rule<action_id_class, ast::action_id>;
BOOST_SPIRIT_DECLARE(action_id_type)

}  // namespace plansheet::grammar::parser

namespace plansheet::grammar {
parser::action_id_type const& action_id_rule();
}
