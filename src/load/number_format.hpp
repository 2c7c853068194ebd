// Spreadsheet numbers to the text a reader sees: Excel number formats (dates, fixed decimals, percentages) and
// the shortest faithful text for General. Takes a value and a format code; returns UTF-8 text.
#pragma once

#include <string>
#include <string_view>

namespace plansheet::detail {

// The format code of a built-in number format id, with the UK rendering for the locale-dependent date ids
// (14 is the short date: "dd/mm/yyyy"); "" for General (0) and unknown ids.
std::string builtin_format_code(int num_fmt_id);

// True when the format shows a date or time (built-in ids 14-22, 27-36, 45-47, 50-58, or a code holding
// d, m with a date part, y, h or s outside quotes and brackets).
bool is_date_format(int num_fmt_id, std::string_view code);

// A number as General shows it: at most 15 significant digits (Excel's precision), no trailing zeros, no
// exponent for everyday magnitudes ("1.1", "2", "0.3" for 0.30000000000000004, "20250401").
std::string general_number(double value);

// A serial date (days since the epoch of the 1900 or 1904 system, fraction = time of day) in the format code,
// as the author sees it ("mmm-yy" -> "Apr-25", "dd/mm/yyyy" -> "31/03/2026"). Codes with no date part and US
// month-before-day codes give ISO "2026-03-31" (or "2026-03-31 14:30" when there is a time).
std::string format_date(double serial, std::string_view code, bool date1904);

// A number in a non-date format code ("0.00" -> "1.10", "#,##0" -> "12,500", "0%" -> "45%"); General, text
// ("@") and codes this renderer cannot follow fall back to general_number.
std::string format_number(double value, std::string_view code);

// The displayed text of a numeric cell: dates via format_date, others via format_number.
std::string display_number(double value, int num_fmt_id, std::string_view code, bool date1904);

}  // namespace plansheet::detail
