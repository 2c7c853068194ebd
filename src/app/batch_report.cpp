// The batch report (see batch_report.hpp): rows of BatchResult in; a CSV text, an .xlsx file and a printed table out.
// The xlsx writer checks every lxw_error and turns it into Error(exit_output).
#include "app/batch_report.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <filesystem>

#include "model/errors.hpp"
#include "app/output_files.hpp"
#include "text/unicode_text.hpp"
#include "xlsx/write_model.hpp"

namespace fs = std::filesystem;

namespace plansheet {
namespace {

constexpr std::array<const char*, 7> headers = {"file", "output", "actions", "repairs", "warnings", "result", "message"};

// File names are bytes on Linux; the XML inside a workbook must be UTF-8.
std::string valid_utf8(const std::string& raw) {
  if (auto repaired = text::repair_invalid_utf8(raw)) return *repaired;
  return raw;
}

std::string csv_field(const std::string& text) {
  std::string value = text;
  // A name starting with = + - @ would be read as a formula by a spreadsheet opening the CSV.
  if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@')) value.insert(0, "'");
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

class ReportWriter {
 public:
  explicit ReportWriter(std::string target) : target_(std::move(target)) {}
  ~ReportWriter() {
    if (wb_) lxw_workbook_free(wb_);
  }

  void write(const std::vector<BatchResult>& results, const std::string& temp_path) {
    wb_ = workbook_new(temp_path.c_str());
    if (!wb_) fail("creating the workbook", "out of memory or the folder is not writable");
    lxw_doc_properties props{};
    props.title = const_cast<char*>("plansheet batch report");
    props.created = xlsx::workbook_created_time();  // SOURCE_DATE_EPOCH: the same rows give the same bytes
    check(workbook_set_properties(wb_, &props), "setting the document properties");

    lxw_format* bold = workbook_add_format(wb_);
    lxw_format* good = workbook_add_format(wb_);
    lxw_format* doubt = workbook_add_format(wb_);
    lxw_format* bad = workbook_add_format(wb_);
    if (!bold || !good || !doubt || !bad) fail("creating the cell formats", "out of memory");
    format_set_bold(bold);
    format_set_bottom(bold, LXW_BORDER_THIN);
    format_set_bg_color(good, 0xC6EFCE);
    format_set_bg_color(doubt, 0xFFEB9C);
    format_set_bg_color(bad, 0xFFC7CE);

    lxw_worksheet* ws = workbook_add_worksheet(wb_, "Batch");
    if (!ws) fail("adding the sheet Batch", "libxlsxwriter refused it");

    std::array<std::size_t, headers.size()> widths{};
    for (std::size_t c = 0; c < headers.size(); ++c) {
      check(worksheet_write_string(ws, 0, col(c), headers[c], bold), "writing the header row");
      widths[c] = std::string_view(headers[c]).size();
    }
    lxw_row_t row = 1;
    for (const BatchResult& r : results) {
      const std::array<std::string, 3> texts = {valid_utf8(r.file), valid_utf8(r.output), valid_utf8(r.result)};
      const std::string message = valid_utf8(r.message);
      const std::string where = fmt::format("writing row {} ({})", row + 1, texts[0]);
      check(worksheet_write_string(ws, row, 0, texts[0].c_str(), nullptr), where);
      check(worksheet_write_string(ws, row, 1, texts[1].c_str(), nullptr), where);
      check(worksheet_write_number(ws, row, 2, static_cast<double>(r.actions), nullptr), where);
      check(worksheet_write_number(ws, row, 3, static_cast<double>(r.repairs), nullptr), where);
      check(worksheet_write_number(ws, row, 4, static_cast<double>(r.warnings), nullptr), where);
      lxw_format* tint = r.result == "converted" ? good : r.result == "skipped" ? doubt : bad;
      check(worksheet_write_string(ws, row, 5, texts[2].c_str(), tint), where);
      check(worksheet_write_string(ws, row, 6, message.c_str(), nullptr), where);
      widths[0] = std::max(widths[0], text::length_in_chars(texts[0]));
      widths[1] = std::max(widths[1], text::length_in_chars(texts[1]));
      widths[5] = std::max(widths[5], text::length_in_chars(texts[2]));
      widths[6] = std::max(widths[6], text::length_in_chars(message));
      ++row;
    }
    // libxlsxwriter has no autofit: width in characters, capped so a long message does not make a sheet-wide column.
    for (std::size_t c = 0; c < headers.size(); ++c)
      check(worksheet_set_column(ws, col(c), col(c), static_cast<double>(std::min<std::size_t>(widths[c], 80) + 2), nullptr),
            "setting the column widths");
    worksheet_freeze_panes(ws, 1, 0);
    check(worksheet_autofilter(ws, 0, 0, row - 1, col(headers.size() - 1)), "adding the filter");

    lxw_workbook* wb = wb_;
    wb_ = nullptr;  // workbook_close frees it whatever it returns
    check(workbook_close(wb), "saving the file");
  }

 private:
  static lxw_col_t col(std::size_t c) { return static_cast<lxw_col_t>(c); }

  [[noreturn]] void fail(const std::string& what, const std::string& why) const {
    throw output_error(fmt::format("cannot write the batch report '{}': {} failed ({}); check that the folder is "
                                   "writable and has space",
                                   target_, what, why));
  }
  void check(lxw_error error, const std::string& what) const {
    if (error != LXW_NO_ERROR) fail(what, lxw_strerror(error));
  }

  std::string target_;
  lxw_workbook* wb_ = nullptr;
};

}  // namespace

std::string batch_report_csv(const std::vector<BatchResult>& results) {
  std::string out;
  for (std::size_t c = 0; c < headers.size(); ++c) out += fmt::format("{}{}", c ? "," : "", headers[c]);
  out += "\r\n";
  for (const BatchResult& r : results)
    out += fmt::format("{},{},{},{},{},{},{}\r\n", csv_field(r.file), csv_field(r.output), r.actions, r.repairs,
                       r.warnings, csv_field(r.result), csv_field(r.message));
  return out;
}

void write_batch_report_xlsx(const std::vector<BatchResult>& results, const std::string& path) {
  // Checked here so that the error names the folder rather than libxlsxwriter's temporary file.
  const fs::path folder = fs::path(path).has_parent_path() ? fs::path(path).parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    throw output_error(fmt::format("cannot write the batch report '{}': the folder {} does not exist; create it or "
                                   "choose another -d folder", path, folder.string()));
  const std::string temp = temporary_path_beside(path);
  try {
    ReportWriter(path).write(results, temp);
  } catch (...) {
    fs::remove(temp, ec);
    throw;
  }
  commit_temporary(temp, path);
}

std::string batch_report_table(const std::vector<BatchResult>& results) {
  std::size_t file_width = 4;
  for (const BatchResult& r : results) file_width = std::max(file_width, text::length_in_chars(r.file));
  file_width = std::min<std::size_t>(file_width, 60);
  // Long paths keep their tail, where the distinguishing file name is.
  auto fit = [&](const std::string& name) {
    const std::size_t n = text::length_in_chars(name);
    if (n <= file_width) return name + std::string(file_width - n, ' ');
    std::size_t cut = name.size() - (file_width - 3);
    while (cut < name.size() && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) ++cut;  // whole characters
    std::string tail = "..." + name.substr(cut);
    return tail + std::string(file_width > text::length_in_chars(tail) ? file_width - text::length_in_chars(tail) : 0, ' ');
  };
  std::string out = fmt::format("{}  {:>7}  {:>7}  {:>8}  {}\n", fit("file"), "actions", "repairs", "warnings", "result");
  for (const BatchResult& r : results)
    out += fmt::format("{}  {:>7}  {:>7}  {:>8}  {}\n", fit(r.file), r.actions, r.repairs, r.warnings, r.result);
  bool any = false;
  for (const BatchResult& r : results) {
    if (r.message.empty()) continue;
    if (!any) out += "\n";
    any = true;
    // Errors name their file already; an internal error may not.
    const bool named = r.message.compare(0, r.file.size(), r.file) == 0;
    out += named ? fmt::format("{}: {}\n", r.result, r.message) : fmt::format("{}: {}: {}\n", r.result, r.file, r.message);
  }
  return out;
}

}  // namespace plansheet
