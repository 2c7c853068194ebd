// Header labels as words, and the role a label names (see header_words.hpp): the matching rule for each kind of
// synonym; the synonyms themselves and the order roles are tried in are data in model/role_table.cpp.
#include "detect/header_words.hpp"

#include "text/ascii.hpp"

namespace plansheet {
namespace {

bool matches(const std::string& key, const Synonym& synonym) {
  std::string_view w = synonym.words;
  switch (synonym.match) {
    case LabelMatch::whole: return key == w;
    case LabelMatch::whole_or_plural:
      return key == w || (key.size() == w.size() + 1 && key.back() == 's' && key.compare(0, w.size(), w) == 0);
    case LabelMatch::first_words: return label_starts_with(key, w);
    case LabelMatch::word: return has_label_word(key, w);
  }
  return false;
}

}  // namespace

std::string label_key(std::string_view label) {
  std::string out;
  for (char c : ascii_lower(label)) {
    if (is_ascii_alpha(c) || is_ascii_digit(c) || c == '#' || c == '&')
      out += c;
    else if (!out.empty() && out.back() != ' ')
      out += ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool has_label_word(const std::string& key, std::string_view words) {
  std::size_t pos = 0;
  while ((pos = key.find(words, pos)) != std::string::npos) {
    bool left = pos == 0 || key[pos - 1] == ' ';
    std::size_t end = pos + words.size();
    bool right = end == key.size() || key[end] == ' ' || (end + 1 == key.size() && key[end] == 's') ||
                 (end + 1 < key.size() && key[end] == 's' && key[end + 1] == ' ');
    if (left && right) return true;
    pos = end;
  }
  return false;
}

bool label_starts_with(const std::string& key, std::string_view prefix) {
  return key.size() >= prefix.size() && key.compare(0, prefix.size(), prefix) == 0 &&
         (key.size() == prefix.size() || key[prefix.size()] == ' ');
}

std::optional<Role> role_from_label(std::string_view label) {
  // A two-level label as this tool writes it ("Timescale / Start"): the lower level names the column.
  if (std::size_t slash = label.rfind(" / "); slash != std::string_view::npos)
    if (auto role = role_from_label(label.substr(slash + 3))) return role;
  std::string key = label_key(label);
  if (key.empty()) return std::nullopt;
  for (const RoleRow* row : roles_by_label_rank())
    for (const Synonym& synonym : row->synonyms)
      if (matches(key, synonym)) return row->role;
  return std::nullopt;
}

}  // namespace plansheet
