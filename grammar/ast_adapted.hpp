// Fusion adaptations so the grammars can fill the AST structs of ast.hpp member by member.
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>

#include "grammar/ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(plansheet::grammar::ast::action_id, prefix, numbers, suffix)
BOOST_FUSION_ADAPT_STRUCT(plansheet::grammar::ast::month_year, month, year)
BOOST_FUSION_ADAPT_STRUCT(plansheet::grammar::ast::season_year, first_month, year)
BOOST_FUSION_ADAPT_STRUCT(plansheet::grammar::ast::year_span, fy_prefix, first, second)
BOOST_FUSION_ADAPT_STRUCT(plansheet::grammar::ast::quarter, number, years)
BOOST_FUSION_ADAPT_STRUCT(plansheet::grammar::ast::year_quarter, years, number)
BOOST_FUSION_ADAPT_STRUCT(plansheet::grammar::ast::dated_value, from, to)
BOOST_FUSION_ADAPT_STRUCT(plansheet::grammar::ast::rag, first, second)
