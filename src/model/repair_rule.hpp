// The repair rules: one enumerator per kind of change made to the authors' text, each with the name the exports
// print and a sentence an officer understands. Every stage that changes text names the change with one of these.
#pragma once

#include <span>
#include <string_view>

namespace plansheet {

// In the order the pipeline applies them: decoding, normalising, cell formats, reassembly, cleaning.
enum class RepairRule {
  encoding,              // a file or line read again in another encoding
  encoding_cp1252,       // a paste line of Windows-1252 bytes
  invalid_utf8,          // bytes that are no text, replaced
  invisible_characters,  // odd spaces, zero-width characters, ligatures
  mojibake,              // UTF-8 read as Windows-1252 and saved again
  unicode_nfc,           // letters and accents composed
  false_delimiter,       // a run of spaces inside a cell's text that had been read as a cell boundary
  quoted_line_break,     // a spreadsheet cell with a line break, pasted in quotes over several lines
  struck_through,        // a revision struck through in a spreadsheet cell
  fill_colour,           // a RAG cell that holds only a colour
  misplaced_text,        // text moved to the cell or action it belongs to
  duplicate_row,         // a row printed twice, merged
  continuation,          // a wrapped line joined to its action
  split_row,             // a row split inside a cell, its second part joined back
  markup,                // HTML or markdown removed
  split_word,            // a word cut by a tab or space, rejoined
  line_end_hyphen,       // a word hyphenated at a line end, written whole again
  homoglyph,             // a look-alike letter from another alphabet
  ocr,                   // a misread or stray character
  lost_text,             // letters lost at a cell's start, restored
  fill_down,             // a blank cell of a column written once per group, given the value above
};

struct RepairRuleInfo {
  RepairRule rule;
  std::string_view name;      // as the JSON export and the workbook print it: never changes
  std::string_view sentence;  // what the rule did, in words an officer understands
  // Long text is shown whole rather than cut to the words that changed: the rule moves, restores or re-reads
  // text, which makes sense only in full.
  bool shown_whole;
};

// Every rule, in enumerator order.
std::span<const RepairRuleInfo> repair_rules();
const RepairRuleInfo& rule_info(RepairRule rule);
inline std::string_view rule_name(RepairRule rule) { return rule_info(rule).name; }

}  // namespace plansheet
