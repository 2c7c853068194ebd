// Section heading rows: a body row with no id in, whether it starts a section out. A heading is one short titled
// phrase in the first cells; it ends the last action, so the rows after it start afresh.
#include "grammar/api.hpp"
#include "reassemble/passes.hpp"
#include "repair/clean_text.hpp"
#include "text/text_span.hpp"

namespace plansheet::detail {

bool looks_like_heading(const std::vector<std::string>& cells, std::size_t id_col) {
  std::vector<std::string> filled = non_empty(cells);
  if (filled.empty()) return false;
  // A heading fills one cell, or two when a tab split it or a merged cell was printed twice.
  if (filled.size() > 2) return false;
  std::size_t first = first_filled(cells);
  if (first > id_col + 1) return false;
  std::size_t last = cells.size();
  while (last > 0 && cells[last - 1].empty()) --last;
  if (last > first + 3) return false;  // a heading sits in the first few cells
  std::string joined = fold_whitespace(join(filled, " "));
  if (auto plain = strip_markup(joined)) joined = plain->text;  // "**Energy**", "<b>Transport</b>"
  if (joined.empty() || word_count(joined) > 12 || joined.size() > 100 || ends_sentence(joined)) return false;
  if (!grammar::parse_section_heading(joined)) return false;
  char c0 = joined[0];
  return is_ascii_upper(c0) || is_ascii_digit(c0) || c0 == '#' || static_cast<unsigned char>(c0) >= 0x80;
}

bool start_heading(const Row& row, const std::vector<std::string>& cells, const TableLayout& layout,
                   Drafting& drafting, Reassembled& out) {
  const std::size_t id_col = id_column(layout);
  if (!(looks_like_heading(cells, id_col) && (first_filled(cells) <= id_col || !drafting.last))) return false;
  // A heading fills at most two cells (looks_like_heading), all of which it keeps.
  out.headings.push_back({row.line, non_empty(cells), row.raw});
  drafting.current_heading = static_cast<int>(out.headings.size()) - 1;
  drafting.last = nullptr;
  drafting.last_id.clear();
  return true;
}

}  // namespace plansheet::detail
