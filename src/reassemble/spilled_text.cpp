// Text that spilled into the next row: the draft actions in, with a lower-case run that opens an action's cell
// moved back to finish the previous action's unfinished sentence (both moves logged).
#include <algorithm>

#include "reassemble/passes.hpp"
#include "text/ascii.hpp"
#include "text/text_span.hpp"
#include "text/unicode_text.hpp"

namespace plansheet::detail {
namespace {

// A lower-case word, the evidence of a sentence carried on: a word holding a digit ("95 households", "£500k",
// "2nd") opens sentences as often as it carries them on, so it is none.
bool lowercase_word(std::string_view word) {
  return text::starts_lowercase(word) && std::none_of(word.begin(), word.end(), is_ascii_digit);
}

}  // namespace

// The next action's cell opens with a lower-case word and a run that finishes this action's unfinished sentence, and then its
// own text starts with a capital. Never between records a CSV or a spreadsheet delimits: a quoted field is one cell.
void move_spilled_text(const RawTable& table, const TableLayout& layout, Reassembled& out) {
  if (table.records_delimited) return;
  const std::size_t width = layout.columns.size();
  const std::size_t id_col = id_column(layout);
  for (std::size_t a = 0; a + 1 < out.actions.size(); ++a) {
    DraftAction& prev = out.actions[a];
    DraftAction& next = out.actions[a + 1];
    for (std::size_t c = 0; c < width; ++c) {
      Role role = layout.columns[c].role;
      if (role != Role::action && role != Role::update) continue;
      std::string& tail = prev.cells[c];
      std::string& head = next.cells[c];
      if (tail.empty() || head.empty() || ends_sentence(tail)) continue;
      std::vector<std::string> words = split_words(head);
      if (words.empty() || !lowercase_word(words.front())) continue;
      std::size_t cut = 1;
      while (cut < words.size() && !text::starts_uppercase(words[cut])) ++cut;
      if (cut >= words.size() || words.size() - cut < 3) continue;
      std::string moved = join(std::vector<std::string>(words.begin(), words.begin() + static_cast<long>(cut)), " ");
      std::string kept = join(std::vector<std::string>(words.begin() + static_cast<long>(cut), words.end()), " ");
      std::string prev_id = prev.cells[id_col], next_id = next.cells[id_col];
      out.repairs.push_back({RepairRule::misplaced_text, {next.line}, prev_id, cell_role_name(layout.columns[c]), tail, tail + " " + moved});
      out.repairs.push_back({RepairRule::misplaced_text, {next.line}, next_id, cell_role_name(layout.columns[c]), head, kept});
      tail += " " + moved;
      head = kept;
    }
  }
}

}  // namespace plansheet::detail
