// Rule split-word (see clean_text.hpp): a word cut by a stray tab or space is joined again, when the joined form is
// a word and the pieces are not (or the document itself uses the joined word).
#include <algorithm>
#include <array>

#include "repair/clean_text.hpp"
#include "text/text_span.hpp"

namespace plansheet {

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

std::optional<TextFix> rejoin_split_words(std::string_view text, const Lexicon& lexicon) {
  // A join needs a half that is no word, or two words of which neither is a stop word and that make a word of six
  // letters or more: rule out the common case without copying.
  bool candidate = false;
  std::string_view previous;
  bool previous_known = true, previous_stop = true;
  detail::for_each_word(text, [&](std::string_view w) {
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
  return TextFix{join(words, " "), RepairRule::split_word};
}

}  // namespace plansheet
