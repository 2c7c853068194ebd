// Resource limits, part of the contract: what one input may hold or unfold to before it is refused with one line
// naming the limit and the flag that raises it (exit 3). Each has a default far above any real action plan and far
// below what would exhaust a desktop machine's memory or time; `convert`, `check` and `batch` take the same flags.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model/plan.hpp"

namespace plansheet {

struct Limits {
  std::uint64_t input_bytes = 512ull << 20;     // --max-input-size: the input file as read
  std::uint64_t expanded_bytes = 512ull << 20;  // --max-expanded-size: the text of every cell read, once unfolded
                                                // (a workbook's shared string counts once for each cell using it)
  std::uint64_t cells = 5'000'000;              // --max-cells: non-empty cells in the table read
  std::uint64_t columns = 16'384;               // --max-columns: filled cells in one row (a workbook sheet's width)
  std::uint64_t line_bytes = 1ull << 20;        // --max-line-length: one line of a text input, or one cell
  std::uint64_t sheets = 1'000;                 // --max-sheets: sheets in a workbook
  // What an OpenDocument sheet's number-columns-repeated / number-rows-repeated unfold beyond the cells written: a
  // few bytes of XML make thousands of copies, so the cell and text limits alone let a 1 KB file take 1.5 GB.
  std::uint64_t repeated_cells = 100'000;       // --max-repeated-cells: copies of cells
  std::uint64_t repeated_bytes = 32ull << 20;   // --max-repeated-size: the text of those copies
};

// "512 MiB", "1.5 GiB", "900 KiB", "12 bytes": a size for a message.
std::string size_text(std::uint64_t bytes);
// A size flag's value: "512M", "1G", "64K" (also KiB/KB, ...) or bytes ("1000"); false when it is not one.
bool parse_size(std::string_view text, std::uint64_t& bytes);

// Throws Error(exit_input): "<source>: <what>; the limit on <name> is <limit>; --flag N raises it".
[[noreturn]] void refuse_over_limit(const std::string& source, std::string_view what, std::string_view limit,
                                    std::string_view name, std::string_view flag);

// The input's size, before it is read (file size) or as it is read (a pipe).
void check_input_size(const std::string& source, std::uint64_t bytes, const Limits& limits);
// Counters a loader keeps while it reads, so a workbook that unfolds past a limit stops at once.
void check_expanded(const std::string& source, std::uint64_t bytes_so_far, const Limits& limits);
void check_cells(const std::string& source, std::uint64_t cells_so_far, const Limits& limits);
void check_sheets(const std::string& source, std::uint64_t sheets, const Limits& limits);
void check_repeated(const std::string& source, std::uint64_t copies_so_far, std::uint64_t bytes_so_far,
                    const Limits& limits);
// Every limit on a loaded table at once (one pass over its cells): columns, cells, line length, expanded text.
void check_table(const RawTable& table, const Limits& limits);

}  // namespace plansheet
