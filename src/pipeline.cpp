// run(): the pipeline, one numbered stage call per step and nothing else.
#include "pipeline.hpp"

#include <fmt/format.h>

#include "repair/cell_formats.hpp"
#include "text/dictionary.hpp"
#include "model/errors.hpp"
#include "load/load_spreadsheet.hpp"
#include "load/paste/load_text.hpp"
#include "load/normalise.hpp"
#include "reassemble/reassemble.hpp"
#include "repair/reconcile.hpp"
#include "detect/layout.hpp"
#include "schedule.hpp"
#include "detect/dialect.hpp"
#include "text/text_span.hpp"
#include "load/paste/tokenise.hpp"

namespace plansheet {
namespace {

void record_layout(const TableLayout& layout, RunTrace& trace) {
  for (std::size_t c = 0; c < layout.columns.size(); ++c) {
    const ColumnSpec& col = layout.columns[c];
    if (col.role == Role::ignore) continue;
    trace.column_reasons.push_back(fmt::format("{:>2} {:<9} '{}': {}", c + 1, role_name(col.role), col.label, col.reason));
  }
  trace.flags = layout.explain;
}

}  // namespace

InputKind detect_input_kind(std::string_view path, std::string_view bytes) {
  // Content first: a zip is an XLSX whatever its name says; an OLE2 compound file is an XLS.
  if (bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return InputKind::xlsx;
  if (bytes.size() >= 8 && bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    return InputKind::xls;
  std::string lower = ascii_lower(path);
  auto ends = [&](std::string_view ext) {
    return lower.size() >= ext.size() && lower.compare(lower.size() - ext.size(), ext.size(), ext) == 0;
  };
  if (ends(".csv")) return InputKind::csv;
  // A name that promises a workbook goes to that reader, which says what is wrong with the file.
  if (ends(".xlsx") || ends(".xlsm")) return InputKind::xlsx;
  if (ends(".xls")) return InputKind::xls;
  return InputKind::paste;
}

Plan run_table(RawTable table, const Options& options, RunTrace* trace) {
  // Opening hunspell's en_GB costs more than cleaning a small plan: each thread keeps one open across inputs
  // (a Dictionary is not shared between threads) and only the document's words are reset.
  thread_local Dictionary dictionary;
  dictionary.clear_document_words();
  // 5. Layout detection: title, legends, header rows, column roles.
  TableLayout layout = detect_layout(table, options);
  if (!layout.has_table)
    throw input_error(table.source + ": no action table found (" + layout.no_table_reason +
                      "); if it is a table, name its header with --header-row N and its columns with --roles");
  if (trace) record_layout(layout, *trace);
  // 5b. Spreadsheets: colour-only RAG cells and coloured Gantt cells read as data.
  apply_cell_formats(table, layout);
  // 6. Reassembly: align damaged rows, join continuation lines, merge rows printed twice, set headings aside.
  Reassembled drafts = reassemble(table, layout, dictionary);
  // The drafts hold copies of the cells, and nothing later reads the rows: freed now, a large plan's peak memory
  // is the plan alone rather than the plan and its source table.
  std::vector<Row>().swap(table.rows);
  // 7. Reconciliation: sections, ids, text repairs, ticks and RAG words.
  Plan plan = reconcile(table, layout, std::move(drafts), dictionary);
  // 8. Schedule: timescales to intervals and delivery periods.
  schedule(plan, ScheduleOptions{options.periods, options.grid});
  return plan;
}

Plan run(const std::string& source, std::string_view bytes, const Options& options, RunTrace* trace) {
  return run_table(load_table(source, bytes, options, trace), options, trace);
}

RawTable load_table(const std::string& source, std::string_view bytes, const Options& options, RunTrace* trace) {
  const InputKind kind = detect_input_kind(source, bytes);
  switch (kind) {
    case InputKind::xlsx:
    case InputKind::xls:
    case InputKind::csv: {
      // 1-4. Load the cells of a spreadsheet (the chosen sheet of a workbook) and normalise them.
      if (trace) trace->input_kind = kind == InputKind::csv ? "csv" : kind == InputKind::xls ? "xls workbook" : "xlsx workbook";
      RawTable table = kind == InputKind::csv   ? load_csv(source, bytes)
                       : kind == InputKind::xls ? load_xls(source, options.sheet)
                                                : load_xlsx(source, bytes, options.sheet);
      normalise_table(table);
      return table;
    }
    case InputKind::paste: break;
  }
  // 1. Load: decode bytes to UTF-8 lines.
  SourceText text = load_text(source, bytes);
  // 2. Normalise: NFC, invisible characters, ligatures, mojibake.
  normalise(text);
  // 3. Sniff the dialect: tabs, markdown pipes or aligned spaces.
  Dialect dialect = sniff(text.lines);
  if (trace) {
    trace->input_kind = std::string("paste (") + separator_name(dialect.separator) + "-separated)";
    trace->dialect_evidence = dialect.evidence;
  }
  // 4. Tokenise lines into rows of cells. The decoded lines go here, before the cleaning starts.
  return tokenise(text, dialect);
}

}  // namespace plansheet
