// Heading or continuation: what an id-less line holds and what surrounds it in, a verdict with its score and the
// evidence named out. The rule is written down here, apart from the walk over the rows, so it can be tested alone.
#include <fmt/format.h>

#include "grammar/api.hpp"
#include "reassemble/passes.hpp"
#include "repair/clean_text.hpp"
#include "text/text_span.hpp"
#include "text/unicode_text.hpp"

namespace plansheet::detail {
namespace {

// A heading marked as one by its authors: bold markup, a label ("Theme 2:"), or a list number ("4. Transport").
bool marked_as_heading(const std::vector<std::string>& cells) {
  std::string joined = fold_whitespace(join(non_empty(cells), " "));
  if (strip_markup(joined)) return true;
  auto heading = grammar::parse_section_heading(joined);
  return heading && !heading->label.empty();
}

}  // namespace

HeadingEvidence heading_evidence(const std::vector<std::string>& cells, const std::vector<std::string>* next_cells,
                                 bool blank_before, const TableLayout& layout, const Drafting& drafting) {
  HeadingEvidence e;
  const std::size_t id_col = id_column(layout);
  e.column = first_filled(cells);
  e.in_id_column = e.column <= id_col;
  e.near_id_column = e.column <= id_col + 1;
  e.marked = marked_as_heading(cells);
  e.same_column_as_headings = drafting.heading_column >= 0 && static_cast<std::size_t>(drafting.heading_column) == e.column;
  e.blank_before = blank_before;
  e.action_open = drafting.last != nullptr;
  if (next_cells) {
    e.next_has_id = read_id(*next_cells, id_col, drafting.previous_action_id).has_value();
    e.next_continues = !e.next_has_id && !looks_like_heading(*next_cells);
  }
  if (drafting.last && e.column < drafting.last->cells.size() && e.column < layout.columns.size()) {
    const std::string& above = drafting.last->cells[e.column];
    // Only a column written in sentences says anything by lacking a full stop (a lead or partner never has one).
    Role role = layout.columns[e.column].role;
    bool prose = role == Role::action || role == Role::update || role == Role::objective;
    e.above_unfinished = prose && !above.empty() && !ends_sentence(above);
    e.above_finished = above.empty() || ends_sentence(above) || e.in_id_column;
  }
  return e;
}

LineKind judge_heading(const HeadingEvidence& e) {
  LineKind kind;
  std::vector<std::string> said;
  auto weigh = [&](bool holds, int points, const char* what) {
    if (!holds) return;
    kind.score += points;
    said.push_back(fmt::format("{}{} {}", points > 0 ? "+" : "", points, what));
  };
  // Before any action nothing can be continued: a heading-shaped line is a heading, surely so near the id column.
  weigh(!e.action_open && e.near_id_column, 4, "no action open yet, near the id column");
  weigh(!e.action_open && !e.near_id_column, 2, "no action open yet");
  weigh(e.action_open && e.in_id_column, 2, "opens in the id column");
  weigh(e.marked, 2, "marked as a heading (bold, a label or a list number)");
  weigh(e.same_column_as_headings, 2, "in the column of the headings already read");
  weigh(e.next_has_id, 1, "an action row follows");
  weigh(e.next_continues, -1, "a line that is no action row follows");
  weigh(e.action_open && e.above_finished, 1, "the open action's cell above is finished");
  weigh(e.above_unfinished, -3, "the open action's cell above is an unfinished sentence");
  weigh(e.blank_before, 1, "a blank line before it");
  kind.heading = kind.score >= 3;
  kind.thin = e.action_open && (kind.score == 2 || kind.score == 3);
  std::string list;
  for (const std::string& s : said) list += (list.empty() ? "" : ", ") + s;
  kind.why = fmt::format("score {} ({})", kind.score, list.empty() ? "no evidence" : list);
  return kind;
}

}  // namespace plansheet::detail
