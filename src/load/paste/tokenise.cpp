// Stage: tokenise a paste into rows of cells. Cells keep their position (even empty ones: an empty cell is
// information for column alignment); blank lines become page breaks on the next row. Tab and space lines are split
// line by line (line_cells.cpp), fixed-width text is rebuilt record by record (fixed_records.cpp).
#include "load/paste/tokenise.hpp"

#include "load/paste/fixed_records.hpp"
#include "load/paste/line_cells.hpp"

#include "text/text_span.hpp"

namespace plansheet {
namespace {

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
  if (dialect.separator == Separator::fixed) {
    read_fixed_width(text, dialect.grid, table);
    return table;
  }
  std::vector<LineCells> lines;
  if (dialect.separator == Separator::tab || dialect.separator == Separator::spaces) {
    lines = split_lines(text, dialect.separator == Separator::spaces, table);
    table.cells_by_gaps = dialect.separator == Separator::spaces;
  } else {
    for (std::size_t n = 0; n < text.lines.size(); ++n) {
      const std::string& line = text.lines[n];
      const int line_no = static_cast<int>(n + 1);
      if (dialect.separator == Separator::markdown && is_markdown_rule(line)) {
        table.removed.push_back({line_no, line, RemovalReason::markdown_rule});
        continue;
      }
      LineCells l;
      l.line = line_no;
      l.raw = line;
      l.cells = dialect.separator == Separator::markdown ? split_markdown(line) : std::vector{fold_whitespace(line)};
      lines.push_back(std::move(l));
    }
  }
  bool pending_break = false;
  for (LineCells& l : lines) {
    if (all_empty(l.cells)) {
      pending_break = true;
      continue;
    }
    Row row;
    row.line = l.line;
    row.raw = std::move(l.raw);
    row.page_break_before = pending_break;
    pending_break = false;
    row.cells.reserve(l.cells.size());
    for (std::size_t c = 0; c < l.cells.size(); ++c) {
      Cell cell;
      cell.text = std::move(l.cells[c]);
      cell.pos.line = l.line;
      cell.pos.column = static_cast<int>(c + 1);
      row.cells.push_back(std::move(cell));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace plansheet
