// The look of the workbook (see look.hpp): the RAG colours by name and word, the style table, and each role's
// column label and width cap.
#include "xlsx/look.hpp"

#include "text/ascii.hpp"
#include "xlsx/dates.hpp"

namespace plansheet::xlsx {

int colour_rank(std::string_view colour) {
  for (std::size_t i = 0; i < rag_colours.size(); ++i)
    if (rag_colours[i].colour == colour) return static_cast<int>(i);
  return static_cast<int>(rag_colours.size());
}

Style rag_style(std::string_view colour) {
  const int k = colour_rank(colour);
  return k < static_cast<int>(rag_colours.size()) ? rag_colours[static_cast<std::size_t>(k)].fill_style : Style::none;
}

std::string colour_of_word(std::string_view word) {
  // Letters only, so "Green." and "Amber/" name their colours too.
  std::string w;
  for (char c : word)
    if (is_ascii_alpha(c)) w += ascii_lower(c);
  if (w.empty()) return "";
  for (const RagColour& c : rag_colours)
    for (std::string_view s : c.synonyms)
      if (s == w) return std::string(c.colour);
  return "";
}

std::vector<StyleSpec> style_table() {
  using namespace palette;
  std::vector<StyleSpec> s;
  auto add = [&](StyleSpec spec) { s.push_back(std::move(spec)); };
  add({.id = Style::title, .bold = true, .font_size = 16, .font_colour = navy, .valign = VAlign::centre});
  add({.id = Style::subtitle, .italic = true, .font_colour = grey_text, .valign = VAlign::centre});
  add({.id = Style::header, .bold = true, .wrap = true, .border = true, .font_colour = white, .fill = navy,
       .border_colour = grid_line, .align = Align::left, .valign = VAlign::centre});
  add({.id = Style::header_centre, .bold = true, .wrap = true, .border = true, .font_colour = white, .fill = navy,
       .border_colour = grid_line, .align = Align::centre, .valign = VAlign::centre});
  add({.id = Style::band, .bold = true, .border = true, .font_size = 12, .font_colour = navy, .fill = band_fill,
       .border_colour = grid_line, .align = Align::left, .valign = VAlign::centre});
  add({.id = Style::text, .wrap = true, .border = true, .border_colour = grid_line, .align = Align::left});
  add({.id = Style::text_centre, .wrap = true, .border = true, .border_colour = grid_line, .align = Align::centre});
  add({.id = Style::tick, .bold = true, .border = true, .font_size = 12, .font_colour = tick_green,
       .border_colour = grid_line, .align = Align::centre});
  add({.id = Style::rag, .bold = true, .wrap = true, .border = true, .border_colour = grid_line, .align = Align::centre});
  // Key samples of the Gantt's looks (the sheet's own Gantt cells are coloured by rules: gantt.cpp).
  add({.id = Style::gantt_active, .bold = true, .border = true, .font_colour = white, .fill = gantt_solid,
       .border_colour = white, .align = Align::centre});
  add({.id = Style::gantt_ongoing, .bold = true, .border = true, .font_colour = white, .fill = gantt_light,
       .border_colour = white, .align = Align::centre});
  for (const RagColour& c : rag_colours) {
    add({.id = c.fill_style, .bold = true, .wrap = true, .border = true, .font_colour = c.text, .fill = c.fill,
         .border_colour = grid_line, .align = Align::centre, .valign = VAlign::centre});
    add({.id = c.rule_style, .bold = true, .font_colour = c.text, .fill = c.fill, .conditional = true});
  }
  add({.id = Style::unrated, .bold = true, .wrap = true, .border = true, .fill = unrated_fill,
       .border_colour = grid_line, .align = Align::centre, .valign = VAlign::centre});
  add({.id = Style::count, .border = true, .border_colour = grid_line, .align = Align::centre});
  add({.id = Style::count_total, .bold = true, .border = true, .fill = band_fill, .border_colour = grid_line,
       .align = Align::centre});
  add({.id = Style::label_total, .bold = true, .border = true, .fill = band_fill, .border_colour = grid_line,
       .align = Align::left});
  add({.id = Style::link, .underline = true, .border = true, .font_colour = link_blue, .border_colour = grid_line,
       .align = Align::left});
  add({.id = Style::heading, .bold = true, .font_size = 12, .font_colour = navy, .valign = VAlign::bottom});
  add({.id = Style::key_term, .bold = true, .wrap = true, .border = true, .border_colour = grid_line,
       .align = Align::left});
  for (Style date : {Style::date_mmm_yy, Style::date_dmy, Style::date_mmm_yyyy, Style::date_mmmm_yyyy})
    add({.id = date, .wrap = true, .border = true, .border_colour = grid_line, .align = Align::centre,
         .num_format = detail::date_format_code(date)});
  add({.id = Style::text_link, .wrap = true, .border = true, .font_colour = link_blue, .border_colour = grid_line,
       .align = Align::left});
  // Sections in a table of plain rows: each section's first row ruled off, its name shown bold there and in grey
  // on the rows after, so the table reads (and prints) as sections and still sorts and filters row by row.
  add({.id = Style::cf_section_start, .border_colour = navy, .conditional = true, .top_rule = true});
  add({.id = Style::cf_section_name, .bold = true, .font_colour = navy, .fill = band_fill, .border_colour = navy,
       .conditional = true, .top_rule = true});
  add({.id = Style::cf_section_repeat, .font_colour = grey_text, .conditional = true});
  add({.id = Style::plain, .align = Align::left});
  add({.id = Style::gantt_mark, .bold = true, .border = true, .font_colour = gantt_solid, .border_colour = grid_line,
       .align = Align::centre});
  add({.id = Style::cf_gantt_active, .font_colour = white, .fill = gantt_solid, .conditional = true});
  add({.id = Style::cf_gantt_ongoing, .font_colour = white, .fill = gantt_light, .conditional = true});
  add({.id = Style::cf_gantt_outside, .font_colour = white, .fill = gantt_outside, .conditional = true});
  add({.id = Style::cf_gantt_now, .border_colour = gantt_now, .conditional = true, .side_rules = true});
  add({.id = Style::cf_gantt_now_header, .fill = gantt_now, .conditional = true,
       .num_format = "\"\u25BC \"@"});
  add({.id = Style::cf_overdue, .bold = true, .font_colour = overdue_red, .conditional = true,
       .num_format = "\"\u26A0 \"dd/mm/yyyy"});
  add({.id = Style::cf_overdue_month, .bold = true, .font_colour = overdue_red, .conditional = true,
       .num_format = "\"\u26A0 \"mmm-yy"});
  add({.id = Style::gantt_outside, .bold = true, .border = true, .font_colour = white, .fill = gantt_outside,
       .border_colour = white, .align = Align::centre});
  add({.id = Style::gantt_now, .bold = true, .border = true, .font_colour = white, .fill = gantt_now,
       .border_colour = grid_line, .align = Align::centre});
  add({.id = Style::overdue, .bold = true, .wrap = true, .border = true, .font_colour = overdue_red,
       .border_colour = grid_line, .align = Align::centre});
  add({.id = Style::date_day, .border = true, .border_colour = grid_line, .align = Align::centre,
       .num_format = "dd/mm/yyyy"});
  return s;
}

RoleLook role_look(Role role) { return {std::string(role_display_label(role)), role_width_cap(role)}; }

}  // namespace plansheet::xlsx
