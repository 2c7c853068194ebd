// Header labels as words, and the roles a label names (see header_words.hpp): the matching rule for each kind of
// synonym and the strength of each; the synonyms themselves are data in model/role_table.cpp.
#include "detect/header_words.hpp"

#include <algorithm>

#include "text/ascii.hpp"

namespace plansheet {
namespace {

// How a synonym meets a label: not at all, as the whole label, opening it, or later in it.
enum class Meets { no, whole, opening, inside };

Meets meets(const std::string& key, const Synonym& synonym) {
  std::string_view w = synonym.words;
  const bool plural = key.size() == w.size() + 1 && key.back() == 's' && key.compare(0, w.size(), w) == 0;
  switch (synonym.match) {
    case LabelMatch::whole: return key == w ? Meets::whole : Meets::no;
    case LabelMatch::whole_or_plural: return key == w || plural ? Meets::whole : Meets::no;
    case LabelMatch::first_words: return key == w ? Meets::whole : label_starts_with(key, w) ? Meets::opening : Meets::no;
    case LabelMatch::word:
      if (key == w || plural) return Meets::whole;
      if (label_starts_with(key, w)) return Meets::opening;
      return has_label_word(key, w) ? Meets::inside : Meets::no;
  }
  return Meets::no;
}

double strength(Meets m) {
  switch (m) {
    case Meets::whole: return 5;
    case Meets::opening: return 4.5;
    case Meets::inside: return 4;
    case Meets::no: return 0;
  }
  return 0;
}

// The label's parts when '/' joins parts that are words ("Cyf / Ref", "Timescale / Start"), else the label whole;
// "R/A/G" and "N/A" stay whole, their parts being single letters.
std::vector<std::string> readings(std::string_view label) {
  std::vector<std::string> parts;
  std::size_t from = 0;
  while (from <= label.size()) {
    std::size_t slash = std::min(label.find('/', from), label.size());
    parts.push_back(label_key(label.substr(from, slash - from)));
    from = slash + 1;
  }
  if (parts.size() < 2) return {label_key(label)};
  for (const std::string& p : parts)
    if (std::count_if(p.begin(), p.end(), is_ascii_alpha) < 2) return {label_key(label)};
  return parts;
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

std::vector<NamedRole> roles_named_by(std::string_view label) {
  std::vector<NamedRole> named;
  const std::vector<std::string> keys = readings(label);
  // Of a label's parts the last says what the column is: the lower level of a two-level label as this tool
  // writes it ("Timescale / Start"), the English side of a bilingual one. The parts before it count half,
  // unless the last names no role ("Sylwadau / Latest").
  bool last_names_one = false;
  for (std::size_t k = keys.size(); k-- > 0;) {
    const std::string& key = keys[k];
    const bool earlier_part = k + 1 < keys.size();
    if (key.empty()) continue;
    struct Reading {
      Role role;
      double strength;
      bool opens;  // a full-weight synonym of the role is the label or its first words
    };
    std::vector<Reading> here;
    for (const RoleRow* row : roles_by_label_rank()) {
      Reading r{row->role, 0, false};
      for (const Synonym& synonym : row->synonyms) {
        const Meets m = meets(key, synonym);
        if (m == Meets::no) continue;
        r.strength = std::max(r.strength, strength(m) * synonym.weight);
        r.opens = r.opens || (m != Meets::inside && synonym.weight >= 1);
      }
      if (r.strength > 0) here.push_back(r);
    }
    // Words that open a label say what it is; words after them qualify it: "RAG status" is a rating, not a
    // status, and "Lead partner" a lead. A role named only later in a label that another role opens counts half.
    const bool opened = std::any_of(here.begin(), here.end(), [](const Reading& r) { return r.opens; });
    if (!earlier_part) last_names_one = !here.empty();
    for (const Reading& r : here) {
      double s = opened && !r.opens ? r.strength / 2 : r.strength;
      if (earlier_part && last_names_one) s /= 2;
      auto same = std::find_if(named.begin(), named.end(), [&](const NamedRole& n) { return n.role == r.role; });
      if (same == named.end())
        named.push_back({r.role, s});
      else
        same->strength = std::max(same->strength, s);
    }
  }
  // Among equal strengths the earlier label_rank comes first.
  std::sort(named.begin(), named.end(), [](const NamedRole& a, const NamedRole& b) {
    if (a.strength != b.strength) return a.strength > b.strength;
    return role_row(a.role).label_rank < role_row(b.role).label_rank;
  });
  return named;
}

std::optional<Role> role_from_label(std::string_view label) {
  std::vector<NamedRole> named = roles_named_by(label);
  if (named.empty()) return std::nullopt;
  return named.front().role;
}

}  // namespace plansheet
