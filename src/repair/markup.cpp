// Rule markup (see clean_text.hpp): HTML tags, markdown links, bold and escapes removed, leaving the words, and
// the words that touched removed markup reported for phrase restoration.
#include <algorithm>
#include <array>

#include "repair/clean_text.hpp"
#include "text/text_span.hpp"

namespace plansheet {

namespace {

// Only real HTML tag names are markup: "<Cycle>" or "<TBC>" is the authors' text in angle brackets.
bool is_html_tag_name(std::string_view name) {
  static const std::array<std::string_view, 36> tags = {
      "a",  "b",  "big", "blockquote", "br", "code", "del", "div", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6",
      "hr", "i",  "img", "ins",        "li", "mark", "ol",  "p",   "pre", "s",   "small", "span", "strike", "strong",
      "sub", "sup", "td", "th",        "tr", "u"};
  return std::find(tags.begin(), tags.end(), name) != tags.end() || name == "ul" || name == "table";
}

}  // namespace

std::optional<TextFix> strip_markup(std::string_view text, std::vector<std::size_t>* damaged, bool* unbalanced) {
  if (text.find_first_of("<[\\*_") == std::string_view::npos) return std::nullopt;  // nothing that can be markup
  int open_tags = 0;
  std::string out;
  out.reserve(text.size());
  bool changed = false;
  std::vector<std::size_t> cut_points;  // byte offsets in `out` where markup was removed
  for (std::size_t i = 0; i < text.size();) {
    char c = text[i];
    // <b>, </b>, <br/>, <span class="x">
    if (c == '<' && i + 1 < text.size() && (is_ascii_alpha(text[i + 1]) || text[i + 1] == '/')) {
      std::size_t j = i + 1 + (text[i + 1] == '/');
      std::size_t name_start = j;
      while (j < text.size() && (is_ascii_alpha(text[j]) || is_ascii_digit(text[j]))) ++j;
      std::size_t close = text.find('>', j);
      bool attrs_ok = close != std::string_view::npos && close - j < 200 &&
                      text.substr(j, close - j).find('<') == std::string_view::npos;
      std::string name = ascii_lower(text.substr(name_start, j - name_start));
      if (j > name_start && attrs_ok && is_html_tag_name(name)) {
        if (text[i + 1] == '/') --open_tags;
        else if (text[close - 1] != '/' && name != "br" && name != "hr" && name != "img") ++open_tags;
        bool block = name == "br" || name == "p" || name == "div" || name == "li";
        if (block && !out.empty() && out.back() != ' ') out += ' ';
        cut_points.push_back(out.size());
        i = close + 1;
        changed = true;
        continue;
      }
    }
    // [text](url) -> text
    if (c == '[') {
      std::size_t close = text.find(']', i);
      if (close != std::string_view::npos && close + 1 < text.size() && text[close + 1] == '(') {
        std::size_t paren = text.find(')', close);
        std::string_view inner = text.substr(i + 1, close - i - 1);
        if (paren != std::string_view::npos && inner.find('[') == std::string_view::npos && paren - close < 300) {
          out += inner;
          i = paren + 1;
          changed = true;
          continue;
        }
      }
    }
    // Markdown bold: "**Energy**" -> "Energy" (only a closed pair around text)
    if ((c == '*' || c == '_') && i + 1 < text.size() && text[i + 1] == c && i + 2 < text.size() && text[i + 2] != ' ') {
      std::string_view marker = text.substr(i, 2);
      std::size_t close = text.find(marker, i + 2);
      if (close != std::string_view::npos && close > i + 2 && text[close - 1] != ' ') {
        out += text.substr(i + 2, close - i - 2);
        i = close + 2;
        changed = true;
        continue;
      }
    }
    // Markdown escapes: "\*" -> "*"
    if (c == '\\' && i + 1 < text.size() && std::string_view("*_#[]()`>-+.!|").find(text[i + 1]) != std::string_view::npos) {
      out += text[i + 1];
      i += 2;
      changed = true;
      continue;
    }
    out += c;
    ++i;
  }
  if (!changed) return std::nullopt;
  if (unbalanced) *unbalanced = open_tags != 0;
  // Mark each cut with a sentinel, then read off which words touch one.
  std::string marked = out;
  for (auto it = cut_points.rbegin(); it != cut_points.rend(); ++it) marked.insert(*it, 1, '\x01');
  std::vector<std::string> words = split_words(fold_whitespace(marked));
  std::vector<std::string> kept;
  bool pending = false;  // a cut standing alone between words damages both neighbours
  for (std::string& w : words) {
    bool touched = w.find('\x01') != std::string::npos;
    std::erase(w, '\x01');
    if (w.empty()) {
      if (damaged && !kept.empty()) damaged->push_back(kept.size() - 1);
      pending = true;
      continue;
    }
    if (damaged && (touched || pending)) damaged->push_back(kept.size());
    pending = false;
    kept.push_back(std::move(w));
  }
  std::string folded = join(kept, " ");
  return TextFix{folded, RepairRule::markup};
}

}  // namespace plansheet
