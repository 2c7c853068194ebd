// Small helpers of the value types in plan.hpp: per-role access to an action's text (through the role table),
// the plan's questions about its columns and warnings, sheet cell references of source positions, and the printed
// names of legend kinds and removal reasons.
#include "model/plan.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace plansheet {

std::string* Action::text_of(Role role) {
  std::string Action::*text = role_row(role).text;
  return text ? &(this->*text) : nullptr;
}

const std::string* Action::text_of(Role role) const {
  std::string Action::*text = role_row(role).text;
  return text ? &(this->*text) : nullptr;
}

bool Plan::has_role(Role role) const {
  return std::any_of(columns.begin(), columns.end(), [role](const Column& c) { return c.role == role; });
}

std::size_t Plan::doubt_count() const {
  return static_cast<std::size_t>(
      std::count_if(warnings.begin(), warnings.end(), [](const Diagnostic& d) { return !d.note; }));
}

std::vector<std::string> Plan::target_labels() const {
  std::vector<std::string> labels;
  for (const Column& c : columns)
    if (c.role == Role::target) labels.push_back(c.label);
  return labels;
}

// ---------------------------------------------------------------- source positions

std::string column_letters(int column) {
  std::string out;
  while (column > 0) {
    int rem = (column - 1) % 26;
    out.insert(out.begin(), static_cast<char>('A' + rem));
    column = (column - 1) / 26;
  }
  return out;
}

int SourceParts::of_line(int line) const {
  // The last part starting at or before the line: a binary search, so naming every line of a plan stays cheap.
  auto it = std::upper_bound(parts.begin(), parts.end(), line,
                             [](int l, const SourcePart& part) { return l < part.first_line; });
  if (it == parts.begin()) return 0;
  --it;
  return line <= it->last_line ? it->number : 0;
}

std::string source_cell_ref(std::string_view sheet, SourcePos pos) {
  if (sheet.empty() || pos.column <= 0) return {};
  const std::string letters = column_letters(pos.column);
  std::string ref(sheet);
  ref += '!';
  ref += letters;
  ref += pos.line > 0 ? std::to_string(pos.line) : ":" + letters;
  return ref;
}

// ---------------------------------------------------------------- printed names of legend kinds and removal reasons

namespace {

template <typename Enum, std::size_t n>
using NameTable = std::array<std::pair<Enum, std::string_view>, n>;

// A table holds one entry per enumerator, in enumerator order, so an enumerator is its index.
template <typename Enum, std::size_t n>
constexpr bool in_enumerator_order(const NameTable<Enum, n>& table) {
  for (std::size_t i = 0; i < n; ++i)
    if (static_cast<std::size_t>(table[i].first) != i) return false;
  return true;
}

constexpr NameTable<LegendKind, 6> legend_kind_names = {{
    {LegendKind::rag, "rag"},
    {LegendKind::stage, "stage"},
    {LegendKind::status, "status"},
    {LegendKind::gantt, "gantt"},
    {LegendKind::note, "note"},
    {LegendKind::heading, "heading"},
}};
static_assert(in_enumerator_order(legend_kind_names));

using RR = RemovalReason;
constexpr NameTable<RemovalReason, 24> removal_reason_names = {{
    {RR::markdown_rule, "markdown rule"},
    {RR::furniture, "furniture"},
    {RR::title_lead_in, "title lead-in"},
    {RR::letterhead, "letterhead"},
    {RR::header_group, "header group"},
    {RR::header, "header"},
    {RR::markdown_heading_marker, "markdown heading marker"},
    {RR::prose, "prose"},
    {RR::bullet_markers, "bullet markers"},
    {RR::hidden_row, "hidden row"},
    {RR::repeated_header, "repeated header"},
    {RR::page_number, "page number"},
    {RR::running_header, "running header"},
    {RR::totals_row, "totals under the table"},
    {RR::under_table, "key or notes under the table"},
    {RR::duplicate_row, "row printed twice"},
    {RR::before_first_action, "text between the header and the first action"},
    {RR::id_column_of_continuation, "text in the id column of a continuation line"},
    {RR::section_label, "section label"},
    {RR::section_heading_as_written, "section heading as written"},
    {RR::not_a_tick_mark, "not a tick mark"},
    {RR::empty_section, "section heading with no actions"},
    {RR::tick_and_period_marks, "marks read as ticks or periods"},
    {RR::other_table, "another table, left out"},
}};
static_assert(in_enumerator_order(removal_reason_names));

}  // namespace

std::string_view legend_kind_name(LegendKind kind) {
  return legend_kind_names[static_cast<std::size_t>(kind)].second;
}

std::optional<LegendKind> legend_kind_named(std::string_view name) {
  for (const auto& [kind, kind_name] : legend_kind_names)
    if (kind_name == name) return kind;
  return std::nullopt;
}

std::string_view removal_reason_name(RemovalReason reason) {
  return removal_reason_names[static_cast<std::size_t>(reason)].second;
}

std::string removal_reason_text(const Removal& removal) {
  std::string text(removal_reason_name(removal.reason));
  if (removal.reason == RemovalReason::duplicate_row)
    text += " (merged into line " + std::to_string(removal.merged_into) + ")";
  return text;
}

}  // namespace plansheet
