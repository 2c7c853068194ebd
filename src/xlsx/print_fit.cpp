// Print that reads (see print_fit.hpp): the printed width of a sheet estimated from its column widths as Excel
// draws them (Calibri 11: 7 pixels a character plus 5, 96 pixels an inch), then the paper and the scale.
#include "xlsx/print_fit.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace plansheet::xlsx {

namespace {

constexpr double default_width = 8.43;  // Excel's column width where none is set
constexpr double margin_points = 2 * 0.4 * 72;  // left and right margins (writer.cpp sets 0.4 inch each)
// The estimate may be a little short of what a reader draws (its own font metrics): fit only with room to spare,
// so the reader's own fit never lands under min_print_scale.
constexpr double fit_slack = 1.04;

double column_points(double width) {
  const double pixels = width < 1 ? std::round(width * 12) : std::trunc(width * 7 + 5);
  return pixels * 0.75;
}

// Printable width of the paper in points, landscape or portrait.
double page_points(bool a3, bool landscape) {
  const double a4_short = 595.3, a4_long = 841.9, a3_long = 1190.6;
  const double width = a3 ? (landscape ? a3_long : a4_long) : (landscape ? a4_long : a4_short);
  return width - margin_points;
}

class Widths {
 public:
  explicit Widths(const Sheet& sheet) {
    for (const ColumnSpec& c : sheet.columns)
      for (int col = c.first; col <= c.last && col <= max_cols; ++col) set_[col] = c.hidden ? 0 : c.width;
  }
  double points(int first, int last) const {
    double sum = 0;
    for (int col = first; col <= last; ++col) {
      auto it = set_.find(col);
      sum += column_points(it == set_.end() ? default_width : it->second);
    }
    return sum;
  }

 private:
  std::map<int, double> set_;
};

int last_used_col(const Sheet& sheet) {
  int last = -1;
  for (const ColumnSpec& c : sheet.columns) last = std::max(last, c.last);
  for (const SheetCell& c : sheet.cells) last = std::max(last, c.col);
  for (const Merge& m : sheet.merges) last = std::max(last, m.range.last_col);
  return std::min(last, max_cols - 1);
}

}  // namespace

std::optional<Paper> paper_of(std::string_view name) {
  if (name.empty()) return Paper::automatic;
  if (name == "a4" || name == "A4") return Paper::a4;
  if (name == "a3" || name == "A3") return Paper::a3;
  return std::nullopt;
}

double print_width_points(const Sheet& sheet) {
  const Widths widths(sheet);
  double width = widths.points(0, last_used_col(sheet));
  // A chart is 480 by 288 pixels at scale 1, anchored at its cell.
  for (const Chart& c : sheet.charts)
    width = std::max(width, widths.points(0, c.col - 1) + 480 * c.x_scale * 0.75);
  return width;
}

void fit_print(Sheet& sheet, Paper paper) {
  PrintSetup& p = sheet.print;
  const double width = print_width_points(sheet) * fit_slack;
  const double min_scale = min_print_scale / 100.0;
  auto fits = [&](bool a3) { return page_points(a3, p.landscape) >= width * min_scale; };
  p.fit_to_width = true;
  p.scale = 0;
  if (paper != Paper::a3 && fits(false)) {
    p.a3 = false;
    return;
  }
  p.a3 = paper != Paper::a4;
  if (fits(p.a3)) return;
  // Too wide for one page at a readable size: a fixed scale, and the columns go on over pages across, each
  // repeating the columns that say which action a row is, when they leave room for others.
  p.fit_to_width = false;
  p.scale = min_print_scale;
  if (p.repeat_cols) {
    const double repeated = Widths(sheet).points(p.repeat_cols->first, p.repeat_cols->second);
    if (repeated * min_scale > 0.45 * page_points(p.a3, p.landscape)) p.repeat_cols.reset();
  }
}

}  // namespace plansheet::xlsx
