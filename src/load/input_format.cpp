// The input format table and its loaders (see input_format.hpp): an input's name and first bytes in, its format
// out; each row's loader takes the bytes to a table of cells.
#include "load/input_format.hpp"

#include "load/docx/load_docx.hpp"
#include "load/ods/load_ods.hpp"
#include "load/pdf/load_pdf.hpp"

#include "detect/dialect.hpp"
#include "load/load_spreadsheet.hpp"
#include "load/normalise.hpp"
#include "load/paste/load_text.hpp"
#include "load/paste/tokenise.hpp"
#include "load/several_sheets.hpp"
#include "text/ascii.hpp"

namespace plansheet {
namespace {

// A paste: the pipeline's stages 1 to 4.
RawTable load_paste(const std::string& source, std::string_view bytes, const Options&, RunTrace* trace) {
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

// Spreadsheets, 1-4 in one: load the cells (of the chosen sheet of a workbook) and normalise them.
RawTable load_csv_input(const std::string& source, std::string_view bytes, const Options&, RunTrace* trace) {
  if (trace) trace->input_kind = "csv";
  RawTable table = load_csv(source, bytes);
  normalise_table(table);
  return table;
}

// The sheet --sheet names, joined by the ones --sheet names again (several_sheets.hpp), each read by `read_sheet`.
template <typename ReadSheet>
RawTable named_sheets(const Options& options, ReadSheet read_sheet) {
  RawTable table = read_sheet(options.sheet);
  if (options.more_sheets.empty()) return table;
  std::vector<RawTable> tables;
  tables.push_back(std::move(table));
  for (const std::string& name : options.more_sheets) tables.push_back(read_sheet(name));
  return join_sheets(std::move(tables));
}

RawTable load_xlsx_input(const std::string& source, std::string_view bytes, const Options& options, RunTrace* trace) {
  if (trace) trace->input_kind = "xlsx workbook";
  RawTable table = named_sheets(options, [&](const std::optional<std::string>& sheet) {
    return load_xlsx(source, bytes, sheet, options.limits, options.keep_hidden);
  });
  normalise_table(table);
  return table;
}

RawTable load_xls_input(const std::string& source, std::string_view, const Options& options, RunTrace* trace) {
  if (trace) trace->input_kind = "xls workbook";
  RawTable table = named_sheets(options, [&](const std::optional<std::string>& sheet) {
    return load_xls(source, sheet, options.limits);
  });
  normalise_table(table);
  return table;
}

RawTable load_docx_input(const std::string& source, std::string_view bytes, const Options& options, RunTrace* trace) {
  if (trace) trace->input_kind = "word document";
  RawTable table = load_docx(source, bytes, options.table, options.limits);
  normalise_table(table, /*keep_line_breaks=*/true);
  return table;
}

// A PDF: its words laid out as fixed-width lines by position, then read as a paste (load/pdf/load_pdf).
RawTable load_pdf_input(const std::string& source, std::string_view bytes, const Options& options, RunTrace* trace) {
  return load_pdf(source, bytes, options, trace, [&](std::string_view text, RunTrace* t) {
    return load_paste(source, text, options, t);
  });
}

RawTable load_ods_input(const std::string& source, std::string_view bytes, const Options& options, RunTrace* trace) {
  if (trace) trace->input_kind = "opendocument spreadsheet";
  RawTable table = named_sheets(options, [&](const std::optional<std::string>& sheet) {
    return load_ods(source, bytes, sheet, options.limits, options.keep_hidden);
  });
  normalise_table(table, /*keep_line_breaks=*/true);
  return table;
}

// An OpenDocument package opens with its stored, uncompressed `mimetype` entry.
bool is_ods(std::string_view bytes) {
  return bytes.size() > 38 && bytes.substr(30, 8) == "mimetype" &&
         bytes.substr(0, 200).find("application/vnd.oasis.opendocument.spreadsheet") != std::string_view::npos;
}

// A zip holding word/document.xml: its name is stored in the clear in the zip's directory.
bool is_docx(std::string_view bytes) { return bytes.find("word/document.xml") != std::string_view::npos; }

bool has_extension(std::string_view lower_path, const InputFormat& format) {
  for (std::string_view ext : format.extensions)
    if (lower_path.size() >= ext.size() && lower_path.substr(lower_path.size() - ext.size()) == ext) return true;
  return false;
}

}  // namespace

const std::vector<InputFormat>& input_formats() {
  static const std::vector<InputFormat> formats = {
      {InputKind::paste, {".txt", ".tsv", ".md"}, {}, load_paste,
       "a pasted table: tabs, markdown pipes or aligned spaces (also - for standard input)"},
      {InputKind::csv, {".csv"}, {}, load_csv_input, "comma-separated values (; tab and | too)"},
      // A name that promises a workbook goes to that reader, which says what is wrong with the file.
      {InputKind::xlsx, {".xlsx", ".xlsm"}, std::string_view("PK\x03\x04", 4), load_xlsx_input,
       "Excel workbook: the sheet holding the actions, or --sheet"},
      {InputKind::xls, {".xls"}, std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), load_xls_input,
       "old binary Excel workbook (values only)"},
      {InputKind::ods, {".ods"}, std::string_view("PK\x03\x04", 4), load_ods_input,
       "OpenDocument spreadsheet (LibreOffice Calc): the sheet holding the actions, or --sheet", is_ods},
      {InputKind::docx, {".docx"}, std::string_view("PK\x03\x04", 4), load_docx_input,
       "Word document: the tables that share the action table's header, or --table", is_docx},
      {InputKind::pdf, {".pdf"}, "%PDF-", load_pdf_input,
       "PDF with a text layer: its table's words by position; --pages, and --table among several tables"},
  };
  return formats;
}

const InputFormat& detect_input_format(std::string_view path, std::string_view bytes) {
  const std::vector<InputFormat>& formats = input_formats();
  // Formats that share their magic bytes with another (a zip) look further first.
  for (bool sniffed : {true, false})
    for (const InputFormat& format : formats)
      if (!format.magic.empty() && (format.sniff != nullptr) == sniffed &&
          bytes.substr(0, format.magic.size()) == format.magic && (!sniffed || format.sniff(bytes)))
        return format;
  const std::string lower = ascii_lower(path);
  for (const InputFormat& format : formats)
    if (has_extension(lower, format)) return format;
  return formats.front();
}

InputKind detect_input_kind(std::string_view path, std::string_view bytes) {
  return detect_input_format(path, bytes).kind;
}

bool is_input_extension(std::string_view extension) {
  const std::string lower = ascii_lower(extension);
  for (const InputFormat& format : input_formats())
    for (std::string_view ext : format.extensions)
      if (lower == ext) return true;
  return false;
}

std::string input_extensions_list() {
  std::vector<std::string_view> all;
  for (const InputFormat& format : input_formats()) all.insert(all.end(), format.extensions.begin(), format.extensions.end());
  std::string list;
  for (std::size_t i = 0; i < all.size(); ++i)
    list += std::string(i == 0 ? "" : i + 1 == all.size() ? " or " : ", ") + std::string(all[i]);
  return list;
}

}  // namespace plansheet
