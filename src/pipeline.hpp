// run(): one input's bytes to a reconciled, scheduled Plan. The numbered stage calls live in pipeline.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/limits.hpp"
#include "model/plan.hpp"

namespace plansheet {

// What the user may force; each override wins over detection.
struct Options {
  std::optional<std::string> sheet;                       // --sheet NAME (spreadsheets)
  std::optional<int> table;                               // --table N (a Word document's Nth table alone)
  std::optional<std::pair<int, int>> pages;               // --pages A-B (a PDF's pages to read, 1-based, inclusive)
  std::vector<std::string> more_sheets;                   // --sheet given again: more sheets read as one plan
  std::optional<int> header_row;                          // --header-row N (1-based source line / sheet row)
  std::optional<int> header_last;                         // --header-rows A-B: B, the header's last line (A in header_row)
  std::optional<std::pair<int, int>> table_start;         // --table-start C6: {column, line} of the table's top-left
  // --map "status:On track=green,At risk=amber": status words and the rating each means (wins over the plan's key).
  std::vector<std::pair<std::string, std::string>> status_map;
  std::vector<std::pair<int, Role>> roles;                // --roles 1=id,2=action,... (1-based column)
  std::optional<std::string> periods;                     // --periods 2025-26..2029-30
  std::string grid = "fy";                                // --grid fy|quarter|year
  bool force = false;                                     // --force: convert a table that reads as no action plan
  bool keep_hidden = false;                               // --keep-hidden: a spreadsheet's hidden rows and columns
  std::string as_at;                                      // --as-at YYYY-MM-DD: the Gantt's now ("": today)
  std::string paper;                                      // --paper a4|a3 (the workbook's print; "": fitted)
  Limits limits;                                          // --max-input-size, --max-cells, ... (model/limits.hpp)
};

// What detection decided and why, for `plansheet check` and `--explain`.
struct RunTrace {
  std::string input_kind;                  // "paste (tab-separated)", "xlsx", ...
  std::string dialect_evidence;            // "47 of 60 non-blank lines hold tabs"
  std::vector<std::string> column_reasons;  // one per column: "1 id 'Action ID': header 'Action ID'"
  std::vector<std::string> column_samples;  // one per column, beside its reason: "'TR1', 'TR2', 'TR3'" or ""
  std::vector<std::string> flags;           // the flags that reproduce the detection
  // Each body line not read as an action row: what it was taken for and why ("line 23: furniture - page number").
  std::vector<std::string> line_readings;
};

// Stages 1..n for one input: load_table then run_table. Throws Error(exit_input) when the input holds no action
// table or cannot be read.
Plan run(const std::string& source, std::string_view bytes, const Options& options, RunTrace* trace = nullptr);

// The loading stages: an input's bytes to a table of cells (decoded, normalised, split into cells). The table
// owns all it needs, so a caller can free the bytes before the cleaning starts.
RawTable load_table(const std::string& source, std::string_view bytes, const Options& options,
                    RunTrace* trace = nullptr);

// The common part after loading: a table of cells to a Plan (used by every loader).
Plan run_table(RawTable table, const Options& options, RunTrace* trace = nullptr);

}  // namespace plansheet
