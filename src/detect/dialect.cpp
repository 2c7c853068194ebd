// Stage: sniff the dialect of a paste. Candidates (tabs, markdown pipes, runs of 2+ spaces) are scored by the share
// of non-blank lines that carry them; the first candidate over its threshold wins, in that order of trust. Runs of
// spaces are read as fixed-width columns when gutters shared across the lines give a grid that the lines fit.
#include "detect/dialect.hpp"

#include <iterator>

#include <fmt/format.h>

#include "text/text_span.hpp"

namespace plansheet {

const char* separator_name(Separator s) {
  switch (s) {
    case Separator::tab: return "tab";
    case Separator::spaces: return "spaces";
    case Separator::fixed: return "fixed-width";
    case Separator::markdown: return "markdown";
    case Separator::none: return "none";
  }
  return "none";
}

namespace {

ColumnGrid fixed_grid(const std::vector<std::string>& lines) {
  std::vector<Fragment> fragments;
  for (std::size_t n = 0; n < lines.size(); ++n) {
    std::vector<Fragment> f = line_fragments(lines[n], static_cast<int>(n + 1));
    fragments.insert(fragments.end(), std::make_move_iterator(f.begin()), std::make_move_iterator(f.end()));
  }
  return find_columns(fragments);
}

}  // namespace

Dialect sniff(const std::vector<std::string>& lines) {
  std::size_t non_blank = 0, tabbed = 0, piped = 0, spaced = 0, indented = 0, rule_lines = 0;
  for (const std::string& line : lines) {
    std::string_view t = trim(line);
    if (t.empty()) continue;
    ++non_blank;
    if (line.find('\t') != std::string::npos) ++tabbed;
    if (t.front() == '|' && t.size() > 1 && t.find('|', 1) != std::string_view::npos) {
      ++piped;
      if (t.find("---") != std::string_view::npos && t.find_first_not_of("|-: ") == std::string_view::npos) ++rule_lines;
    }
    if (t.find("  ") != std::string_view::npos) ++spaced;
    // A wrapped cell's next line in fixed-width text: indented to its column, often with no gap of its own.
    if (t.find("  ") != std::string_view::npos || line.rfind("  ", 0) == 0) ++indented;
  }
  Dialect d;
  if (non_blank == 0) return d;
  auto share = [&](std::size_t k) { return fmt::format("{} of {} non-blank lines", k, non_blank); };
  if (tabbed * 5 >= non_blank) {
    d.separator = Separator::tab;
    d.evidence = share(tabbed) + " hold tabs";
  } else if (piped * 3 >= non_blank && rule_lines > 0) {
    d.separator = Separator::markdown;
    d.evidence = share(piped) + " are markdown table rows";
  } else if (indented * 3 >= non_blank && (d.grid = fixed_grid(lines)).usable()) {
    d.separator = Separator::fixed;
    d.evidence = share(indented) + " hold runs of two or more spaces, aligned in " + d.grid.evidence;
  } else if (spaced * 3 >= non_blank) {
    d.grid = {};  // ragged: cells are split line by line
    d.separator = Separator::spaces;
    d.evidence = share(spaced) + " hold runs of two or more spaces";
  } else {
    d.evidence = "no tabs, markdown pipes or aligned columns found";
  }
  return d;
}

}  // namespace plansheet
