// The Key sheet: a Plan and its RAG words in; the plan's own legends, then what the workbook's colours and marks
// mean, out.
#include "xlsx/sheets.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include <fmt/format.h>

#include "text/ascii.hpp"
#include "load/number_format.hpp"
#include "xlsx/gantt.hpp"
#include "xlsx/look.hpp"
#include "xlsx/measure.hpp"
#include "xlsx/sheet_builder.hpp"
#include "xlsx/vocabulary.hpp"

namespace plansheet::xlsx::detail {

namespace {

// The name a legend line defines, when it starts with a short one: "In discovery (research, ...)" -> "In discovery",
// "Delivery: executing the plan" -> "Delivery". Empty when the line has no such lead.
std::string legend_term(std::string_view text) {
  std::size_t end = std::string_view::npos;
  for (std::string_view sep : {" (", ":", " - ", " \u2013 "}) end = std::min(end, text.find(sep));
  if (end == std::string_view::npos || end == 0) return "";
  const std::string_view term = trim(text.substr(0, end));
  return text_width(term) <= 30 ? std::string(term) : "";
}

}  // namespace

Sheet layout_key(const Plan& plan, const std::vector<RagWord>& vocabulary, const std::string& title) {
  SheetBuilder b{std::string(key_sheet)};
  b.width(0, 24);
  b.width(1, 90);
  b.text(0, 0, "Key", Style::title);
  b.height(0, 24);
  int row = 2;
  auto entry = [&](std::string_view term, Style style, std::string_view meaning) {
    if (term.empty()) b.blank(row, 0, style);
    else b.text(row, 0, term, style);
    b.text(row, 1, meaning, Style::text);
    b.lines(row, std::max(wrapped_lines(term, 24), wrapped_lines(meaning, 90)));
    ++row;
  };
  auto heading = [&](std::string_view text) {
    ++row;
    b.text(row, 0, text, Style::heading);
    b.height(row, 20);
    ++row;
  };

  b.text(row, 0, "The plan's own key", Style::heading);
  // The hidden columns that keep each entry for reading back, labelled for whoever unhides them.
  b.text(row, own_key_kind_column, "Kind", Style::header);
  b.text(row, own_key_kind_column + 1, "Colour", Style::header);
  b.text(row, own_key_kind_column + 2, "Defines: term, meaning, term, meaning, ...", Style::header);
  int last_kept = own_key_kind_column + 2;
  ++row;
  auto keep = [&](int at, const LegendEntry& e) {
    b.text(at, own_key_kind_column, legend_kind_name(e.kind), Style::text);
    if (!e.colour.empty()) b.text(at, own_key_kind_column + 1, e.colour, Style::text);
    int col = own_key_kind_column + 2;
    for (const auto& [term, meaning] : e.defines) {
      b.text(at, col++, term, Style::text);
      b.text(at, col++, meaning, Style::text);
    }
    last_kept = std::max(last_kept, col - 1);
  };
  const std::array<std::pair<LegendKind, const char*>, 5> kinds = {{{LegendKind::rag, "RAG ratings"},
                                                                    {LegendKind::stage, "Stages"},
                                                                    {LegendKind::status, "Status"},
                                                                    {LegendKind::gantt, "Delivery timeline (Gantt)"},
                                                                    {LegendKind::note, "Notes"}}};
  const bool any = !plan.legend.empty();
  const GanttKey gkey = gantt_key(plan);
  // In the plan's order, under the plan's own headings, so that reading the workbook back gives the same key.
  // Entries before the plan's first heading get the name of their kind above each run of one kind.
  bool own_heading = false;
  std::optional<LegendKind> run;
  for (const LegendEntry& e : plan.legend) {
    if (e.kind == LegendKind::heading) {
      heading(e.text);
      keep(row - 1, e);
      own_heading = true;
      continue;
    }
    if (!own_heading && run != e.kind) {
      for (const auto& [kind, name] : kinds)
        if (kind == e.kind) heading(name);
    }
    run = e.kind;
    std::string term;
    Style style = Style::key_term;
    if (e.kind == LegendKind::rag) {
      const std::string w = first_word(e.text);
      const std::string colour = !colour_of_word(w).empty() ? colour_of_word(w) : ascii_lower(e.colour);
      term = !colour_of_word(w).empty() ? capitalised(w) : capitalised(e.colour);
      if (colour_rank(colour) < static_cast<int>(rag_colours.size())) style = rag_style(colour);
    } else if (e.kind == LegendKind::gantt) {
      const bool ongoing = e.text == gkey.ongoing;
      style = ongoing ? Style::gantt_ongoing : Style::gantt_active;
      term = ongoing ? ongoing_glyph : active_glyph;
    } else {
      term = legend_term(e.text);
    }
    entry(term, style, e.text);
    keep(row - 1, e);
  }
  for (int col = own_key_kind_column; col <= last_kept; ++col) {
    b.width(col, 16);
    b.hide_column(col);
  }
  if (!any) entry("", Style::plain, "The plan gives no key of its own.");

  ++row;
  b.text(row++, 0, "How this workbook uses colour", Style::heading);
  heading("RAG column (Actions sheet)");
  for (const RagColour& c : rag_colours) {
    std::vector<std::string> shown;
    for (const std::string& w : words_for(c.colour, vocabulary)) shown.push_back(capitalised(w));
    entry(colour_label(c.colour, vocabulary), rag_style(c.colour),
          fmt::format("The cell reads {}: the colour follows the word, so a new rating typed in recolours the cell.",
                      fmt::join(shown, ", ")));
  }
  entry("", Style::rag, "No word, or a word the key does not name: no colour.");
  if (!plan.periods.empty()) {
    // Each kind has a mark of its own besides its colour, so the key reads in mono print too.
    heading("Delivery periods (Gantt columns)");
    entry(active_glyph, Style::gantt_active,
          gkey.active + ". The bars follow each row's dates (Start and End where they are dates, else Delivery from "
                        "and Delivery to): edit a date and the bar moves.");
    entry(ongoing_glyph, Style::gantt_ongoing,
          gkey.ongoing + " (lighter bar, an arrow in the cell): the end reads Ongoing.");
    entry(active_glyph, Style::gantt_outside,
          "A period the plan marks that the row's dates leave out (grey): the marks and the dates disagree; check "
          "which is current, and clear the mark or change the date.");
    entry("\u25BC Period", Style::gantt_now,
          fmt::format("The period holding the as-at day, {}: its heading in orange after a \u25BC, its cells with "
                      "dashed sides. The as-at day and each period's first and last day sit in hidden rows above "
                      "the header (As at, Period starts, Period ends): unhide them to change one.",
                      plansheet::detail::format_date(as_at_day(plan.as_at), "dd/mm/yyyy", false)));
    entry("\u26A0 31/03/2026", Style::overdue,
          "Overdue: the end date is before the as-at day and the action is neither rated nor marked complete.");
  }
  heading("Rows and cells");
  entry("Section", Style::band, "A section heading row: the actions below it belong to that section.");
  entry("Header", Style::header, "Column headings; they repeat at the top of every printed page.");
  entry(tick_mark, Style::tick, "The action contributes to the target named at the top of the column.");
  entry("Note", Style::key_term,
        "A cell with a red corner mark carries a note with the text as it was before it was repaired; "
        "the Repairs sheet lists every repair.");

  Sheet& sheet = b.sheet();
  sheet.print.landscape = false;
  sheet.print.footer = footer_text(title);
  return b.finish();
}

}  // namespace plansheet::xlsx::detail
