// The API without HTTP (api.hpp): fields to options through the command line's own option parser, and the
// reading's explain data beside the JSON export.
#include "serve/api.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "app/reading_options.hpp"
#include "export/emit_json.hpp"
#include "model/errors.hpp"
#include "model/repair_rule.hpp"
#include "model/role_table.hpp"
#include "text/ascii.hpp"

namespace plansheet::serve {
namespace {

// The file name without any folder part: it names the plan in messages and the JSON, and is never opened.
std::string display_name(const std::string& filename) {
  const std::size_t slash = filename.find_last_of("/\\");
  const std::string name = slash == std::string::npos ? filename : filename.substr(slash + 1);
  std::string clean;
  for (char c : name)
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) clean += c;
  return clean.empty() ? "upload" : clean;
}

void apply_option(const Field& field, Options& options) {
  const std::string& name = field.name;
  if (name.rfind("max-", 0) == 0)
    throw usage_error(fmt::format("option '{}' is set by whoever runs the server, not per request "
                                  "(plansheet serve --max-upload)", name));
  if (name == "profile")
    throw usage_error("option 'profile' names a file on the server; send the profile's choices as fields instead");
  bool took_value = false;
  auto take_value = [&] {
    took_value = true;
    return field.value;
  };
  if (!apply_reading_option("--" + name, take_value, options))
    throw usage_error(fmt::format("unknown option '{}'; options are the command line's long flag names without "
                                  "the dashes, e.g. roles, sheet, header-row, periods, grid", name));
  // A switch (a flag without a value) is sent as "true".
  if (!took_value && !field.value.empty() && field.value != "true")
    throw usage_error(fmt::format("option '{}' is a switch: send it as 'true' or leave it out", name));
}

// "1 id        'Action ID': header 'Action ID'" (pipeline.cpp's column reason) in parts.
nlohmann::json column_entry(const std::string& reason, const std::string& samples) {
  nlohmann::json column = {{"position", 0}, {"role", ""}, {"label", ""}, {"reason", reason}, {"samples", samples}};
  std::string rest(trim(reason));
  std::size_t space = rest.find(' ');
  if (space == std::string::npos) return column;
  try {
    column["position"] = std::stoi(rest.substr(0, space));
  } catch (const std::exception&) {
    return column;
  }
  rest = std::string(trim(rest.substr(space)));
  space = rest.find(' ');
  if (space == std::string::npos) return column;
  column["role"] = rest.substr(0, space);
  rest = std::string(trim(rest.substr(space)));
  const std::size_t close = rest.find("': ");
  if (rest.empty() || rest[0] != '\'' || close == std::string::npos) return column;
  column["label"] = rest.substr(1, close - 1);
  column["reason"] = rest.substr(close + 3);
  return column;
}

}  // namespace

ApiRequest parse_fields(const std::vector<Field>& fields, std::uint64_t max_upload) {
  ApiRequest request;
  request.options.limits.input_bytes = max_upload;
  bool have_plan = false;
  for (const Field& field : fields) {
    if (field.name == "file" || field.name == "text") {
      if (have_plan) throw usage_error("send one plan: a 'file' part or a 'text' field, not both");
      have_plan = true;
      request.upload.name = field.name == "text" ? "pasted.txt" : display_name(field.filename);
      request.upload.bytes = field.value;
    } else if (field.name == "format") {
      if (field.value != "xlsx" && field.value != "json" && field.value != "csv")
        throw usage_error(fmt::format("format takes xlsx, json or csv, not '{}'", field.value));
      request.format = field.value;
    } else {
      apply_option(field, request.options);
    }
  }
  if (!have_plan)
    throw usage_error("no plan sent: send the file as a 'file' part or the pasted table as a 'text' field");
  if (trim(request.upload.bytes).empty()) throw usage_error(request.upload.name + ": the plan sent is empty");
  return request;
}

std::string read_answer(const Reading& reading) {
  const RunTrace& trace = reading.trace;
  nlohmann::json explain;
  explain["input"] = trace.input_kind;
  explain["evidence"] = trace.dialect_evidence;
  explain["columns"] = nlohmann::json::array();
  for (std::size_t c = 0; c < trace.column_reasons.size(); ++c)
    explain["columns"].push_back(
        column_entry(trace.column_reasons[c], c < trace.column_samples.size() ? trace.column_samples[c] : ""));
  explain["lines"] = trace.line_readings;
  explain["flags"] = trace.flags;
  // What the page offers in each column's role list, and each repair rule's sentence for the repaired cells.
  explain["roles"] = nlohmann::json::array();
  for (Role role : all_roles) explain["roles"].push_back(std::string(role_name(role)));
  explain["rules"] = nlohmann::json::object();
  for (const RepairRuleInfo& rule : repair_rules())
    explain["rules"][std::string(rule.name)] = std::string(rule.sentence);
  std::string plan = emit_json(reading.plan);
  while (!plan.empty() && plan.back() == '\n') plan.pop_back();
  const auto replace = nlohmann::json::error_handler_t::replace;  // never throw on a stray byte
  return "{\"plan\": " + plan + ",\n\"explain\": " + explain.dump(1, ' ', false, replace) + "}\n";
}

int http_status(int exit_code) {
  if (exit_code == exit_usage) return 400;
  if (exit_code == exit_input) return 422;
  return 500;
}

std::string error_body(const std::string& message) {
  return nlohmann::json{{"error", message}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace plansheet::serve
