// Declares the RAG rule over ASCII-lower-cased text: "amber", "a/g", "complete", "red - off track" -> ast::rag.
// A full word may carry an explanation after a separator; a single letter must stand alone.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "grammar/ast.hpp"

namespace plansheet::grammar::parser {

namespace x3 = boost::spirit::x3;

struct rag_class;
using rag_type = x3::rule<rag_class, ast::rag>;
// The rating's words alone, without the explanation a full word may carry.
struct rag_words_class;
using rag_words_type = x3::rule<rag_words_class, ast::rag>;
BOOST_SPIRIT_DECLARE(rag_type, rag_words_type)

}  // namespace plansheet::grammar::parser

namespace plansheet::grammar {
parser::rag_type const& rag_rule();
parser::rag_words_type const& rag_words_rule();
}
