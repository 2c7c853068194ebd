// One XLSX worksheet part to a RawTable: rows and cells with their displayed text, fill colour as a RAG word,
// struck-through runs, merges (filled down when one column wide), hidden rows and columns, page breaks.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "load/sheet_grid.hpp"
#include "load/xlsx/read_style.hpp"
#include "load/xlsx/read_zip.hpp"
#include "load/xlsx/rich_text.hpp"
#include "model/limits.hpp"
#include "model/plan.hpp"

namespace plansheet::detail {

struct SheetTable {
  RawTable table;
  std::vector<DecimalCell> decimals;
};

// A sheet as its reader saw it, before it becomes a table: also what the DOCX and ODS readers build.
struct SheetCell {
  int column = 0;
  std::string text;
  std::string struck;          // struck-through runs dropped from a mixed cell
  std::string full;            // a mixed cell's whole text, struck runs included, in order
  bool all_struck = false;     // every character is struck through (kept, with a warning)
  std::string fill_rag;
  bool covered = false;        // inside a merge but not its anchor
  bool merged_across = false;
  bool general_decimal = false;
  double value = 0;
};

struct SheetRow {
  int row = 0;
  bool hidden = false;
  std::vector<SheetCell> cells;  // sorted by column
};

struct Merge {
  int c1 = 0, r1 = 0, c2 = 0, r2 = 0;
};

struct SheetData {
  std::vector<SheetRow> rows;
  std::vector<std::pair<int, int>> hidden_columns;  // inclusive column ranges
  std::vector<Merge> merges;
  std::set<int> breaks_after;  // manual page breaks: a break after this row
  int formulas_without_value = 0;
};

// The grid to a table: rows sorted and merged, merges applied (covered cells emptied, a one-column merge filled
// down), fills and struck runs logged; hidden rows and columns left out (only counted) unless `keep_hidden`;
// refuses a grid too large to read.
SheetTable build_sheet_table(const std::string& source, const std::string& sheet_name, SheetData data,
                             const Limits& limits, bool keep_hidden);

// What every sheet of one workbook shares while it is read.
struct WorkbookContext {
  std::string source;
  const StyleTable* styles = nullptr;
  const std::vector<RichText>* shared = nullptr;
  bool date1904 = false;
  // The limits (model/limits.hpp), and the text the sheets read so far hold: a shared string used by many cells
  // unfolds once per cell, so a small workbook can hold gigabytes of text; reading stops at the limit.
  const Limits* limits = nullptr;
  std::uint64_t* expanded = nullptr;
  // Hidden rows and columns are read too (--keep-hidden); else they are private and left out of the table.
  bool keep_hidden = false;
};

// Reads the worksheet part `part` (named `sheet_name` in the workbook) into a table of its cells.
SheetTable read_worksheet(ZipPackage& package, const WorkbookContext& ctx, const std::string& part,
                          const std::string& sheet_name);

}  // namespace plansheet::detail
