// Test tool: writes the hand-built sample Plans as workbooks (OUTDIR/<name>.xlsx) with a manifest of what each
// Plan holds (OUTDIR/<name>.json), so read-back tests can check the files against the Plan, not the layout.
// Usage: make_workbooks OUTDIR [NAME...]
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/errors.hpp"
#include "sample_plans.hpp"
#include "xlsx/writer.hpp"

namespace {

nlohmann::json manifest(const plansheet::Plan& plan) {
  using nlohmann::json;
  json m;
  m["title"] = plan.title ? json(*plan.title) : json(nullptr);
  m["source"] = plan.source;
  m["periods"] = plan.periods;
  m["targets"] = plan.target_labels();
  json columns = json::array();
  for (const plansheet::Column& c : plan.columns)
    columns.push_back({{"role", std::string(plansheet::role_name(c.role))}, {"label", c.label}});
  m["columns"] = columns;
  json actions = json::array();
  for (const plansheet::Action& a : plan.actions) {
    actions.push_back({{"id", a.id},
                       {"section", a.section},
                       {"action", a.action},
                       {"status", a.status},
                       {"stage", a.stage},
                       {"start", a.start},
                       {"end", a.end},
                       {"rag", a.rag},
                       {"rag_colour", a.rag_colour},
                       {"targets", a.targets},
                       {"periods", a.periods},
                       {"ongoing", a.interval && a.interval->ongoing},
                       {"line", a.line}});
  }
  m["actions"] = actions;
  json repairs = json::array();
  for (const plansheet::Repair& r : plan.repairs)
    repairs.push_back({{"action", r.action_id}, {"role", r.role}, {"before", r.before}, {"after", r.after},
                       {"rule", plansheet::rule_name(r.rule)}, {"line", r.pos.line}});
  m["repairs"] = repairs;
  m["warnings"] = plan.warnings.size();
  json legend = json::array();
  for (const plansheet::LegendEntry& e : plan.legend) legend.push_back({{"kind", plansheet::legend_kind_name(e.kind)}, {"text", e.text}});
  m["legend"] = legend;
  return m;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs("usage: make_workbooks OUTDIR [NAME...]\n", stderr);
    return 2;
  }
  const std::string dir = argv[1];
  std::vector<std::string> wanted(argv + 2, argv + argc);
  try {
    for (const auto& [name, plan] : plansheet::test_plans::all_plans()) {
      if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), name) == wanted.end()) continue;
      plansheet::xlsx::write_workbook(plan, dir + "/" + name + ".xlsx");
      std::ofstream(dir + "/" + name + ".json") << manifest(plan).dump(2) << "\n";
    }
  } catch (const plansheet::Error& e) {
    std::fprintf(stderr, "make_workbooks: %s\n", e.what());
    return e.code();
  }
  return 0;
}
