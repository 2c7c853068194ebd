// A workbook plansheet wrote, read back: its own title block set aside (see own_title_block.hpp).
#include "load/xlsx/own_title_block.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <utility>

#include "text/ascii.hpp"

namespace plansheet::detail {

namespace {

// "'Actions'!$A$1:$L$4" -> sheet "Actions", rows 1 to 4; Excel may drop the quotes or the dollar signs.
struct BlockRef {
  std::string sheet;
  int first = 0, last = 0;
};

std::optional<int> row_of(std::string_view cell) {
  std::size_t i = 0;
  while (i < cell.size() && (cell[i] == '$' || is_ascii_alpha(cell[i]))) ++i;
  int row = 0;
  const auto [end, ec] = std::from_chars(cell.data() + i, cell.data() + cell.size(), row);
  if (ec != std::errc() || end != cell.data() + cell.size() || row <= 0) return std::nullopt;
  return row;
}

std::optional<BlockRef> parse_reference(std::string_view ref) {
  ref = trim(ref);
  if (!ref.empty() && ref.front() == '=') ref.remove_prefix(1);
  const std::size_t bang = ref.rfind('!');
  if (bang == std::string_view::npos) return std::nullopt;
  BlockRef out;
  std::string_view sheet = ref.substr(0, bang);
  if (sheet.size() >= 2 && sheet.front() == '\'' && sheet.back() == '\'') {
    sheet = sheet.substr(1, sheet.size() - 2);
    for (std::size_t i = 0; i < sheet.size(); ++i) {
      out.sheet += sheet[i];
      if (sheet[i] == '\'' && i + 1 < sheet.size() && sheet[i + 1] == '\'') ++i;  // '' is one quote
    }
  } else {
    out.sheet = std::string(sheet);
  }
  const std::string_view cells = ref.substr(bang + 1);
  const std::size_t colon = cells.find(':');
  const auto first = row_of(cells.substr(0, colon));
  const auto last = colon == std::string_view::npos ? first : row_of(cells.substr(colon + 1));
  if (!first || !last || *last < *first) return std::nullopt;
  out.first = *first;
  out.last = *last;
  return out;
}

}  // namespace

void set_aside_own_title_block(RawTable& table, std::string_view reference) {
  const std::optional<BlockRef> block = parse_reference(reference);
  if (!block || block->sheet != table.sheet) return;
  table.own_title_line = block->first;
  auto ours = [&](const Row& row) { return row.line > block->first && row.line <= block->last; };
  for (const Row& row : table.rows)
    if (ours(row) && !trim(row.raw).empty())
      table.removed.push_back({row.line, std::string(trim(row.raw)), RemovalReason::letterhead});
  table.rows.erase(std::remove_if(table.rows.begin(), table.rows.end(), ours), table.rows.end());
}

}  // namespace plansheet::detail
