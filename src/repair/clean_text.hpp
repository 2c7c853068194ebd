// Cell-level text repairs, each a pure function: text in, repaired text (or nothing to do) out, with its rule.
// One file per rule (markup.cpp, homoglyph.cpp, ocr.cpp, split_word.cpp); clean_text.cpp lists them in the order
// reconcile.cpp runs them on every text cell, and reconcile uses them for its document-level repairs too.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/plan.hpp"
#include "model/repair_rule.hpp"
#include "repair/lexicon.hpp"

namespace plansheet {

struct TextFix {
  std::string text;
  RepairRule rule;
};

// ---------------------------------------------------------------- markup (markup.cpp)

// HTML tags, markdown links "[text](#)", bold and escapes "\*" removed. `damaged` receives the word positions (in
// the result's words) that touched removed markup, for phrase restoration; `unbalanced` whether tags opened and
// closed in different numbers (a cell cut in the middle of markup).
std::optional<TextFix> strip_markup(std::string_view text, std::vector<std::size_t>* damaged = nullptr,
                                    bool* unbalanced = nullptr);

// ---------------------------------------------------------------- homoglyph (homoglyph.cpp)

// Cyrillic or Greek look-alike letters inside words of a Latin text ("ТВС" -> "TBC"); only words whose mapped
// form is plain ASCII are changed.
std::optional<TextFix> fix_homoglyph_words(std::string_view text);

// The Latin readings of an id written with Cyrillic or Greek look-alike letters, the plain look-alike reading first;
// a look-alike may stand for a letter or a digit ("Т1О" -> "T1O", "T10"). At most 64 readings.
std::vector<std::string> lookalike_id_readings(std::string_view raw);

// ---------------------------------------------------------------- ocr (ocr.cpp)

// A stray single letter left at the start of a cell by a split ("n In progress" -> "In progress").
std::optional<TextFix> drop_stray_leading_letter(std::string_view text, const Lexicon& lexicon);

// OCR confusions, only where the result is a known word and the original is not ("ln" -> "In", "0ngoing" ->
// "Ongoing", "rnanagement" -> "management").
std::optional<TextFix> fix_ocr_confusions(std::string_view text, const Lexicon& lexicon);

// Every reading of a text with one OCR-confusable glyph swapped ("ln progress" -> "In progress", ...).
std::vector<std::string> ocr_readings(std::string_view text);

// "ln" read for "In": at the start of a cell or a sentence before a word ("ln progress" -> "In progress"), and
// inside a sentence before a lower-case word ("work ln the district" -> "in"). "ln" before a number or alone stays.
std::optional<TextFix> fix_ln_in_context(std::string_view text);

// A date or rating misread by one OCR-confusable glyph: the one reading that is a value of the column's kind
// ("Arnber" -> "Amber" in a RAG column). Nothing when the text is a value already, or no reading or several are.
std::optional<TextFix> fix_typed_misreading(std::string_view text, Role role, const Lexicon& lexicon);

// A lone letter in a date or rating column that is no date or rating there: a mark left by the extraction, not a
// value; the cell is emptied. (The list spares a letter its column repeats or the plan's key defines.)
std::optional<TextFix> drop_lone_mark(std::string_view text, Role role, const Lexicon& lexicon);

// ---------------------------------------------------------------- split-word (split_word.cpp)

// Join two pieces of text that a stray tab separated. The junction is glued when that makes a word and at most
// one side is a word on its own ("Bra" + "nch" -> "Branch", "a" + "nd" -> "and"), also across a letter printed
// twice ("Communiti" + "ies") or a stray letter ("ar" + "nd" -> "and"); otherwise the pieces are joined by a space.
// `glued` says whether the junction was glued.
std::string join_split(std::string_view left, std::string_view right, const Lexicon& lexicon, bool* glued = nullptr);

// Words split by a stray space, rejoined when both halves are not words and the join is, or when the join is a
// word the document itself uses and one half is not a word ("deliver y" -> "delivery" only when "delivery" is
// used elsewhere).
std::optional<TextFix> rejoin_split_words(std::string_view text, const Lexicon& lexicon);

// ---------------------------------------------------------------- line-end-hyphen (line_end_hyphen.cpp)

// A word hyphenated at a line end, its lines joined with a space ("decarbon- isation"), written whole again
// ("decarbonisation"), or with its hyphen where the document writes it so ("co- ordinate" -> "co-ordinate"); two
// words stay as written ("assets- including" is a dash), and so does a suspended hyphen ("small- and medium-sized").
std::optional<TextFix> rejoin_line_end_hyphens(std::string_view text, const Lexicon& lexicon);

// ---------------------------------------------------------------- the list (clean_text.cpp)

// One step of cleaning a text cell: its rule, the columns it applies to, and its function.
struct CellRule {
  RepairRule rule;
  bool (*applies_to)(Role role);
  std::optional<TextFix> (*fn)(std::string_view text, Role role, const Lexicon& lexicon);
  // The rule would change or drop a value that may be the column's own vocabulary: it is skipped when the column
  // repeats the value or the plan's key defines it ("S" for short term, in a timescale column).
  bool spares_vocabulary = false;
};

// The steps in the order they run on a text cell, each on the text the one before left. Markup is stripped before
// them and on its own: the words it damaged are restored from the document's phrases, which takes the whole plan.
std::span<const CellRule> cell_rules();

}  // namespace plansheet
