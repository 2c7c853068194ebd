// Real dates (see dates.hpp): the few ways plans write a month or a day, each with its number format, checked by
// rendering the date back through the same formatter the workbook reader uses.
#include "xlsx/dates.hpp"

#include <array>
#include <string>

#include "load/number_format.hpp"
#include "text/ascii.hpp"

namespace plansheet::xlsx::detail {

namespace {

constexpr std::array<std::string_view, 12> months = {"january", "february", "march",     "april",   "may",      "june",
                                                     "july",    "august",   "september", "october", "november", "december"};

}  // namespace

// Proleptic Gregorian, as Excel counts from 1900-03-01 on.
double serial_of(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const long days = static_cast<long>(era) * 146097 + doe - 719468;  // since 1970-01-01
  return static_cast<double>(days + 25569);
}

namespace {

int number(std::string_view s) {
  if (s.empty() || s.size() > 4) return -1;
  int n = 0;
  for (char c : s) {
    if (!is_ascii_digit(c)) return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

// 1..12 for a month's name (full) or its first three letters (short); 0 for neither.
int month_of(std::string_view word, bool full) {
  const std::string w = ascii_lower(word);
  for (std::size_t i = 0; i < months.size(); ++i)
    if (full ? w == months[i] : w == months[i].substr(0, 3)) return static_cast<int>(i) + 1;
  return 0;
}

// The candidate reading of the text: its date and the style (number format) that should show it.
std::optional<DateCell> candidate(std::string_view t) {
  if (t.size() == 6 && t[3] == '-') {  // Apr-25 (a plan's two-digit years are this century's, up to 2069)
    const int m = month_of(t.substr(0, 3), false), y = number(t.substr(4, 2));
    if (m > 0 && y >= 0) return DateCell{serial_of(y < 70 ? 2000 + y : 1900 + y, m, 1), Style::date_mmm_yy};
  }
  if (t.size() == 10 && t[2] == '/' && t[5] == '/') {  // 31/03/2026
    const int d = number(t.substr(0, 2)), m = number(t.substr(3, 2)), y = number(t.substr(6, 4));
    if (d >= 1 && d <= 31 && m >= 1 && m <= 12 && y >= 1901 && y <= 9999)
      return DateCell{serial_of(y, m, d), Style::date_dmy};
  }
  const std::size_t space = t.find(' ');
  if (space != std::string_view::npos && t.size() - space == 5) {  // Apr 2025, April 2025
    const std::string_view word = t.substr(0, space);
    const int y = number(t.substr(space + 1));
    if (y >= 1901 && y <= 9999) {
      if (const int m = month_of(word, false); m > 0 && word.size() == 3) return DateCell{serial_of(y, m, 1), Style::date_mmm_yyyy};
      if (const int m = month_of(word, true); m > 0) return DateCell{serial_of(y, m, 1), Style::date_mmmm_yyyy};
    }
  }
  return std::nullopt;
}

std::string_view format_of(Style style) {
  switch (style) {
    case Style::date_mmm_yy: return "mmm-yy";
    case Style::date_dmy: return "dd/mm/yyyy";
    case Style::date_mmm_yyyy: return "mmm yyyy";
    case Style::date_mmmm_yyyy: return "mmmm yyyy";
    default: return "";
  }
}

}  // namespace

std::string_view date_format_code(Style style) { return format_of(style); }

std::optional<DateCell> date_cell(std::string_view text) {
  if (text.size() < 6 || text.size() > 14) return std::nullopt;
  std::optional<DateCell> d = candidate(text);
  if (!d) return std::nullopt;
  // "31/02/2026" would show as 03/03/2026, and "apr-25" as Apr-25: only exact round trips become dates.
  if (plansheet::detail::format_date(d->serial, format_of(d->style), false) != text) return std::nullopt;
  return d;
}

}  // namespace plansheet::xlsx::detail
