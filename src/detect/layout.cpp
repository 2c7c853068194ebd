// Stage: detect the layout of a table: title, keys, header rows, and a role for every column, as numbered passes
// (each in its own file under detect/, each a set of candidates and a written scoring rule). Trust, highest first:
// user overrides; header labels by synonym; then each column's content.
#include "detect/layout.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "detect/passes.hpp"

namespace plansheet {
namespace {

// Labels name columns in the exports: two columns with one label ("Comment", "Comment") get " (2)" and so on.
void number_repeated_labels(TableLayout& layout) {
  std::vector<std::string> as_written;
  for (const ColumnSpec& col : layout.columns) as_written.push_back(col.role == Role::ignore ? "" : col.label);
  for (std::size_t c = 0; c < layout.columns.size(); ++c) {
    if (as_written[c].empty()) continue;
    int same = 1;
    for (std::size_t d = 0; d < c; ++d) same += as_written[d] == as_written[c];
    if (same > 1) layout.columns[c].label += fmt::format(" ({})", same);
  }
}

// The detection as the flags that reproduce it.
void explain(const std::vector<Row>& rows, const detail::TableRegion& region, TableLayout& layout) {
  if (region.header_row) layout.explain.push_back(fmt::format("--header-row {}", rows[*region.header_row].line));
  std::string roles_flag;
  for (std::size_t c = 0; c < layout.columns.size(); ++c) {
    if (layout.columns[c].role == Role::ignore) continue;
    roles_flag += fmt::format("{}{}={}", roles_flag.empty() ? "" : ",", c + 1, role_name(layout.columns[c].role));
  }
  layout.explain.push_back("--roles " + roles_flag);
}

}  // namespace

int column_of(const TableLayout& layout, Role role) {
  for (std::size_t c = 0; c < layout.columns.size(); ++c)
    if (layout.columns[c].role == role) return static_cast<int>(c);
  return -1;
}

TableLayout detect_layout(const RawTable& table, const Options& options) {
  TableLayout layout;
  const std::vector<Row>& rows = table.rows;
  // 1. Dialect: how cells are separated, sniffed by the loader (detect/dialect.cpp for a paste,
  //    detect/csv_dialect.cpp for CSV); the rows arrive split into cells.
  // 2. Sheet choice: which sheet of a workbook holds the table, scored by the loader (detect/sheet_choice.cpp).
  // 3. Table region: the header row, or rows starting with ids and no header; or no table at all.
  detail::TableRegion region = detail::find_table_region(rows, options, layout);
  if (!region.found) return layout;
  // 4. Header: the header's lines, the table's width, each column's label and the role the label names.
  detail::HeaderRead header = detail::read_header(rows, region, layout);
  // 5. Column roles: settled by each column's content, one column per role, then --roles.
  if (!detail::settle_column_roles(rows, region, header, options, layout)) return layout;
  // 6. Title and key: the title, the keys (legends) and the prose before the header.
  detail::read_title_and_key(rows, header.pre_header_end, layout, table.own_title_line);
  // 6b. The key after the table: its rows join the legend and are no part of any action.
  detail::read_key_after_table(rows, layout);
  // A workbook plansheet wrote: the key its Key sheet keeps (its title block, set aside, holds none of the plan's).
  layout.legend.insert(layout.legend.begin(), table.own_legend.begin(), table.own_legend.end());

  // --map: the user's status ratings come first, so that they win over the plan's key and the usual scale.
  std::vector<LegendEntry> given;
  for (const auto& [word, rating] : options.status_map) {
    std::string text = fmt::format("{} = {} (given by --map on the command line)", word, rating);
    // Read back from a workbook written with the same --map, it is there already.
    if (std::any_of(layout.legend.begin(), layout.legend.end(), [&](const LegendEntry& e) { return e.text == text; }))
      continue;
    given.push_back({LegendKind::status, std::move(text), "", 0, {{word, rating}}});
  }
  layout.legend.insert(layout.legend.begin(), given.begin(), given.end());

  number_repeated_labels(layout);
  explain(rows, region, layout);
  // The choices given that detection does not make, so that the flags printed reproduce the reading.
  if (options.table_start)
    layout.explain.insert(layout.explain.begin(), fmt::format("--table-start {}{}", column_letters(options.table_start->first),
                                                              options.table_start->second));
  std::string map_flag;
  for (const auto& [word, rating] : options.status_map) map_flag += (map_flag.empty() ? "" : ",") + word + "=" + rating;
  if (!map_flag.empty()) layout.explain.push_back("--map status:" + map_flag);
  layout.has_table = true;
  return layout;
}

}  // namespace plansheet
