// Page furniture: a body row in, whether it was set aside out. Hidden rows, page numbers and rules, and the header
// printed again on a new page are no part of any action; each one set aside is logged as removed.
#include <fmt/format.h>

#include <algorithm>

#include "reassemble/passes.hpp"
#include "text/text_span.hpp"

namespace plansheet::detail {

bool is_furniture(std::string_view text) {
  std::string key = ascii_lower(fold_whitespace(text));
  if (key.empty()) return true;
  if (key.find_first_not_of("_-=.*~ |") == std::string::npos) return true;  // rules and underline rows
  for (std::string_view phrase : {"this page is intentionally left blank", "page intentionally left blank",
                                  "continued on next page", "continued overleaf", "(continued)", "continued"})
    if (key == phrase) return true;
  // "Page 3 of 11", "Page 3", "3 of 11"
  std::string_view k = key;
  if (k.rfind("page ", 0) == 0) k.remove_prefix(5);
  std::size_t digits = 0;
  while (digits < k.size() && is_ascii_digit(k[digits])) ++digits;
  if (digits > 0 && digits < 5) {
    std::string_view rest = k.substr(digits);
    if (rest.empty() && key.rfind("page ", 0) == 0) return true;
    if (rest.rfind(" of ", 0) == 0 && rest.size() > 4 &&
        std::all_of(rest.begin() + 4, rest.end(), [](char c) { return is_ascii_digit(c); }))
      return true;
  }
  return false;
}

std::vector<std::string> header_texts(const RawTable& table, const TableLayout& layout) {
  const auto& rows = table.rows;
  std::vector<std::string> header_cells;
  if (layout.header_begin < rows.size() && layout.header_begin < layout.body_begin)
    header_cells = non_empty(cell_texts(rows[layout.body_begin - 1 >= layout.header_begin ? layout.header_begin : 0]));
  for (std::size_t r = layout.header_begin; r < layout.body_begin; ++r) {
    auto cells = non_empty(cell_texts(rows[r]));
    if (cells.size() > header_cells.size()) header_cells = cells;
  }
  // Sorted, so that telling a row printed again from the header costs a search per cell, not a read of the header.
  std::sort(header_cells.begin(), header_cells.end());
  return header_cells;
}

bool set_aside_furniture(const Row& row, const std::vector<std::string>& cells,
                         const std::vector<std::string>& header_cells, Reassembled& out) {
  std::size_t filled_count = 0, text_length = 0;
  for (const std::string& c : cells) filled_count += !c.empty(), text_length += c.size();

  if (row.hidden) {
    std::string joined = joined_text(cells);
    out.removed.push_back({row.line, joined, RemovalReason::hidden_row});
    out.warnings.push_back({{row.line}, "", fmt::format("line {}: hidden row left out of the table: {}", row.line,
                                                      joined.substr(0, 60))});
    return true;
  }
  // Furniture is a short line of its own ("Page 3 of 11", a rule of underscores across the cells).
  if ((filled_count <= 2 || text_length <= 40) && is_furniture(joined_text(cells))) {
    out.removed.push_back({row.line, joined_text(cells), RemovalReason::furniture});
    return true;
  }
  if (!header_cells.empty() && filled_count >= 2) {
    // header_texts gives them sorted; a caller's own list is sorted here (a cost per row of the header's length).
    std::vector<std::string> sorted_copy;
    const std::vector<std::string>* header = &header_cells;
    if (!std::is_sorted(header_cells.begin(), header_cells.end())) {
      sorted_copy = header_cells;
      std::sort(sorted_copy.begin(), sorted_copy.end());
      header = &sorted_copy;
    }
    std::size_t same = 0;
    for (const auto& c : cells)
      same += !c.empty() && std::binary_search(header->begin(), header->end(), c);
    if (same * 10 >= filled_count * 7 && same >= 2) {
      out.removed.push_back({row.line, joined_text(cells), RemovalReason::repeated_header});
      return true;
    }
  }
  return false;
}

}  // namespace plansheet::detail
