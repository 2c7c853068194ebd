// Print that reads: a sheet's columns in, its paper, scale and repeated columns out, so that body text (11 pt)
// never prints under 8 pt. A4 when the sheet fits it one page wide at that size, else A3, else pages across.
#pragma once

#include <optional>
#include <string_view>

#include "xlsx/sheet_model.hpp"

namespace plansheet::xlsx {

// --paper: the paper the user asks for, or the choice left to fit_print.
enum class Paper { automatic, a4, a3 };
// "a4" -> a4, "a3" -> a3, "" -> automatic; nullopt for anything else.
std::optional<Paper> paper_of(std::string_view name);

// The smallest scale body text may print at: 11 pt at 75% is 8.25 pt.
inline constexpr int min_print_scale = 75;

// The printed width of the sheet's used columns (and charts) in points, at 100%.
double print_width_points(const Sheet& sheet);

// Settles sheet.print for `paper`: fit to one page wide where that keeps the scale at min_print_scale or more,
// on A4 when it fits there (automatic), else on A3; otherwise a fixed min_print_scale with the columns going on
// over further pages, each repeating sheet.print.repeat_cols (the id and the action) when they are narrow enough.
void fit_print(Sheet& sheet, Paper paper);

}  // namespace plansheet::xlsx
