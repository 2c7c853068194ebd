// Header labels as lower-case words, and the role a label names by the role table's synonyms. Takes label text;
// gives word keys, word tests and a role. Used by the header, column-role and title-and-key passes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/role_table.hpp"

namespace plansheet {

// A header label reduced to lower-case words: "ID #" -> "id #", "Action Plan Target Date" -> "action plan target date".
std::string label_key(std::string_view label);
// `words` stand in `key` as whole words, the last of them plural or not: "lead" in "lcc team leads".
bool has_label_word(const std::string& key, std::string_view words);
// `key` opens with the whole words `prefix`: "rag" in "rag status", not in "ragged".
bool label_starts_with(const std::string& key, std::string_view prefix);

// Role of a header label by synonym ("LCC team leads" -> lead), nullopt when the label names no role. The roles
// are tried in their label_rank order, so the first whose synonyms match wins.
std::optional<Role> role_from_label(std::string_view label);

}  // namespace plansheet
