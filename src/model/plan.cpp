// Small helpers of the value types in plan.hpp: role names, per-role access to an action's text, and the printed
// names of legend kinds and removal reasons.
#include "model/plan.hpp"

#include <algorithm>
#include <array>

namespace plansheet {

std::string_view role_name(Role role) {
  switch (role) {
    case Role::id: return "id";
    case Role::section: return "section";
    case Role::objective: return "objective";
    case Role::action: return "action";
    case Role::lead: return "lead";
    case Role::partners: return "partners";
    case Role::start: return "start";
    case Role::end: return "end";
    case Role::timescale: return "timescale";
    case Role::stage: return "stage";
    case Role::status: return "status";
    case Role::rag: return "rag";
    case Role::update: return "update";
    case Role::target: return "target";
    case Role::period: return "period";
    case Role::extra: return "extra";
    case Role::ignore: return "ignore";
  }
  return "extra";
}

std::optional<Role> role_from_name(std::string_view name) {
  for (Role role : all_roles)
    if (role_name(role) == name) return role;
  if (name == "targets") return Role::target;
  if (name == "periods") return Role::period;
  return std::nullopt;
}

bool is_text_role(Role role) {
  return role != Role::target && role != Role::period && role != Role::extra && role != Role::ignore;
}

std::string* Action::text_of(Role role) {
  return const_cast<std::string*>(static_cast<const Action&>(*this).text_of(role));
}

const std::string* Action::text_of(Role role) const {
  switch (role) {
    case Role::id: return &id;
    case Role::section: return &section;
    case Role::objective: return &objective;
    case Role::action: return &action;
    case Role::lead: return &lead;
    case Role::partners: return &partners;
    case Role::start: return &start;
    case Role::end: return &end;
    case Role::timescale: return &timescale;
    case Role::stage: return &stage;
    case Role::status: return &status;
    case Role::rag: return &rag;
    case Role::update: return &update;
    default: return nullptr;
  }
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

// ---------------------------------------------------------------- printed names of the log and legend kinds

namespace {

// Indexed by the enumerator: one name per kind, as the exports print it.
constexpr std::array<std::string_view, 6> legend_kind_names = {"rag", "stage", "status", "gantt", "note", "heading"};
static_assert(static_cast<std::size_t>(LegendKind::heading) + 1 == legend_kind_names.size());

constexpr std::array<std::string_view, 18> removal_reason_names = {
    "markdown rule",
    "furniture",
    "title lead-in",
    "header group",
    "header",
    "markdown heading marker",
    "prose",
    "bullet markers",
    "hidden row",
    "repeated header",
    "row printed twice",
    "text between the header and the first action",
    "text in the id column of a continuation line",
    "section label",
    "section heading as written",
    "not a tick mark",
    "section heading with no actions",
    "marks read as ticks or periods",
};
static_assert(static_cast<std::size_t>(RemovalReason::tick_and_period_marks) + 1 == removal_reason_names.size());

}  // namespace

std::string_view legend_kind_name(LegendKind kind) { return legend_kind_names[static_cast<std::size_t>(kind)]; }

std::string_view removal_reason_name(RemovalReason reason) {
  return removal_reason_names[static_cast<std::size_t>(reason)];
}

std::string removal_reason_text(const Removal& removal) {
  std::string text(removal_reason_name(removal.reason));
  if (removal.reason == RemovalReason::duplicate_row)
    text += " (merged into line " + std::to_string(removal.merged_into) + ")";
  return text;
}

}  // namespace plansheet
