// Defines the RAG rule declared in rag.hpp. Words are lower-case literals (api.cpp folds case first), and a word
// must end at a separator or the end of the cell, so "greener together" and "green action" are not ratings.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "grammar/ast.hpp"
#include "grammar/ast_adapted.hpp"
#include "grammar/rag.hpp"

namespace plansheet::grammar::parser {

namespace rag_detail {

using x3::lit;

struct word_table : x3::symbols<ast::rag_word> {
  word_table() {
    using w = ast::rag_word;
    add("red", w::red)("amber", w::amber)("green", w::green)("blue", w::blue)("orange", w::orange)
        ("yellow", w::yellow)("complete", w::blue)("completed", w::blue);
    // Welsh colour words, as bilingual plans write them alone or beside the English ("Gwyrdd / Green"). "Oren"
    // (orange) is the amber of a Welsh RAG key; "melyn" is yellow.
    add("gwyrdd", w::green)("oren", w::amber)("ambr", w::amber)("coch", w::red)("glas", w::blue)("melyn", w::yellow)
        ("wedi cwblhau", w::blue);
  }
} const full_word;

struct letter_table : x3::symbols<ast::rag_word> {
  letter_table() {
    using w = ast::rag_word;
    add("r", w::red)("a", w::amber)("g", w::green)("b", w::blue);
  }
} const letter;

auto const slash = -lit(' ') >> '/' >> -lit(' ');
auto const dash = lit('-') | lit("\xE2\x80\x93") | lit("\xE2\x80\x94");  // - – —
// What may follow a full word: nothing, or a separator and an explanation ("red - off track", "green (on track)").
auto const explanation = x3::eoi | (-lit(' ') >> (dash | ':' | ',' | ';' | '=' | '(' | '.') >> x3::omit[*x3::char_]);

}  // namespace rag_detail

rag_type const rag = "RAG rating";

rag_words_type const rag_words = "RAG words";
x3::rule<class rag_letters_class, ast::rag> const rag_letters = "RAG letters";

auto const rag_words_def = rag_detail::full_word >> -(rag_detail::slash >> rag_detail::full_word);
auto const rag_letters_def = rag_detail::letter >> -(rag_detail::slash >> rag_detail::letter);
auto const rag_def = (rag_words >> rag_detail::explanation) | (rag_letters >> x3::eoi);

BOOST_SPIRIT_DEFINE(rag, rag_words, rag_letters)

}  // namespace plansheet::grammar::parser

namespace plansheet::grammar {
parser::rag_type const& rag_rule() { return parser::rag; }
parser::rag_words_type const& rag_words_rule() { return parser::rag_words; }
}
