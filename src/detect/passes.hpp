// The passes of detect_layout after the loaders' two (dialect, sheet choice), in the order layout.cpp runs them.
// Each takes the rows and what the passes before it gave, and fills in its part of the TableLayout.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "detect/layout.hpp"

namespace plansheet::detail {

// The row has an action id in cell `id_col` (table_region.cpp; read by passes 3 to 5).
bool first_cell_is_id(const Row& row, std::size_t id_col);

// What pass 3 gives: where the table is.
struct TableRegion {
  bool found = false;                     // false: layout.no_table_reason says why
  std::optional<std::size_t> header_row;  // index into rows; none when rows starting with ids stand alone
  std::optional<std::size_t> header_last;  // --header-rows A-B: the index of B, the header's last row
};

// What pass 4 gives besides the columns it labels.
struct HeaderRead {
  std::string group_label;         // a short label over the header ("TARGETS" over a tick matrix), or ""
  std::size_t pre_header_end = 0;  // rows before this index come before the table: title, keys, prose
};

// 3. table_region.cpp
TableRegion find_table_region(const std::vector<Row>& rows, const Options& options, TableLayout& layout);
// 4. header_pass.cpp
HeaderRead read_header(const std::vector<Row>& rows, const TableRegion& region, TableLayout& layout);
// 5. column_roles.cpp: false when no column holds ids (layout.no_table_reason says so).
bool settle_column_roles(const std::vector<Row>& rows, const TableRegion& region, const HeaderRead& header,
                         const Options& options, TableLayout& layout);
// 6. title_and_key.cpp
// `own_title_line`: in a workbook plansheet wrote, the row of the title it wrote (0 otherwise), taken as the title.
void read_title_and_key(const std::vector<Row>& rows, std::size_t pre_header_end, TableLayout& layout,
                        int own_title_line = 0);

// 6b. key_block.cpp: the plan's key in the rows after the last action, into layout.legend; its rows go to
// layout.key_rows so that reassembly leaves them alone.
void read_key_after_table(const std::vector<Row>& rows, TableLayout& layout);

// One line of a key read as what it defines: "Key to timescales: S = short term; M = medium term" ->
// heading "Key to timescales:", {{"S", "short term"}, {"M", "medium term"}}. `defines` is empty when the line is
// not a run of "term = meaning" definitions (text before the first one, a long term, an empty meaning).
struct KeyLine {
  std::string heading;       // a label naming the key before ':', "" when none
  std::optional<LegendKind> heading_kind;  // its kind (legend_heading_kind), none when no label
  std::vector<std::pair<std::string, std::string>> defines;
};
KeyLine read_key_line(std::string_view line);
// The kind of a legend entry from what it defines: "status" when status words are given colours ("On track =
// Green"), "rag" when colours are explained ("Green = on track"), else the open key's kind or "note". `colour` is
// the colour named when the entry defines one term.
LegendKind legend_entry_kind(const std::vector<std::pair<std::string, std::string>>& defines,
                             std::optional<LegendKind> block_kind, std::string& colour);
// A short text naming a legend ("Key", "RAG rating key", "Allwedd / Key", "Stages:"): the legend kind it opens.
std::optional<LegendKind> legend_heading_kind(std::string_view text);

// A key written into a header cell, "RAG Status Green = on track Yellow = delayed ...": one legend entry per
// colour goes to `legend`; gives the label without it ("RAG Status"). In title_and_key.cpp, used by pass 4.
std::string split_embedded_legend(const std::string& label, std::vector<LegendEntry>& legend);

}  // namespace plansheet::detail
