// Fixed-width columns: fragments (line, start column, text) in, the column grid out. A per-position count of
// the lines whose text covers each character position: runs of covered positions are columns, the rest gutters
// (the "stream" reading of Tabula and pdfplumber's text alignment, on characters instead of points).
#include "detect/fixed_width.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "text/utf8.hpp"

namespace plansheet {
namespace {

struct Core {
  int start = 0;
  int end = 0;  // exclusive
};

// Fragments of one line: [first, last) in the fragment list.
struct LineSpan {
  std::size_t first = 0;
  std::size_t last = 0;
};

std::vector<LineSpan> group_lines(const std::vector<Fragment>& fragments) {
  std::vector<LineSpan> lines;
  for (std::size_t i = 0; i < fragments.size(); ++i) {
    if (lines.empty() || fragments[lines.back().first].line != fragments[i].line) lines.push_back({i, i});
    lines.back().last = i + 1;
  }
  return lines;
}

// Two or more fragments, or one indented one (a wrapped cell under its column): a line that may be a table row.
bool is_candidate(const std::vector<Fragment>& fragments, const LineSpan& span) {
  return span.last - span.first >= 2 || fragments[span.first].start >= 1;
}

// Runs of positions covered by more than `tolerance` lines.
std::vector<Core> covered_runs(const std::vector<int>& cover, int tolerance) {
  std::vector<Core> runs;
  for (int p = 0; p < static_cast<int>(cover.size()); ++p) {
    if (cover[static_cast<std::size_t>(p)] <= tolerance) continue;
    if (!runs.empty() && runs.back().end == p)
      runs.back().end = p + 1;
    else
      runs.push_back({p, p + 1});
  }
  return runs;
}

void add_cover(std::vector<int>& cover, const Fragment& f) {
  if (cover.size() < static_cast<std::size_t>(f.end)) cover.resize(static_cast<std::size_t>(f.end), 0);
  for (int p = f.start; p < f.end; ++p) ++cover[static_cast<std::size_t>(p)];
}

// How many cores the fragment overlaps, and the first of them (or, overlapping none, the core whose side of the
// gutter midpoints it starts on).
std::pair<std::size_t, int> place(const std::vector<Core>& cores, const Fragment& f) {
  std::size_t first = cores.size();
  int overlaps = 0;
  for (std::size_t i = 0; i < cores.size(); ++i)
    if (f.start < cores[i].end && cores[i].start < f.end) {
      if (overlaps == 0) first = i;
      ++overlaps;
    }
  if (overlaps > 0 || cores.empty()) return {first == cores.size() ? 0 : first, overlaps};
  std::size_t i = 0;
  while (i + 1 < cores.size() && f.start * 2 >= cores[i].end + cores[i + 1].start) ++i;
  return {i, 0};
}

bool line_crosses(const std::vector<Fragment>& fragments, const LineSpan& span, const std::vector<Core>& cores) {
  for (std::size_t i = span.first; i < span.last; ++i)
    if (place(cores, fragments[i]).second > 1) return true;
  return false;
}

}  // namespace

std::vector<Fragment> line_fragments(std::string_view line, int line_no) {
  std::vector<Fragment> out;
  Fragment cur;
  bool open = false;
  int spaces = 0, pos = 0;
  for (std::size_t i = 0; i < line.size();) {
    const std::size_t at = i;
    const char32_t cp = utf8::next_code_point(line, i);
    if (cp == ' ' || cp == '\t') {
      spaces += cp == '\t' ? 2 : 1;
      pos += cp == '\t' ? 8 - pos % 8 : 1;
      if (open && spaces >= 2) {
        out.push_back(std::move(cur));
        open = false;
      }
      continue;
    }
    if (!open) {
      cur = Fragment{line_no, pos, pos, ""};
      open = true;
    } else if (spaces == 1) {
      cur.text += ' ';
    }
    cur.text.append(line.substr(at, i - at));
    cur.end = ++pos;
    spaces = 0;
  }
  if (open) out.push_back(std::move(cur));
  return out;
}

std::size_t ColumnGrid::column_at(int start) const {
  std::size_t i = 0;
  while (i + 1 < left.size() && start >= left[i + 1]) ++i;
  return i;
}

bool ColumnGrid::crosses(const Fragment& f) const {
  const std::size_t c = column_at(f.start);
  return c + 1 < left.size() && f.end > left[c + 1];
}

bool ColumnGrid::usable() const {
  return size() >= 3 && candidate_lines >= 4 && fitting_lines * 10 >= candidate_lines * 7 && crowded_lines * 5 <= fitting_lines;
}

ColumnGrid find_columns(const std::vector<Fragment>& fragments) {
  ColumnGrid grid;
  const std::vector<LineSpan> all = group_lines(fragments);
  std::vector<LineSpan> lines;
  for (const LineSpan& s : all)
    if (is_candidate(fragments, s)) lines.push_back(s);
  grid.candidate_lines = static_cast<int>(lines.size());
  if (lines.empty()) return grid;

  // 1. A rough grid: positions covered by more than a quarter of the lines. Lines crossing it (a title, a key, a
  //    paragraph with a double space) are not table rows and stay out of the finer count.
  std::vector<int> cover;
  for (const LineSpan& s : lines)
    for (std::size_t i = s.first; i < s.last; ++i) add_cover(cover, fragments[i]);
  const std::vector<Core> rough = covered_runs(cover, std::max(1, grid.candidate_lines / 4));
  std::vector<LineSpan> rows;
  for (const LineSpan& s : lines)
    if (!line_crosses(fragments, s, rough)) rows.push_back(s);
  if (rows.empty()) return grid;

  // 2. The fine grid over those rows: a gutter may be crossed by a twentieth of them at most, or by more when three
  //    times as many rows, and ten at least, hold it open (text on both sides, none in it): a few key or note
  //    lines above the table that stayed inside the rough grid do not close the gutter the action rows keep.
  cover.assign(cover.size(), 0);
  std::vector<int> open(cover.size(), 0);
  for (const LineSpan& s : rows) {
    for (std::size_t i = s.first; i < s.last; ++i) add_cover(cover, fragments[i]);
    for (std::size_t i = s.first; i + 1 < s.last; ++i)
      for (int p = fragments[i].end; p < fragments[i + 1].start; ++p) ++open[static_cast<std::size_t>(p)];
  }
  const int tolerance = static_cast<int>(rows.size()) / 20;
  for (std::size_t p = 0; p < cover.size(); ++p)
    if (cover[p] > tolerance && open[p] >= 3 * cover[p] && open[p] >= std::max(10, static_cast<int>(rows.size()) / 5))
      cover[p] = 0;
  std::vector<Core> cores = covered_runs(cover, tolerance);

  // 3. A column filled on only a few lines fell into a gutter: its fragments make a column of their own.
  std::vector<int> orphan_cover;
  for (const LineSpan& s : rows)
    for (std::size_t i = s.first; i < s.last; ++i)
      if (place(cores, fragments[i]).second == 0) add_cover(orphan_cover, fragments[i]);
  for (const Core& extra : covered_runs(orphan_cover, 0)) {
    auto at = std::lower_bound(cores.begin(), cores.end(), extra.start, [](const Core& c, int p) { return c.start < p; });
    if (at != cores.end() && at->start <= extra.end)
      at->start = extra.start;
    else if (at != cores.begin() && std::prev(at)->end >= extra.start)
      std::prev(at)->end = std::max(std::prev(at)->end, extra.end);
    else
      cores.insert(at, extra);
  }
  if (cores.empty()) return grid;

  // 4. Each column starts at its leftmost fragment; its width is the widest text seen in it.
  grid.left.assign(cores.size(), -1);
  for (const LineSpan& s : rows)
    for (std::size_t i = s.first; i < s.last; ++i) {
      auto [c, n] = place(cores, fragments[i]);
      if (n <= 1 && (grid.left[c] < 0 || fragments[i].start < grid.left[c])) grid.left[c] = fragments[i].start;
    }
  for (std::size_t c = 0; c < cores.size(); ++c)
    if (grid.left[c] < 0) grid.left[c] = cores[c].start;
  for (std::size_t c = 1; c < cores.size(); ++c) grid.left[c] = std::max(grid.left[c], grid.left[c - 1] + 1);
  grid.width.assign(cores.size(), 1);
  for (const LineSpan& s : lines) {
    bool fits = true, crowded = false;
    std::vector<int> seen(cores.size(), 0);
    for (std::size_t i = s.first; i < s.last; ++i) {
      if (grid.crosses(fragments[i])) fits = false;
      crowded |= ++seen[grid.column_at(fragments[i].start)] > 1;
    }
    if (!fits) continue;
    ++grid.fitting_lines;
    grid.crowded_lines += crowded;
    for (std::size_t i = s.first; i < s.last; ++i) {
      const std::size_t c = grid.column_at(fragments[i].start);
      grid.width[c] = std::max(grid.width[c], fragments[i].end - grid.left[c]);
    }
  }
  std::string starts;
  for (int l : grid.left) starts += (starts.empty() ? "" : ", ") + std::to_string(l + 1);
  grid.evidence = fmt::format("{} columns starting at characters {}; {} of {} aligned lines fit them", grid.size(), starts,
                              grid.fitting_lines, grid.candidate_lines);
  return grid;
}

}  // namespace plansheet
