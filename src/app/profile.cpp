// Profiles (profile.hpp): a JSON object (or TOML table) of reading flags in, Options out; the detected flags in, a
// JSON profile out.
#include "app/profile.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <toml++/toml.h>

#include "app/reading_options.hpp"
#include "model/errors.hpp"
#include "text/ascii.hpp"

namespace plansheet {
namespace {

// One key's value (a string, or true for a switch) through the shared parser.
void apply_entry(const std::string& path, const std::string& key, const nlohmann::json& value, Options& options) {
  const std::string flag = "--" + key;
  bool taken = false;
  auto take = [&]() -> std::string {
    if (!value.is_string())
      throw usage_error(fmt::format("{}: key '{}' takes a string (or an array of strings where the flag may be "
                                    "repeated), not {}", path, key, value.dump()));
    taken = true;
    return value.get<std::string>();
  };
  try {
    if (!apply_reading_option(flag, take, options))
      throw usage_error(fmt::format("{}: unknown key '{}'; a profile's keys are the reading flags without their dashes "
                                    "(roles, sheet, map, header-row, ...; see 'plansheet --help')", path, key));
  } catch (const Error& e) {
    const std::string message = e.what();
    if (message.rfind(path + ":", 0) == 0) throw;
    throw usage_error(fmt::format("{}: key '{}': {}", path, key, message));
  }
  if (value.is_boolean() && !value.get<bool>())
    throw usage_error(fmt::format("{}: key '{}' is a switch: give it true, or leave the key out", path, key));
  if (!taken && !value.is_boolean())
    throw usage_error(fmt::format("{}: key '{}' is a switch: give it true, not {}", path, key, value.dump()));
}

// A TOML profile as the JSON object it stands for: strings, switches, arrays of strings and the version number.
nlohmann::json from_toml(const std::string& path, const std::string& text) {
  toml::table table;
  try {
    table = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    throw usage_error(fmt::format("{}: not a profile: TOML error at line {}: {}", path, e.source().begin.line,
                                  e.description()));
  }
  std::function<nlohmann::json(const toml::node&)> value = [&](const toml::node& node) -> nlohmann::json {
    if (auto s = node.value<std::string>(); s && node.is_string()) return *s;
    if (node.is_boolean()) return *node.value<bool>();
    if (node.is_integer()) return *node.value<std::int64_t>();
    if (const toml::array* items = node.as_array()) {
      nlohmann::json out = nlohmann::json::array();
      for (const toml::node& item : *items) out.push_back(value(item));
      return out;
    }
    return nlohmann::json::object();  // a table or a date: refused by the key's check as no string
  };
  nlohmann::json profile = nlohmann::json::object();
  for (const auto& [key, node] : table) profile[std::string(key.str())] = value(node);
  return profile;
}

bool is_toml(const std::string& path) {
  return path.size() >= 5 && ascii_lower(std::string_view(path).substr(path.size() - 5)) == ".toml";
}

}  // namespace

void apply_profile(const std::string& path, Options& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw usage_error(fmt::format("{}: cannot read the profile; check the path given to --profile", path));
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json profile =
      is_toml(path) ? from_toml(path, text.str()) : nlohmann::json::parse(text.str(), nullptr, false);
  if (profile.is_discarded() || !profile.is_object())
    throw usage_error(fmt::format("{}: not a profile: it must be a JSON object such as {{\"roles\": \"1=id,2=action\"}}",
                                  path));
  for (const auto& [key, value] : profile.items()) {
    if (key == "plansheet_profile") {
      if (value != 1) throw usage_error(fmt::format("{}: key 'plansheet_profile': this plansheet reads version 1, not {}", path, value.dump()));
      continue;
    }
    if (value.is_array()) {
      if (value.empty()) throw usage_error(fmt::format("{}: key '{}' is an empty array; give a string", path, key));
      for (const nlohmann::json& item : value) apply_entry(path, key, item, options);
    } else {
      apply_entry(path, key, value, options);
    }
  }
}

std::string profile_text(const std::vector<std::string>& flags) {
  nlohmann::ordered_json profile;
  profile["plansheet_profile"] = 1;
  for (const std::string& flag : flags) {
    const std::size_t space = flag.find(' ');
    std::string key = flag.substr(0, space).substr(flag.rfind("--", 0) == 0 ? 2 : 0);
    if (space == std::string::npos) {
      profile[key] = true;
    } else {
      std::string value = flag.substr(space + 1);
      if (!profile.contains(key)) profile[key] = value;
      else if (profile[key].is_array()) profile[key].push_back(value);
      else profile[key] = nlohmann::ordered_json::array({profile[key], value});
    }
  }
  return profile.dump(2) + "\n";
}

}  // namespace plansheet
