// The passes reassemble() calls, in its order, one file each: furniture, under_table, aligner, actions, duplicates,
// split_rows, headings (with line_kind), continuations, spilled_text; row_cells.cpp holds what they share.
// Internal to src/reassemble/ and its tests.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "detect/cell_types.hpp"
#include "reassemble/reassemble.hpp"

namespace plansheet::detail {

// Lines that extend one cell of the last action under one rule, logged as one repair (see continuations.cpp).
struct CellRun {
  RepairRule rule{};
  std::size_t column = 0;
  std::size_t repair = 0;  // index into Reassembled::repairs
  bool folded = false;     // the cell is already single-spaced, so the next line's text is appended, not refolded
};

// Where the walk down the body stands: the section and the action the next rows belong to.
struct Drafting {
  int current_heading = -1;
  DraftAction* last = nullptr;     // the action a continuation line extends: none yet, or none since a heading
  std::string last_id;
  std::string previous_action_id;  // survives headings, for numeric id runs
  std::vector<std::string> last_raw_cells;  // the cells of the row that started the last action, as read
  int heading_column = -1;                  // the column the last heading accepted was in
  std::size_t runs_action = 0;     // the action (index into Reassembled::actions) the open runs extend
  std::vector<CellRun> runs;       // open runs, closed when lines start extending another action
  bool cells_by_gaps = false;      // RawTable::cells_by_gaps: each draft notes where its columns start
};

// column_starts.cpp: for a paste split on runs of spaces, where each placed cell's text starts on its raw line
// (-1 where unknown), and a continuation line's pieces placed under the columns that start nearest them (nullopt
// when a piece lies under no column, or cannot be found on the line).
std::vector<int> column_starts(std::string_view raw, const std::vector<std::string>& placed);
std::optional<std::vector<std::string>> cells_by_place(std::string_view raw, const std::vector<std::string>& cells,
                                                       const std::vector<int>& starts);

// row_cells.cpp: a row's cells as texts.
std::vector<std::string> cell_texts(const Row& row);
std::vector<std::string> non_empty(const std::vector<std::string>& cells);
// Index of the first non-empty cell, or cells.size().
std::size_t first_filled(const std::vector<std::string>& cells);
// The row as one line of text, for messages and for rows set aside.
std::string joined_text(const std::vector<std::string>& cells);
// The column an id sits in (the first id column).
std::size_t id_column(const TableLayout& layout);

// A row set aside before it is read: the removal's reason, and in words why, for `check --explain`.
struct SetAside {
  RemovalReason reason;
  std::string why;
};
// One per row of the table; empty for a row that is not set aside.
using Verdicts = std::vector<std::optional<SetAside>>;

// furniture.cpp: rows that are no part of any action.
bool is_furniture(std::string_view text);
// The header's lines, each as its cells, to know each one when a later page prints it again.
std::vector<std::vector<std::string>> header_lines(const RawTable& table, const TableLayout& layout);
// For each row of the table, why it is page furniture ("" when it is not): page numbers (with a page break beside
// them or counting up), page phrases and rules, every header line printed again, and running headers or footers
// (the lines above the table again, a line recurring near page breaks, a line between two pieces of furniture).
Verdicts find_furniture(const RawTable& table, const TableLayout& layout);
// Hidden rows, and rows with a furniture verdict: logged as removed; true when the row was one.
bool set_aside_furniture(const Row& row, const std::vector<std::string>& cells, const std::optional<SetAside>& verdict,
                         Reassembled& out);

// under_table.cpp: rows after the last action row that are no part of the table.
// For each row, why it is text under the table ("" when it is not): a totals row, or a block set off by a blank line
// after the last action row (a key, notes) unless it finishes the last action's unfinished cell.
Verdicts find_text_under_table(const RawTable& table, const TableLayout& layout, const Verdicts& furniture);

// aligner.cpp: cells to columns by content, learnt once from the table and then asked row by row.
struct ColumnFit {
  const TableLayout& layout;
  const Dictionary& dictionary;
  std::vector<ColumnProfile> profiles;  // each role's prior plus what the rows that fit the header exactly hold
  std::vector<int> block_of_row;        // the block (rows between page breaks) each row is in
  std::set<int> blocks_with_glued_id;   // blocks where an id cell carried the next column's mark ("50 ✓")
  bool cells_by_gaps = false;           // RawTable::cells_by_gaps: a wrapped piece's place says its column
  // For each column, the share of the action rows a cell short that, aligned alone, lost that column's cell: the
  // column the table's short rows lose (a theme written on each theme's first row only), all zero when fewer than
  // three rows are a cell short.
  std::vector<double> lost_share;
};
ColumnFit learn_column_fit(const RawTable& table, const TableLayout& layout, const Dictionary& dictionary);
// One text per layout column; every cell that moved is logged as a repair.
// `id_cell`: where the row's id stands among its cells, when not in the id column's place (a row short of cells).
std::vector<std::string> aligned_cells(const ColumnFit& fit, std::vector<std::string> cells, int row_block, int line,
                                       const std::string& id, bool continuation, Reassembled& out,
                                       std::optional<std::size_t> id_cell = std::nullopt);
// A row with far more filled cells than the header has columns: warned about, then read as it is.
void warn_lost_line_breaks(const Row& row, const std::vector<std::string>& cells, const TableLayout& layout,
                           Reassembled& out);

// actions.cpp: rows with an id.
// An id cell read as an id, also when Cyrillic or Greek look-alike letters stand in for Latin ones ("тз");
// `raw` keeps the id as written so that reconcile repairs and logs it.
struct RowId {
  std::string id;    // Latin form, used to tell rows apart
  std::string raw;   // as written, without any glued text
  std::string rest;  // text glued after the id ("✓" in "50 ✓")
  // Where among the row's cells the id stands: the id column's place, or, in a row short of cells whose columns
  // before the id lost their empty cells (a theme written on its first row only), its first cell.
  std::size_t cell = 0;
};
std::optional<RowId> read_id(const std::vector<std::string>& cells, std::size_t id_col, const std::string& previous_id);
// The row's id; text glued after it moves to a cell of its own (logged).
std::optional<RowId> read_row_id(const Row& row, std::vector<std::string>& cells, const TableLayout& layout,
                                 const Drafting& drafting, Reassembled& out);
// An action row's cells aligned to columns, with its id as written.
std::vector<std::string> action_row_cells(const ColumnFit& fit, std::vector<std::string> cells, int row_block,
                                          int line, const RowId& id, Reassembled& out);
// A new draft action of the row's placed cells, under the current heading; the last action from now on.
void open_draft(std::vector<std::string> placed, const Row& row, Drafting& drafting, Reassembled& out);
void start_action(std::vector<std::string> placed, std::vector<std::string> raw, const Row& row, const RowId& id,
                  Drafting& drafting, Reassembled& out);

// duplicates.cpp: the last action's row printed again (or wrapped with its id repeated) is merged into it;
// true when the row was one.
bool merge_printed_twice(const std::vector<std::string>& placed, const Row& row, const RowId& id,
                         const TableLayout& layout, const Dictionary& dictionary, Drafting& drafting,
                         Reassembled& out);

// split_rows.cpp: records, not lines.
// A line that opens with a lower-case word under the id column right after an action row that ended early: the rest
// of that row, split inside a cell; joined to it (logged). True when the line was one.
bool join_split_row(const ColumnFit& fit, const Row& row, const std::vector<std::string>& cells, int row_block,
                    bool follows_last_action_row, Drafting& drafting, Reassembled& out);
// An id-less row whose action text is a sentence of its own after a finished one, and which fills a lead, rating or
// date cell the action above already has: a new action with no id (warned about). True when the row was one.
bool start_idless_action(const ColumnFit& fit, const Row& row, const std::vector<std::string>& cells, int row_block,
                         Drafting& drafting, Reassembled& out);

// line_kind.cpp: heading or continuation, by evidence.
struct HeadingEvidence {
  std::size_t column = 0;                // the line's first filled cell
  bool in_id_column = false;             // it opens in (or before) the id column
  bool near_id_column = false;           // ... or in the column after it
  bool marked = false;                   // bold markup, a label ("Theme 2:") or a list number ("4. Transport")
  bool same_column_as_headings = false;  // the column the headings already read were in
  bool blank_before = false;
  bool action_open = false;              // an action is open, so the line could continue it
  bool next_has_id = false;              // the next content row starts an action
  bool next_continues = false;           // the next content row has no id and no heading's shape
  bool above_unfinished = false;         // the open action's cell in this column is prose with no sentence end
  bool above_finished = false;           // ... is empty or ends a sentence (or the line is under the id column)
};
HeadingEvidence heading_evidence(const std::vector<std::string>& cells, const std::vector<std::string>* next_cells,
                                 bool blank_before, const TableLayout& layout, const Drafting& drafting);
struct LineKind {
  bool heading = false;
  bool thin = false;  // the score is near the line between heading and continuation
  int score = 0;
  std::string why;    // "score 5 (+2 in the column of the headings already read, ...)"
};
// The written rule: points for and against, a heading at 3 or more.
LineKind judge_heading(const HeadingEvidence& evidence);

// headings.cpp: section heading rows.
// One short titled phrase in one cell (or two side by side), in any column.
bool looks_like_heading(const std::vector<std::string>& cells);
// A heading-shaped row the evidence calls a heading starts a section (and ends the last action); true when it was
// one. Thin evidence is warned about either way.
bool start_heading(const Row& row, const std::vector<std::string>& cells, const HeadingEvidence& evidence,
                   Drafting& drafting, Reassembled& out);

// continuations.cpp: any other row extends the last action's cells; before the first action it is set aside.
void continue_last_action(const ColumnFit& fit, const Row& row, const std::vector<std::string>& cells, int row_block,
                          Drafting& drafting, Reassembled& out);
// Lines that extend one cell of the last action (continuation lines, a row printed again) are logged as one repair
// per rule and cell: `line` and `last_line` the first and last of them, `before` the cell before the first line and
// then each line's text (" || " between), `after` the cell once the lines end. So the text logged grows with the
// input, however many lines one cell runs on over. The open run of `rule` in `column`, or null.
CellRun* find_run(Drafting& drafting, const Reassembled& out, RepairRule rule, std::size_t column);
// Log `added` as extending `column` of the last action: onto `run` when one is open, else a new run whose before
// starts with `cell_before` (the cell as it was before this line).
CellRun& log_run(Drafting& drafting, Reassembled& out, CellRun* run, RepairRule rule, int line,
                 const std::string& id, std::string role, std::size_t column, std::string_view cell_before,
                 std::string_view added);
// Join `added` onto a cell after a space, single-spaced: the whole cell is refolded only when the run does not
// know it to be single-spaced already (its first lines). The caller sets the run's `folded` after logging.
void join_into_cell(std::string& cell, std::string_view added, const CellRun* run);
// Close every open run: each repair's `after` becomes its cell as it now is. Called before the passes that run
// after the walk down the body.
void close_runs(Drafting& drafting, Reassembled& out);

// spilled_text.cpp: text that spilled into the next action's cell moves back to the action it finishes.
void move_spilled_text(const RawTable& table, const TableLayout& layout, Reassembled& out);

}  // namespace plansheet::detail
