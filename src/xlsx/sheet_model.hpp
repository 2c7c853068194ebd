// The workbook as plain data: sheets of cells, styles by id, widths, merges, notes, validations, charts, and for
// large sheets a row source the writer streams from. layout.hpp builds it from a Plan (testable without files);
// write_model.hpp hands it to libxlsxwriter.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/plan.hpp"

namespace plansheet::xlsx {

// Excel's hard limits, checked by the layout so the writer never meets them.
inline constexpr int max_rows = 1048576;
inline constexpr int max_cols = 16384;
inline constexpr std::size_t max_cell_chars = 32767;  // counted in UTF-16 code units, as Excel counts
inline constexpr std::size_t max_list_chars = 255;    // an in-cell dropdown list, commas included
inline constexpr int max_links_per_sheet = 65530;
inline constexpr double max_row_height = 409.0;       // points
inline constexpr std::size_t max_formula_chars = 8000;  // Excel allows 8,192; keep a margin

enum class Align { general, left, centre, right };
enum class VAlign { top, centre, bottom };

// The workbook's cell formats, in the order the writer creates them. A small id rather than a name, so the hot
// loops compare and index instead of hashing strings.
enum class Style : std::uint8_t {
  none,  // no format: the workbook default
  title,
  subtitle,
  header,
  header_centre,
  band,
  text,
  text_centre,
  tick,
  rag,
  gantt_active,
  gantt_ongoing,
  rag_red,
  cf_red,
  rag_amber,
  cf_amber,
  rag_green,
  cf_green,
  rag_blue,
  cf_blue,
  unrated,
  count,
  count_total,
  label_total,
  link,
  heading,
  key_term,
  date_mmm_yy,       // Start/End dates as the plan wrote them: Apr-25
  date_dmy,          // 31/03/2026
  date_mmm_yyyy,     // Apr 2025
  date_mmmm_yyyy,    // April 2025
  text_link,         // a text cell holding a link (a URL or e-mail address in the text)
  cf_section_start,  // rule: a section's first row, ruled off above
  cf_section_name,   // rule: the section's name on its first row, bold on the band fill
  cf_section_repeat, // rule: the section's name on its other rows, in grey
  plain,
  // The Gantt drawn by rules (gantt.hpp): a marked cell's glyph, the bars, the as-at period, the overdue flag; and
  // the samples of each on the keys.
  gantt_mark,
  cf_gantt_active,
  cf_gantt_ongoing,
  cf_gantt_outside,      // a period the plan marked that the row's dates leave out
  cf_gantt_now,          // the as-at period's cells: dashed sides
  cf_gantt_now_header,   // the as-at period's header: another fill and a pointer before its label
  cf_overdue,            // an end date before the as-at day on an action not complete
  cf_overdue_month,      // the same on an End written as months (Mar-26), shown as written
  gantt_outside,
  gantt_now,
  overdue,
  date_day,              // the period and delivery dates: 01/04/2025
};
inline constexpr std::size_t style_count = static_cast<std::size_t>(Style::date_day) + 1;

// "title", "rag_red", ...; "" for Style::none.
std::string_view style_name(Style style);

// One cell format. Colours are 0xRRGGBB, all from the palette (look.hpp).
struct StyleSpec {
  Style id = Style::none;
  bool bold = false;
  bool italic = false;
  bool underline = false;
  bool wrap = false;
  bool border = false;
  double font_size = 0;  // 0 = the workbook default (Calibri 11)
  std::uint32_t font_colour = 0;  // 0 = the workbook default (black)
  std::optional<std::uint32_t> fill = std::nullopt;
  std::uint32_t border_colour = 0;  // with a border, always set by the style table
  Align align = Align::general;
  VAlign valign = VAlign::top;
  bool conditional = false;  // used only by conditional formatting rules (a "dxf" format)
  std::string_view num_format;  // a number format code ("mmm-yy"), "" for General
  bool top_rule = false;     // a medium rule in border_colour along the cell's top (a section's first row)
  bool side_rules = false;   // dashed rules in border_colour down the cell's left and right (the as-at period)
};

struct Range {
  int first_row = 0;
  int first_col = 0;
  int last_row = 0;
  int last_col = 0;
  bool operator==(const Range&) const = default;
};

enum class CellKind { text, number, formula, blank };

struct SheetCell {
  int row = 0;
  int col = 0;
  CellKind kind = CellKind::text;
  std::string text;   // the text, or the formula (starting with '=')
  double number = 0;  // the number, or the formula's value as computed now (cached for readers that do not recalculate)
  Style style = Style::none;
  std::string note;   // a cell note (comment), "" for none
  std::string link;   // a hyperlink such as "internal:'Actions'!C12", "" for none
};

struct RowSpec {
  int row = 0;
  double height = 15;  // points
  bool hidden = false;
  Style style = Style::none;  // the format of the row's cells that hold none of their own (over the columns')
};

struct ColumnSpec {
  int first = 0;
  int last = 0;
  double width = 8.43;  // Excel character units
  bool hidden = false;
  // The format of the column's cells that hold none of their own: an empty cell of the table looks like its
  // column's filled ones without a format of its own (a styled empty cell costs as much to write as a filled one).
  Style style = Style::none;
};

struct Merge {
  Range range;
  std::string text;
  Style style = Style::none;
};

// A dropdown list. `source` is empty for an in-cell list, or a range on the hidden list sheet
// ("=Lists!$A$1:$A$12") when the list is too long or has commas.
struct Validation {
  Range range;
  std::vector<std::string> items;
  std::string source;
  std::string title;   // input prompt title (Excel: at most 32 characters)
  std::string prompt;  // input prompt text (at most 255)
};

// A formula rule: the style applies where `formula` (relative to the range's top-left cell) is true.
struct ConditionalRule {
  Range range;
  std::string formula;
  Style style = Style::none;
};

// How a sheet prints. The paper and the scale are settled last, from the columns' widths (print_fit.hpp).
struct PrintSetup {
  bool landscape = true;
  bool a3 = false;            // A3, else A4
  bool fit_to_width = true;   // scaled so the columns fill one page wide
  int scale = 0;              // a fixed scale in percent instead (0: none); pages then go on across
  std::optional<std::pair<int, int>> repeat_rows;  // first, last
  std::optional<std::pair<int, int>> repeat_cols;  // first, last: on every page across when the sheet is too wide
  std::string footer;                               // Excel header/footer codes (&P, &N, &&)
};

// An Excel Table over a range whose first row is its header: sortable and filterable without losing a row's
// cells, banded rows. One per sheet part (a continuation sheet gets its own, named name2, name3, ...).
struct TableSpec {
  std::string name;
  Range range;                       // header row to last row
  std::vector<std::string> headers;  // one per column, unique (Excel refuses a table whose names repeat)
  std::vector<Style> header_styles;  // one per column
};

struct ChartSeries {
  std::string name;
  Range values;
  std::uint32_t colour = 0;       // the bars' fill
  std::uint32_t line_colour = 0;  // the bars' outline
  std::uint32_t label_colour = 0;  // the counts written on the bars
};

// A stacked bar chart of ranges on the same sheet. The chart keeps a copy of the counts (the cells' values as
// computed now), so a preview that does not recalculate shows them; each bar is labelled with its count.
struct Chart {
  std::string title;
  std::string value_axis_title;
  std::string description;  // alt text: what the chart shows, in words, for screen readers
  Range categories;
  std::vector<ChartSeries> series;
  int row = 0;  // top-left anchor cell
  int col = 0;
  double x_scale = 1;
  double y_scale = 1;
  bool legend = true;  // off for a single series, whose title says it all
  double major_unit = 0;  // the count axis' step; 0: the reader's own (whole steps are set for small counts)
};

// One cell of a streamed row: views into the plan or the row source's own buffers, valid only while the row is
// being handed over. Each non-empty view is a whole string (it ends at a NUL, as the C library needs). Fields as
// in SheetCell.
struct CellView {
  int col = 0;
  CellKind kind = CellKind::text;
  Style style = Style::none;
  std::string_view text;
  double number = 0;
  std::string_view note;
  std::string_view link;
};

// One streamed row. A band row (merge_to >= 0) is cells[0] spread over columns 0..merge_to: a merged range.
struct RowView {
  int row = 0;
  double height = 0;  // points; 0 = the default height
  int merge_to = -1;
  std::vector<CellView> cells;  // by column
};

// The rows of a sheet that would cost too much to hold as SheetCells (the Actions and Repairs bodies of a large
// plan), made one at a time from the plan when the writer asks. Bound to the plan it was laid out from: the
// plan must outlive the model.
class RowSource {
 public:
  virtual ~RowSource() = default;
  // Every row sits at or below this one; the sheet's own cells and rows sit above it.
  virtual int first_row() const = 0;
  // Hands each row over in ascending order.
  virtual void each_row(const std::function<void(const RowView&)>& take) const = 0;
};

// A sheet longer than a sheet can be goes on over continuation sheets placed right after it ("Actions (2)",
// "Actions (3)", ...): each repeats the rows above `first_row` (the title and the header) and takes the next rows of
// the body. The model numbers rows as if a sheet had no end; a split says which sheet a row lands on, and where.
struct SheetSplit {
  int first_row = max_rows;   // the first row that may move on; the rows above repeat on every continuation sheet
  int sheet_rows = max_rows;  // rows one sheet holds

  bool splits() const { return first_row < sheet_rows; }
  int capacity() const { return sheet_rows - first_row; }  // the body rows each sheet takes
  int part_of(int row) const { return row < first_row || !splits() ? 0 : (row - first_row) / capacity(); }  // 0: the first
  int row_on_part(int row) const {
    return row < first_row || !splits() ? row : first_row + (row - first_row) % capacity();
  }
  // The rows of `range` that land on sheet `part`, numbered as there; nullopt when none do. Rows above first_row
  // are on every sheet.
  std::optional<Range> on_part(const Range& range, int part) const;
};

// "Actions" for part 0, "Actions (2)" for part 1, ...
std::string part_name(std::string_view sheet, int part);
// A reference to the cell where `row` lands: "Actions!C12", "'Actions (2)'!C5".
std::string located_ref(std::string_view sheet, const SheetSplit& split, int row, int col);
// Absolute references to the pieces of `range`, one per sheet it spans, in order.
std::vector<std::string> located_range_refs(std::string_view sheet, const SheetSplit& split, const Range& range);

struct Sheet {
  std::string name;
  bool hidden = false;
  bool active = false;
  std::vector<SheetCell> cells;  // sorted by row, then column
  std::vector<RowSpec> rows;      // sorted by row
  std::shared_ptr<const RowSource> body;  // streamed rows below the cells above, or null
  std::vector<ColumnSpec> columns;
  std::vector<Merge> merges;
  std::vector<Validation> validations;
  std::vector<ConditionalRule> conditionals;
  std::optional<std::pair<int, int>> freeze;  // first unfrozen row, first unfrozen column
  std::optional<Range> autofilter;
  std::optional<TableSpec> table;          // instead of the autofilter, where the writer can (not constant-memory)
  std::optional<Range> ids_as_text;        // text cells that look like numbers on purpose: no error triangles
  PrintSetup print;
  std::vector<Chart> charts;
  std::optional<std::uint32_t> tab_colour;
  SheetSplit split;  // where the sheet would go on over continuation sheets (by default: never)
};

struct Properties {
  std::string title;
  std::string subject;
  std::string keywords;
  std::string comments;
};

// What one column of the Actions sheet shows.
// `delivery`: the dates a row's Gantt bars are computed from, when the plan has no Start and End dates to use
// (index 0: Delivery from, 1: Delivery to).
enum class ColumnKind { text, target, rag, period, extra, delivery };

struct ActionsColumn {
  ColumnKind kind = ColumnKind::text;
  Role role = Role::extra;  // the text role for ColumnKind::text
  std::string label;        // header text
  int index = 0;            // target index, period index, the place among extra columns, or -1
  int col = 0;              // 0-based sheet column
};

// Where things landed on the Actions sheet, for links, notes, formulas and tests.
struct ActionsGrid {
  int header_row = 0;
  int first_row = 0;  // first row under the header (a band or an action)
  int last_row = -1;  // last action row; < first_row when the plan has no actions
  std::vector<ActionsColumn> columns;
  std::vector<int> action_rows;  // sheet row of plan.actions[i]
  std::vector<std::pair<std::string, int>> band_rows;  // section name, the row of its first action
  SheetSplit split;  // rows past the sheet's last go on over "Actions (2)", ...: rows here are numbered on from row 1
  int column_of(Role role) const;  // -1 when absent
  int rag_col() const;             // -1 when absent
};

struct WorkbookModel {
  std::vector<StyleSpec> styles;
  std::vector<Sheet> sheets;  // in workbook order
  Properties properties;
  ActionsGrid actions;
  std::vector<Diagnostic> warnings;  // what the layout had to change (cells cut to Excel's limit)
  bool constant_memory = false;      // a sheet too large for standard mode: rows flushed as written (merged in row order)
};

// "A", "Z", "AA", ... for a 0-based column.
std::string column_name(int col);
// "C12" for 0-based row and column; absolute ("$C$12") when asked.
std::string cell_ref(int row, int col, bool absolute = false);
// "Actions!$C$12:$C$40", quoting the sheet name when it needs it.
std::string range_ref(std::string_view sheet, const Range& range);
std::string quote_sheet_name(std::string_view sheet);

const Sheet* find_sheet(const WorkbookModel& model, std::string_view name);
const SheetCell* find_cell(const Sheet& sheet, int row, int col);
const StyleSpec* find_style(const WorkbookModel& model, std::string_view name);
const StyleSpec* find_style(const WorkbookModel& model, Style id);

}  // namespace plansheet::xlsx
