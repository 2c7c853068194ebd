// What the workbook readers share once a sheet is a grid of cells: cell references, row text and the
// lost-trailing-zero check. Takes RawTables and cells; returns references and warnings.
#include "load/sheet_grid.hpp"

#include "text/ascii.hpp"

#include <algorithm>
#include <cmath>

namespace plansheet::detail {

namespace {

bool is_digit(char c) { return is_ascii_digit(c); }
bool is_alpha(char c) { return is_ascii_alpha(c); }
char lower(char c) { return ascii_lower(c); }

}  // namespace

std::string cell_ref(int column, int row) { return column_letters(column) + std::to_string(row); }

bool parse_cell_ref(std::string_view ref, int& column, int& row) {
  std::size_t i = 0;
  long col = 0, r = 0;
  while (i < ref.size() && ref[i] == '$') ++i;
  std::size_t letters = 0;
  while (i < ref.size() && is_alpha(ref[i])) {
    col = col * 26 + (lower(ref[i]) - 'a' + 1);
    ++i;
    if (++letters > 3) return false;
  }
  if (i < ref.size() && ref[i] == '$') ++i;
  std::size_t digits = 0;
  while (i < ref.size() && is_digit(ref[i])) {
    r = r * 10 + (ref[i] - '0');
    ++i;
    if (++digits > 7) return false;
  }
  if (i != ref.size() || letters == 0 || digits == 0 || col > 16384 || r < 1 || r > 1048576) return false;
  column = static_cast<int>(col);
  row = static_cast<int>(r);
  return true;
}

void warn_lost_trailing_zeros(RawTable& table, const std::vector<DecimalCell>& cells) {
  // Walk each column top to bottom, comparing a decimal with the previous decimal of that column.
  std::vector<const DecimalCell*> ordered;
  for (const auto& c : cells) ordered.push_back(&c);
  std::stable_sort(ordered.begin(), ordered.end(), [](const DecimalCell* a, const DecimalCell* b) {
    return a->column != b->column ? a->column < b->column : a->row < b->row;
  });
  const DecimalCell* previous = nullptr;
  for (const DecimalCell* c : ordered) {
    if (previous != nullptr && previous->column == c->column && std::floor(previous->value) == std::floor(c->value) &&
        c->value <= previous->value) {
      const Row& row = table.rows[c->row];
      const Cell& cell = row.cells[c->column];
      const Cell& before = table.rows[previous->row].cells[previous->column];
      table.warnings.push_back(
          {{row.line, cell.pos.column}, "",
           "cell " + cell_ref(cell.pos.column, cell.pos.line) + " holds the number " + cell.text + " after " +
               before.text + " in the same column: it may have been typed as " + cell.text +
               "0 and lost its trailing zero; check the id (format the column as Text in the workbook to keep it)"});
    }
    previous = c;
  }
}

std::string join_cells(const Row& row) {
  std::size_t last = row.cells.size();
  while (last > 0 && row.cells[last - 1].text.empty()) --last;
  std::string out;
  for (std::size_t i = 0; i < last; ++i) {
    if (i > 0) out += '\t';
    out += row.cells[i].text;
  }
  return out;
}

}  // namespace plansheet::detail
