// Rows printed twice: an action row whose id is the last action's in, whether it was merged into that action out.
// Two printings of one text keep the cleaner copy, marks are a union, and different texts are joined.
#include <algorithm>
#include <set>

#include "grammar/api.hpp"
#include "reassemble/passes.hpp"
#include "text/dictionary.hpp"
#include "text/text_span.hpp"
#include "text/unicode_text.hpp"

namespace plansheet::detail {
namespace {

// The distinct words of a text (case-folded, letters and digits only), read until there are more than `cap`.
std::set<std::string> distinct_words(std::string_view s, std::size_t cap) {
  std::set<std::string> out;
  std::string w;
  for (char c : s) {
    if (is_ascii_alpha(c) || is_ascii_digit(c)) {
      w += ascii_lower(c);
    } else if (!w.empty()) {
      out.insert(std::exchange(w, {}));
      if (out.size() > cap) return out;
    }
  }
  if (!w.empty()) out.insert(w);
  return out;
}

// How alike a cell `a` and a row's text `b` are: shared words over all words. Exact from 0.5 up; below that it
// may answer 0, since `a` is read only until it has more than twice b's words (then fewer than half can be shared),
// so comparing a row with a cell many rows long costs the row's length, not the cell's.
double similarity(std::string_view a, std::string_view b) {
  constexpr std::size_t unbounded = static_cast<std::size_t>(-1);
  const std::set<std::string> wb = distinct_words(b, unbounded);
  const std::set<std::string> wa = distinct_words(a, 2 * wb.size());
  if (wa.empty() || wb.empty() || wa.size() > 2 * wb.size()) return 0;
  std::size_t shared = 0;
  for (const auto& w : wa) shared += wb.count(w);
  return static_cast<double>(shared) / static_cast<double>(std::max(wa.size(), wb.size()));
}

// Words the dictionary does not know: fewer is cleaner.
int unknown_words(std::string_view text, const Dictionary& dictionary) {
  int n = 0;
  for (const std::string& w : split_words(fold_whitespace(text))) n += !dictionary.is_word(w);
  return n;
}

// Two rows with one id are one action printed twice (or wrapped with its id repeated), unless each carries a
// complete, different action text: then they are two actions sharing an id, which reconcile warns about.
bool is_distinct_action(const TableLayout& layout, const DraftAction& previous, const std::vector<std::string>& row) {
  const int action_col = column_of(layout, Role::action);
  if (action_col < 0) return false;
  const std::string& a = previous.cells[static_cast<std::size_t>(action_col)];
  const std::string& b = row[static_cast<std::size_t>(action_col)];
  return !a.empty() && !b.empty() && ends_sentence(a) && text::starts_uppercase(b) && similarity(a, b) < 0.5;
}

}  // namespace

bool merge_printed_twice(const std::vector<std::string>& placed, const Row& row, const RowId& id,
                         const TableLayout& layout, const Dictionary& dictionary, Drafting& drafting,
                         Reassembled& out) {
  const std::size_t width = layout.columns.size();
  const std::size_t id_col = id_column(layout);
  if (!(drafting.last && drafting.last_id == id.id && !is_distinct_action(layout, *drafting.last, placed)))
    return false;
  // The same id on consecutive rows: a row printed twice (or wrapped with its id repeated).
  DraftAction& prev = *drafting.last;
  for (std::size_t c = 0; c < width; ++c) {
    if (c == id_col || placed[c].empty()) continue;
    std::string& have = prev.cells[c];
    if (have == placed[c]) continue;
    // Many rows merged into one action are one repair per cell (continuations.cpp), so the cell is not copied
    // for each of them.
    CellRun* run = find_run(drafting, out, RepairRule::duplicate_row, c);
    std::string before = run ? std::string() : have;
    Role role = layout.columns[c].role;
    bool joined = false;
    if (have.empty()) {
      have = placed[c];
    } else if (role == Role::target || role == Role::period) {
      // union of marks: keep the mark already there
      if (!grammar::parse_tick_cell(have).value_or(false)) have = placed[c];
      else continue;
    } else if (similarity(have, placed[c]) >= 0.5) {
      // two printings of one text: keep the cleaner copy
      if (unknown_words(placed[c], dictionary) < unknown_words(have, dictionary)) have = placed[c];
      else continue;
    } else {
      join_into_cell(have, placed[c], run);
      joined = true;
    }
    log_run(drafting, out, run, RepairRule::duplicate_row, row.line, id.id, cell_role_name(layout.columns[c]), c, before,
            placed[c]).folded = joined;
  }
  prev.lines.push_back(row.line);
  out.removed.push_back({row.line, fold_whitespace(row.raw), RemovalReason::duplicate_row, prev.line});
  return true;
}

}  // namespace plansheet::detail
