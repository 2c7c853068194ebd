// Pass 3, table region: the rows and --header-row in; the header row out (none when rows starting with ids stand
// alone), or that there is no table. Rule: the row naming the most roles, one of them id or action, with ids below.
#include <fmt/format.h>

#include <algorithm>

#include "detect/header_words.hpp"
#include "detect/passes.hpp"
#include "grammar/api.hpp"

namespace plansheet::detail {
namespace {

struct HeaderChoice {
  std::size_t row = 0;
  int score = 0;
};

int header_score(const Row& row) {
  std::vector<Role> seen;
  int periods = 0;
  for (const Cell& c : row.cells) {
    if (c.text.empty()) continue;
    if (grammar::parse_period_label(c.text)) {
      ++periods;
      continue;
    }
    if (auto role = role_from_label(c.text); role && std::find(seen.begin(), seen.end(), *role) == seen.end())
      seen.push_back(*role);
  }
  bool anchor = std::find(seen.begin(), seen.end(), Role::id) != seen.end() ||
                std::find(seen.begin(), seen.end(), Role::action) != seen.end();
  int score = static_cast<int>(seen.size()) + (periods >= 2 ? 1 : 0);
  return anchor ? score : score / 2;
}

}  // namespace

bool first_cell_is_id(const Row& row, std::size_t id_col) {
  return id_col < row.cells.size() && grammar::parse_action_id(row.cells[id_col].text).has_value();
}

TableRegion find_table_region(const std::vector<Row>& rows, const Options& options, TableLayout& layout) {
  TableRegion region;
  if (rows.empty()) {
    layout.no_table_reason = "the input is empty";
    return region;
  }
  // The header row: the row naming the most roles (one of them id or action), forced by --header-row.
  std::optional<HeaderChoice> header;
  if (options.header_row) {
    for (std::size_t r = 0; r < rows.size(); ++r)
      if (rows[r].line == *options.header_row) header = HeaderChoice{r, 99};
    if (!header)
      layout.warnings.push_back({{*options.header_row}, "", fmt::format("--header-row {}: no such line with cells; header detected instead", *options.header_row)});
  }
  if (!header) {
    std::size_t limit = std::min<std::size_t>(rows.size(), 80);
    for (std::size_t r = 0; r < limit; ++r) {
      int score = header_score(rows[r]);
      if (score < 2 || (header && score <= header->score)) continue;
      // A header is followed closely by rows that start with an id (in any of its first two cells).
      bool ids_follow = false;
      for (std::size_t k = r + 1; k < std::min(rows.size(), r + 8) && !ids_follow; ++k)
        ids_follow = first_cell_is_id(rows[k], 0) || first_cell_is_id(rows[k], 1);
      if (ids_follow) header = HeaderChoice{r, score};
    }
  }

  // Without a header, a table is still a table when most rows start with an id.
  std::size_t id_rows = 0;
  for (const Row& row : rows) id_rows += first_cell_is_id(row, 0) && row.cells.size() >= 2;
  if (!header && id_rows < 3) {
    layout.no_table_reason = "no header row naming action-plan columns and fewer than 3 rows starting with an action id";
    return region;
  }
  region.found = true;
  if (header) region.header_row = header->row;
  if (header && options.header_last && header->score == 99)
    for (std::size_t r = header->row; r < rows.size() && rows[r].line <= *options.header_last; ++r)
      region.header_last = r;
  return region;
}

}  // namespace plansheet::detail
