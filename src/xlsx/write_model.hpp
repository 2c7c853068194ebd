// Writes a laid-out WorkbookModel to an .xlsx file with libxlsxwriter (write_workbook = layout + this).
#pragma once

#include <ctime>
#include <string>

#include "xlsx/sheet_model.hpp"

namespace plansheet::xlsx {

// Same guarantees as write_workbook: temporary file beside `path`, renamed into place on success only;
// Error(exit_output) with a one-line message on any failure.
void write_model(const WorkbookModel& model, const std::string& path);

// The creation time stamped into the file: now, or SOURCE_DATE_EPOCH when set to a number, so that a build that
// sets it gets the same bytes from the same plan.
std::time_t workbook_created_time();

}  // namespace plansheet::xlsx
