// Profiles (profile.hpp): a JSON object of reading flags in, Options out; the detected flags in, a profile out.
#include "app/profile.hpp"

#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/reading_options.hpp"
#include "model/errors.hpp"

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

}  // namespace

void apply_profile(const std::string& path, Options& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw usage_error(fmt::format("{}: cannot read the profile; check the path given to --profile", path));
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json profile = nlohmann::json::parse(text.str(), nullptr, false);
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
