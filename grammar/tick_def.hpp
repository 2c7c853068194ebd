// Defines the tick rules declared in tick.hpp. Glyphs are multi-byte UTF-8 literals; OCR readings of a tick
// ("4", "1") and words ("y", "yes") count only when they are the whole cell, since as a tail they are data.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "grammar/tick.hpp"

namespace plansheet::grammar::parser {

namespace tick_detail {

using x3::lit;

auto const blank = lit(' ') | '\t';
// Emoji presentation / text presentation selectors sometimes ride along with a glyph.
auto const variation = lit("\xEF\xB8\x8F") | lit("\xEF\xB8\x8E");
auto const glyph = (lit("\xE2\x9C\x93")      // ✓ U+2713
                    | lit("\xE2\x9C\x94")    // ✔ U+2714
                    | lit("\xE2\x88\x9A")    // √ U+221A
                    | lit("\xE2\x98\x91")    // ☑ U+2611
                    | lit("\xE2\x9C\x85")    // ✅ U+2705
                    | lit("\xF0\x9F\x97\xB8")  // 🗸 U+1F5F8
                    | lit("\xE2\x80\xA2")    // • U+2022
                    | lit("\xE2\x97\x8F"))   // ● U+25CF
                   >> -variation;
auto const ascii_mark = lit('*') | '~' | '+' | 'x';
auto const symbol_mark = glyph | ascii_mark;
// Whole-cell-only marks: OCR readings of a tick and yes-words.
auto const lone_mark = lit("yes") | 'y' | '4' | '1';
auto const no_mark = lit("no") | 'n' | '-' | lit("\xE2\x80\x93") | lit("\xE2\x80\x94");

auto const end = *blank >> x3::eoi;
// "182) ✓": junk (a header tail bled into the cell) then a glyph at the end. ASCII marks are not accepted there:
// "cost +" or "box x" are text, not ticks.
auto const trailing_mark = blank >> glyph >> end;

}  // namespace tick_detail

tick_cell_type const tick_cell = "tick cell";
tick_mark_type const tick_mark = "tick mark";

auto const tick_cell_def =
    (tick_detail::end >> x3::attr(false))                                                     // empty
    | (*tick_detail::blank >> (tick_detail::symbol_mark % *tick_detail::blank) >> tick_detail::end >> x3::attr(true))
    | (*tick_detail::blank >> tick_detail::lone_mark >> tick_detail::end >> x3::attr(true))
    | (*tick_detail::blank >> tick_detail::no_mark >> tick_detail::end >> x3::attr(false))
    | (x3::omit[+(x3::char_ - tick_detail::trailing_mark)] >> tick_detail::trailing_mark >> x3::attr(true));

auto const tick_mark_def = tick_detail::symbol_mark >> x3::eoi;

BOOST_SPIRIT_DEFINE(tick_cell, tick_mark)

}  // namespace plansheet::grammar::parser

namespace plansheet::grammar {
parser::tick_cell_type const& tick_cell_rule() { return parser::tick_cell; }
parser::tick_mark_type const& tick_mark_rule() { return parser::tick_mark; }
}  // namespace plansheet::grammar
