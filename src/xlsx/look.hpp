// The look of the workbook in one place: every colour (the palette and the RAG colours), the style table (every
// cell format) and what a column of each role is called and how wide it may grow. Nothing else names a colour.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/plan.hpp"
#include "xlsx/sheet_model.hpp"

namespace plansheet::xlsx {

// Colours (0xRRGGBB) are chosen for print and for colour-blind readers: the four RAG fills differ in lightness
// (dark red, light amber, mid green, dark blue) and the word is always in the cell, so no meaning rests on hue.
namespace palette {
inline constexpr std::uint32_t black = 0x000000;
inline constexpr std::uint32_t white = 0xFFFFFF;
inline constexpr std::uint32_t navy = 0x1F3864;          // titles, the header row, the Actions tab
inline constexpr std::uint32_t band_fill = 0xD9E1F2;     // section bands and totals
inline constexpr std::uint32_t grey_text = 0x595959;     // subtitles
inline constexpr std::uint32_t grid_line = 0xBFBFBF;     // cell borders
inline constexpr std::uint32_t tick_green = 0x375623;    // the target ticks
inline constexpr std::uint32_t link_blue = 0x0563C1;     // links to the Actions sheet
// Every Gantt fill is at least 3:1 against white (WCAG non-text contrast) and each kind also has a mark of its own
// (a glyph, a dashed side, a word), so none rests on colour alone or vanishes on a mono printer.
inline constexpr std::uint32_t gantt_solid = 0x1F7A74;   // dark teal, 5.1:1
inline constexpr std::uint32_t gantt_light = 0x3E9C95;   // the same hue, lighter: ongoing, 3.3:1
inline constexpr std::uint32_t gantt_outside = 0x767676; // grey: a period the plan marked that its dates leave out, 4.5:1
inline constexpr std::uint32_t gantt_now = 0xC55A11;     // burnt orange: the as-at period, 4.3:1
inline constexpr std::uint32_t overdue_red = 0xC00000;   // the overdue flag's text
inline constexpr std::uint32_t unrated_fill = 0xBFBFBF;  // no RAG word, or one the key does not name
inline constexpr std::uint32_t red_fill = 0xC00000;
inline constexpr std::uint32_t amber_fill = 0xFFC000;
inline constexpr std::uint32_t green_fill = 0x70AD47;
inline constexpr std::uint32_t blue_fill = 0x2E75B6;  // mid blue: clearly lighter than the header's navy
}  // namespace palette

// What a ticked target cell shows.
inline constexpr std::string_view tick_mark = "\u2713";

// The bars of a Summary chart whose values have no colour of their own (statuses the plan's key does not colour,
// leads, delivery periods): they differ in lightness, so a mono print still tells them apart. `text` is the colour
// of a count written on the bar.
struct SeriesColour {
  std::uint32_t fill;
  std::uint32_t text;
};
inline constexpr std::array<SeriesColour, 6> series_colours = {{{0x1F7A74, palette::white},
                                                               {0x9DC3E6, palette::black},
                                                               {0x7F6000, palette::white},
                                                               {0xD9D9D9, palette::black},
                                                               {0x264478, palette::white},
                                                               {0xF4B183, palette::black}}};

// One RAG colour: its name, its standard word, how a cell of it looks, and the words that always paint it.
struct RagColour {
  std::string_view colour;  // canonical name
  std::string_view label;   // default word
  std::uint32_t fill;
  std::uint32_t text;
  Style fill_style;  // a cell of this colour
  Style rule_style;  // the conditional format that paints it
  std::array<std::string_view, 3> synonyms;
};

// In colour order: the order of the dropdown, the Summary columns and the Key.
inline constexpr std::array<RagColour, 4> rag_colours = {{
    {"red", "Red", palette::red_fill, palette::white, Style::rag_red, Style::cf_red, {"red", "", ""}},
    {"amber", "Amber", palette::amber_fill, palette::black, Style::rag_amber, Style::cf_amber,
     {"amber", "orange", "yellow"}},
    {"green", "Green", palette::green_fill, palette::black, Style::rag_green, Style::cf_green, {"green", "", ""}},
    {"blue", "Blue", palette::blue_fill, palette::white, Style::rag_blue, Style::cf_blue,
     {"blue", "complete", "completed"}},
}};

// The index of `colour` in rag_colours, or rag_colours.size() when it is none of them.
int colour_rank(std::string_view colour);
// The fill style of a RAG colour, or Style::none.
Style rag_style(std::string_view colour);
// "red", "amber", "green", "blue" for a word naming one ("Orange" -> "amber", "complete" -> "blue"), else "".
std::string colour_of_word(std::string_view word);

// Every cell format of the workbook, made once per workbook; the writer creates each once.
std::vector<StyleSpec> style_table();

// What a column of a role looks like on the Actions sheet: the header it gets when the plan gives none, and the
// widest it may grow before its text wraps (prose wraps at about 60 characters).
struct RoleLook {
  std::string label;
  double width_cap = 40;
};
// The one place the layout asks this of a role.
RoleLook role_look(Role role);

}  // namespace plansheet::xlsx
