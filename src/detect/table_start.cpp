// --table-start (table_start.hpp): the rows from the table's first line lose the cells left of its first column.
#include "detect/table_start.hpp"

#include <fmt/format.h>

#include "model/errors.hpp"

namespace plansheet {

Options apply_table_start(RawTable& table, const Options& options) {
  if (!options.table_start) return options;
  const auto [column, line] = *options.table_start;
  Options effective = options;
  bool found = false;
  for (Row& row : table.rows) {
    if (row.line < line) continue;
    found = found || row.line == line;
    const auto drop = std::min(row.cells.size(), static_cast<std::size_t>(column - 1));
    row.cells.erase(row.cells.begin(), row.cells.begin() + static_cast<std::ptrdiff_t>(drop));
  }
  if (!found)
    throw input_error(fmt::format("{}: --table-start: no {} {} with cells; check the table's top-left cell", table.source,
                                  table.sheet.empty() ? "line" : "row", line));
  if (!effective.header_row) effective.header_row = line;
  return effective;
}

}  // namespace plansheet
