// The value types that flow through the pipeline: source cells in, a reconciled Plan out.
// Every change to the authors' text is a Repair, every doubt a Diagnostic, every dropped line a Removal.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/repair_rule.hpp"
#include "model/role_table.hpp"

namespace plansheet {

// Where a cell, a repair or a warning came from: a 1-based line of a paste, or a sheet cell of a workbook. A sheet
// cell's reference ("Sheet1!C12") follows from this and the table's sheet (source_cell_ref), so none carries it.
struct SourcePos {
  int line = 0;    // 1-based line (paste) or row (sheet); 0 = not tied to a line (with a column: the whole column)
  int column = 0;  // 1-based cell index within the line / sheet column; 0 = whole line
};

// Where a document's lines came from: the page of a PDF or the table of a Word document that holds each line.
// A paste or a spreadsheet has none.
struct SourcePart {
  int number = 0;      // the page's number in the document, or the table's (1-based, as --pages and --table count)
  int first_line = 0;  // the lines (or grid rows) it gave, inclusive
  int last_line = 0;
};

struct SourceParts {
  std::string kind;               // "page" or "table"; "" when the input has no parts
  std::vector<SourcePart> parts;  // in line order, not overlapping

  // The number of the part holding `line`, 0 when no part holds it (a title row, a page break, no parts).
  int of_line(int line) const;
};

// 1 -> "A", 27 -> "AA".
std::string column_letters(int column);
// The sheet cell a position names: "Sheet1!C12", or "Sheet1!C:C" for a whole column; "" without a sheet (a paste)
// or a column.
std::string source_cell_ref(std::string_view sheet, SourcePos pos);

struct Repair {
  RepairRule rule{};
  SourcePos pos;          // source line (or sheet row); the sheet column when the repair is tied to one sheet cell
  std::string action_id;  // empty when the repair is not tied to one action (a section heading, the title)
  std::string role;       // role name of the cell touched ("section", "lead", ...), or "" for a whole line
  std::string before;
  std::string after;
  int last_line = 0;      // a repair of a run of lines (a cell continued over many lines): its last line; 0 = one line
  std::string from_role{};  // text moved from one column to another: the role name of the column it was in

  // The spreadsheet cell reference when known ("Sheet1!C12"), given the sheet the plan came from.
  std::string cell_ref(std::string_view sheet) const { return source_cell_ref(sheet, pos); }
};

struct Diagnostic {
  SourcePos pos;  // source line; with a column, a sheet cell (or on line 0 a whole sheet column)
  std::string action_id;
  std::string message;
  std::string output_cell;  // a place in the workbook being written ("Actions!C5"), for a warning about the output
  bool note = false;  // what was detected (e.g. which sheet was chosen), not a doubt: --strict ignores notes

  // Where the warning points ("Sheet1!C12", "Actions!C5"), given the sheet the plan came from; "" for nowhere.
  std::string cell_ref(std::string_view sheet) const {
    return output_cell.empty() ? source_cell_ref(sheet, pos) : output_cell;
  }
};

// Why a line (or part of one) was set aside, in the order the stages set lines aside.
enum class RemovalReason {
  markdown_rule,               // the dashes under a markdown table's header
  furniture,                   // page furniture ("Page 3 of 11"), Excel's "sep=;" line
  title_lead_in,               // "Revised actions for the" before the title proper
  letterhead,                  // a line above the table naming the council, the report or its date
  header_group,                // a spanning header row above the header
  header,                      // the header row itself
  markdown_heading_marker,     // the "##" of a markdown heading
  prose,                       // a sentence before the table
  bullet_markers,              // the "- " of a legend's bullets
  hidden_row,                  // a row hidden in the workbook
  repeated_header,             // the header printed again on a later page (each header line on its own)
  page_number,                 // a bare page number beside a page break, or counting up page by page
  running_header,              // a running header or footer: the lines above the table, or a line recurring
  totals_row,                  // "Total actions: 27" under the table
  under_table,                 // a key or notes set off under the last action row
  duplicate_row,               // a row printed twice, merged into the line `merged_into`
  before_first_action,         // text between the header and the first action
  id_column_of_continuation,   // text in the id column of a continuation line
  section_label,               // "Workstream:" before a section's name
  section_heading_as_written,  // a heading whose name the grammar trimmed
  not_a_tick_mark,             // a value in a tick column that is no tick
  empty_section,               // a section heading with no actions
  tick_and_period_marks,       // the glyphs of tick and Gantt cells, read as booleans and periods
  other_table,                 // a line of another table in the document, left out (--table reads it)
};

// The reason's name, as the JSON export prints it ("prose", "repeated header", ...).
std::string_view removal_reason_name(RemovalReason reason);

// A line (or part of one) that did not go into an action, the title or a legend, and why.
// Together with actions, title, legend and repairs this accounts for every character of the input.
struct Removal {
  int line = 0;
  std::string text;
  RemovalReason reason = RemovalReason::prose;
  int merged_into = 0;  // duplicate_row: the line of the row it was merged into
};

// The reason as the JSON export prints it: its name, and for a duplicate row the line it was merged into.
std::string removal_reason_text(const Removal& removal);

// ---------------------------------------------------------------- source cells (all readers produce these)

// What a spreadsheet cell shows besides its text. Few cells have any and pastes none, so a cell holds them by
// pointer: a paste's cells stay small (peak memory of a large paste is mostly its cells).
struct SheetCellMarks {
  std::string fill_rag;        // "red"/"amber"/"green"/"blue" from the cell's fill colour
  std::string struck_text;     // struck-through text dropped from the cell (a revision)
  bool merged_across = false;  // the cell is the anchor of a merge spanning columns
};

struct Cell {
  std::string text;
  SourcePos pos;
  std::shared_ptr<const SheetCellMarks> marks;  // spreadsheet only; null when the cell has none

  std::string_view fill_rag() const { return marks ? std::string_view(marks->fill_rag) : std::string_view(); }
  std::string_view struck_text() const { return marks ? std::string_view(marks->struck_text) : std::string_view(); }
  bool merged_across() const { return marks && marks->merged_across; }
};

struct Row {
  int line = 0;             // 1-based source line (paste) or sheet row
  std::vector<Cell> cells;  // in order; a paste's empty cells are kept as empty strings
  std::string raw;          // the source line as read (after decoding), for ledgers and messages
  bool hidden = false;      // spreadsheet: hidden row
  bool page_break_before = false;  // a blank line or page break came before this row
};

// The defined name a workbook plansheet writes over the rows above its Actions header: its own title block (title,
// source line, colour key), which reading the workbook back sets aside rather than taking for the plan's key.
inline constexpr std::string_view own_title_block_name = "plansheet_title_block";

// Its Key sheet keeps the plan's own key, an entry a row: the text in column B (a heading's in A) and, in hidden
// columns from C, what reading the workbook back needs to give the same entry: the kind's name (legend_kind_name),
// the colour, then the pairs it defines (term, meaning, term, meaning, ...). Rows without a kind are the
// workbook's own.
inline constexpr std::string_view own_key_sheet_name = "Key";
inline constexpr int own_key_kind_column = 2;  // 0-based: C; the colour is in D, the pairs from E

// What a line of the plan's own key explains; `heading` is the key's own heading line ("Key:", "RAG rating").
enum class LegendKind { rag, stage, status, gantt, note, heading };

// The kind as the JSON export prints it ("rag", "stage", "status", "gantt", "note", "heading").
std::string_view legend_kind_name(LegendKind kind);
// The kind a name from legend_kind_name stands for; nullopt for any other text.
std::optional<LegendKind> legend_kind_named(std::string_view name);

struct LegendEntry {
  LegendKind kind = LegendKind::note;
  std::string text;
  std::string colour;  // for rag/gantt entries: "red", "amber", "green", "blue", ... when the text names one
  int line = 0;        // source line, 0 when not tied to one
  // What the entry defines, term -> meaning as written: {"On track", "Green"} from "On track = Green" or from a
  // two-cell row "On track | Green"; {"S", "within a year"}. Empty for a heading or a note.
  std::vector<std::pair<std::string, std::string>> defines;
};

// A table of cells before layout detection: what every loader hands to the common pipeline.
struct RawTable {
  std::string source;       // path or "-" as the user gave it
  std::string sheet;        // chosen sheet for spreadsheet inputs
  // Each record's cells are delimited by the format itself (CSV quoting, spreadsheet cells), so no extraction
  // damage moves text from one record into another: the rules that move text between rows stay off.
  bool records_delimited = false;
  // Cells were found by runs of spaces: a cell wrapped onto the next line starts there at its own place, so the
  // place on the line, not the count of cells before it, says which column a wrapped piece belongs to.
  bool cells_by_gaps = false;
  std::vector<Row> rows;
  // A workbook plansheet wrote: the row of the title it wrote above its table (the rest of that title block is set
  // aside by the loader); 0 for any other input.
  int own_title_line = 0;
  std::vector<std::string> hidden_columns;  // labels of hidden spreadsheet columns (kept in extra)
  // A workbook plansheet wrote: the plan's own key as its Key sheet keeps it (see xlsx/key_sheet.cpp); empty for
  // any other input.
  std::vector<LegendEntry> own_legend;
  std::vector<Repair> repairs;              // decoding repairs (invalid UTF-8, BOM, mojibake, ...)
  std::vector<Diagnostic> warnings;
  std::vector<Removal> removed;
  SourceParts parts;  // a PDF's pages, a Word document's tables
};

// ---------------------------------------------------------------- the plan (what the exports write)

struct Column {
  Role role = Role::extra;
  std::string label;  // header text as the authors wrote it (two-line headers joined with " / ")
};

// A delivery interval in absolute months (year * 12 + month - 1), inclusive at both ends.
struct Interval {
  std::optional<int> first_month;  // empty = open start ("Ongoing" before the grid)
  std::optional<int> last_month;   // empty = open end ("Ongoing" past the grid)
  bool ongoing = false;            // either end is "Ongoing": drawn as a lighter Gantt bar
};

// The label suffix of a cell's whole text kept beside the reading taken from it ("RAG Status (as written)"):
// such a column, read back, is that text again, never a second column of the role.
inline constexpr std::string_view as_written_suffix = " (as written)";

struct Action {
  std::string id;
  std::string section;
  std::string objective;
  std::string action;
  std::string lead;
  std::string partners;
  std::string start;
  std::string end;
  std::string timescale;
  std::string stage;
  std::string status;
  std::string rag;     // lower case word as the plan uses it ("green", "amber", "yellow", "blue"), "" when none
  std::string update;
  std::vector<bool> targets;                                // in the order of the target columns
  std::vector<std::string> periods;                         // labels of the grid periods the action is active in
  std::vector<std::pair<std::string, std::string>> extra;  // label -> text, in column order
  std::optional<Interval> interval;                         // from start/end or timescale, when parseable
  int line = 0;                                             // first source line of the action
  std::string rag_colour;  // canonical colour for the workbook: "red", "amber", "green", "blue", "" when none

  // The text of a text role (id ... update); nullptr for other roles.
  std::string* text_of(Role role);
  const std::string* text_of(Role role) const;
};

struct Plan {
  std::string source;
  std::optional<std::string> title;
  std::vector<Column> columns;        // in source order, ignore-columns left out
  std::vector<std::string> periods;   // the period grid ("2025-26", ...), empty when the plan has no schedule
  std::string period_grid = "fy";     // "fy" (April-March), "quarter" or "year"
  std::vector<Action> actions;
  std::vector<LegendEntry> legend;
  std::vector<Repair> repairs;
  std::vector<Diagnostic> warnings;
  std::vector<Removal> removed;
  std::string sheet;                  // spreadsheet input: the sheet the table came from
  std::vector<std::string> hidden_columns;  // labels of columns hidden in the source: kept in extra, not shown
  SourceParts parts;                  // a PDF's pages, a Word document's tables, by line
  std::string as_at;  // --as-at (YYYY-MM-DD): the day the workbook's Gantt marks as now; "": today when written

  bool has_role(Role role) const;
  // Warnings that are doubts for an officer to review (notes left out).
  std::size_t doubt_count() const;
  // Labels of the target (tick-matrix) columns, in order.
  std::vector<std::string> target_labels() const;
};

}  // namespace plansheet
