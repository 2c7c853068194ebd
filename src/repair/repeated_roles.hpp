// Columns given a role that an earlier column already has: the layout's columns in, for each column whether it
// repeats a one-value role out (with one warning per such column).
#pragma once

#include <vector>

#include "detect/layout.hpp"

namespace plansheet {

// An action holds one value per role, so when two columns are given one role (a --roles choice naming a second
// "partners", say), the later column's text is kept under extra by its own label rather than overwrite the first.
// Roles with many columns (extra, ignore, target, period) never repeat.
std::vector<bool> columns_repeating_a_role(const std::vector<ColumnSpec>& columns, std::vector<Diagnostic>& warnings);

}  // namespace plansheet
