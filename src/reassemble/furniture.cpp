// Page furniture: the table's rows in, for each body row why it is furniture ("" when it is not). Page numbers, rules,
// every header line printed again, and running headers or footers are no part of any action; the judgement weighs
// what a row holds and what surrounds it (a page break, other furniture, the same line recurring, the plan's title).
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "grammar/api.hpp"
#include "reassemble/passes.hpp"
#include "text/text_span.hpp"
#include "text/unicode_text.hpp"

namespace plansheet::detail {
namespace {

std::size_t filled(const std::vector<std::string>& cells) {
  return static_cast<std::size_t>(std::count_if(cells.begin(), cells.end(), [](const std::string& c) {
    return !trim(c).empty();
  }));
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return is_ascii_digit(c); });
}

// A bare page number: one cell of one to four digits, or the same between dashes ("- 7 -", "– 7 –").
std::optional<int> bare_number(const std::vector<std::string>& cells) {
  if (filled(cells) != 1) return std::nullopt;
  std::string text = fold_whitespace(non_empty(cells).front());
  std::string_view t = text;
  for (std::string_view dash : {"-", "\xE2\x80\x93", "\xE2\x80\x94"})  // -, en dash, em dash
    if (t.size() > 2 * dash.size() && t.substr(0, dash.size()) == dash && t.substr(t.size() - dash.size()) == dash) {
      t = trim(t.substr(dash.size(), t.size() - 2 * dash.size()));
      break;
    }
  if (!all_digits(t) || t.size() > 4) return std::nullopt;
  return std::stoi(std::string(t));
}

// Whether a body row is one header line printed again: most of its filled cells are that line's cells, and it
// covers at least half of them. Each header line is compared on its own (a two-line header recurs line by line).
// A header line's filled cells, sorted, so telling a row printed again from it costs a search per cell (a table
// thousands of columns wide must not cost the square of its width per row).
std::vector<std::string> sorted_filled(const std::vector<std::string>& cells) {
  std::vector<std::string> out = non_empty(cells);
  std::sort(out.begin(), out.end());
  return out;
}

bool repeats_header_line(const std::vector<std::string>& cells, const std::vector<std::string>& sorted_header) {
  const std::vector<std::string>& header = sorted_header;
  std::vector<std::string> body = non_empty(cells);
  if (header.empty() || body.empty()) return false;
  std::size_t same = 0;
  for (const std::string& c : body) same += std::binary_search(header.begin(), header.end(), c);
  if (same * 10 < body.size() * 7 || same * 2 < header.size()) return false;
  return same >= 2 || (header.size() == 1 && body.size() == 1);
}

// The folded, case-free text of a short line, for telling when a line recurs.
std::string line_key(const std::vector<std::string>& cells) { return ascii_lower(joined_text(cells)); }

// A running header that repeats the lines above the table: the line, or each '|'-separated part of it, is one of
// them ("Borough Council | Climate Action Plan").
bool repeats_lines_above(const std::string& key, const std::set<std::string>& above) {
  if (above.empty() || key.empty()) return false;
  if (above.count(key)) return true;
  std::size_t start = 0, matched = 0, parts = 0;
  while (start <= key.size()) {
    std::size_t bar = key.find('|', start);
    std::string part = fold_whitespace(key.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
    if (!part.empty()) ++parts, matched += above.count(part);
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return parts >= 2 && matched >= 1;
}

}  // namespace

bool is_furniture(std::string_view text) {
  std::string key = ascii_lower(fold_whitespace(text));
  if (key.empty()) return true;
  if (key.find_first_not_of("_-=.*~ |") == std::string::npos) return true;  // rules and underline rows
  for (std::string_view phrase : {"this page is intentionally left blank", "page intentionally left blank",
                                  "continued on next page", "continued overleaf", "(continued)", "continued"})
    if (key == phrase) return true;
  // "Page 3 of 11", "Page 3", "3 of 11", "Page 3/11"
  std::string_view k = key;
  if (k.rfind("page ", 0) == 0) k.remove_prefix(5);
  std::size_t digits = 0;
  while (digits < k.size() && is_ascii_digit(k[digits])) ++digits;
  // A short number is a page's alone; a long one only as "Page N of M" (a long document's "Page 12345 of 64000").
  const bool page_word = key.rfind("page ", 0) == 0;
  if (digits > 0 && digits < 10) {
    std::string_view rest = k.substr(digits);
    if (rest.empty() && page_word && digits < 5) return true;
    for (std::string_view of : {std::string_view(" of "), std::string_view("/")})
      if (rest.rfind(of, 0) == 0 && rest.size() > of.size() && all_digits(rest.substr(of.size())) &&
          (of != "/" || page_word) && (digits < 5 || page_word))
        return true;
  }
  return false;
}

std::vector<std::vector<std::string>> header_lines(const RawTable& table, const TableLayout& layout) {
  std::vector<std::vector<std::string>> lines;
  for (std::size_t r = layout.header_begin; r < layout.body_begin && r < table.rows.size(); ++r)
    lines.push_back(cell_texts(table.rows[r]));
  return lines;
}

Verdicts find_furniture(const RawTable& table, const TableLayout& layout) {
  const auto& rows = table.rows;
  const std::size_t begin = std::min(layout.body_begin, rows.size());
  const std::size_t id_col = id_column(layout);
  Verdicts why(rows.size());
  std::vector<std::vector<std::string>> headers;
  std::vector<std::string> all_header_cells;
  for (const auto& line : header_lines(table, layout)) {
    headers.push_back(sorted_filled(line));
    all_header_cells.insert(all_header_cells.end(), headers.back().begin(), headers.back().end());
  }
  std::sort(all_header_cells.begin(), all_header_cells.end());

  // 1. What a row holds alone: page phrases and rules, and any header line printed again.
  for (std::size_t r = begin; r < rows.size(); ++r) {
    if (rows[r].hidden) continue;  // set aside on its own account
    std::vector<std::string> cells = cell_texts(rows[r]);
    std::size_t text_length = 0;
    for (const std::string& c : cells) text_length += c.size();
    if ((filled(cells) <= 2 || text_length <= 40) && is_furniture(joined_text(cells))) {
      why[r] = SetAside{RemovalReason::furniture, "page furniture (a page phrase or a rule)"};
      continue;
    }
    for (const auto& line : headers)
      if (repeats_header_line(cells, line)) why[r] = SetAside{RemovalReason::repeated_header, "a header line printed again"};
    if (!why[r] && headers.size() > 1 && filled(cells) >= 2 && repeats_header_line(cells, all_header_cells))
      why[r] = SetAside{RemovalReason::repeated_header, "the header printed again on one line"};
  }
  auto break_before = [&](std::size_t r) {
    return r == begin || rows[r].page_break_before || why[r - 1].has_value();
  };
  auto break_after = [&](std::size_t r) {
    return r + 1 >= rows.size() || rows[r + 1].page_break_before || why[r + 1].has_value();
  };

  // 2. Bare numbers: a page number sits at a page break, or counts up with the other bare numbers; one that
  //    continues a run of numeric ids needs a break on both sides.
  std::vector<std::pair<std::size_t, int>> numbers;
  std::optional<long> last_numeric_id;
  std::vector<std::optional<long>> id_before(rows.size());
  for (std::size_t r = begin; r < rows.size(); ++r) {
    std::vector<std::string> cells = cell_texts(rows[r]);
    id_before[r] = last_numeric_id;
    if (why[r]) continue;
    if (auto n = bare_number(cells)) {
      numbers.emplace_back(r, *n);
    } else if (id_col < cells.size() && filled(cells) >= 2 && all_digits(trim(cells[id_col])) &&
               trim(cells[id_col]).size() <= 7) {
      last_numeric_id = std::stol(std::string(trim(cells[id_col])));
    }
  }
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    auto [r, n] = numbers[i];
    bool counts_up = (i > 0 && numbers[i - 1].second + 1 == n) || (i + 1 < numbers.size() && numbers[i + 1].second == n + 1);
    bool before = break_before(r), after = break_after(r);
    bool continues_ids = id_before[r] && n == *id_before[r] + 1;
    if (continues_ids ? (before && after) : (before || after || counts_up)) why[r] = SetAside{RemovalReason::page_number, before || after ? "a bare number at a page break" : "a bare number counting up with the pages"};
  }

  // 3. Running headers and footers: a short line that repeats the lines above the table, recurs near page
  //    breaks, or stands between two pieces of furniture.
  std::set<std::string> above;
  for (std::size_t r = 0; r < layout.header_begin && r < rows.size(); ++r) {
    std::string key = line_key(cell_texts(rows[r]));
    if (!key.empty()) above.insert(key);
  }
  if (layout.title) above.insert(ascii_lower(fold_whitespace(*layout.title)));
  std::map<std::string, std::vector<std::size_t>> seen;
  std::vector<std::size_t> candidates;
  for (std::size_t r = begin; r < rows.size(); ++r) {
    if (why[r] || rows[r].hidden) continue;
    std::vector<std::string> cells = cell_texts(rows[r]);
    std::string joined = joined_text(cells);
    if (joined.empty() || joined.size() > 120 || text::starts_lowercase(joined) || read_id(cells, id_col, "")) continue;
    // A wider line counts only where a header line would stand: first in the body, at a page's top (after a
    // break or other furniture: "Council  |  Plan title" split on its wide gaps), or under the header printed
    // again (the header's second line, when detection took only the first).
    if (filled(cells) > 2 && !break_before(r)) continue;
    candidates.push_back(r);
    seen[line_key(cells)].push_back(r);
  }
  for (std::size_t r : candidates) {
    std::string key = line_key(cell_texts(rows[r]));
    const std::vector<std::size_t>& same = seen[key];
    bool near_break = false;
    for (std::size_t s : same) near_break = near_break || break_before(s) || break_after(s);
    const bool wide = filled(cell_texts(rows[r])) > 2;
    if (wide && same.size() >= 2) {
      why[r] = SetAside{RemovalReason::repeated_header, "a header line printed again"};  // a header line detection left in the body, printed again under the header
    } else if (repeats_lines_above(key, above)) {
      why[r] = SetAside{RemovalReason::running_header, "a running header: it repeats the lines above the table"};
    } else if (same.size() >= 2 && (near_break || first_filled(cell_texts(rows[r])) == 0)) {
      // A section name is printed once and a wrapped piece of a cell sits under its column; a line that opens the
      // row and recurs, or recurs by a page break, is the page's own.
      why[r] = SetAside{RemovalReason::running_header,
                        fmt::format("a running header or footer: the same line recurs {} times", same.size())};
    } else if (r > begin && why[r - 1].has_value() && r + 1 < rows.size() && why[r + 1].has_value()) {
      why[r] = SetAside{RemovalReason::running_header, "a running header or footer: it stands between page furniture"};
    }
  }
  // A running line between a page number and a header printed again may only now have furniture on both sides.
  for (std::size_t r : candidates)
    if (!why[r] && r > begin && why[r - 1].has_value() && r + 1 < rows.size() && why[r + 1].has_value())
      why[r] = SetAside{RemovalReason::running_header, "a running header or footer: it stands between page furniture"};
  return why;
}

bool set_aside_furniture(const Row& row, const std::vector<std::string>& cells, const std::optional<SetAside>& verdict,
                         Reassembled& out) {
  if (row.hidden) {
    std::string joined = joined_text(cells);
    out.removed.push_back({row.line, joined, RemovalReason::hidden_row});
    out.warnings.push_back({{row.line}, "", fmt::format("line {}: hidden row left out of the table: {}", row.line,
                                                      joined.substr(0, 60))});
    return true;
  }
  if (!verdict) return false;
  out.removed.push_back({row.line, joined_text(cells), verdict->reason});
  out.readings.push_back({row.line, "furniture", verdict->why});
  return true;
}

}  // namespace plansheet::detail
