// Fixed-width columns: text fragments (line, start column, text) in, the table's column grid out. Works on
// fragments, not characters, so a PDF reader that places words by position can hand it the same input.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plansheet {

// A run of text on one line with no gap of two or more spaces inside; start and end count characters (code
// points) from the line's start, end exclusive.
struct Fragment {
  int line = 0;
  int start = 0;
  int end = 0;
  std::string text;
};

// The columns of a fixed-width table: left[i] is where column i's text starts (its leftmost fragment), and the
// column reaches to left[i + 1]. width[i] is the widest text seen in it, measured from left[i].
struct ColumnGrid {
  std::vector<int> left;
  std::vector<int> width;
  int candidate_lines = 0;  // lines with two or more fragments, or one indented fragment
  int fitting_lines = 0;    // of those, lines whose fragments each stay inside one column
  int crowded_lines = 0;    // of the fitting lines, lines with two fragments in one column
  std::string evidence;

  std::size_t size() const { return left.size(); }
  // The column a fragment starting at `start` belongs to.
  std::size_t column_at(int start) const;
  // True when the fragment runs past the start of the next column (a title, a heading or prose across the table).
  bool crosses(const Fragment& f) const;
  // Enough evidence to read the text as fixed-width columns rather than as cells split at runs of spaces.
  bool usable() const;
};

// The fragments of one line: text split at runs of two or more spaces (or a tab).
std::vector<Fragment> line_fragments(std::string_view line, int line_no);

// Column finding over fragments sorted by line: character positions blank on (nearly) every table line form the
// gutters between columns. Lines that cross the first, rough grid (titles, prose, a key) are left out of the
// second count, and a column filled on only a few lines is recovered from the fragments that fell in a gutter.
ColumnGrid find_columns(const std::vector<Fragment>& fragments);

}  // namespace plansheet
