// Cell-level text repairs, each a pure function: text in, repaired text (or nothing to do) out, with the rule name.
// Document-level repairs (sections, ids, clustering, phrases) are in reconcile.cpp and use these.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <cstdint>
#include <functional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

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

struct TextFix {
  std::string text;
  std::string rule;
};

// Join two pieces of text that a stray tab separated. The junction is glued when that makes a word and at most
// one side is a word on its own ("Bra" + "nch" -> "Branch", "a" + "nd" -> "and"), also across a letter printed
// twice ("Communiti" + "ies") or a stray letter ("ar" + "nd" -> "and"); otherwise the pieces are joined by a space.
// `glued` says whether the junction was glued.
std::string join_split(std::string_view left, std::string_view right, const Lexicon& lexicon, bool* glued = nullptr);

// HTML tags, markdown links "[text](#)", bold and escapes "\*" removed. `damaged` receives the word positions (in
// the result's words) that touched removed markup, for phrase restoration; `unbalanced` whether tags opened and
// closed in different numbers (a cell cut in the middle of markup).
std::optional<TextFix> strip_markup(std::string_view text, std::vector<std::size_t>* damaged = nullptr,
                                    bool* unbalanced = nullptr);

// A stray single letter left at the start of a cell by a split ("n In progress" -> "In progress").
std::optional<TextFix> drop_stray_leading_letter(std::string_view text, const Lexicon& lexicon);

// OCR confusions, only where the result is a known word and the original is not ("ln" -> "In", "0ngoing" ->
// "Ongoing", "rnanagement" -> "management").
std::optional<TextFix> fix_ocr_confusions(std::string_view text, const Lexicon& lexicon);

// "ln" read for "In": at the start of a cell or a sentence before a word ("ln progress" -> "In progress"), and
// inside a sentence before a lower-case word ("work ln the district" -> "in"). "ln" before a number or alone stays.
std::optional<TextFix> fix_ln_in_context(std::string_view text);

// A typed value (a rating, a date) misread by one OCR-confusable glyph: the one reading `valid` accepts ("Arnber"
// -> "Amber" in a RAG column). Nothing when no reading or more than one is valid.
std::optional<TextFix> fix_typed_misreading(std::string_view text, const std::function<bool(std::string_view)>& valid);

// Every reading of a text with one OCR-confusable glyph swapped ("ln progress" -> "In progress", ...).
std::vector<std::string> ocr_readings(std::string_view text);

// Words split by a stray space, rejoined when both halves are not words and the join is, or when the join is a
// word the document itself uses and one half is not a word ("deliver y" -> "delivery" only when "delivery" is
// used elsewhere).
std::optional<TextFix> rejoin_split_words(std::string_view text, const Lexicon& lexicon);

// Cyrillic or Greek look-alike letters inside words of a Latin text ("ТВС" -> "TBC"); only words whose mapped
// form is plain ASCII are changed.
std::optional<TextFix> fix_homoglyph_words(std::string_view text);

// The Latin readings of an id written with Cyrillic or Greek look-alike letters, the plain look-alike reading first;
// a look-alike may stand for a letter or a digit ("Т1О" -> "T1O", "T10"). At most 64 readings.
std::vector<std::string> lookalike_id_readings(std::string_view raw);

}  // namespace plansheet
