// The JSON export parsed back with nlohmann, for tests that look into it. Only the tests depend on nlohmann: the
// core writes its JSON as text (export/emit_json.cpp).
#pragma once

#include <nlohmann/json.hpp>

#include "export/emit_json.hpp"

namespace plansheet {

inline nlohmann::ordered_json plan_to_json(const Plan& plan) { return nlohmann::ordered_json::parse(emit_json(plan)); }

}  // namespace plansheet
