// One input to its outputs: read, run the pipeline, write the workbook and any JSON/CSV exports.
// Shared by `convert` and `batch`.
#pragma once

#include <string>

#include "model/plan.hpp"
#include "pipeline.hpp"

namespace plansheet {

struct ConvertRequest {
  std::string input;     // a path or "-" for standard input
  std::string xlsx_out;  // empty: no workbook
  std::string json_out;  // empty: no JSON export
  std::string csv_out;   // empty: no CSV export
  Options options;
};

// Throws Error with the contract's exit code when the input cannot be read or used, or an output cannot be written.
Plan convert_file(const ConvertRequest& request);

// "output/<input stem>.xlsx" ("output/pasted.xlsx" for standard input).
std::string default_output_path(const std::string& input, const std::string& folder = "output");

}  // namespace plansheet
