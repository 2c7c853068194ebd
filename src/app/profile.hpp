// Profiles: a council's recurring reading choices saved in a JSON file, keyed by the long flag names without their
// dashes ({"roles": "1=id,2=action", "sheet": ["Transport", "Homes"], "force": true}). Read into Options through
// the one parser of reading flags (reading_options.hpp); written from the flags `check --explain` prints.
#pragma once

#include <string>
#include <vector>

#include "pipeline.hpp"

namespace plansheet {

// Applies the profile at `path` to `options`: TOML when its name ends in .toml (the same keys), else JSON. Throws usage_error, one line naming the file and the key, for an
// unreadable file, a file that is no JSON object, an unknown key or a bad value.
void apply_profile(const std::string& path, Options& options);

// The profile that holds `flags` ("--header-row 5", "--roles 1=id,2=action"): a JSON object, ending in a newline.
std::string profile_text(const std::vector<std::string>& flags);

}  // namespace plansheet
