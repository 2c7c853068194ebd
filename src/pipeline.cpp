// run(): the pipeline, one numbered stage call per step and nothing else. An input's bytes in, a reconciled and
// scheduled Plan out; each stage's own helpers live with the stage.
#include "pipeline.hpp"

#include <fmt/format.h>

#include "detect/action_text.hpp"
#include "detect/layout.hpp"
#include "detect/table_start.hpp"
#include "load/input_format.hpp"
#include "load/line_breaks.hpp"
#include "model/errors.hpp"
#include "model/limits.hpp"
#include "reassemble/fixed_width_repairs.hpp"
#include "reassemble/reassemble.hpp"
#include "repair/cell_formats.hpp"
#include "repair/reconcile.hpp"
#include "schedule.hpp"
#include "text/dictionary.hpp"

namespace plansheet {
namespace {

// What detection decided and why, for `check` (detect/ is where this belongs, with detect_layout).
void record_layout(const TableLayout& layout, RunTrace& trace) {
  for (std::size_t c = 0; c < layout.columns.size(); ++c) {
    const ColumnSpec& col = layout.columns[c];
    if (col.role == Role::ignore) continue;
    trace.column_reasons.push_back(fmt::format("{:>2} {:<9} '{}': {}", c + 1, role_name(col.role), col.label, col.reason));
    std::string samples;
    for (const std::string& s : col.samples) samples += fmt::format("{}'{}'", samples.empty() ? "" : ", ", s);
    trace.column_samples.push_back(std::move(samples));
  }
  trace.flags = layout.explain;
}

}  // namespace

Plan run(const std::string& source, std::string_view bytes, const Options& options, RunTrace* trace) {
  // 1-4. Load: bytes to rows of cells (load_table); 5-8. clean them into a Plan (run_table).
  return run_table(load_table(source, bytes, options, trace), options, trace);
}

RawTable load_table(const std::string& source, std::string_view bytes, const Options& options, RunTrace* trace) {
  // 1-4. The input's format (a workbook by its first bytes, else by its name) reads it into rows of cells, decoded
  //      and normalised: a paste is decoded, normalised, sniffed for its dialect and tokenised (load/input_format).
  //      A table over a resource limit (columns, cells, line length, expanded text) is refused before any work.
  RawTable table = detect_input_format(source, bytes).load(source, bytes, options, trace);
  check_table(table, options.limits);
  return table;
}

Plan run_table(RawTable table, const Options& options, RunTrace* trace) {
  // Opening hunspell's en_GB costs more than cleaning a small plan: each thread keeps one open across inputs
  // (a Dictionary is not shared between threads) and only the document's words are reset.
  thread_local Dictionary dictionary;
  dictionary.clear_document_words();
  // 5. Layout detection: title, legends, header rows, column roles; from --table-start's cell when given.
  const Options effective = apply_table_start(table, options);
  TableLayout layout = detect_layout(table, effective);
  if (!layout.has_table)
    throw input_error(table.source + ": no action table found (" + layout.no_table_reason +
                      "); if it is a table, name its header with --header-row N and its columns with --roles");
  // 5a. A Word or OpenDocument cell's line breaks stay in running text only (ids, dates and ratings are values).
  fold_line_breaks(table, layout);
  if (trace) record_layout(layout, *trace);
  // 5b. Spreadsheets: colour-only RAG cells and coloured Gantt cells read as data.
  apply_cell_formats(table, layout);
  // 5c. Fixed-width text: the wrapped cells the reader joined are named by their columns' roles.
  name_joined_cells(table, layout);
  // 6. Reassembly: align damaged rows, join continuation lines, merge rows printed twice, set headings aside.
  Reassembled drafts = reassemble(table, layout, dictionary);
  if (trace)
    for (const LineReading& r : drafts.readings)
      trace->line_readings.push_back(fmt::format("line {}: {} - {}", r.line, r.kind, r.why));
  // The drafts hold copies of the cells, and nothing later reads the rows: freed now, a large plan's peak memory
  // is the plan alone rather than the plan and its source table.
  std::vector<Row>().swap(table.rows);
  // 7. Reconciliation: sections, ids, text repairs, ticks and RAG words.
  Plan plan = reconcile(table, layout, std::move(drafts), dictionary);
  // 7b. A table with no column of action text (numbers, chart data, a lookup list) is no plan, unless --force.
  if (auto reason = not_an_action_table(plan); reason && !options.force)
    throw input_error(table.source + ": " + *reason + "; use --force to convert it anyway");
  // 8. Schedule: timescales to intervals and delivery periods.
  schedule(plan, ScheduleOptions{options.periods, options.grid});
  plan.as_at = options.as_at;
  return plan;
}

}  // namespace plansheet
