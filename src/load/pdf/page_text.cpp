// PDF words to fixed-width lines (see page_text.hpp): lines from vertical centres, columns from x positions.
#include "load/pdf/page_text.hpp"

#include <algorithm>
#include <cmath>

namespace plansheet::detail {

namespace {

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool finite_box(const PdfWord& w) {
  return std::isfinite(w.x0) && std::isfinite(w.x1) && std::isfinite(w.y0) && std::isfinite(w.y1) && w.x1 >= w.x0 &&
         w.y1 >= w.y0 && std::fabs(w.x0) < 1e6 && std::fabs(w.x1) < 1e6 && std::fabs(w.y0) < 1e6 && std::fabs(w.y1) < 1e6;
}

// The width of one character column: a little under the average glyph width, so proportional text seldom runs
// past the column where the next cell starts.
double column_width(const std::vector<PdfPage>& pages) {
  double width = 0;
  std::size_t chars = 0;
  for (const PdfPage& page : pages)
    for (const PdfWord& w : page.words) {
      if (!finite_box(w)) continue;
      width += w.x1 - w.x0;
      chars += code_points(w.text);
    }
  if (chars == 0 || width <= 0) return 5;
  return std::max(0.5, 0.85 * width / static_cast<double>(chars));
}

struct Line {
  double centre = 0, height = 0;
  std::vector<const PdfWord*> words;
};

}  // namespace

std::string pages_to_text(const std::vector<PdfPage>& pages) {
  const double cw = column_width(pages);
  std::string out;
  bool first_page = true;
  for (const PdfPage& page : pages) {
    if (!first_page) out += "\n";  // a blank line: the paste reader takes it as a break
    first_page = false;
    std::vector<const PdfWord*> words;
    for (const PdfWord& w : page.words)
      if (finite_box(w) && !w.text.empty()) words.push_back(&w);
    std::stable_sort(words.begin(), words.end(), [](const PdfWord* a, const PdfWord* b) {
      return a->y0 + a->y1 < b->y0 + b->y1;
    });
    // A word joins the line above when its centre is within a third of a line height of that line's centre.
    std::vector<Line> lines;
    for (const PdfWord* w : words) {
      const double centre = (w->y0 + w->y1) / 2, height = std::max(1.0, w->y1 - w->y0);
      if (!lines.empty() && std::fabs(centre - lines.back().centre) <= 0.35 * std::max(height, lines.back().height)) {
        lines.back().words.push_back(w);
      } else {
        lines.push_back({centre, height, {w}});
      }
    }
    for (Line& line : lines) {
      std::stable_sort(line.words.begin(), line.words.end(), [](const PdfWord* a, const PdfWord* b) { return a->x0 < b->x0; });
      std::string text;
      long cursor = 0;
      const PdfWord* previous = nullptr;
      for (const PdfWord* w : line.words) {
        const double height = std::max(1.0, w->y1 - w->y0);
        const long column = std::lround(std::clamp(w->x0 / cw, 0.0, 4000.0));  // a page is far narrower
        long start;
        const double gap = previous == nullptr ? 0 : w->x0 - previous->x1;
        if (previous == nullptr) start = std::max(0L, column);
        else if (!previous->space_after && gap < 0.15 * height) start = cursor;  // one word in two boxes
        else if (gap < 0.45 * height) start = cursor + 1;  // a word space: the same cell
        else start = std::max(cursor + 2, column);
        if (start > cursor) text.append(static_cast<std::size_t>(start - cursor), ' ');
        text += w->text;
        cursor = start + static_cast<long>(code_points(w->text));
        previous = w;
      }
      out += text;
      out += '\n';
    }
  }
  return out;
}

}  // namespace plansheet::detail
