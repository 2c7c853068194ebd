// The words the repair rules trust: a Lexicon answers "is this a word?" from the dictionary and the document's own
// words; bare_word and for_each_word take a cell's words apart without copying.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "text/text_span.hpp"

namespace plansheet {

class Dictionary;

// What counts as a word while repairing: a dictionary word, a number, or a word the document uses at least twice
// (a fragment left by a split is seen once). Single letters other than "a", "A" and "I" are not words.
class Lexicon {
 public:
  // Answers are cached: build the Lexicon after the document's words have been added to the dictionary.
  explicit Lexicon(const Dictionary& dictionary) : dictionary_(dictionary) {}
  // Words were added to the document after questions were asked: forget the cached answers.
  void document_changed() {
    known_.clear();
    uses_.clear();
    repeated_long_words_.clear();
    repeated_long_words_built_ = false;
  }
  bool known(std::string_view word) const;
  // Known, or used at least once in the document.
  bool attested(std::string_view word) const;
  // Used at least once in the document (the dictionary aside).
  bool used_in_document(std::string_view word) const;
  int document_uses(std::string_view word) const;
  // Could "a" + "b" be a word the document uses twice or more, six letters or longer? A hash test with no copy:
  // false means certainly not.
  bool may_be_repeated_compound(std::string_view a, std::string_view b) const;

 private:
  const Dictionary& dictionary_;
  // The repair rules ask about the same words again and again; looked up by string_view without a copy.
  mutable std::unordered_map<std::string, bool, ViewHash, std::equal_to<>> known_;
  mutable std::unordered_map<std::string, int, ViewHash, std::equal_to<>> uses_;
  mutable std::unordered_set<std::uint64_t> repeated_long_words_;  // hashes; built on first use
  mutable bool repeated_long_words_built_ = false;
};

// The word without surrounding punctuation: "(LTP4)." -> "LTP4", "Workstream:" -> "Workstream".
std::string_view bare_word(std::string_view word);

namespace detail {

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

}  // namespace detail

}  // namespace plansheet
