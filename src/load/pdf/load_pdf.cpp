// A PDF to a RawTable (see load_pdf.hpp): read_pdf's words, page_text's lines, pdf_tables' tables; each table read
// and scored as a sheet is (sheet_choice), the best kept, as for a Word document's tables.
#include "load/pdf/load_pdf.hpp"

#include "detect/sheet_choice.hpp"
#include "load/pdf/page_text.hpp"
#include "load/pdf/pdf_tables.hpp"
#include "load/pdf/read_pdf.hpp"
#include "model/errors.hpp"

namespace plansheet {
namespace {

using namespace detail;

std::vector<std::string> text_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t from = 0;
  while (from < text.size()) {
    std::size_t end = text.find('\n', from);
    if (end == std::string::npos) end = text.size();
    lines.emplace_back(text, from, end - from);
    from = end + 1;
  }
  return lines;
}

// Past this many tables the rest are listed but not weighed: each weighing reads the whole text once.
constexpr std::size_t max_weighed_tables = 20;

}  // namespace

RawTable load_pdf(const std::string& source, std::string_view bytes, const Options& options, RunTrace* trace,
                  const ReadText& read_text) {
  return load_pdf_pages(source, read_pdf_pages(source, bytes, options.pages, options.limits), options, trace, read_text);
}

RawTable load_pdf_pages(const std::string& source, const std::vector<PdfPage>& pages, const Options& options,
                        RunTrace* trace, const ReadText& read_text) {
  PageText laid = pages_to_text(pages);
  const std::vector<std::string> lines = text_lines(laid.text);
  const std::vector<PdfTable> tables = find_pdf_tables(lines);
  const std::size_t count = std::max<std::size_t>(1, tables.size());
  if (options.table && (*options.table < 1 || static_cast<std::size_t>(*options.table) > count))
    throw usage_error(source + ": --table " + std::to_string(*options.table) + " but the PDF holds " +
                      std::to_string(count) + " table(s) with headers of their own; pass 1 to " + std::to_string(count));
  RawTable table;
  std::vector<std::pair<int, std::string>> left_out;
  std::size_t chosen = 0;
  if (tables.empty()) {
    table = read_text(laid.text, trace);
  } else if (options.table) {
    chosen = static_cast<std::size_t>(*options.table - 1);
    table = read_text(table_text(lines, tables, chosen, left_out), trace);
  } else {
    std::vector<SheetScore> scores;
    for (std::size_t t = 0; t < tables.size() && t < max_weighed_tables; ++t) {
      std::vector<std::pair<int, std::string>> out;
      RawTable read = read_text(table_text(lines, tables, t, out), nullptr);
      scores.push_back(score_sheet(read, "table " + std::to_string(t + 1), false));
      if (best_sheet(scores) == t) {
        chosen = t;
        table = std::move(read);
        left_out = std::move(out);
      }
    }
    // `check` says how the chosen table was read.
    if (trace) {
      std::vector<std::pair<int, std::string>> unused;
      table = read_text(table_text(lines, tables, chosen, unused), trace);
    }
  }
  for (const auto& [line, text] : laid.furniture) table.removed.push_back({line, text, RemovalReason::running_header});
  for (auto& [line, text] : left_out) table.removed.push_back({line, std::move(text), RemovalReason::other_table});
  std::vector<Diagnostic> notes;
  for (std::size_t t = 0; t < tables.size(); ++t) {
    if (t == chosen) continue;
    notes.push_back({{tables[t].header_line}, "",
                     "table " + std::to_string(t + 1) + " (" + std::to_string(tables[t].rows) + " rows, header '" +
                         tables[t].header + "', from line " + std::to_string(tables[t].header_line) +
                         ") is left out: its header differs; --table " + std::to_string(t + 1) + " reads it alone",
                     "", true});
  }
  table.warnings.insert(table.warnings.begin(), notes.begin(), notes.end());
  table.parts = {"page", std::move(laid.pages)};
  if (trace) trace->input_kind = "pdf (words laid out by position, " + trace->input_kind + ")";
  return table;
}

}  // namespace plansheet
