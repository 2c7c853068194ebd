// The reading options by flag name (reading_options.hpp): the one parser the command line, profiles and the web
// API share.
#include "app/reading_options.hpp"

#include <fmt/format.h>

#include "grammar/api.hpp"
#include "model/errors.hpp"
#include "model/limits.hpp"
#include "model/role_table.hpp"
#include "schedule.hpp"
#include "text/ascii.hpp"

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

namespace {

// --map "status:On track=green,At risk=amber": each word and the rating it means, checked.
std::vector<std::pair<std::string, std::string>> parse_map(const std::string& spec) {
  const std::size_t colon = spec.find(':');
  const std::string role = spec.substr(0, colon == std::string::npos ? 0 : colon);
  if (colon == std::string::npos || ascii_lower(trim(role)) != "status")
    throw usage_error(fmt::format("--map: '{}' is not status:WORD=RATING,... (e.g. --map \"status:On track=green,"
                                  "At risk=amber\"); only status words can be mapped", spec));
  std::vector<std::pair<std::string, std::string>> map;
  std::size_t start = colon + 1;
  while (start <= spec.size()) {
    std::size_t comma = spec.find(',', start);
    const std::string item = spec.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    const std::size_t eq = item.find('=');
    const std::string word = eq == std::string::npos ? "" : std::string(trim(item.substr(0, eq)));
    const std::string rating = eq == std::string::npos ? "" : std::string(trim(item.substr(eq + 1)));
    if (word.empty() || !grammar::parse_rag_name(rating))
      throw usage_error(fmt::format("--map: '{}' is not WORD=RATING with a rating such as red, amber, green or blue",
                                    trim(item)));
    map.emplace_back(word, rating);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return map;
}

// --header-rows A-B (or one line, A): the header's first and last lines.
std::pair<int, int> parse_line_range(const std::string& flag, const std::string& value) {
  const std::size_t dash = value.find('-');
  const int first = parse_int(flag, value.substr(0, dash));
  const int last = dash == std::string::npos ? first : parse_int(flag, value.substr(dash + 1));
  if (first < 1 || last < first || last - first > 9)
    throw usage_error(fmt::format("{} takes the header's first and last line, such as 5-6, not '{}'", flag, value));
  return {first, last};
}

// --table-start C6 (a cell) or 6 (a line): the table's top-left as {column, line}.
std::pair<int, int> parse_table_start(const std::string& value) {
  std::size_t letters = 0;
  while (letters < value.size() && is_ascii_alpha(value[letters])) ++letters;
  int column = 0;
  for (std::size_t i = 0; i < letters; ++i) column = column * 26 + (ascii_lower(value[i]) - 'a' + 1);
  const std::string digits = value.substr(letters);
  const bool ok = letters <= 3 && !digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos &&
                  digits.size() <= 7 && std::stoi(digits) >= 1;
  if (!ok)
    throw usage_error(fmt::format("--table-start takes the table's top-left cell, such as C6, or a line, such as 12, "
                                  "not '{}'", value));
  return {letters == 0 ? 1 : column, std::stoi(digits)};
}

}  // namespace

bool apply_reading_option(const std::string& flag, const std::function<std::string()>& take_value, Options& options) {
  const std::string& w = flag;
  auto value = [&] { return take_value(); };
  if (w == "--sheet") {
    if (options.sheet) options.more_sheets.push_back(value());
    else options.sheet = value();
  }
  else if (w == "--table") options.table = parse_int(w, value());
  else if (w == "--pages") {
    const std::string range = value();
    const std::size_t dash = range.find('-');
    const int first = parse_int(w, range.substr(0, dash));
    const int last = dash == std::string::npos ? first : parse_int(w, range.substr(dash + 1));
    if (first < 1 || last < first) throw usage_error(fmt::format("--pages takes A-B with 1 <= A <= B, not '{}'", range));
    options.pages = std::pair(first, last);
  }
  else if (w == "--header-row") {
    options.header_row = parse_int(w, value());
    options.header_last.reset();
  } else if (w == "--header-rows") {
    auto [first, last] = parse_line_range(w, value());
    options.header_row = first;
    options.header_last = last;
  } else if (w == "--table-start") options.table_start = parse_table_start(value());
  else if (w == "--section-column") {
    const int column = parse_int(w, value());
    if (column < 1) throw usage_error(fmt::format("--section-column takes a column number from 1, not '{}'", column));
    options.roles.emplace_back(column, Role::section);
  } else if (w == "--map") {
    for (auto& entry : parse_map(value())) options.status_map.push_back(std::move(entry));
  }
  else if (w == "--roles") {
    for (const auto& role : parse_roles(value())) options.roles.push_back(role);  // a later one for a column wins
  }
  else if (w == "--periods") options.periods = value();
  else if (w == "--grid") {
    options.grid = value();
    if (options.grid != "fy" && options.grid != "quarter" && options.grid != "year" && options.grid != "month")
      throw usage_error(fmt::format("--grid takes fy, quarter, year or month, not '{}'", options.grid));
  } else if (w == "--as-at") {
    options.as_at = value();
    if (!parse_iso_date(options.as_at))
      throw usage_error(fmt::format("--as-at takes a date written YYYY-MM-DD, such as 2026-03-31, not '{}'",
                                    options.as_at));
  } else if (w == "--force") options.force = true;
  else if (w == "--keep-hidden") options.keep_hidden = true;
  else if (w == "--max-input-size") options.limits.input_bytes = parse_limit(w, value(), true);
  else if (w == "--max-expanded-size") options.limits.expanded_bytes = parse_limit(w, value(), true);
  else if (w == "--max-cells") options.limits.cells = parse_limit(w, value(), false);
  else if (w == "--max-columns") options.limits.columns = parse_limit(w, value(), false);
  else if (w == "--max-line-length") options.limits.line_bytes = parse_limit(w, value(), true);
  else if (w == "--max-sheets") options.limits.sheets = parse_limit(w, value(), false);
  else if (w == "--max-repeated-cells") options.limits.repeated_cells = parse_limit(w, value(), false);
  else if (w == "--max-repeated-size") options.limits.repeated_bytes = parse_limit(w, value(), true);
  else return false;
  return true;
}

}  // namespace plansheet
