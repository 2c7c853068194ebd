// Stage: the JSON export (CONTRACT.md): one object per input with columns, periods, actions, legend, repairs,
// warnings and removed lines.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "model.hpp"

namespace plansheet {

std::string emit_json(const Plan& plan);  // pretty-printed, UTF-8, trailing newline
// The export parsed back, for callers that look into it.
nlohmann::ordered_json plan_to_json(const Plan& plan);

}  // namespace plansheet
