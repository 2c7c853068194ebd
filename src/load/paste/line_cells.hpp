// The cells of each line of a tab- or space-separated paste, each line split on its own evidence (tabs where it
// has them, else runs of spaces), aimed at the table's width; repairs and notes go to the table.
#pragma once

#include <string>
#include <vector>

#include "load/paste/load_text.hpp"
#include "model/plan.hpp"

namespace plansheet {

struct LineCells {
  int line = 0;        // first source line
  std::string raw;     // the source line(s) as read
  std::vector<std::string> cells;
  bool by_spaces = false;  // split at runs of spaces (no tab on the line)
};

// Splits every line; an Excel-quoted tab cell that holds line breaks ("text<newline>more") is read as one cell
// spanning lines. `spaces_expected` is false in a tab paste, where a line split at spaces is noted.
std::vector<LineCells> split_lines(const SourceText& text, bool spaces_expected, RawTable& table);

// The table's width: the most cells a good share of the multi-cell lines, or the header and one more line, reach.
std::size_t table_width(const std::vector<LineCells>& lines);

}  // namespace plansheet
