// Rule line-end-hyphen (see clean_text.hpp): a word hyphenated at a line end and joined with a space when its lines
// were ("decarbon- isation", "Pro- ject") is written whole again, where the evidence says it is one word.
#include <vector>

#include "repair/clean_text.hpp"
#include "text/ascii.hpp"

namespace plansheet {
namespace {

// Words after which a hyphen is suspended, not a break: "small- and medium-sized", "pre- or post-works".
bool joins_a_list(std::string_view word) {
  for (std::string_view w : {"and", "or", "to", "nor", "&", "/"})
    if (word == w) return true;
  return false;
}

}  // namespace

std::optional<TextFix> rejoin_line_end_hyphens(std::string_view text, const Lexicon& lexicon) {
  if (text.find("- ") == std::string_view::npos) return std::nullopt;
  const std::vector<std::string> words = split_words(fold_whitespace(text));
  std::vector<std::string> kept;  // the words as they come out, a joined pair as one
  kept.reserve(words.size());
  bool changed = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& a = words[i];
    if (i + 1 >= words.size()) {
      kept.push_back(a);
      break;
    }
    std::string_view b = words[i + 1];
    std::string joined;
    // "decarbon-" then "isation": a letter before the hyphen, a lower-case letter after the space.
    if (a.size() >= 2 && a.back() == '-' && is_ascii_alpha(a[a.size() - 2]) && is_ascii_lower(b.front()) &&
        !joins_a_list(b)) {
      std::string_view a_bare = bare_word(std::string_view(a).substr(0, a.size() - 1));
      std::string_view b_bare = bare_word(b);
      if (!a_bare.empty() && !b_bare.empty() && b.substr(0, b_bare.size()) == b_bare) {
        const std::string whole = std::string(a_bare) + std::string(b_bare);
        const std::string hyphenated = std::string(a_bare) + "-" + std::string(b_bare);
        const bool a_word = lexicon.known(a_bare), b_word = lexicon.known(b_bare);
        // The document's own hyphenated form wins ("low-carbon" written elsewhere): the hyphen was the authors'.
        // Then the whole word, when it is one (the dictionary or the document's own) and its second part alone is
        // no word the sentence could go on with ("pre- school" stays two unless the plan writes "preschool"); or
        // when neither part is a word ("decarbon- isation"): a compound's parts are words. Two words stay as
        // written: authors use "word- more text" as a dash ("our assets- including the depot").
        if (lexicon.used_in_document(hyphenated)) joined = hyphenated;
        else if (lexicon.known(whole) && (!b_word || lexicon.used_in_document(whole))) joined = whole;
        else if (!a_word && !b_word) joined = whole;
        if (!joined.empty()) {
          const std::string head = a.substr(0, a.size() - 1 - a_bare.size());  // "(" before "(decarbon-"
          joined = head + joined + std::string(b.substr(b_bare.size()));       // "," after "isation,"
        }
      }
    }
    if (joined.empty()) {
      kept.push_back(a);
      continue;
    }
    kept.push_back(std::move(joined));
    changed = true;
    ++i;  // the second word is part of the joined one
  }
  if (!changed) return std::nullopt;
  std::string out;
  for (const std::string& w : kept) out += (out.empty() ? "" : " ") + w;
  return TextFix{out, RepairRule::line_end_hyphen};
}

}  // namespace plansheet
