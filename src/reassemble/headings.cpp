// Section heading rows: a body row with no id in, whether it starts a section out. A heading is one short titled
// phrase in one cell of any column (its shape, here); whether that phrase is a heading or the rest of the action
// above is weighed in line_kind.cpp. A heading ends the last action, so the rows after it start afresh.
#include <fmt/format.h>

#include "grammar/api.hpp"
#include "reassemble/passes.hpp"
#include "repair/clean_text.hpp"
#include "text/text_span.hpp"
#include "text/unicode_text.hpp"
#include "text/utf8.hpp"

namespace plansheet::detail {

bool looks_like_heading(const std::vector<std::string>& cells) {
  std::vector<std::string> filled = non_empty(cells);
  if (filled.empty()) return false;
  // A heading fills one cell, or two side by side when a tab split it or a merged cell was printed twice.
  if (filled.size() > 2) return false;
  if (filled.size() == 2) {
    std::size_t first = first_filled(cells);
    if (filled[0] != filled[1] && !(first + 1 < cells.size() && !cells[first + 1].empty())) return false;
  }
  std::string joined = fold_whitespace(join(filled, " "));
  if (auto plain = strip_markup(joined)) joined = plain->text;  // "**Energy**", "<b>Transport</b>"
  if (joined.empty() || word_count(joined) > 12 || joined.size() > 100 || ends_sentence(joined)) return false;
  if (!grammar::parse_section_heading(joined)) return false;
  // It opens with a capital, a digit or '#': not a lower-case word, a bullet or a dash (those continue a cell).
  std::size_t i = 0;
  char32_t c0 = utf8::next_code_point(joined, i);
  if (c0 < 0x80) return is_ascii_upper(static_cast<char>(c0)) || is_ascii_digit(static_cast<char>(c0)) || c0 == '#';
  return text::starts_uppercase(joined.substr(0, i));
}

bool start_heading(const Row& row, const std::vector<std::string>& cells, const HeadingEvidence& evidence,
                   Drafting& drafting, Reassembled& out) {
  if (!looks_like_heading(cells)) return false;
  LineKind kind = judge_heading(evidence);
  if (kind.thin)
    out.warnings.push_back({{row.line}, drafting.last_id,
                            fmt::format("line {}: '{}' read as {} on thin evidence, {}", row.line,
                                        joined_text(cells).substr(0, 60),
                                        kind.heading ? "a section heading"
                                                     : "part of " + (drafting.last_id.empty() ? std::string("the action above")
                                                                                              : drafting.last_id),
                                        kind.why)});
  if (!kind.heading) return false;
  // A heading fills at most two cells (looks_like_heading), all of which it keeps.
  out.headings.push_back({row.line, non_empty(cells), row.raw});
  out.readings.push_back({row.line, "heading", kind.why});
  drafting.current_heading = static_cast<int>(out.headings.size()) - 1;
  drafting.heading_column = static_cast<int>(evidence.column);
  drafting.last = nullptr;
  drafting.last_id.clear();
  return true;
}

}  // namespace plansheet::detail
