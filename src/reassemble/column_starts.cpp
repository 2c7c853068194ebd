// Where each column's text starts on a line, for pastes split on runs of spaces: an action row's placed cells and
// raw line in, each column's start offset out; and a continuation line's pieces in, the column each lies under
// out. Such a paste wraps a long cell onto the next lines at the cell's own place, with no cells before it, so only
// the place on the line says which column a wrapped piece continues.
#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <utility>

#include "reassemble/passes.hpp"
#include "text/utf8.hpp"

namespace plansheet::detail {

std::vector<int> column_starts(std::string_view raw, const std::vector<std::string>& placed) {
  std::vector<int> starts(placed.size(), -1);
  std::size_t from = 0;
  for (std::size_t c = 0; c < placed.size(); ++c) {
    if (placed[c].empty() || placed[c].find('\t') != std::string::npos) continue;
    const std::size_t at = raw.find(placed[c], from);
    if (at == std::string_view::npos) continue;  // a repaired cell: its place is unknown
    starts[c] = static_cast<int>(utf8::code_points(raw.substr(0, at)));
    from = at + placed[c].size();
  }
  return starts;
}

std::optional<std::vector<std::string>> cells_by_place(std::string_view raw, const std::vector<std::string>& cells,
                                                       const std::vector<int>& starts) {
  // The known starts in order of place, so each piece finds its column by a search, not a pass over every column.
  std::vector<std::pair<int, std::size_t>> known;
  for (std::size_t c = 0; c < starts.size(); ++c)
    if (starts[c] >= 0) known.emplace_back(starts[c], c);
  if (known.empty()) return std::nullopt;
  std::sort(known.begin(), known.end());
  std::vector<std::string> placed(starts.size());
  std::size_t from = 0;
  bool any = false;
  for (const std::string& cell : cells) {
    if (cell.empty()) continue;
    const std::size_t at = raw.find(cell, from);
    if (at == std::string_view::npos) return std::nullopt;
    const int offset = static_cast<int>(utf8::code_points(raw.substr(0, at)));
    from = at + cell.size();
    // The column whose text starts nearest; a piece pushed right by its neighbour still lies nearer its own.
    auto next = std::lower_bound(known.begin(), known.end(), std::pair{offset, std::size_t{0}});
    auto best = next;
    if (next == known.end() || (next != known.begin() && offset - std::prev(next)->first < next->first - offset))
      best = std::prev(next);
    if (std::abs(best->first - offset) > 4) return std::nullopt;  // under no column: read as before
    std::string& slot = placed[best->second];
    slot += (slot.empty() ? "" : " ") + cell;
    any = true;
  }
  if (!any) return std::nullopt;
  return placed;
}

}  // namespace plansheet::detail
