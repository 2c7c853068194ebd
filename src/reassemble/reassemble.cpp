// Stage: reassemble the body of a table into draft actions (see reassemble.hpp).
// Alignment of a damaged row is a small dynamic programme: each cell goes to a column in order, a column may have
// lost its (empty) cell, or a stray tab may have split one cell in two; each choice is scored by how well the cell
// fits the column's profile (learnt from the rows that fit the header exactly).
#include "reassemble/reassemble.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "detect/cell_types.hpp"
#include "repair/clean_text.hpp"
#include "text/dictionary.hpp"
#include "grammar/api.hpp"
#include "text/text_span.hpp"
#include "text/unicode_text.hpp"

namespace plansheet {
namespace {

std::string role_label(const TableLayout& layout, std::size_t column) {
  Role role = layout.columns[column].role;
  if (role == Role::target) return "targets";
  if (role == Role::extra) return layout.columns[column].label;
  return std::string(role_name(role));
}

bool is_furniture(std::string_view text) {
  std::string key = ascii_lower(fold_whitespace(text));
  if (key.empty()) return true;
  if (key.find_first_not_of("_-=.*~ |") == std::string::npos) return true;  // rules and underline rows
  for (std::string_view phrase : {"this page is intentionally left blank", "page intentionally left blank",
                                  "continued on next page", "continued overleaf", "(continued)", "continued"})
    if (key == phrase) return true;
  // "Page 3 of 11", "Page 3", "3 of 11"
  std::string_view k = key;
  if (k.rfind("page ", 0) == 0) k.remove_prefix(5);
  std::size_t digits = 0;
  while (digits < k.size() && is_ascii_digit(k[digits])) ++digits;
  if (digits > 0 && digits < 5) {
    std::string_view rest = k.substr(digits);
    if (rest.empty() && key.rfind("page ", 0) == 0) return true;
    if (rest.rfind(" of ", 0) == 0 && rest.size() > 4 &&
        std::all_of(rest.begin() + 4, rest.end(), [](char c) { return is_ascii_digit(c); }))
      return true;
  }
  return false;
}

std::vector<std::string> cell_texts(const Row& row) {
  std::vector<std::string> texts;
  texts.reserve(row.cells.size());
  for (const Cell& c : row.cells) texts.push_back(c.text);
  return texts;
}

std::vector<std::string> non_empty(const std::vector<std::string>& cells) {
  std::vector<std::string> out;
  for (const auto& c : cells)
    if (!c.empty()) out.push_back(c);
  return out;
}

// Index of the first non-empty cell, or cells.size().
std::size_t first_filled(const std::vector<std::string>& cells) {
  std::size_t i = 0;
  while (i < cells.size() && cells[i].empty()) ++i;
  return i;
}

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

// How alike two texts are: shared words over all words (case-folded, letters and digits only).
double similarity(std::string_view a, std::string_view b) {
  auto words = [](std::string_view s) {
    std::set<std::string> out;
    std::string w;
    for (char c : ascii_lower(s)) {
      if (is_ascii_alpha(c) || is_ascii_digit(c))
        w += c;
      else if (!w.empty())
        out.insert(std::exchange(w, {}));
    }
    if (!w.empty()) out.insert(w);
    return out;
  };
  auto wa = words(a), wb = words(b);
  if (wa.empty() || wb.empty()) return 0;
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

struct Aligner {
  const TableLayout& layout;
  const std::vector<ColumnProfile>& profiles;
  const Dictionary& dictionary;

  // Returns, for each cell, the column it goes to (cells that share a column were one cell split by a tab).
  std::vector<std::size_t> align(const std::vector<std::string>& cells) const {
    const std::size_t n = cells.size(), m = layout.columns.size();
    constexpr double none = -std::numeric_limits<double>::infinity();
    // best[i][j]: cells [0, i) placed within columns [0, j), cell i-1 in column j-1 (or no cell yet).
    std::vector<std::vector<double>> best(n + 1, std::vector<double>(m + 1, none));
    enum Move : char { place, skip, merge };
    std::vector<std::vector<Move>> how(n + 1, std::vector<Move>(m + 1, skip));
    best[0][0] = 0;
    std::vector<unsigned> kinds(n);
    for (std::size_t i = 0; i < n; ++i) kinds[i] = cell_kinds(cells[i]);
    for (std::size_t i = 0; i <= n; ++i)
      for (std::size_t j = 0; j <= m; ++j) {
        if (best[i][j] == none) continue;
        if (j < m) {  // column j lost its cell
          double s = best[i][j] + skip_score(j);
          if (s > best[i][j + 1]) best[i][j + 1] = s, how[i][j + 1] = skip;
        }
        if (i < n && j < m) {  // cell i goes to column j
          double s = best[i][j] + profiles[j].log_fit(kinds[i]);
          if (s > best[i + 1][j + 1]) best[i + 1][j + 1] = s, how[i + 1][j + 1] = place;
        }
        if (i < n && j > 0 && i > 0) {  // cell i continues column j-1 (a stray tab split it)
          double s = best[i][j] + (cells[i].empty() ? -0.4 : merge_score(j - 1, cells[i - 1], cells[i]));
          if (s > best[i + 1][j]) best[i + 1][j] = s, how[i + 1][j] = merge;
        }
      }
    std::vector<std::size_t> column_of_cell(n, 0);
    std::size_t i = n, j = m;
    while (i > 0 || j > 0) {
      Move mv = how[i][j];
      if (mv == skip) {
        --j;
      } else if (mv == place) {
        column_of_cell[--i] = --j;
      } else {
        column_of_cell[--i] = j - 1;
      }
    }
    return column_of_cell;
  }

  // The score of a given assignment of cells to columns (the same terms the alignment maximises).
  double score(const std::vector<std::string>& cells, const std::vector<std::size_t>& where) const {
    double total = 0;
    std::size_t next_column = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0 && where[i] == where[i - 1]) {
        total += cells[i].empty() ? -0.4 : merge_score(where[i], cells[i - 1], cells[i]);
        continue;
      }
      for (; next_column < where[i]; ++next_column) total += skip_score(next_column);
      total += profiles[where[i]].log_fit(cell_kinds(cells[i]));
      next_column = where[i] + 1;
    }
    for (; next_column < layout.columns.size(); ++next_column) total += skip_score(next_column);
    return total;
  }
  bool fits_by_position(const std::vector<std::string>& cells) const {
    for (std::size_t i = 0; i < cells.size(); ++i)
      if (!cells[i].empty() && profiles[i].log_fit(cell_kinds(cells[i])) < -2.5) return false;
    return true;
  }
  double positional_score(const std::vector<std::string>& cells) const {
    std::vector<std::size_t> where(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) where[i] = i;
    return score(cells, where);
  }
  double skip_score(std::size_t j) const {
    return profiles[j].log_fit(cell_kinds("")) - 0.7 - 0.001 * static_cast<double>(layout.columns.size() - j);
  }

  // Two cells that are really one: only text columns split that way, and a split inside a word ("Bra" | "nch",
  // "opera" | "tor") is likelier than one between words. An id, a date or a rating is never half a cell.
  double merge_score(std::size_t column, const std::string& left, const std::string& right) const {
    Role role = layout.columns[column].role;
    bool text_column = role == Role::action || role == Role::objective || role == Role::lead || role == Role::partners ||
                       role == Role::update || role == Role::extra || role == Role::status || role == Role::stage;
    if (!text_column) return -50.0;
    // Only the words at the split matter: the last of the left cell and the first of the right one.
    std::string_view l = trim(left), r = trim(right);
    std::size_t space = l.find_last_of(' ');
    std::string_view last = space == std::string_view::npos ? l : l.substr(space + 1);
    std::string_view first = r.substr(0, std::min(r.find(' '), r.size()));
    if (last.empty() || first.empty()) return -3.5;
    // A finished sentence is a whole cell; a piece that opens with '&', a comma or a lower-case word continues one.
    if (ends_sentence(l)) return -5.0;
    if (std::string_view("&,;:)/").find(first.front()) != std::string_view::npos || is_ascii_lower(first.front()))
      if (!(is_ascii_alpha(last.back()) && is_ascii_alpha(first.front()))) return -1.5;
    if (!is_ascii_alpha(last.back()) || !is_ascii_alpha(first.front())) return -3.5;
    if (!dictionary.is_word(std::string(last) + std::string(first))) return -3.5;
    bool left_word = dictionary.is_word(last), right_word = dictionary.is_word(first);
    return left_word && right_word ? -2.0 : -1.0;
  }
};

// An id cell read as an id, also when Cyrillic or Greek look-alike letters stand in for Latin ones ("тз");
// `raw` keeps the id as written so that reconcile repairs and logs it.
struct RowId {
  std::string id;    // Latin form, used to tell rows apart
  std::string raw;   // as written, without any glued text
  std::string rest;  // text glued after the id ("✓" in "50 ✓")
};

// A bare number the grammar leaves alone (four or more digits could be a year) is an id when it continues a run
// of numeric ids: 999, 1000, 1001 in a long tracker.
std::optional<RowId> read_numeric_sequel(const std::string& cell, const std::string& previous_id) {
  std::string_view t = trim(cell);
  std::size_t digits = 0;
  while (digits < t.size() && digits < 7 && is_ascii_digit(t[digits])) ++digits;
  if (digits < 4 || (digits < t.size() && t[digits] != ' ') || previous_id.empty() || previous_id.size() > 7 ||
      !std::all_of(previous_id.begin(), previous_id.end(), [](char c) { return is_ascii_digit(c); }))
    return std::nullopt;
  long now = std::stol(std::string(t.substr(0, digits))), before = std::stol(previous_id);
  if (now <= before || now > before + 5) return std::nullopt;
  std::string id(t.substr(0, digits));
  return RowId{id, id, std::string(trim(t.substr(digits)))};
}

std::optional<RowId> read_id(const std::vector<std::string>& cells, std::size_t id_col, const std::string& previous_id) {
  if (id_col >= cells.size()) return std::nullopt;
  if (auto id = grammar::parse_action_id(cells[id_col])) return RowId{id->id, id->id, id->rest};
  if (auto sequel = read_numeric_sequel(cells[id_col], previous_id)) return sequel;
  if (!text::has_cyrillic_or_greek(cells[id_col])) return std::nullopt;
  std::optional<grammar::ActionId> mapped;
  for (const std::string& reading : lookalike_id_readings(cells[id_col]))
    if ((mapped = grammar::parse_action_id(reading))) break;
  if (!mapped) return std::nullopt;
  std::string raw = cells[id_col];
  if (!mapped->rest.empty()) {
    std::size_t space = raw.find(' ');
    raw = space == std::string::npos ? raw : raw.substr(0, space);
  }
  return RowId{mapped->id, raw, mapped->rest};
}

// The column an id sits in (the first id column).
std::size_t id_column(const TableLayout& layout) {
  int c = column_of(layout, Role::id);
  return c < 0 ? 0 : static_cast<std::size_t>(c);
}

}  // namespace

Reassembled reassemble(const RawTable& table, const TableLayout& layout, const Dictionary& dictionary) {
  Reassembled out;
  const auto& rows = table.rows;
  const std::size_t width = layout.columns.size();
  const std::size_t id_col = id_column(layout);
  std::vector<std::string> header_cells;
  if (layout.header_begin < rows.size() && layout.header_begin < layout.body_begin)
    header_cells = non_empty(cell_texts(rows[layout.body_begin - 1 >= layout.header_begin ? layout.header_begin : 0]));
  for (std::size_t r = layout.header_begin; r < layout.body_begin; ++r) {
    auto cells = non_empty(cell_texts(rows[r]));
    if (cells.size() > header_cells.size()) header_cells = cells;
  }

  // Column profiles: each role's prior plus what the rows that fit the header exactly hold.
  std::vector<ColumnProfile> profiles(width);
  for (std::size_t c = 0; c < width; ++c) profiles[c].add_prior(layout.columns[c].role);
  for (std::size_t r = layout.body_begin; r < rows.size(); ++r) {
    const Row& row = rows[r];
    if (row.cells.size() != width || !grammar::is_action_id(row.cells[id_col].text)) continue;
    for (std::size_t c = 0; c < width; ++c) profiles[c].add(cell_kinds(row.cells[c].text));
  }
  Aligner aligner{layout, profiles, dictionary};

  // Per block (rows between page breaks): did an id cell carry the next column's mark ("50 ✓")? Then the block's
  // rows lost the cell after the id, not some other.
  std::vector<int> block_of_row(rows.size(), 0);
  std::set<int> blocks_with_glued_id;
  int block = 0;
  for (std::size_t r = layout.body_begin; r < rows.size(); ++r) {
    if (rows[r].page_break_before) ++block;
    block_of_row[r] = block;
    if (id_col < rows[r].cells.size()) {
      auto id = grammar::parse_action_id(rows[r].cells[id_col].text);
      if (id && !id->rest.empty() && grammar::is_tick_mark(id->rest) && rows[r].cells.size() < width)
        blocks_with_glued_id.insert(block);
    }
  }

  // Cells to columns. A row that fits is read by position unless the alignment finds a clearly better reading
  // (a lost or an extra cell); every cell that moved is logged.
  auto aligned_cells = [&](std::vector<std::string> cells, int row_block, int line, const std::string& id,
                           bool continuation) {
    // Cells past the table's width that are empty are just trailing tabs.
    while (cells.size() > width && cells.back().empty()) cells.pop_back();
    // In a block where an id cell carried the next column's mark, every short row lost that column's cell.
    if (cells.size() + 1 == width && blocks_with_glued_id.count(row_block) && id_col + 1 < width)
      cells.insert(cells.begin() + static_cast<long>(id_col) + 1, std::string());
    // A continuation line holds pieces of text, so its cells' shapes say little: read it by position (the tabs
    // before a wrapped piece put it under its column; the cells after it were simply not printed).
    if (continuation && cells.size() <= width) {
      cells.resize(width);
      return cells;
    }
    // A row that fits and where every cell looks at home in its column is read by position without more ado.
    if (cells.size() == width && aligner.fits_by_position(cells)) return cells;
    std::vector<std::size_t> where = aligner.align(cells);
    if (cells.size() == width && aligner.score(cells, where) < aligner.positional_score(cells) + 1.5)
      for (std::size_t i = 0; i < width; ++i) where[i] = i;  // fits: read by position unless clearly wrong
    std::vector<std::string> placed(width);
    for (std::size_t i = 0; i < cells.size(); ++i) {
      std::string& slot = placed[where[i]];
      if (cells[i].empty()) continue;
      if (i != where[i])
        out.repairs.push_back({RepairRule::misplaced_text, {line}, id, role_label(layout, where[i]), cells[i], cells[i]});
      if (slot.empty()) {
        slot = cells[i];
      } else {
        slot += "\t" + cells[i];  // a tab-split cell: reconcile decides how to join it and logs the repair
      }
    }
    return placed;
  };

  // Two rows with one id are one action printed twice (or wrapped with its id repeated), unless each carries a
  // complete, different action text: then they are two actions sharing an id, which reconcile warns about.
  const int action_col = column_of(layout, Role::action);
  auto is_distinct_action = [&](const DraftAction& previous, const std::vector<std::string>& row) {
    if (action_col < 0) return false;
    const std::string& a = previous.cells[static_cast<std::size_t>(action_col)];
    const std::string& b = row[static_cast<std::size_t>(action_col)];
    return !a.empty() && !b.empty() && ends_sentence(a) && text::starts_uppercase(b) && similarity(a, b) < 0.5;
  };

  int current_heading = -1;
  DraftAction* last = nullptr;
  std::string last_id;
  std::string previous_action_id;  // survives headings, for numeric id runs
  for (std::size_t r = layout.body_begin; r < rows.size(); ++r) {
    const Row& row = rows[r];
    std::vector<std::string> cells = cell_texts(row);
    std::size_t filled_count = 0, text_length = 0;
    for (const std::string& c : cells) filled_count += !c.empty(), text_length += c.size();
    // The row as one line of text, for messages and for rows set aside (built only for rows that may be).
    auto joined_text = [&] { return fold_whitespace(join(non_empty(cells), " ")); };

    if (row.hidden) {
      std::string joined = joined_text();
      out.removed.push_back({row.line, joined, RemovalReason::hidden_row});
      out.warnings.push_back({{row.line}, "", fmt::format("line {}: hidden row left out of the table: {}", row.line,
                                                        joined.substr(0, 60))});
      continue;
    }
    // Furniture is a short line of its own ("Page 3 of 11", a rule of underscores across the cells).
    if ((filled_count <= 2 || text_length <= 40) && is_furniture(joined_text())) {
      out.removed.push_back({row.line, joined_text(), RemovalReason::furniture});
      continue;
    }
    if (!header_cells.empty() && filled_count >= 2) {
      std::size_t same = 0;
      for (const auto& c : cells)
        same += !c.empty() && std::find(header_cells.begin(), header_cells.end(), c) != header_cells.end();
      if (same * 10 >= filled_count * 7 && same >= 2) {
        out.removed.push_back({row.line, joined_text(), RemovalReason::repeated_header});
        continue;
      }
    }
    std::vector<std::string> filled;
    if (filled_count <= 2) filled = non_empty(cells);  // only a heading row needs its filled cells

    const std::size_t header_width = layout.header_width ? layout.header_width : width;
    if (header_width >= 2 && filled_count > 4 * header_width)
      out.warnings.push_back({{row.line}, "", fmt::format("line {} holds {} filled cells where the header has {}: the "
                                                        "paste may have lost its line breaks",
                                                        row.line, filled_count, header_width)});
    std::optional<RowId> id = read_id(cells, id_col, previous_action_id);
    if (id && !id->rest.empty()) {
      // An id glued to the next cell ("50 ✓"): give the rest its own cell.
      std::string before = cells[id_col];
      cells[id_col] = id->raw;
      cells.insert(cells.begin() + static_cast<long>(id_col) + 1, id->rest);
      out.repairs.push_back({RepairRule::misplaced_text, {row.line}, id->id, "id", before, id->raw});
    }

    if (id) {
      std::vector<std::string> placed = aligned_cells(cells, block_of_row[r], row.line, id->id, false);
      placed[id_col] = id->raw;
      if (last && last_id == id->id && !is_distinct_action(*last, placed)) {
        // The same id on consecutive rows: a row printed twice (or wrapped with its id repeated).
        DraftAction& prev = *last;
        for (std::size_t c = 0; c < width; ++c) {
          if (c == id_col || placed[c].empty()) continue;
          std::string& have = prev.cells[c];
          std::string before = have;
          Role role = layout.columns[c].role;
          if (have.empty()) {
            have = placed[c];
          } else if (have == placed[c]) {
            continue;
          } else if (role == Role::target || role == Role::period) {
            // union of marks: keep the mark already there
            if (!grammar::parse_tick_cell(have).value_or(false)) have = placed[c];
          } else if (similarity(have, placed[c]) >= 0.5) {
            // two printings of one text: keep the cleaner copy
            if (unknown_words(placed[c], dictionary) < unknown_words(have, dictionary)) have = placed[c];
          } else {
            have = fold_whitespace(have + " " + placed[c]);
          }
          if (have != before)
            out.repairs.push_back({RepairRule::duplicate_row, {row.line}, id->id, role_label(layout, c),
                                   before + " || " + placed[c], have});
        }
        prev.lines.push_back(row.line);
        out.removed.push_back({row.line, fold_whitespace(row.raw), RemovalReason::duplicate_row, prev.line});
        continue;
      }
      DraftAction draft;
      draft.cells = std::move(placed);
      draft.heading = current_heading;
      draft.line = row.line;
      draft.lines.push_back(row.line);
      out.actions.push_back(std::move(draft));
      last = &out.actions.back();
      last_id = id->id;
      previous_action_id = id->id;
      continue;
    }

    if (looks_like_heading(cells, id_col) && (first_filled(cells) <= id_col || !last)) {
      out.headings.push_back({row.line, filled, row.raw});
      current_heading = static_cast<int>(out.headings.size()) - 1;
      last = nullptr;
      last_id.clear();
      continue;
    }

    if (!last) {
      std::string joined = joined_text();
      out.removed.push_back({row.line, joined, RemovalReason::before_first_action});
      out.warnings.push_back({{row.line}, "", fmt::format("line {}: text that belongs to no action was left out: '{}'",
                                                        row.line, joined.substr(0, 80))});
      continue;
    }
    // A continuation line: its cells extend the previous action's cells.
    std::vector<std::string> placed = aligned_cells(cells, block_of_row[r], row.line, last_id, true);
    if (!placed[id_col].empty()) {
      // Text in the id column of a line with no id: not an id, and no other column's; kept, and flagged.
      out.removed.push_back({row.line, placed[id_col], RemovalReason::id_column_of_continuation});
      out.warnings.push_back({{row.line}, last_id, fmt::format("line {}: '{}' stands in the id column of a line that "
                                                             "continues {}; left out of the action", row.line,
                                                             placed[id_col], last_id)});
    }
    for (std::size_t c = 0; c < width; ++c) {
      if (placed[c].empty() || c == id_col) continue;
      std::string& have = last->cells[c];
      std::string before = have;
      Role role = layout.columns[c].role;
      if (role == Role::target || role == Role::period) {
        if (!grammar::parse_tick_cell(have).value_or(false)) have = placed[c];
        if (have == before && before.empty()) continue;
      } else {
        have = have.empty() ? placed[c] : fold_whitespace(have + " " + placed[c]);
      }
      out.repairs.push_back({RepairRule::continuation, {row.line}, last_id, role_label(layout, c),
                             before + " || " + placed[c], have});
    }
    last->lines.push_back(row.line);
  }

  // Text that spilled into the next row: the next action's cell opens with a lower-case run that finishes this
  // action's unfinished sentence, and then its own text starts with a capital.
  for (std::size_t a = 0; a + 1 < out.actions.size(); ++a) {
    DraftAction& prev = out.actions[a];
    DraftAction& next = out.actions[a + 1];
    for (std::size_t c = 0; c < width; ++c) {
      Role role = layout.columns[c].role;
      if (role != Role::action && role != Role::update) continue;
      std::string& tail = prev.cells[c];
      std::string& head = next.cells[c];
      if (tail.empty() || head.empty() || ends_sentence(tail) || !text::starts_lowercase(head)) continue;
      std::vector<std::string> words = split_words(head);
      std::size_t cut = 1;
      while (cut < words.size() && !text::starts_uppercase(words[cut])) ++cut;
      if (cut >= words.size() || words.size() - cut < 3) continue;
      std::string moved = join(std::vector<std::string>(words.begin(), words.begin() + static_cast<long>(cut)), " ");
      std::string kept = join(std::vector<std::string>(words.begin() + static_cast<long>(cut), words.end()), " ");
      std::string prev_id = prev.cells[id_col], next_id = next.cells[id_col];
      out.repairs.push_back({RepairRule::misplaced_text, {next.line}, prev_id, role_label(layout, c), tail, tail + " " + moved});
      out.repairs.push_back({RepairRule::misplaced_text, {next.line}, next_id, role_label(layout, c), head, kept});
      tail += " " + moved;
      head = kept;
    }
  }
  return out;
}

}  // namespace plansheet
