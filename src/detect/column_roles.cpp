// Pass 5, column roles: the header's labels and the body rows in; tick-mark columns and empty ones first, then
// every other column scored for every role by its header words and its values and the roles settled together
// (role_scores.cpp), then --roles. Gives false when no column holds ids.
#include <fmt/format.h>

#include <algorithm>

#include "detect/cell_types.hpp"
#include "detect/header_words.hpp"
#include "detect/passes.hpp"
#include "detect/role_scores.hpp"
#include "grammar/api.hpp"

namespace plansheet::detail {
namespace {

// What each column holds, read positionally from rows that start with an id.
struct ColumnContent {
  std::vector<ColumnProfile> kinds;
  std::vector<std::size_t> filled, ticked;
  std::vector<LooksReader> looks;
};

ColumnContent read_content(const std::vector<Row>& rows, std::size_t body_begin, std::size_t width, std::size_t id_col) {
  ColumnContent content{std::vector<ColumnProfile>(width), std::vector<std::size_t>(width, 0),
                        std::vector<std::size_t>(width, 0), std::vector<LooksReader>(width)};
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
      content.looks[c].add(text);
    }
  }
  return content;
}

// Roles content alone settles before any scoring: a column of tick marks is a target column whatever its label;
// an empty unlabelled column carries nothing. Gives which columns the assignment may still change.
std::vector<bool> settle_by_content(const ColumnContent& content, const std::string& group_label, bool headerless,
                                    std::size_t id_col, TableLayout& layout) {
  std::vector<bool> open(layout.columns.size(), false);
  int target_no = 0;
  for (std::size_t c = 0; c < layout.columns.size(); ++c) {
    ColumnSpec& col = layout.columns[c];
    const std::size_t filled = content.filled[c];
    double ticks = filled ? static_cast<double>(content.ticked[c]) / static_cast<double>(filled) : 0.0;
    if (col.role == Role::period || (headerless && c == id_col)) continue;
    if (col.role != Role::id && filled >= 2 && ticks >= 0.6) {
      if (col.role != Role::target)
        col.reason = fmt::format("content: {:.0f}% of its filled cells are tick marks", ticks * 100);
      col.role = Role::target;
      ++target_no;
      if (col.label.empty())
        col.label = group_label.empty() ? fmt::format("Target {}", target_no) : fmt::format("{} {}", group_label, target_no);
    } else if (filled == 0 && col.label.empty()) {
      col.role = Role::ignore;
      col.reason = "no label and no content";
    } else {
      open[c] = true;
    }
  }
  return open;
}

std::string looks_summary(const ColumnLooks& l) {
  struct Look {
    const char* name;
    double share;
  };
  const Look looks[] = {{"RAG words", l.rag},   {"status words", l.status}, {"repeated", l.repeated},
                        {"dates", l.dated},     {"ids", l.ids},             {"numbers", l.numbers},
                        {"initials", l.initials}, {"lists", l.lists},       {"sentences", l.medium_text},
                        {"prose", l.long_text}};
  std::string out;
  for (const Look& k : looks)
    if (k.share >= 0.3) out += fmt::format("{}{} {:.0f}%", out.empty() ? "" : ", ", k.name, k.share * 100);
  return out.empty() ? "short text" : out;
}

// The roles a column's header names. On a two-line header the column's own label says what it is and the group
// label over it only what it belongs to: "Start" under "Timescale" is a start; the group's roles count half.
std::vector<NamedRole> roles_read_from(const ColumnSpec& col) {
  if (col.group.empty() || col.label.size() <= col.group.size() + 3) return roles_named_by(col.label);
  std::vector<NamedRole> named = roles_named_by(std::string_view(col.label).substr(col.group.size() + 3));
  for (NamedRole g : roles_named_by(col.group)) {
    g.strength /= 2;
    auto same = std::find_if(named.begin(), named.end(), [&](const NamedRole& n) { return n.role == g.role; });
    if (same == named.end()) named.push_back(g);
  }
  return named;
}

// A column labelled as another column's whole text ("RAG Status (as written)" beside "RAG Status", as the
// workbook writes it) is that text, kept: taking it for a second column of the role would push the column it
// belongs to into another role.
bool is_as_written_copy(const TableLayout& layout, std::size_t c) {
  const std::string& label = layout.columns[c].label;
  if (label.size() <= as_written_suffix.size() || !label.ends_with(as_written_suffix)) return false;
  const std::string_view base = std::string_view(label).substr(0, label.size() - as_written_suffix.size());
  return std::any_of(layout.columns.begin(), layout.columns.end(), [&](const ColumnSpec& other) { return other.label == base; });
}

// Every open column scored for every role from its label and its values; the roles assigned all at once
// (role_scores.cpp). A header's role that its cells overrule is warned about.
void assign_by_evidence(const ColumnContent& content, const std::vector<bool>& open, const std::vector<Row>& rows,
                        TableLayout& layout) {
  std::vector<std::size_t> index;
  std::vector<ColumnEvidence> evidence;
  for (std::size_t c = 0; c < layout.columns.size(); ++c) {
    if (!open[c]) continue;
    if (is_as_written_copy(layout, c)) {
      ColumnSpec& col = layout.columns[c];
      col.role = Role::extra;
      col.reason = fmt::format("header '{}': the whole text beside another column's reading", col.label);
      continue;
    }
    index.push_back(c);
    const ColumnSpec& col = layout.columns[c];
    evidence.push_back({col.label, roles_read_from(col), content.looks[c].looks()});
  }
  const std::vector<RoleChoice> choices = assign_roles(evidence);
  for (std::size_t k = 0; k < index.size(); ++k) {
    ColumnSpec& col = layout.columns[index[k]];
    const ColumnEvidence& e = evidence[k];
    const RoleChoice& choice = choices[k];
    col.role = choice.role;
    col.samples = e.looks.samples;
    std::string header = e.label.empty() ? "no label"
                         : e.named.empty() ? fmt::format("header '{}' names no role", e.label)
                                           : fmt::format("header '{}'", e.label);
    col.reason = fmt::format("{}; values: {}; score {:.1f}, runner-up {} {:.1f}", header, looks_summary(e.looks),
                             choice.score, role_name(choice.runner_up), choice.runner_up_score);
    // The header named one role and the values another it never named: say so, as the reading can be wrong.
    const bool header_named_it =
        std::any_of(e.named.begin(), e.named.end(), [&](const NamedRole& n) { return n.role == choice.role; });
    if (!e.named.empty() && !header_named_it && choice.role != Role::extra)
      layout.warnings.push_back(
          {{rows[layout.header_begin].line}, "",
           fmt::format("column '{}' is headed as {} but its cells read as {}: exported as the {} column (use "
                       "--roles {}={} to keep the header's reading)",
                       e.label, role_name(e.named.front().role), role_name(choice.role), role_name(choice.role),
                       index[k] + 1, role_name(e.named.front().role))});
    if (col.role == Role::extra && col.label.empty()) col.label = fmt::format("Column {}", index[k] + 1);
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
    if (role == Role::ignore)
      layout.warnings.push_back({{0}, "", fmt::format("column {}{} is left out, as --roles {}=ignore asks", c + 1,
                                                      layout.columns[c].label.empty() ? "" : " ('" + layout.columns[c].label + "')",
                                                      c + 1), "", true});
    if (layout.columns[c].label.empty()) layout.columns[c].label = fmt::format("Column {}", c + 1);
  }
}

}  // namespace

bool settle_column_roles(const std::vector<Row>& rows, const TableRegion& region, const HeaderRead& header,
                         const Options& options, TableLayout& layout) {
  std::size_t id_col = 0;
  if (int c = column_of(layout, Role::id); c >= 0) id_col = static_cast<std::size_t>(c);
  ColumnContent content = read_content(rows, layout.body_begin, layout.columns.size(), id_col);
  const bool headerless = !region.header_row;
  if (headerless) layout.columns[id_col] = {Role::id, "ID", "content: cells start with action ids", {}};
  std::vector<bool> open = settle_by_content(content, header.group_label, headerless, id_col, layout);
  assign_by_evidence(content, open, rows, layout);
  apply_role_overrides(options, layout);
  if (column_of(layout, Role::id) < 0) {
    layout.no_table_reason = "no column of action ids found (use --roles N=id to name it)";
    return false;
  }
  return true;
}

}  // namespace plansheet::detail
