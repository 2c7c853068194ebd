// What a repair changed, in words (see change_words.hpp): invisible and look-alike characters named, moves said.
#include "xlsx/change_words.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include <fmt/format.h>

#include "text/ascii.hpp"
#include "text/utf8.hpp"

namespace plansheet::xlsx::detail {

namespace {

struct Named {
  char32_t c;
  std::string_view name;
};

// Characters that show as nothing, or as a plain space, in a cell.
constexpr std::array<Named, 30> invisibles = {{
    {0x09, "tab"},
    {0x0D, "carriage return"},
    {0xA0, "no-break space"},
    {0xAD, "soft hyphen"},
    {0x034F, "combining grapheme joiner"},
    {0x1680, "ogham space"},
    {0x180E, "Mongolian vowel separator"},
    {0x2000, "en quad space"},
    {0x2001, "em quad space"},
    {0x2002, "en space"},
    {0x2003, "em space"},
    {0x2004, "three-per-em space"},
    {0x2005, "four-per-em space"},
    {0x2006, "six-per-em space"},
    {0x2007, "figure space"},
    {0x2008, "punctuation space"},
    {0x2009, "thin space"},
    {0x200A, "hair space"},
    {0x200B, "zero-width space"},
    {0x200C, "zero-width non-joiner"},
    {0x200D, "zero-width joiner"},
    {0x200E, "left-to-right mark"},
    {0x200F, "right-to-left mark"},
    {0x2028, "line separator"},
    {0x2029, "paragraph separator"},
    {0x202F, "narrow no-break space"},
    {0x205F, "medium mathematical space"},
    {0x2060, "word joiner"},
    {0x3000, "ideographic space"},
    {0xFEFF, "zero-width no-break space (byte-order mark)"},
}};

std::vector<char32_t> code_points_of(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) out.push_back(utf8::next_code_point(s, i));
  return out;
}

std::string utf8_of(char32_t c) {
  std::string s;
  if (c != utf8::invalid) utf8::append_utf8(s, c);
  return s;
}

std::string utf8_of(const std::vector<char32_t>& cs, std::size_t from, std::size_t to) {
  std::string s;
  for (std::size_t i = from; i < to; ++i) s += utf8_of(cs[i]);
  return s;
}

bool is_cyrillic(char32_t c) { return c >= 0x0400 && c <= 0x052F; }
bool is_greek(char32_t c) { return c >= 0x0370 && c <= 0x03FF; }

// The part two texts do not share: [first, end_b) of before and [first, end_a) of after.
struct Middle {
  std::size_t first = 0, end_b = 0, end_a = 0;
};
Middle middle_of(const std::vector<char32_t>& b, const std::vector<char32_t>& a) {
  Middle m;
  const std::size_t shorter = std::min(b.size(), a.size());
  while (m.first < shorter && b[m.first] == a[m.first]) ++m.first;
  std::size_t tail = 0;
  while (tail < shorter - m.first && b[b.size() - 1 - tail] == a[a.size() - 1 - tail]) ++tail;
  m.end_b = b.size() - tail;
  m.end_a = a.size() - tail;
  return m;
}

// "no-break space (U+00A0)", "Cyrillic 'Т' (U+0422)", "'x'".
std::string described(char32_t c) {
  const std::string name = character_name(c, true);
  if (name.empty()) return c == ' ' ? "space" : fmt::format("'{}'", utf8_of(c));
  return fmt::format("{} (U+{:04X})", name, static_cast<std::uint32_t>(c));
}

// What one character became.
std::string replaced(char32_t from, char32_t to) {
  std::string target;
  const bool look_alike = is_cyrillic(from) || is_greek(from);
  if (!look_alike && character_name(from, true).empty() && character_name(to, true).empty())
    return fmt::format("'{}' \u2192 '{}'", utf8_of(from), utf8_of(to));
  if (to == ' ') target = "space";
  else if (to < 0x80 && is_ascii_alpha(static_cast<char>(to))) target = fmt::format("Latin '{}'", static_cast<char>(to));
  else if (to < 0x80 && is_ascii_digit(static_cast<char>(to))) target = fmt::format("digit '{}'", static_cast<char>(to));
  else target = described(to);
  return fmt::format("{} \u2192 {}", described(from), target);
}

// A short change named character by character, or "" when it is too long to say better than before and after do.
std::string characters_changed(std::string_view before, std::string_view after) {
  const std::vector<char32_t> b = code_points_of(before), a = code_points_of(after);
  const Middle m = middle_of(b, a);
  const std::size_t nb = m.end_b - m.first, na = m.end_a - m.first;
  std::vector<std::string> said;
  auto say = [&](std::string s) {
    if (std::find(said.begin(), said.end(), s) == said.end()) said.push_back(std::move(s));
  };
  if (nb == na && nb <= 12) {
    for (std::size_t i = m.first; i < m.end_b; ++i)
      if (b[i] != a[i]) say(replaced(b[i], a[i]));
  } else {
    // Named characters that went: removed ones said so; when text replaced them, what it was.
    bool special = false;
    for (std::size_t i = m.first; i < m.end_b; ++i)
      if (!character_name(b[i], true).empty()) {
        special = true;
        say(described(b[i]) + (na == 0 ? " removed" : " replaced"));
      }
    if (!special && nb <= 12 && na <= 12 && nb + na > 0) {
      if (na == 0) say(fmt::format("'{}' removed", utf8_of(b, m.first, m.end_b)));
      else if (nb == 0) say(fmt::format("'{}' added", utf8_of(a, m.first, m.end_a)));
      else say(fmt::format("'{}' \u2192 '{}'", utf8_of(b, m.first, m.end_b), utf8_of(a, m.first, m.end_a)));
    }
  }
  if (said.size() > 4) {
    const std::size_t more = said.size() - 3;
    said.resize(3);
    said.push_back(fmt::format("and {} more", more));
  }
  std::string out;
  for (const std::string& s : said) out += (out.empty() ? "" : "; ") + s;
  return out;
}

// Text moved between cells: where from and where to, as far as the repair knows.
std::string moved(const Repair& r, std::string_view field, std::string_view from_field) {
  if (!from_field.empty() && from_field != field)
    return fmt::format("moved from the {} column to {}", from_field, field);
  if (r.before == r.after) return fmt::format("moved to the {} column", field);
  const std::string_view b = r.before, a = r.after;
  if (a.size() > b.size() && a.substr(0, b.size()) == b)
    return fmt::format("'{}' moved here from the next line", trim(a.substr(b.size())));
  if (b.size() > a.size() && b.substr(b.size() - a.size()) == a)
    return fmt::format("'{}' moved out to the cell before", trim(b.substr(0, b.size() - a.size())));
  if (b.size() > a.size() && b.substr(0, a.size()) == a)
    return fmt::format("'{}' moved out to the next cell", trim(b.substr(a.size())));
  return "";
}

}  // namespace

std::string character_name(char32_t c, bool look_alikes) {
  for (const Named& n : invisibles)
    if (n.c == c) return std::string(n.name);
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return fmt::format("control character U+{:04X}", static_cast<std::uint32_t>(c));
  if (c == utf8::invalid) return "broken character";
  if (look_alikes && is_cyrillic(c)) return fmt::format("Cyrillic '{}'", utf8_of(c));
  if (look_alikes && is_greek(c)) return fmt::format("Greek '{}'", utf8_of(c));
  return "";
}

std::string marked_text(std::string_view text, std::string_view other) {
  const std::vector<char32_t> t = code_points_of(text);
  const bool plain = std::all_of(t.begin(), t.end(), [](char32_t c) {
    return c == '\n' || (c >= 0x20 && c < 0x7F) || character_name(c, true).empty();
  });
  if (plain) return std::string(text);
  const std::vector<char32_t> o = code_points_of(other);
  const Middle m = other.empty() ? Middle{t.size(), t.size(), t.size()} : middle_of(t, o);
  std::string out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const bool changed = i >= m.first && i < m.end_b;
    const std::string name = t[i] == '\n' ? std::string() : character_name(t[i], changed);
    if (name.empty()) out += utf8_of(t[i]);
    else if (is_cyrillic(t[i]) || is_greek(t[i])) out += "[" + name.substr(0, name.find(' ')) + " " + utf8_of(t[i]) + "]";
    else out += "[" + name + "]";
  }
  return out;
}

std::string what_changed(const Repair& r, std::string_view field, std::string_view from_field) {
  switch (r.rule) {
    case RepairRule::misplaced_text: return moved(r, field, from_field);
    case RepairRule::fill_colour:
      return fmt::format("the cell was filled {} with no word in it; the word was written in", r.after);
    case RepairRule::continuation:
    case RepairRule::split_row: return "text carried over onto the next line joined back to its action";
    case RepairRule::duplicate_row: return "a row printed twice kept once";
    case RepairRule::fill_down: return fmt::format("blank cell given '{}' from the row above", r.after);
    case RepairRule::struck_through: return "struck-through words left out";
    default: return characters_changed(r.before, r.after);
  }
}

}  // namespace plansheet::xlsx::detail
