// Stage: tokenise a paste into rows of cells. Cells keep their position (even empty ones: an empty cell is
// information for column alignment); blank lines become page breaks on the next row.
#include "load/paste/tokenise.hpp"

#include "text/text_span.hpp"

namespace plansheet {
namespace {

std::vector<std::string> split_tabs(std::string_view line) {
  std::vector<std::string> cells;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    cells.push_back(fold_whitespace(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start)));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cells;
}

std::vector<std::string> split_spaces(std::string_view line) {
  std::vector<std::string> cells;
  std::string_view t = trim(line);
  std::size_t start = 0;
  while (start < t.size()) {
    std::size_t gap = t.find("  ", start);
    cells.push_back(fold_whitespace(t.substr(start, gap == std::string_view::npos ? std::string_view::npos : gap - start)));
    if (gap == std::string_view::npos) break;
    start = t.find_first_not_of(' ', gap);
    if (start == std::string_view::npos) break;
  }
  return cells;
}

// "| a | b \| c |" -> {"a", "b | c"}; a line that is not a table row is one cell.
std::vector<std::string> split_markdown(std::string_view line) {
  std::string_view t = trim(line);
  if (t.empty() || t.front() != '|') return {fold_whitespace(t)};
  t.remove_prefix(1);
  if (!t.empty() && t.back() == '|' && !(t.size() >= 2 && t[t.size() - 2] == '\\')) t.remove_suffix(1);
  std::vector<std::string> cells;
  std::string cell;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '\\' && i + 1 < t.size() && t[i + 1] == '|') {
      cell += '|';
      ++i;
    } else if (t[i] == '|') {
      cells.push_back(fold_whitespace(cell));
      cell.clear();
    } else {
      cell += t[i];
    }
  }
  cells.push_back(fold_whitespace(cell));
  return cells;
}

bool is_markdown_rule(std::string_view line) {
  std::string_view t = trim(line);
  return !t.empty() && t.front() == '|' && t.find('-') != std::string_view::npos &&
         t.find_first_not_of("|-: ") == std::string_view::npos;
}

bool all_empty(const std::vector<std::string>& cells) {
  for (const auto& c : cells)
    if (!c.empty()) return false;
  return true;
}

}  // namespace

RawTable tokenise(const SourceText& text, const Dialect& dialect) {
  RawTable table;
  table.source = text.source;
  table.repairs = text.repairs;
  table.warnings = text.warnings;
  bool pending_break = false;
  for (std::size_t n = 0; n < text.lines.size(); ++n) {
    const std::string& line = text.lines[n];
    const int line_no = static_cast<int>(n + 1);
    if (dialect.separator == Separator::markdown && is_markdown_rule(line)) {
      table.removed.push_back({line_no, line, RemovalReason::markdown_rule});
      continue;
    }
    std::vector<std::string> cells;
    switch (dialect.separator) {
      case Separator::tab: cells = split_tabs(line); break;
      case Separator::markdown: cells = split_markdown(line); break;
      case Separator::spaces: cells = split_spaces(line); break;
      case Separator::none: cells = {fold_whitespace(line)}; break;
    }
    if (all_empty(cells)) {
      pending_break = true;
      continue;
    }
    Row row;
    row.line = line_no;
    row.raw = line;
    row.page_break_before = pending_break;
    pending_break = false;
    row.cells.reserve(cells.size());
    for (std::size_t c = 0; c < cells.size(); ++c) {
      Cell cell;
      cell.text = std::move(cells[c]);
      cell.pos.line = line_no;
      cell.pos.column = static_cast<int>(c + 1);
      row.cells.push_back(std::move(cell));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace plansheet
