// Small UTF-8 string helpers shared by the repair stages.
#include "text/text_span.hpp"

namespace plansheet {

std::string fold_whitespace(std::string_view s) {
  // Whole runs of text are copied at once: every cell of a plan passes through here, most with nothing to fold.
  s = trim(s);
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    while (j < s.size() && !is_ascii_space(s[j])) ++j;
    out.append(s.data() + i, j - i);
    if (j == s.size()) break;
    while (is_ascii_space(s[j])) ++j;  // trimmed: text follows every run of spaces
    out += ' ';
    i = j;
  }
  return out;
}

std::vector<std::string> split_words(std::string_view folded) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string_view::npos) end = folded.size();
    if (end > start) words.emplace_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += separator;
    out += parts[i];
  }
  return out;
}

bool ends_sentence(std::string_view s) {
  s = trim(s);
  while (!s.empty() && (s.back() == '"' || s.back() == ')' || s.back() == '\'')) s.remove_suffix(1);
  if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\x9D") s.remove_suffix(3);  // ”
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?');
}

std::pair<std::string, std::string> changed_span(std::string_view before, std::string_view after) {
  std::size_t prefix = 0;
  while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < before.size() - prefix && suffix < after.size() - prefix &&
         before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
    ++suffix;
  // Widen to word boundaries (spaces or tabs) on both sides, without splitting a UTF-8 sequence.
  auto boundary = [](char c) { return c == ' ' || c == '\t'; };
  while (prefix > 0 && !boundary(before[prefix - 1])) --prefix;
  while (suffix > 0 && !boundary(before[before.size() - suffix]) && !boundary(after[after.size() - suffix])) --suffix;
  return {std::string(before.substr(prefix, before.size() - prefix - suffix)),
          std::string(after.substr(prefix, after.size() - prefix - suffix))};
}

}  // namespace plansheet
