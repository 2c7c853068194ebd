// The registry of repair rules (see repair_rule.hpp): for each rule its printed name, its sentence for an officer,
// and how its changes are shown. The only place a rule's name is written.
#include "model/repair_rule.hpp"

#include <array>
#include <cstddef>

namespace plansheet {
namespace {

using R = RepairRule;

constexpr std::array<RepairRuleInfo, 21> rules = {{
    {R::encoding, "encoding",
     "Text saved in another encoding was read again so that its letters show correctly (accented letters, dashes, "
     "'£' signs), or broken characters were marked with the replacement sign.",
     true},
    {R::encoding_cp1252, "encoding-cp1252",
     "A line saved in the older Windows-1252 encoding was read as such, so that accented letters, dashes and '£' "
     "signs show correctly.",
     true},
    {R::invalid_utf8, "invalid-utf8", "Bytes that are not text were replaced with the replacement sign (\uFFFD).",
     true},
    {R::invisible_characters, "invisible-characters",
     "Invisible characters (zero-width or unusual spaces) were removed or made plain spaces, and joined letters "
     "such as \uFB01 were written as two letters.",
     false},
    {R::mojibake, "mojibake",
     "Characters garbled by a wrong encoding were put back (\u00E2\u20AC\u2122 back to "
     "\u2019).",
     false},
    {R::unicode_nfc, "unicode-nfc",
     "A letter stored with its accent as a separate character was stored as one character; it looks the same.", false},
    {R::false_delimiter, "false-delimiter",
     "Two spaces inside a sentence (after a full stop) had been taken for a gap between columns; the text was kept "
     "in one cell.",
     true},
    {R::quoted_line_break, "quoted-line-break",
     "A cell with a line break, copied from a spreadsheet in quotes over several lines, was read as one cell and "
     "its quotes removed.",
     true},
    {R::struck_through, "struck-through",
     "Struck-through text in a spreadsheet cell (a revision) was left out; the rest of the cell was kept.", true},
    {R::fill_colour, "fill-colour",
     "A RAG cell that was only coloured in was given the word for its colour (a red cell reads Red).", true},
    {R::misplaced_text, "misplaced-text",
     "Text that had landed in the wrong column or the wrong action was moved to where it belongs.", true},
    {R::duplicate_row, "duplicate-row",
     "A row printed twice (for example either side of a page break) was merged into one action.", true},
    {R::continuation, "continuation",
     "A line that carries on the action above it (text wrapped onto a new line) was joined to that action.", true},
    {R::split_row, "split-row",
     "A row broken inside one of its cells, its second part printed on the next line with the rest of the row, "
     "was joined back into one action.",
     true},
    {R::markup, "markup", "Web or formatting code such as <b> or **bold** was removed, leaving the words.", false},
    {R::split_word, "split-word",
     "A word broken in two by a stray tab or space was joined back together (Bra nch to Branch).", false},
    {R::line_end_hyphen, "line-end-hyphen",
     "A word broken with a hyphen at the end of a line was written whole again (decarbon- isation to "
     "decarbonisation); a hyphen the plan writes in that word elsewhere is kept (co- ordinate to co-ordinate).",
     false},
    {R::homoglyph, "homoglyph",
     "A letter from another alphabet that looks like a Latin one was replaced (Cyrillic \u0442 for T).", false},
    {R::ocr, "ocr",
     "A character misread when the document was scanned was corrected (ln progress to In progress), or a stray "
     "mark was dropped.",
     false},
    {R::lost_text, "lost-text",
     "Letters cut off at the start of a cell were restored from the same words elsewhere in the plan.", true},
    {R::fill_down, "fill-down",
     "A blank cell in a column written only on the first row of each group (as merged cells export) was given the "
     "value above it.",
     true},
}};

constexpr bool in_enumerator_order() {
  for (std::size_t i = 0; i < rules.size(); ++i)
    if (static_cast<std::size_t>(rules[i].rule) != i) return false;
  return true;
}
static_assert(in_enumerator_order(), "one entry per RepairRule, in enumerator order");

}  // namespace

std::span<const RepairRuleInfo> repair_rules() { return rules; }

const RepairRuleInfo& rule_info(RepairRule rule) { return rules[static_cast<std::size_t>(rule)]; }

}  // namespace plansheet
