// What the passes share: a row's cells in, their texts (all, the filled ones, as one line) out.
#include "reassemble/passes.hpp"
#include "text/text_span.hpp"

namespace plansheet::detail {

std::vector<std::string> cell_texts(const Row& row) {
  std::vector<std::string> texts;
  texts.reserve(row.cells.size());
  for (const Cell& c : row.cells) texts.push_back(c.text);
  return texts;
}

std::vector<std::string> non_empty(const std::vector<std::string>& cells) {
  std::vector<std::string> out;
  for (const auto& c : cells)
    if (!c.empty()) out.push_back(c);
  return out;
}

std::size_t first_filled(const std::vector<std::string>& cells) {
  std::size_t i = 0;
  while (i < cells.size() && cells[i].empty()) ++i;
  return i;
}

std::string joined_text(const std::vector<std::string>& cells) { return fold_whitespace(join(non_empty(cells), " ")); }

std::size_t id_column(const TableLayout& layout) {
  int c = column_of(layout, Role::id);
  return c < 0 ? 0 : static_cast<std::size_t>(c);
}

}  // namespace plansheet::detail
