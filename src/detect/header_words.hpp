// Header labels as lower-case words, and the roles a label names by the role table's synonyms. Takes label text;
// gives word keys, word tests and each named role with the strength of its naming. Used by the header,
// column-role and title-and-key passes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/role_table.hpp"

namespace plansheet {

// A header label reduced to lower-case words: "ID #" -> "id #", "Action Plan Target Date" -> "action plan target date".
std::string label_key(std::string_view label);
// `words` stand in `key` as whole words, the last of them plural or not: "lead" in "lcc team leads".
bool has_label_word(const std::string& key, std::string_view words);
// `key` opens with the whole words `prefix`: "rag" in "rag status", not in "ragged".
bool label_starts_with(const std::string& key, std::string_view prefix);

// A role a label names, and how strongly: 5 for the whole label ("Who"), 4.5 for its first words ("RAG status"),
// 4 for words inside it ("LCC team leads"), times the synonym's weight; half when another role opens the label
// and this one stands only after it (status in "RAG status").
struct NamedRole {
  Role role;
  double strength;
};

// Every role a label names, strongest first (label_rank breaks a tie). A label of parts joined by '/' (a bilingual
// "Arweinydd / Lead", a group over its sub-label "Timescale / Start") is read part by part: either side that
// names a role is enough, and where the parts name different roles the last part's count in full, the others half.
std::vector<NamedRole> roles_named_by(std::string_view label);

// The strongest role a header label names ("LCC team leads" -> lead), nullopt when it names none.
std::optional<Role> role_from_label(std::string_view label);

}  // namespace plansheet
