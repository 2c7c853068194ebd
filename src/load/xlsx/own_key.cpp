// A workbook plansheet wrote, read back: the plan's own key from its Key sheet (see own_key.hpp).
#include "load/xlsx/own_key.hpp"

#include <cstddef>
#include <string>

namespace plansheet::detail {

std::vector<LegendEntry> own_key_entries(const RawTable& key_sheet) {
  std::vector<LegendEntry> entries;
  const auto kind_at = static_cast<std::size_t>(own_key_kind_column);
  for (const Row& row : key_sheet.rows) {
    auto cell = [&](std::size_t i) { return i < row.cells.size() ? row.cells[i].text : std::string(); };
    const std::optional<LegendKind> kind = legend_kind_named(cell(kind_at));
    if (!kind) continue;
    LegendEntry e;
    e.kind = *kind;
    // A heading sits in column A like the workbook's own; an entry's text is in B beside its term.
    e.text = cell(*kind == LegendKind::heading ? 0 : 1);
    if (e.text.empty()) continue;
    e.colour = cell(kind_at + 1);
    for (std::size_t i = kind_at + 2; i < row.cells.size(); i += 2) {
      std::string term = cell(i), meaning = cell(i + 1);
      if (term.empty() && meaning.empty()) continue;
      e.defines.emplace_back(std::move(term), std::move(meaning));
    }
    entries.push_back(std::move(e));
  }
  return entries;
}

}  // namespace plansheet::detail
