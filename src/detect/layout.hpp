// Stage: detect the layout of a table. A RawTable in, a TableLayout out: the title, the legends, which rows are
// the header, and the role of every column (from header labels by synonym, then checked against the content).
// The passes are in detect/passes.hpp; the header synonyms in model/role_table.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "pipeline.hpp"

namespace plansheet {

struct ColumnSpec {
  Role role = Role::extra;
  std::string label;
  std::string reason;  // why this role: "header 'LCC team leads'", "content: 40 of 47 cells are tick marks"
  std::string group;  // the label over its own on a two-line header ("Timescale" over "Start"), or ""
  std::vector<std::string> samples;  // up to three of its values, for check --explain
};

struct TableLayout {
  bool has_table = false;
  std::string no_table_reason;
  std::optional<std::string> title;
  int title_line = 0;  // the source line the title was read from
  std::vector<LegendEntry> legend;
  std::size_t header_begin = 0;  // [header_begin, body_begin) are header rows in table.rows
  std::size_t body_begin = 0;
  std::vector<std::size_t> key_rows;  // rows after the table that hold the plan's key (in legend), ascending
  std::vector<ColumnSpec> columns;  // one per cell position
  std::size_t header_width = 0;     // cells in the header rows (0 without a header)
  std::vector<Removal> removed;
  std::vector<Diagnostic> warnings;
  std::vector<std::string> explain;  // the detection as flags and reasons, for `check --explain`
};

TableLayout detect_layout(const RawTable& table, const Options& options);

// The row (an index into table.rows) is part of the plan's key read after the table: no part of any action.
bool is_key_row(const TableLayout& layout, std::size_t row);

// Index of the first body column with the given role, or -1.
int column_of(const TableLayout& layout, Role role);

// How repairs and warnings name a cell of this column (see cell_role_name in model/role_table.hpp).
inline std::string cell_role_name(const ColumnSpec& column) { return cell_role_name(column.role, column.label); }

}  // namespace plansheet
