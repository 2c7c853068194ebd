// Cell-level text repairs (see clean_text.hpp). Each rule changes text only where the evidence says the change
// undoes extraction damage: the result is a word and the original was not.
#include "repair/clean_text.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "text/dictionary.hpp"
#include "text/text_span.hpp"
#include "text/unicode_text.hpp"

namespace plansheet {

std::string_view bare_word(std::string_view word) {
  auto edge = [](char c) {
    return !(is_ascii_alpha(c) || is_ascii_digit(c) || static_cast<unsigned char>(c) >= 0x80);
  };
  while (!word.empty() && edge(word.front())) word.remove_prefix(1);
  while (!word.empty() && edge(word.back())) word.remove_suffix(1);
  return word;
}

static bool is_number(std::string_view w) {
  bool digit = false;
  for (char c : w) {
    if (is_ascii_digit(c))
      digit = true;
    else if (c != '.' && c != ',' && c != '%' && c != '-' && c != '/')
      return false;
  }
  return digit;
}

bool Lexicon::known(std::string_view word) const {
  std::string_view w = bare_word(word);
  if (w.empty()) return false;
  if (is_number(w)) return true;
  if (text::length_in_chars(w) == 1) return w == "a" || w == "A" || w == "I";
  if (auto hit = known_.find(w); hit != known_.end()) return hit->second;
  bool answer = dictionary_.in_dictionary(w) || dictionary_.document_count(w) >= 2;
  known_.emplace(std::string(w), answer);
  return answer;
}

int Lexicon::document_uses(std::string_view word) const {
  std::string_view w = bare_word(word);
  if (w.empty()) return 0;
  if (auto hit = uses_.find(w); hit != uses_.end()) return hit->second;
  int uses = dictionary_.document_count(w);
  uses_.emplace(std::string(w), uses);
  return uses;
}

bool Lexicon::used_in_document(std::string_view word) const { return document_uses(word) >= 1; }

namespace {

// FNV-1a over ASCII-lower-cased bytes, continued from `h`: the hash of "a" + "b" without building the string.
std::uint64_t fold_hash(std::string_view s, std::uint64_t h = 14695981039346656037ull) {
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  }
  return h;
}

}  // namespace

bool Lexicon::may_be_repeated_compound(std::string_view a, std::string_view b) const {
  if (a.size() + b.size() < 6) return false;
  if (!repeated_long_words_built_) {
    for (const auto& [word, count] : dictionary_.document_words())
      if (count >= 2 && word.size() >= 6) repeated_long_words_.insert(fold_hash(word));
    repeated_long_words_built_ = true;
  }
  return repeated_long_words_.count(fold_hash(b, fold_hash(a))) > 0;
}

bool Lexicon::attested(std::string_view word) const {
  std::string_view w = bare_word(word);
  if (w.empty()) return false;
  return known(w) || (text::length_in_chars(w) > 1 && dictionary_.document_count(w) >= 1);
}

std::string join_split(std::string_view left, std::string_view right, const Lexicon& lexicon, bool* glued) {
  if (glued) *glued = false;
  std::string l = fold_whitespace(left), r = fold_whitespace(right);
  if (l.empty()) return r;
  if (r.empty()) return l;
  // Punctuation that closes what came before (": , ; . )") sticks to it: "Workstream" | ": Transport".
  if (std::string_view(":;,.)!?").find(r.front()) != std::string_view::npos) return l + r;
  if (l.back() == ' ' || r.front() == ' ' || !is_ascii_alpha(l.back()) || !is_ascii_alpha(r.front()))
    return l + " " + r;
  std::size_t a_start = l.rfind(' ');
  a_start = a_start == std::string::npos ? 0 : a_start + 1;
  std::size_t b_end = r.find(' ');
  if (b_end == std::string::npos) b_end = r.size();
  std::string a = l.substr(a_start), b = r.substr(0, b_end);
  std::string head = l.substr(0, a_start), tail = r.substr(b_end);
  std::string b_bare(bare_word(b));
  std::string b_trail = b.substr(b.find(b_bare) + b_bare.size());  // "m:" -> ":"
  bool a_word = lexicon.known(a), b_word = lexicon.known(b_bare);

  auto accept = [&](const std::string& word) {
    if (glued) *glued = true;
    return head + word + b_trail + tail;
  };
  std::string whole = a + b_bare;
  // Both halves words: a plain space lost to a tab, unless the document itself uses the joined form.
  if (lexicon.known(whole) && (!(a_word && b_word) || lexicon.used_in_document(whole))) return accept(whole);
  if (!b_word || !a_word) {
    // A letter printed on both sides of the split: "Communiti" + "ies", "Workstream" + "m".
    if (b_bare.size() > 0 && a.back() == b_bare.front()) {
      std::string once = a + b_bare.substr(1);
      if (lexicon.known(once)) return accept(once);
    }
    // A stray letter at the split: "ar" + "nd" -> "and", "Bra" + "xnch"? -> only when the right side is no word.
    if (!b_word && a.size() >= 2) {
      std::string without_left = a.substr(0, a.size() - 1) + b_bare;
      if (lexicon.known(without_left)) return accept(without_left);
    }
    if (!a_word && b_bare.size() >= 2) {
      std::string without_right = a + b_bare.substr(1);
      if (lexicon.known(without_right)) return accept(without_right);
    }
  }
  return l + " " + r;
}

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
  return TextFix{folded, "markup"};
}

std::optional<TextFix> drop_stray_leading_letter(std::string_view text, const Lexicon& lexicon) {
  std::string t = fold_whitespace(text);
  if (t.size() < 4 || !is_ascii_lower(t[0]) || t[1] != ' ') return std::nullopt;
  if (lexicon.known(t.substr(0, 1))) return std::nullopt;  // "a plan"
  if (!is_ascii_upper(t[2])) return std::nullopt;
  return TextFix{t.substr(2), "ocr"};
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

std::optional<TextFix> fix_ln_in_context(std::string_view text) {
  if (text.find("ln ") == std::string_view::npos) return std::nullopt;
  std::vector<std::string> words = split_words(fold_whitespace(text));
  bool changed = false;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i] != "ln" || !is_ascii_alpha(words[i + 1][0])) continue;
    bool starts = i == 0 || ends_sentence(words[i - 1]);
    if (!starts && !is_ascii_lower(words[i + 1][0])) continue;
    words[i] = starts ? "In" : "in";
    changed = true;
  }
  if (!changed) return std::nullopt;
  return TextFix{join(words, " "), "ocr"};
}

std::optional<TextFix> fix_typed_misreading(std::string_view text, const std::function<bool(std::string_view)>& valid) {
  std::string found;
  int hits = 0;
  for (const std::string& reading : ocr_readings(text))
    if (reading != found && valid(reading)) found = reading, ++hits;
  if (hits != 1) return std::nullopt;
  return TextFix{found, "ocr"};
}

namespace {

// Calls f(word) for each space-separated word of the text, without copying.
template <typename F>
void for_each_word(std::string_view text, F&& f) {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
    if (i > start) f(text.substr(start, i - start));
  }
}

// Words too common to be half of a split word: "in to", "on to", "for ever" are English as they stand.
bool is_stop_word(std::string_view w) {
  static const std::array<std::string_view, 32> stop = {
      "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "its",
      "of", "on", "or", "our", "that", "the", "their", "this", "to", "was", "we", "were", "will", "with", "you", "not"};
  if (w.size() > 5) return false;
  char lower[5];
  for (std::size_t i = 0; i < w.size(); ++i) lower[i] = (w[i] >= 'A' && w[i] <= 'Z') ? static_cast<char>(w[i] + 32) : w[i];
  std::string_view key(lower, w.size());
  return std::find(stop.begin(), stop.end(), key) != stop.end();
}

}  // namespace

std::optional<TextFix> fix_ocr_confusions(std::string_view text, const Lexicon& lexicon) {
  // Most cells hold only known words: find that out without copying anything.
  bool any_unknown = false;
  for_each_word(text, [&](std::string_view w) {
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
  return TextFix{join(words, " "), "ocr"};
}

std::optional<TextFix> rejoin_split_words(std::string_view text, const Lexicon& lexicon) {
  // A join needs a half that is no word, or two words of which neither is a stop word and that make a word of six
  // letters or more: rule out the common case without copying.
  bool candidate = false;
  std::string_view previous;
  bool previous_known = true, previous_stop = true;
  for_each_word(text, [&](std::string_view w) {
    if (candidate) return;
    std::string_view bare = bare_word(w);
    bool known = bare.empty() || lexicon.known(bare);
    bool stop = bare.empty() || is_stop_word(bare);
    if (!previous.empty() && (!known || !previous_known ||
                              (!stop && !previous_stop && lexicon.may_be_repeated_compound(previous, bare))))
      candidate = true;
    previous = bare;
    previous_known = known;
    previous_stop = stop;
  });
  if (!candidate) return std::nullopt;
  std::vector<std::string> words = split_words(fold_whitespace(text));
  bool changed = false;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    std::string_view a(words[i]), b(words[i + 1]);
    if (!is_ascii_alpha(a.back()) || !is_ascii_alpha(b.front())) continue;
    std::string_view b_bare = bare_word(b);
    std::string_view a_bare = bare_word(a);
    if (a_bare.empty() || b_bare.empty() || a_bare.back() != a.back()) continue;
    bool a_word = lexicon.known(a_bare), b_word = lexicon.known(b_bare);
    if (a_word && b_word && (is_stop_word(a_bare) || is_stop_word(b_bare))) continue;
    std::string joined = std::string(a_bare) + std::string(b_bare);
    // One half a word ("the e", "deliver y"): join only when the document itself uses the joined word. Both halves
    // words ("retro fit"): only when the document uses the joined word repeatedly and it is no short everyday
    // word ("in to", "may be" are fine English). The cheap tests come first: most pairs are two words.
    if (a_word && b_word && (!lexicon.may_be_repeated_compound(a_bare, b_bare) || lexicon.document_uses(joined) < 2))
      continue;
    if ((a_word || b_word) && !lexicon.used_in_document(joined)) continue;
    if (!lexicon.known(joined)) continue;
    std::string merged = std::string(a.substr(0, a.size() - a_bare.size())) + joined +
                         std::string(b.substr(b.find(b_bare) + b_bare.size()));
    words[i] = std::move(merged);
    words.erase(words.begin() + static_cast<long>(i) + 1);
    changed = true;
  }
  if (!changed) return std::nullopt;
  return TextFix{join(words, " "), "split-word"};
}

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
  return TextFix{join(words, " "), "homoglyph"};
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
