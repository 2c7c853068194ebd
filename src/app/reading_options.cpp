// The reading options by flag name (reading_options.hpp): the one parser the command line, profiles and the web
// API share.
#include "app/reading_options.hpp"

#include <fmt/format.h>

#include "model/errors.hpp"
#include "model/limits.hpp"
#include "model/role_table.hpp"

namespace plansheet {

// Every column role's name, from the role table.
std::string role_names(std::string_view separator) {
  std::string names;
  for (Role role : all_roles) names += (names.empty() ? "" : std::string(separator)) + std::string(role_name(role));
  return names;
}

int parse_int(const std::string& flag, const std::string& value) {
  try {
    std::size_t used = 0;
    int n = std::stoi(value, &used);
    if (used == value.size() && n >= 0) return n;
  } catch (const std::exception&) {
  }
  throw usage_error(fmt::format("{} takes a whole number, not '{}'", flag, value));
}

// A limit flag's value: a size with K, M or G (bytes otherwise), or a plain count; at least 1.
std::uint64_t parse_limit(const std::string& flag, const std::string& value, bool size) {
  std::uint64_t n = 0;
  const bool digits = !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
  if ((size ? parse_size(value, n) : (digits && parse_size(value, n))) && n > 0) return n;
  throw usage_error(fmt::format("{} takes {}, not '{}'", flag,
                                size ? "a size such as 64M, 1G or 500K" : "a whole number above 0", value));
}

std::vector<std::pair<int, Role>> parse_roles(const std::string& spec) {
  std::vector<std::pair<int, Role>> roles;
  std::size_t start = 0;
  while (start <= spec.size()) {
    std::size_t comma = spec.find(',', start);
    std::string item = spec.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    std::size_t eq = item.find('=');
    if (eq == std::string::npos)
      throw usage_error(fmt::format("--roles: '{}' is not N=ROLE (e.g. --roles 1=id,2=action)", item));
    int position = parse_int("--roles", item.substr(0, eq));
    auto role = role_from_name(item.substr(eq + 1));
    if (!role || position < 1)
      throw usage_error(fmt::format("--roles: '{}' names no column role; roles are {}", item, role_names(", ")));
    roles.emplace_back(position, *role);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return roles;
}

bool apply_reading_option(const std::string& flag, const std::function<std::string()>& take_value, Options& options) {
  const std::string& w = flag;
  auto value = [&] { return take_value(); };
  if (w == "--sheet") options.sheet = value();
  else if (w == "--header-row") options.header_row = parse_int(w, value());
  else if (w == "--roles") options.roles = parse_roles(value());
  else if (w == "--periods") options.periods = value();
  else if (w == "--grid") {
    options.grid = value();
    if (options.grid != "fy" && options.grid != "quarter" && options.grid != "year")
      throw usage_error(fmt::format("--grid takes fy, quarter or year, not '{}'", options.grid));
  } else if (w == "--max-input-size") options.limits.input_bytes = parse_limit(w, value(), true);
  else if (w == "--max-expanded-size") options.limits.expanded_bytes = parse_limit(w, value(), true);
  else if (w == "--max-cells") options.limits.cells = parse_limit(w, value(), false);
  else if (w == "--max-columns") options.limits.columns = parse_limit(w, value(), false);
  else if (w == "--max-line-length") options.limits.line_bytes = parse_limit(w, value(), true);
  else if (w == "--max-sheets") options.limits.sheets = parse_limit(w, value(), false);
  else return false;
  return true;
}

}  // namespace plansheet
