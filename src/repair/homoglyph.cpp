// Rule homoglyph (see clean_text.hpp): Cyrillic or Greek letters that look like Latin ones, inside Latin words and
// in ids, read as the Latin letters (or digits) they stand for.
#include <algorithm>
#include <map>

#include "repair/clean_text.hpp"
#include "text/unicode_text.hpp"

namespace plansheet {

std::optional<TextFix> fix_homoglyph_words(std::string_view text) {
  if (!text::has_cyrillic_or_greek(text)) return std::nullopt;
  std::vector<std::string> words = split_words(fold_whitespace(text));
  bool changed = false;
  for (std::string& word : words) {
    if (!text::has_cyrillic_or_greek(word)) continue;
    // A word in another alphabet ("Москва") is the authors'; only a word that mixes alphabets, or a short code
    // that reads as Latin capitals and digits ("ТВС", "В4"), is a look-alike slip.
    bool has_latin = std::any_of(word.begin(), word.end(), [](char c) { return is_ascii_alpha(c); });
    std::string mapped = text::latin_lookalikes(word);
    bool code_like = text::length_in_chars(word) <= 5 &&
                     std::all_of(mapped.begin(), mapped.end(), [](char c) { return !is_ascii_lower(c); });
    if (!has_latin && !code_like) continue;
    bool ascii = true;
    for (char c : mapped) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii && mapped != word) {
      word = mapped;
      changed = true;
    }
  }
  if (!changed) return std::nullopt;
  return TextFix{join(words, " "), RepairRule::homoglyph};
}

std::vector<std::string> lookalike_id_readings(std::string_view raw) {
  static const std::map<char, char> digit_for_letter = {{'O', '0'}, {'o', '0'}, {'I', '1'}, {'l', '1'}, {'Z', '2'},
                                                        {'S', '5'}, {'B', '8'}, {'b', '6'}, {'g', '9'}};
  static const std::map<char, char> letter_for_digit = {{'0', 'O'}, {'3', 'Z'}, {'1', 'I'}, {'8', 'B'}};
  std::vector<std::string> readings{""};
  for (std::size_t i = 0; i < raw.size();) {
    std::size_t len = 1;
    auto b = static_cast<unsigned char>(raw[i]);
    if (b >= 0xF0) len = 4;
    else if (b >= 0xE0) len = 3;
    else if (b >= 0xC0) len = 2;
    std::string piece(raw.substr(i, len));
    i += len;
    std::vector<std::string> options{len == 1 ? piece : text::latin_lookalikes(piece)};
    if (len > 1 && options[0].size() == 1) {
      if (auto d = digit_for_letter.find(options[0][0]); d != digit_for_letter.end()) options.emplace_back(1, d->second);
      if (auto l = letter_for_digit.find(options[0][0]); l != letter_for_digit.end()) options.emplace_back(1, l->second);
    }
    std::vector<std::string> next;
    for (const std::string& r : readings)
      for (const std::string& o : options)
        if (next.size() < 64) next.push_back(r + o);
    readings = std::move(next);
  }
  return readings;
}

}  // namespace plansheet
