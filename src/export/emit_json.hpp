// Stage: the JSON export (CONTRACT.md): one object per input with columns, periods, actions, legend, repairs,
// warnings and removed lines.
#pragma once

#include <string>

#include "model/plan.hpp"

namespace plansheet {

std::string emit_json(const Plan& plan);  // pretty-printed, UTF-8, trailing newline

}  // namespace plansheet
