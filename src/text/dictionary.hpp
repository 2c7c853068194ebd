// Word knowledge for repairs: Debian's hunspell en_GB dictionary plus the words of the document being cleaned.
// The one place that touches hunspell. A missing dictionary degrades to the document's own words, never fails.
// Answers are cached inside the object, so one Dictionary must not be queried from two threads at once.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plansheet {

class Dictionary {
 public:
  // Opens en_GB from `dir` (default: Debian's /usr/share/hunspell); falls back to en_US, then to no dictionary.
  explicit Dictionary(std::string dir = PLANSHEET_HUNSPELL_DIR);
  ~Dictionary();
  Dictionary(Dictionary&&) noexcept;
  Dictionary& operator=(Dictionary&&) noexcept;

  // A real word: spelled correctly in en_GB (any case form accepted by hunspell), or seen in the document.
  // Punctuation around the word (quotes, brackets, trailing ':' ',' '.' ';' '!' '?') is ignored; numbers are words
  // ("12", "-3", "10,000", "3.5", "50%", "£5m", "2025/26", "21st"). Empty or punctuation-only text is no word.
  bool is_word(std::string_view word) const;
  // Only the hunspell dictionary (no document words, numbers only as far as hunspell knows them); the same
  // punctuation is ignored. Always false without a dictionary.
  bool in_dictionary(std::string_view word) const;
  // Record a word as used in the document (case-insensitive, surrounding punctuation ignored), with a count.
  void add_document_word(std::string_view word);
  // Forget the document's words (the dictionary itself, and what it has answered, stay): one Dictionary can serve
  // one input after another.
  void clear_document_words();
  int document_count(std::string_view word) const;  // times the word was added (case-insensitive)
  // Every document word (case-folded) with its count, in no particular order.
  std::vector<std::pair<std::string, int>> document_words() const;
  bool has_dictionary() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace plansheet
