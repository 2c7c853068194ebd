// Pass 5, column roles: the roles the header named and the body rows in; each column's role settled by what its
// cells hold (tick marks, commentary, prose), one column per role, then --roles. Gives false when no column holds ids.
#include <fmt/format.h>

#include "detect/cell_types.hpp"
#include "detect/passes.hpp"
#include "grammar/api.hpp"

namespace plansheet::detail {
namespace {

// What each column holds, read positionally from rows that start with an id.
struct ColumnContent {
  std::vector<ColumnProfile> kinds;
  std::vector<std::size_t> filled, ticked;
};

ColumnContent read_content(const std::vector<Row>& rows, std::size_t body_begin, std::size_t width, std::size_t id_col) {
  ColumnContent content{std::vector<ColumnProfile>(width), std::vector<std::size_t>(width, 0),
                        std::vector<std::size_t>(width, 0)};
  // Rows that fit the width exactly are read; when none do (every row damaged), all id rows are.
  auto fits = [&](const Row& row) {
    if (row.cells.size() < width) return false;
    for (std::size_t c = width; c < row.cells.size(); ++c)
      if (!row.cells[c].text.empty()) return false;
    return true;
  };
  bool any_fit = false;
  for (std::size_t r = body_begin; r < rows.size() && !any_fit; ++r) any_fit = first_cell_is_id(rows[r], id_col) && fits(rows[r]);
  for (std::size_t r = body_begin; r < rows.size(); ++r) {
    if (!first_cell_is_id(rows[r], id_col) || (any_fit && !fits(rows[r]))) continue;
    for (std::size_t c = 0; c < width; ++c) {
      std::string_view text = c < rows[r].cells.size() ? std::string_view(rows[r].cells[c].text) : std::string_view();
      content.kinds[c].add(cell_kinds(text));
      content.filled[c] += !text.empty();
      content.ticked[c] += !text.empty() && grammar::parse_tick_cell(text).value_or(false);
    }
  }
  return content;
}

// Content over the header: a column of tick marks is a target column whatever its label, a "RAG" column of prose
// is commentary, an empty unlabelled column carries nothing.
void weigh_content(const ColumnContent& content, const std::vector<Row>& rows, const std::string& group_label,
                   TableLayout& layout) {
  auto non_empty_share = [&](std::size_t c, CellKind k) {
    double empty = content.kinds[c].share(CellKind::empty);
    return empty >= 1.0 ? 0.0 : content.kinds[c].share(k) / (1.0 - empty);
  };
  int target_no = 0;
  for (std::size_t c = 0; c < layout.columns.size(); ++c) {
    ColumnSpec& col = layout.columns[c];
    const std::size_t filled = content.filled[c];
    double ticks = filled ? static_cast<double>(content.ticked[c]) / static_cast<double>(filled) : 0.0;
    double prose = non_empty_share(c, CellKind::long_text) + non_empty_share(c, CellKind::medium_text);
    if (col.role != Role::id && col.role != Role::period && filled >= 2 && ticks >= 0.6) {
      if (col.role != Role::target)
        col.reason = fmt::format("content: {:.0f}% of its filled cells are tick marks", ticks * 100);
      col.role = Role::target;
      ++target_no;
      if (col.label.empty())
        col.label = group_label.empty() ? fmt::format("Target {}", target_no) : fmt::format("{} {}", group_label, target_no);
    } else if (col.role == Role::rag && filled >= 2 && non_empty_share(c, CellKind::rag) < 0.3 && prose >= 0.5) {
      col.role = Role::update;
      col.reason = fmt::format("header '{}' but the cells hold commentary, not RAG words", col.label);
      layout.warnings.push_back({{rows[layout.header_begin].line}, "",
                                 fmt::format("column '{}' holds progress commentary rather than RAG ratings: exported "
                                             "as the update column",
                                             col.label)});
    } else if (col.role == Role::extra && filled == 0 && col.label.empty()) {
      col.role = Role::ignore;
      col.reason = "no label and no content";
    } else if (col.role == Role::extra && col.label.empty()) {
      col.label = fmt::format("Column {}", c + 1);
    }
  }
}

// A table with no action column: the column with the most long text is it.
void find_action_column(const ColumnContent& content, TableLayout& layout) {
  if (column_of(layout, Role::action) >= 0) return;
  const std::size_t width = layout.columns.size();
  std::size_t best = width;
  double best_share = 0.2;
  for (std::size_t c = 0; c < width; ++c) {
    if (layout.columns[c].role != Role::extra) continue;
    double share = content.kinds[c].share(CellKind::long_text) + content.kinds[c].share(CellKind::medium_text);
    if (share > best_share) best = c, best_share = share;
  }
  if (best < width) {
    layout.columns[best].role = Role::action;
    layout.columns[best].reason = "content: the column with the most prose";
  }
}

// One column per single role: a second "update" column keeps its text under its own label.
void one_column_per_role(TableLayout& layout) {
  for (std::size_t c = 0; c < layout.columns.size(); ++c) {
    Role role = layout.columns[c].role;
    if (role == Role::target || role == Role::period || role == Role::extra || role == Role::ignore) continue;
    for (std::size_t d = 0; d < c; ++d)
      if (layout.columns[d].role == role) {
        layout.columns[c].role = Role::extra;
        layout.columns[c].reason += fmt::format("; role {} already taken by column {}", role_name(role), d + 1);
        break;
      }
  }
}

// User overrides win.
void apply_role_overrides(const Options& options, TableLayout& layout) {
  for (auto [position, role] : options.roles) {
    if (position < 1) continue;
    auto c = static_cast<std::size_t>(position - 1);
    if (c >= layout.columns.size()) layout.columns.resize(c + 1);
    layout.columns[c].role = role;
    layout.columns[c].reason = "--roles";
    if (layout.columns[c].label.empty()) layout.columns[c].label = fmt::format("Column {}", c + 1);
  }
}

}  // namespace

bool settle_column_roles(const std::vector<Row>& rows, const TableRegion& region, const HeaderRead& header,
                         const Options& options, TableLayout& layout) {
  std::size_t id_col = 0;
  if (int c = column_of(layout, Role::id); c >= 0) id_col = static_cast<std::size_t>(c);
  ColumnContent content = read_content(rows, layout.body_begin, layout.columns.size(), id_col);
  if (!region.header_row) layout.columns[id_col] = {Role::id, "ID", "content: cells start with action ids"};
  weigh_content(content, rows, header.group_label, layout);
  find_action_column(content, layout);
  one_column_per_role(layout);
  apply_role_overrides(options, layout);
  if (column_of(layout, Role::id) < 0) {
    layout.no_table_reason = "no column of action ids found (use --roles N=id to name it)";
    return false;
  }
  return true;
}

}  // namespace plansheet::detail
