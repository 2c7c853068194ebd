// Small helpers of the value types in plan.hpp: per-role access to an action's text (through the role table),
// and the plan's questions about its columns and warnings.
#include "model/plan.hpp"

#include <algorithm>

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

}  // namespace plansheet
