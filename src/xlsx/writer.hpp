// Stage: write the workbook. Plan in, .xlsx file out (Actions, Summary, Repairs, Key sheets).
// The one place that touches libxlsxwriter; every lxw_error is checked and turned into Error(exit_output).
#pragma once

#include "xlsx/print_fit.hpp"
#include <string>

#include "model/plan.hpp"

namespace plansheet::xlsx {

// Writes to a temporary file beside `path` and renames it into place, so a failure never leaves a half-written
// workbook. Throws Error(exit_output) with a one-line message when the file cannot be written.
// `paper` is --paper (see print_fit.hpp).
void write_workbook(const Plan& plan, const std::string& path, Paper paper = Paper::automatic);

}  // namespace plansheet::xlsx
