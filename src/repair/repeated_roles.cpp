// Columns given a role an earlier column already has (see repeated_roles.hpp).
#include "repair/repeated_roles.hpp"

#include <fmt/format.h>

#include <map>

namespace plansheet {

std::vector<bool> columns_repeating_a_role(const std::vector<ColumnSpec>& columns, std::vector<Diagnostic>& warnings) {
  std::vector<bool> repeats;
  std::map<Role, std::size_t> first;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const ColumnSpec& column = columns[c];
    const bool many = column.role == Role::extra || column.role == Role::ignore || column.role == Role::target ||
                      column.role == Role::period;
    auto [at, fresh] = first.emplace(column.role, c);
    repeats.push_back(!many && !fresh);
    if (!many && !fresh)
      warnings.push_back({{}, "", fmt::format("columns {} and {} are both {}; column {} ('{}') is kept under extra, "
                                              "not merged",
                                              at->second + 1, c + 1, role_name(column.role), c + 1, column.label)});
  }
  return repeats;
}

}  // namespace plansheet
