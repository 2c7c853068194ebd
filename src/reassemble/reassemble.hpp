// Stage: reassemble the body of a table into draft actions. Rows in, one draft per action out: cells aligned to
// columns by content (rows that lost or gained a cell), continuation lines appended, rows printed twice merged,
// text that spilled into the next row moved back, section heading rows and page furniture set aside.
#pragma once

#include <string>
#include <vector>

#include "model/plan.hpp"
#include "detect/layout.hpp"

namespace plansheet {

class Dictionary;

struct HeadingRow {
  int line = 0;
  std::vector<std::string> cells;  // the non-empty cells, in order, as read
  std::string raw;
};

struct DraftAction {
  std::vector<std::string> cells;  // one text per layout column
  int heading = -1;                // index into Reassembled::headings, -1 before any heading
  int line = 0;                    // first source line
  std::vector<int> lines;          // every source line merged into it
  std::vector<int> column_start;   // a paste split on spaces: where each column's text starts (-1 unknown)
};

// How a body line that is no action row was read, and why: for `check --explain`.
struct LineReading {
  int line = 0;
  std::string kind;  // "furniture", "heading", "continuation", "split row", "under the table", ...
  std::string why;
};

struct Reassembled {
  std::vector<HeadingRow> headings;
  std::vector<DraftAction> actions;
  std::vector<Repair> repairs;
  std::vector<Diagnostic> warnings;
  std::vector<Removal> removed;
  std::vector<LineReading> readings;
};

Reassembled reassemble(const RawTable& table, const TableLayout& layout, const Dictionary& dictionary);

}  // namespace plansheet
