// Stage: the CSV export (RFC 4180 quoting, formula injection neutralised).
#include "export/emit_csv.hpp"

#include <algorithm>

#include "text/text_span.hpp"

namespace plansheet {
namespace {

std::string csv_field(std::string_view text) {
  std::string value(text);
  // Spreadsheet programs trim spaces on import, so a formula behind spaces is a formula too.
  std::size_t first = value.find_first_not_of(' ');
  char lead = first == std::string::npos ? '\0' : value[first];
  if (lead == '=' || lead == '+' || lead == '-' || lead == '@' || (!value.empty() && (value[0] == '\t' || value[0] == '\r')))
    value.insert(value.begin(), '\'');
  bool quote = value.find_first_of(",\"\n\r") != std::string::npos;
  if (!quote) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string emit_csv(const Plan& plan) {
  std::vector<std::string> header{"ID"};
  bool sections = false;
  for (const Action& a : plan.actions) sections = sections || !a.section.empty();
  if (sections) header.push_back("Section");
  for (const Column& c : plan.columns)
    if (c.role != Role::id && c.role != Role::period && c.role != Role::section) header.push_back(c.label);
  for (const std::string& p : plan.periods) header.push_back(p);
  std::string out;
  auto emit_row = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_field(cells[i]);
    out += "\r\n";
  };
  emit_row(header);
  for (const Action& a : plan.actions) {
    std::vector<std::string> row{a.id};
    if (sections) row.push_back(a.section);
    std::size_t target = 0, extra = 0;
    for (const Column& c : plan.columns) {
      if (c.role == Role::id || c.role == Role::period || c.role == Role::section) continue;
      if (c.role == Role::target)
        row.push_back(target < a.targets.size() && a.targets[target++] ? "\u2713" : "");
      else if (c.role == Role::extra)
        row.push_back(extra < a.extra.size() ? a.extra[extra++].second : "");
      else if (const std::string* text = a.text_of(c.role))
        row.push_back(*text);
      else
        row.push_back("");
    }
    for (const std::string& p : plan.periods)
      row.push_back(std::find(a.periods.begin(), a.periods.end(), p) != a.periods.end() ? "\u25A0" : "");
    emit_row(row);
  }
  return out;
}

}  // namespace plansheet
