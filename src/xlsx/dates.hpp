// Real dates for Start, End and a single timescale: a cell's text in, an Excel serial date and the style that
// shows it exactly as the plan wrote it ("Apr-25" as mmm-yy, "31/03/2026" as dd/mm/yyyy) out; text that is no
// date ("Ongoing", "TBC", "Q3 2025/26") stays text.
#pragma once

#include <optional>
#include <string_view>

#include "xlsx/sheet_model.hpp"

namespace plansheet::xlsx::detail {

struct DateCell {
  double serial = 0;  // days since 1899-12-30 (Excel's 1900 system)
  Style style = Style::none;
};

// A date only when the number format shows it back as exactly `text`, so the sheet reads as the plan did and a
// plansheet workbook read back gives the same text.
std::optional<DateCell> date_cell(std::string_view text);
// Days from 1899-12-30 to y-m-d: the Excel serial of a date (the 1900 system, from 1900-03-01 on).
double serial_of(int y, int m, int d);
// The number format of a date style ("mmm-yy"), "" for any other style.
std::string_view date_format_code(Style style);

}  // namespace plansheet::xlsx::detail
