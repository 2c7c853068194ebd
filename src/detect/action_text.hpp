// Is the table an action plan at all? A Plan in; the reason it is none out: a grid of numbers, chart data or a
// lookup table has no column whose values read as actions (words of prose).
#pragma once

#include <optional>
#include <string>

#include "model/plan.hpp"

namespace plansheet {

// The one-line reason the plan's table is no action table ("sheet 'Data' rows 1-40: no column reads as action
// text (the widest text column 'Code' averages 3 characters)"), or none when some column reads as actions: its
// values average at least 12 characters and at least a third of them are three words or more; or it is the
// action column and at least half of its values hold a word of three letters or more.
std::optional<std::string> not_an_action_table(const Plan& plan);

}  // namespace plansheet
