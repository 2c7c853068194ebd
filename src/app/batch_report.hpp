// The outcome of each file of a batch, and the three forms of its report: the table printed at the end, the
// CSV and the XLSX written into the output folder. Rows keep the order in which the inputs were found.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace plansheet {

struct BatchResult {
  std::string file;           // the input path as found or given
  std::string output;         // the workbook, relative to the output folder ("" when none was written)
  std::size_t actions = 0;
  std::size_t repairs = 0;
  std::size_t warnings = 0;
  std::string result;         // "converted", "skipped" (unreadable or unusable input) or "failed" (could not write)
  std::string message;        // why a file was skipped or failed; "" when converted
};

// Header "file,output,actions,repairs,warnings,result,message", one CRLF-ended row per file (RFC 4180 quoting).
std::string batch_report_csv(const std::vector<BatchResult>& results);

// The same rows as a one-sheet workbook ("Batch"), written beside `path` and renamed into place.
// Throws Error(exit_output) naming the libxlsxwriter step that failed.
void write_batch_report_xlsx(const std::vector<BatchResult>& results, const std::string& path);

// The aligned table printed at the end of a batch, followed by the reasons for skipped and failed files.
std::string batch_report_table(const std::vector<BatchResult>& results);

}  // namespace plansheet
