// Resource limits (see limits.hpp): a size or a count in, nothing out, or Error(exit_input) with one line naming
// the limit and its flag.
#include "model/limits.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "model/errors.hpp"

namespace plansheet {
namespace {

// Where a row is, for a message: a paste's line, or a sheet's row.
std::string where(const RawTable& table, int line) {
  return table.sheet.empty() ? fmt::format("line {}", line) : fmt::format("sheet '{}' row {}", table.sheet, line);
}

std::string count_text(std::uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string size_text(std::uint64_t bytes) {
  constexpr const char* units[] = {"KiB", "MiB", "GiB", "TiB"};
  if (bytes < 1024) return fmt::format("{} bytes", bytes);
  double v = static_cast<double>(bytes);
  std::size_t u = 0;
  for (v /= 1024; v >= 1024 && u + 1 < std::size(units); v /= 1024) ++u;
  return v == static_cast<double>(static_cast<std::uint64_t>(v)) ? fmt::format("{} {}", static_cast<std::uint64_t>(v), units[u])
                                                                  : fmt::format("{:.1f} {}", v, units[u]);
}

bool parse_size(std::string_view text, std::uint64_t& bytes) {
  if (text.empty()) return false;
  std::uint64_t n = 0;
  std::size_t i = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    if (n > (UINT64_MAX - 9) / 10) return false;
    n = n * 10 + static_cast<std::uint64_t>(text[i] - '0');
  }
  if (i == 0) return false;
  std::string_view unit = text.substr(i);
  int shift = 0;
  if (unit.empty() || unit == "B" || unit == "b") shift = 0;
  else if (unit == "K" || unit == "k" || unit == "KiB" || unit == "KB") shift = 10;
  else if (unit == "M" || unit == "m" || unit == "MiB" || unit == "MB") shift = 20;
  else if (unit == "G" || unit == "g" || unit == "GiB" || unit == "GB") shift = 30;
  else return false;
  if (shift > 0 && n > (UINT64_MAX >> shift)) return false;
  bytes = n << shift;
  return true;
}

void refuse_over_limit(const std::string& source, std::string_view what, std::string_view limit, std::string_view name,
                       std::string_view flag) {
  throw input_error(fmt::format("{}: {}; the limit on {} is {}; {} raises it", source, what, name, limit, flag));
}

void check_input_size(const std::string& source, std::uint64_t bytes, const Limits& limits) {
  if (bytes > limits.input_bytes)
    refuse_over_limit(source, fmt::format("the input is {}", size_text(bytes)), size_text(limits.input_bytes),
                      "input size", "--max-input-size SIZE");
}

void check_expanded(const std::string& source, std::uint64_t bytes_so_far, const Limits& limits) {
  if (bytes_so_far > limits.expanded_bytes)
    refuse_over_limit(source, fmt::format("its cells' text unfolds to more than {}", size_text(limits.expanded_bytes)),
                      size_text(limits.expanded_bytes), "expanded text", "--max-expanded-size SIZE");
}

void check_cells(const std::string& source, std::uint64_t cells_so_far, const Limits& limits) {
  if (cells_so_far > limits.cells)
    refuse_over_limit(source, fmt::format("it holds more than {} cells", count_text(limits.cells)),
                      count_text(limits.cells), "cells", "--max-cells N");
}

void check_sheets(const std::string& source, std::uint64_t sheets, const Limits& limits) {
  if (sheets > limits.sheets)
    refuse_over_limit(source, fmt::format("the workbook has {} sheets", count_text(sheets)), count_text(limits.sheets),
                      "sheets", "--max-sheets N");
}

void check_repeated(const std::string& source, std::uint64_t copies_so_far, std::uint64_t bytes_so_far,
                    const Limits& limits) {
  if (bytes_so_far > limits.repeated_bytes)
    refuse_over_limit(source,
                      fmt::format("its repeated cells (number-columns-repeated, number-rows-repeated) unfold to more "
                                  "than {} of copied text", size_text(limits.repeated_bytes)),
                      size_text(limits.repeated_bytes), "repeated text", "--max-repeated-size SIZE");
  if (copies_so_far > limits.repeated_cells)
    refuse_over_limit(source,
                      fmt::format("its repeated cells (number-columns-repeated, number-rows-repeated) unfold to more "
                                  "than {} copies of cells", count_text(limits.repeated_cells)),
                      count_text(limits.repeated_cells), "repeated cells", "--max-repeated-cells N");
}

void check_table(const RawTable& table, const Limits& limits) {
  std::uint64_t cells = 0, text = 0;
  for (const Row& row : table.rows) {
    std::uint64_t longest = row.raw.size(), filled = 0;
    for (const Cell& cell : row.cells) {
      longest = std::max<std::uint64_t>(longest, cell.text.size());
      text += cell.text.size();
      filled += !cell.text.empty();
    }
    cells += filled;
    // Filled cells: a damaged line of many tabs around a little text is not a wide table (its length is bounded by
    // the line-length limit), a table whose rows fill 64,000 columns is.
    if (filled > limits.columns)
      refuse_over_limit(table.source, fmt::format("{} has {} columns", where(table, row.line), count_text(filled)),
                        count_text(limits.columns) + " (a workbook sheet's width is 16,384)", "columns", "--max-columns N");
    if (longest > limits.line_bytes)
      refuse_over_limit(table.source, fmt::format("{} is {} long", where(table, row.line), size_text(longest)),
                        size_text(limits.line_bytes), "line length", "--max-line-length SIZE");
  }
  check_cells(table.source, cells, limits);
  check_expanded(table.source, text, limits);
}

}  // namespace plansheet
