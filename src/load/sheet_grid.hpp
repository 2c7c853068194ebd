// What the workbook readers (XLSX and XLS) share once a sheet is a grid of cells: cell references, the header
// guess, the written-down sheet score, and the check for decimal ids that lost a trailing zero.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/plan.hpp"

namespace plansheet::detail {

// "C12" from (column 3, row 12). The model names columns and positions (column_letters, source_cell_ref).
std::string cell_ref(int column, int row);
// "AB12" -> column 28, row 12; false when the reference is malformed or outside Excel's grid.
bool parse_cell_ref(std::string_view ref, int& column, int& row);

// An action id: "T1", "F1.1", "1.1", "12", "CR-01", "2.3a".
bool is_id_like(std::string_view text);

// Index (into table.rows) of the row that most looks like the table's header within the first 30 rows: most
// header words (Action, Lead, Timescale, RAG, ...), else most non-empty cells; -1 for an empty table.
int guess_header_row(const RawTable& table);

// Why a sheet is or is not the action table.
struct SheetScore {
  std::string name;
  bool hidden = false;
  bool chart = false;
  bool furniture_name = false;  // "Instructions", "Lists", "Lookup", "Key", ...
  int id_rows = 0;              // rows whose first non-empty cell (in the first three columns) is id-like
  int nonempty_rows = 0;
  int columns = 0;              // non-empty cells in the header row
  int header_words = 0;
  int header_line = 0;          // sheet row of the guessed header, 0 when none
  double score = 0;
};

// The rule: 3 per id-like row + 5 per header word + 0.5 per non-empty row (up to 200) + 2 per header column
// (up to 15); a hidden sheet keeps a tenth of that and a sheet named like furniture ("Instructions", "Lists")
// keeps 30%. Chart sheets score 0.
SheetScore score_sheet(const RawTable& table, const std::string& name, bool hidden);

// "sheet 'Action Plan' chosen (score 160): 38 id-like rows, header on row 3; also: 'Instructions' (0), 'Lists' (2)".
std::string sheet_choice_message(const SheetScore& chosen, const std::vector<SheetScore>& others);
// Puts the sheet choice first among the table's notes when the workbook had more than one sheet.
void note_sheet_choice(RawTable& table, const std::vector<SheetScore>& scores, std::size_t chosen);

// A number cell shown in General format with a fractional part, for the trailing-zero check.
struct DecimalCell {
  std::size_t row = 0;     // index into table.rows
  std::size_t column = 0;  // index into the row's cells
  double value = 0;
};
// A decimal id typed as 1.10 is stored and shown as 1.1. When, in one column, a General decimal is not greater
// than the one before it with the same whole part (1.9 then 1.1), it probably lost a trailing zero: warn.
void warn_lost_trailing_zeros(RawTable& table, const std::vector<DecimalCell>& cells);

// The tab-joined text of a row's cells without trailing empty ones (Row.raw for workbook inputs).
std::string join_cells(const Row& row);

// Pick the sheet to read: `scores` in workbook order; returns the index of the best (highest score, earliest on
// a tie), chart sheets never chosen while a worksheet exists.
std::size_t best_sheet(const std::vector<SheetScore>& scores);

}  // namespace plansheet::detail
