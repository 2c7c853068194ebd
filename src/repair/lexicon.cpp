// The Lexicon (see lexicon.hpp): dictionary and document words, cached, and the bare form of a word.
#include "repair/lexicon.hpp"

#include "text/dictionary.hpp"
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

}  // namespace plansheet
