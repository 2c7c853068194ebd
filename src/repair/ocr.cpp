// Rule ocr (see clean_text.hpp): characters misread by text recognition ("ln" for "In", "0" for "O") corrected
// where the result is a word and the original is not, and stray letters left by a split dropped.
#include <array>

#include "grammar/api.hpp"
#include "repair/clean_text.hpp"
#include "text/text_span.hpp"
#include "text/unicode_text.hpp"

namespace plansheet {

std::optional<TextFix> drop_stray_leading_letter(std::string_view text, const Lexicon& lexicon) {
  std::string t = fold_whitespace(text);
  if (t.size() < 4 || !is_ascii_lower(t[0]) || t[1] != ' ') return std::nullopt;
  if (lexicon.known(t.substr(0, 1))) return std::nullopt;  // "a plan"
  if (!is_ascii_upper(t[2])) return std::nullopt;
  return TextFix{t.substr(2), RepairRule::ocr};
}

std::vector<std::string> ocr_readings(std::string_view text) {
  std::string w(text);
  static const std::array<std::pair<std::string_view, std::string_view>, 9> swaps = {{
      {"l", "I"}, {"I", "l"}, {"0", "O"}, {"0", "o"}, {"1", "l"}, {"1", "I"}, {"rn", "m"}, {"vv", "w"}, {"cl", "d"},
  }};
  auto letter_at = [&](std::size_t i) { return i < w.size() && is_ascii_alpha(w[i]); };
  std::vector<std::string> out;
  for (auto [from, to] : swaps) {
    for (std::size_t pos = w.find(from); pos != std::string::npos; pos = w.find(from, pos + 1)) {
      // A digit is a misread letter only inside a word ("0ngoing" no, "g0al" yes): "5G", "CO2", "LTP4" are codes.
      if (is_ascii_digit(from[0]) && !(pos > 0 && letter_at(pos - 1) && letter_at(pos + 1))) continue;
      std::string v = w;
      v.replace(pos, from.size(), to);
      out.push_back(v);
    }
  }
  return out;
}


std::optional<TextFix> fix_ocr_confusions(std::string_view text, const Lexicon& lexicon) {
  // Most cells hold only known words: find that out without copying anything.
  bool any_unknown = false;
  detail::for_each_word(text, [&](std::string_view w) {
    std::string_view core = bare_word(w);
    if (!any_unknown && core.size() >= 2 && !lexicon.known(core)) any_unknown = true;
  });
  if (!any_unknown) return std::nullopt;
  std::vector<std::string> words = split_words(fold_whitespace(text));
  bool changed = false;
  for (std::string& word : words) {
    std::string core(bare_word(word));
    if (core.size() < 2 || lexicon.known(core)) continue;
    bool has_letter = false;
    for (char c : core) has_letter = has_letter || is_ascii_alpha(c);
    if (!has_letter) continue;
    std::string found;
    int hits = 0;
    for (const std::string& v : ocr_readings(core))
      if (lexicon.known(v) && v != found) found = v, ++hits;
    if (hits == 1) {
      word.replace(word.find(core), core.size(), found);
      changed = true;
    }
  }
  if (!changed) return std::nullopt;
  return TextFix{join(words, " "), RepairRule::ocr};
}

std::optional<TextFix> drop_lone_mark(std::string_view text, Role role, const Lexicon& lexicon) {
  if (text.empty()) return std::nullopt;
  bool valid = role == Role::rag ? grammar::parse_rag(text).has_value() : grammar::parse_timescale(text).has_value();
  if (!valid && text::length_in_chars(text) == 1 && !lexicon.known(text)) return TextFix{"", RepairRule::ocr};
  return std::nullopt;
}

}  // namespace plansheet
