// The cell-level rules in the order reconcile runs them on a text cell (see clean_text.hpp): look-alike letters
// first, as they hide words from the rules after; then misreadings and split words, which only a word column has.
#include "repair/clean_text.hpp"

#include <array>

namespace plansheet {
namespace {

bool every_role(Role) { return true; }
// An id is a code, not words: the word rules have nothing to go on there.
bool not_id(Role role) { return role != Role::id; }
bool date_or_rating(Role role) {
  return role == Role::start || role == Role::end || role == Role::timescale || role == Role::rag;
}

constexpr std::array<CellRule, 8> rules = {{
    {RepairRule::homoglyph, every_role,
     [](std::string_view text, Role, const Lexicon&) { return fix_homoglyph_words(text); }},
    {RepairRule::ocr, not_id,
     [](std::string_view text, Role, const Lexicon& lexicon) { return drop_stray_leading_letter(text, lexicon); }},
    {RepairRule::ocr, not_id,
     [](std::string_view text, Role, const Lexicon& lexicon) { return fix_ocr_confusions(text, lexicon); }},
    {RepairRule::ocr, not_id, [](std::string_view text, Role, const Lexicon&) { return fix_ln_in_context(text); }},
    {RepairRule::split_word, not_id,
     [](std::string_view text, Role, const Lexicon& lexicon) { return rejoin_split_words(text, lexicon); }},
    {RepairRule::line_end_hyphen, not_id,
     [](std::string_view text, Role, const Lexicon& lexicon) { return rejoin_line_end_hyphens(text, lexicon); }},
    {RepairRule::ocr, date_or_rating, fix_typed_misreading, true},
    {RepairRule::ocr, date_or_rating, drop_lone_mark, true},
}};

}  // namespace

std::span<const CellRule> cell_rules() { return rules; }

}  // namespace plansheet
