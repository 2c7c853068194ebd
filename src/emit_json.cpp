// Stage: the JSON export (CONTRACT.md). Only the roles a table has appear on its actions, in role order.
#include "emit_json.hpp"

namespace plansheet {

nlohmann::ordered_json plan_to_json(const Plan& plan) {
  using json = nlohmann::ordered_json;
  json out;
  out["source"] = plan.source;
  out["title"] = plan.title ? json(*plan.title) : json(nullptr);
  if (!plan.sheet.empty()) out["sheet"] = plan.sheet;

  json columns = json::array();
  for (const Column& c : plan.columns) columns.push_back({{"role", role_name(c.role)}, {"label", c.label}});
  out["columns"] = std::move(columns);
  out["periods"] = plan.periods;

  json actions = json::array();
  const bool has_section = plan.has_role(Role::section) ||
                           std::any_of(plan.actions.begin(), plan.actions.end(), [](const Action& a) { return !a.section.empty(); });
  for (const Action& a : plan.actions) {
    json action;
    action["id"] = a.id;
    for (Role role : all_roles) {
      if (role == Role::id) continue;
      if (role == Role::section) {
        if (has_section) action["section"] = a.section;
        continue;
      }
      if (role == Role::target) {
        if (plan.has_role(Role::target)) action["targets"] = a.targets;
        continue;
      }
      if (role == Role::rag) {
        if (plan.has_role(Role::rag) && !a.rag.empty()) action["rag"] = a.rag;
        continue;
      }
      if (!is_text_role(role) || !plan.has_role(role)) continue;
      action[std::string(role_name(role))] = *a.text_of(role);
    }
    if (!plan.periods.empty()) action["periods"] = a.periods;
    if (!a.extra.empty()) {
      json extra = json::object();
      for (const auto& [label, text] : a.extra) extra[label] = text;
      action["extra"] = std::move(extra);
    }
    action["line"] = a.line;
    actions.push_back(std::move(action));
  }
  out["actions"] = std::move(actions);

  json legend = json::array();
  for (const LegendEntry& e : plan.legend) {
    json entry{{"kind", e.kind}, {"text", e.text}};
    if (!e.colour.empty()) entry["colour"] = e.colour;
    legend.push_back(std::move(entry));
  }
  out["legend"] = std::move(legend);

  json repairs = json::array();
  for (const Repair& r : plan.repairs) {
    json entry{{"line", r.line},
               {"action", r.action_id.empty() ? json(nullptr) : json(r.action_id)},
               {"role", r.role},
               {"rule", r.rule},
               {"before", r.before},
               {"after", r.after}};
    if (!r.cell.empty()) entry["cell"] = r.cell;
    repairs.push_back(std::move(entry));
  }
  out["repairs"] = std::move(repairs);

  json warnings = json::array();
  for (const Diagnostic& d : plan.warnings) {
    json entry{{"line", d.line}, {"action", d.action_id.empty() ? json(nullptr) : json(d.action_id)}, {"message", d.message}};
    if (!d.cell.empty()) entry["cell"] = d.cell;
    if (d.note) entry["note"] = true;
    warnings.push_back(std::move(entry));
  }
  out["warnings"] = std::move(warnings);

  json removed = json::array();
  for (const Removal& r : plan.removed) removed.push_back({{"line", r.line}, {"reason", r.reason}, {"text", r.text}});
  out["removed"] = std::move(removed);
  return out;
}

std::string emit_json(const Plan& plan) {
  // Invalid UTF-8 cannot reach here (the loaders repair it), but never let the export throw on it.
  return plan_to_json(plan).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace plansheet
