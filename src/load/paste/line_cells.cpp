// The cells of each line of a tab- or space-separated paste. A paste may switch from tabs to runs of spaces part
// way through (a Word table pasted in two goes), so each line is split on its own evidence and aimed at the
// table's width: a double space after a full stop inside prose is no cell boundary when it would make the row
// wider than the table, and an indented line of cells starts with an empty cell when the table has room for it.
#include "load/paste/line_cells.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "text/ascii.hpp"
#include "text/text_span.hpp"

namespace plansheet {
namespace {

// A line split at runs of two or more spaces, before it is fitted to the table.
struct Spaced {
  std::size_t index = 0;            // into the LineCells
  std::vector<std::string> pieces;  // as written, not yet folded
  std::vector<std::size_t> gaps;    // spaces between piece i and i + 1
  std::size_t indent = 0;
  std::size_t second = 0;  // where the second piece starts (0: there is none)
};

Spaced split_spaced(std::string_view line) {
  Spaced s;
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  s.indent = i;
  while (i < line.size()) {
    std::size_t gap = line.find("  ", i);
    std::size_t end = gap == std::string_view::npos ? line.size() : gap;
    s.pieces.emplace_back(line.substr(i, end - i));
    if (gap == std::string_view::npos) break;
    i = line.find_first_not_of(' ', gap);
    if (i == std::string_view::npos) break;
    s.gaps.push_back(i - gap);
    if (s.second == 0) s.second = i;
  }
  return s;
}

bool has_gap(std::string_view line) {
  std::string_view t = trim(line);
  return t.find("  ") != std::string_view::npos;
}

std::size_t word_count(std::string_view s) { return split_words(fold_whitespace(s)).size(); }

// A gap after a full stop, between two runs of prose, where the second is a sentence of its own (it ends one, or
// is long): what a double space after a full stop inside one cell looks like. A short name after a sentence
// ("... replaced.  Estates & Facilities") is the next cell.
bool sentence_gap(const Spaced& s, std::size_t i) {
  const std::string& left = s.pieces[i];
  const std::string& right = s.pieces[i + 1];
  const std::size_t right_words = word_count(right);
  return ends_sentence(left) && word_count(left) >= 3 && !right.empty() && is_ascii_upper(right.front()) &&
         right_words >= 3 && (ends_sentence(right) || right_words >= 6);
}

std::string_view last_word(std::string_view s) {
  s = trim(s);
  std::size_t space = s.rfind(' ');
  return space == std::string_view::npos ? s : s.substr(space + 1);
}

std::string_view first_word(std::string_view s) {
  s = trim(s);
  return s.substr(0, s.find(' '));
}

// Merges sentence gaps, narrowest first, while the line has more cells than the table; each merge is logged.
void merge_false_delimiters(Spaced& s, std::size_t width, int line_no, RawTable& table) {
  while (s.pieces.size() > width) {
    std::size_t best = s.gaps.size();
    for (std::size_t i = 0; i < s.gaps.size(); ++i)
      if (sentence_gap(s, i) && (best == s.gaps.size() || s.gaps[i] < s.gaps[best])) best = i;
    if (best == s.gaps.size()) return;
    std::string after = fold_whitespace(s.pieces[best] + " " + s.pieces[best + 1]);
    std::string to = std::string(last_word(s.pieces[best])) + " " + std::string(first_word(s.pieces[best + 1]));
    std::string from = std::string(last_word(s.pieces[best])) + std::string(s.gaps[best], ' ') +
                       std::string(first_word(s.pieces[best + 1]));
    table.repairs.push_back({RepairRule::false_delimiter, {line_no}, "", "", from, to});
    table.warnings.push_back({{line_no}, "",
                              fmt::format("line {}: {} cells where the table has {}; the run of spaces after a full "
                                          "stop in '{}' is read as part of the text, not a cell boundary",
                                          line_no, s.pieces.size(), width, from),
                              "", true});
    s.pieces[best] = after;
    s.pieces.erase(s.pieces.begin() + static_cast<std::ptrdiff_t>(best) + 1);
    s.gaps.erase(s.gaps.begin() + static_cast<std::ptrdiff_t>(best));
  }
}

// Splits a tab line. A cell opening with a quote whose closing quote (followed by a tab or the line's end) comes
// on a later line is Excel's quoting of a cell with line breaks: the lines between are that one cell. Returns the
// index of the last line used.
std::size_t split_tab_line(const std::vector<std::string>& lines, std::size_t n, LineCells& out, RawTable& table) {
  std::size_t k = n;
  std::size_t pos = 0;
  while (true) {
    std::string_view line = lines[k];
    if (pos < line.size() && line[pos] == '"') {
      std::string inner, shown = "\"";
      std::size_t k2 = k, p = pos + 1;
      bool closed = false, excel = true;
      while (excel && !closed) {
        std::string_view l = lines[k2];
        while (p < l.size()) {
          if (l[p] != '"') {
            inner += l[p];
            shown += l[p++];
          } else if (p + 1 < l.size() && l[p + 1] == '"') {
            inner += '"';
            shown += "\"\"";
            p += 2;
          } else if (p + 1 == l.size() || l[p + 1] == '\t') {
            shown += '"';
            closed = true;
            break;
          } else {
            excel = false;  // a lone quote inside: the cell is not quoted, the quote is the authors'
            break;
          }
        }
        if (closed || !excel || k2 + 1 >= lines.size() || k2 - k >= 30) break;
        ++k2;
        p = 0;
        inner += '\n';
        shown += " || ";
      }
      if (closed && k2 > k) {
        std::string cell = fold_whitespace(inner);
        table.repairs.push_back({RepairRule::quoted_line_break, {static_cast<int>(k + 1)}, "", "", shown, cell});
        out.cells.push_back(std::move(cell));
        for (std::size_t j = k + 1; j <= k2; ++j) out.raw += "\n" + lines[j];
        k = k2;
        pos = p + 1;
        if (pos >= lines[k].size()) break;
        ++pos;  // the tab after the closing quote
        continue;
      }
    }
    std::size_t tab = line.find('\t', pos);
    out.cells.push_back(fold_whitespace(line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos)));
    if (tab == std::string_view::npos) break;
    pos = tab + 1;
  }
  return k;
}

// Notes each block of lines split at spaces inside a tab paste: the reader changed how it reads the lines there.
void note_spaced_blocks(const std::vector<LineCells>& lines, RawTable& table) {
  int first = 0, last = 0, count = 0;
  auto flush = [&] {
    if (count > 0)
      table.warnings.push_back({{first}, "",
                                fmt::format("lines {}-{} hold no tabs: {} of them were split into cells at runs of "
                                            "two or more spaces",
                                            first, last, count),
                                "", true});
    count = 0;
  };
  for (const LineCells& l : lines) {
    if (l.by_spaces && l.cells.size() >= 2) {
      if (count == 0) first = l.line;
      last = l.line;
      ++count;
    } else if (l.cells.size() >= 2) {
      flush();
    }
  }
  flush();
}

}  // namespace

std::size_t table_width(const std::vector<LineCells>& lines) {
  std::map<std::size_t, std::size_t> count_of;
  std::size_t multi = 0, header = 0;
  for (const LineCells& l : lines)
    if (l.cells.size() >= 2) {
      if (multi == 0) header = l.cells.size();
      ++count_of[l.cells.size()];
      ++multi;
    }
  // The most cells that three lines in ten reach; or the first multi-cell line's (the header's) count, when
  // another line reaches it too (rows with invisible empty cells may be most of a space-separated table).
  std::size_t reaching = 0;
  for (auto it = count_of.rbegin(); it != count_of.rend(); ++it) {
    reaching += it->second;
    if (reaching >= 2 && (reaching * 10 >= multi * 3 || it->first <= header)) return it->first;
  }
  return 0;
}

std::vector<LineCells> split_lines(const SourceText& text, bool spaces_expected, RawTable& table) {
  std::vector<LineCells> out;
  std::vector<Spaced> spaced;
  for (std::size_t n = 0; n < text.lines.size(); ++n) {
    const std::string& line = text.lines[n];
    LineCells l;
    l.line = static_cast<int>(n + 1);
    l.raw = line;
    if (line.find('\t') != std::string::npos || (!spaces_expected && !line.empty() && line.front() == '"')) {
      n = split_tab_line(text.lines, n, l, table);
    } else if (has_gap(line)) {
      Spaced s = split_spaced(line);
      s.index = out.size();
      l.by_spaces = true;
      for (const std::string& p : s.pieces) l.cells.push_back(fold_whitespace(p));
      spaced.push_back(std::move(s));
    } else {
      l.cells.push_back(fold_whitespace(line));
    }
    out.push_back(std::move(l));
  }
  if (spaced.empty()) return out;

  const std::size_t width = table_width(out);
  // The usual indentation of the lines split at spaces: more than that, by two or more, is an empty first cell.
  std::map<std::size_t, std::size_t> indents;
  for (const Spaced& s : spaced) ++indents[s.indent];
  std::size_t usual = 0, most = 0;
  for (auto [indent, k] : indents)
    if (k > most) usual = indent, most = k;
  // Where second cells usually start: an indentation past that is a wrapped cell further right, not a lost first.
  std::vector<std::size_t> seconds;
  for (const Spaced& s : spaced)
    if (s.indent == usual && s.second > 0) seconds.push_back(s.second);
  std::sort(seconds.begin(), seconds.end());
  const std::size_t second_cell = seconds.empty() ? 0 : seconds[seconds.size() / 2];
  for (Spaced& s : spaced) {
    LineCells& l = out[s.index];
    if (width >= 2) merge_false_delimiters(s, width, l.line, table);
    l.cells.clear();
    if (s.indent >= usual + 2 && s.indent <= second_cell + 2 && s.pieces.size() >= 2 && s.pieces.size() < width) {
      l.cells.emplace_back();
      table.warnings.push_back({{l.line}, "",
                                fmt::format("line {}: indented by {} spaces where the table's lines start at {}, so "
                                            "its first cell is read as empty",
                                            l.line, s.indent, usual),
                                "", true});
    }
    for (const std::string& p : s.pieces) l.cells.push_back(fold_whitespace(p));
  }
  if (!spaces_expected) note_spaced_blocks(out, table);
  return out;
}

}  // namespace plansheet
