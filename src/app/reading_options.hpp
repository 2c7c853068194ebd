// The reading options (pipeline.hpp's Options) by flag name, parsed in one place for the command line, a profile
// file and the web API, so each takes the same names and gives the same messages.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline.hpp"

namespace plansheet {

// Applies `flag` ("--roles", "--sheet", ...) to `options`, taking its value from `take_value` when the flag has
// one. Returns false when `flag` is no reading option (the caller's own, or unknown); throws usage_error on a bad
// value.
bool apply_reading_option(const std::string& flag, const std::function<std::string()>& take_value, Options& options);

// The role names, joined by `separator`, for help text and messages.
std::string role_names(std::string_view separator);

int parse_int(const std::string& flag, const std::string& value);
// A limit flag's value: a size with K, M or G (bytes otherwise), or a plain count; at least 1.
std::uint64_t parse_limit(const std::string& flag, const std::string& value, bool size);
std::vector<std::pair<int, Role>> parse_roles(const std::string& spec);

}  // namespace plansheet
