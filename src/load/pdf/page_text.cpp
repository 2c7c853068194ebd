// PDF words to fixed-width lines (see page_text.hpp): lines from vertical centres, columns from x positions.
#include "load/pdf/page_text.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string_view>

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

// A line's words with digits folded, and its height to the nearest 2 points: the same running header on every page.
std::string furniture_key(const Line& line, const std::string& text) {
  std::string key = std::to_string(std::lround(line.centre / 2)) + "|";
  bool digits = false;
  for (char c : text) {
    if (c == ' ') continue;
    const bool digit = c >= '0' && c <= '9';
    if (!(digit && digits)) key += digit ? '#' : c;
    digits = digit;
  }
  return key;
}

}  // namespace

PageText pages_to_text(const std::vector<PdfPage>& pages) {
  const double cw = column_width(pages);
  struct Laid {
    std::string text, key;
    std::size_t page = 0;
    bool edge = false;  // one of the first two or last two lines of its page, with no gutter inside
  };
  std::vector<Laid> laid;  // every line in order; an empty key for a page break
  std::vector<SourcePart> parts;
  bool first_page = true;
  for (std::size_t page_index = 0; page_index < pages.size(); ++page_index) {
    const PdfPage& page = pages[page_index];
    if (!first_page) laid.push_back({});  // a blank line: the paste reader takes it as a break
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
    for (std::size_t line_index = 0; line_index < lines.size(); ++line_index) {
      Line& line = lines[line_index];
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
      const std::string key = furniture_key(line, text);
      const std::size_t from_start = text.find_first_not_of(' ');
      const bool one_cell = from_start == std::string::npos || text.find("  ", from_start) == std::string::npos;
      const bool edge = one_cell && (line_index < 2 || line_index + 2 >= lines.size());
      laid.push_back({std::move(text), key, page_index, edge});
    }
    if (!lines.empty())
      parts.push_back({page.number, static_cast<int>(laid.size() - lines.size() + 1), static_cast<int>(laid.size())});
  }
  // A line at a page's top or bottom edge, with no gutter (no table row), whose key is found on at least half the
// pages (two or more), is page furniture.
  std::map<std::string, std::set<std::size_t>> pages_of;
  for (const Laid& l : laid)
    if (l.edge) pages_of[l.key].insert(l.page);
  PageText out;
  out.pages = std::move(parts);
  for (std::size_t i = 0; i < laid.size(); ++i) {
    const auto it = laid[i].edge ? pages_of.find(laid[i].key) : pages_of.end();
    if (it != pages_of.end() && it->second.size() >= 2 && 2 * it->second.size() >= pages.size()) {
      std::string_view trimmed = laid[i].text;
      trimmed.remove_prefix(std::min(trimmed.size(), trimmed.find_first_not_of(' ')));
      out.furniture.emplace_back(static_cast<int>(i + 1), std::string(trimmed));
    } else {
      out.text += laid[i].text;
    }
    out.text += '\n';
  }
  return out;
}

}  // namespace plansheet::detail
