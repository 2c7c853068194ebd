// What a repair changed, in words an officer reads: a repair's before and after text in, the characters no eye can
// tell apart named ("no-break space", "Cyrillic 'Т'") and a line saying what changed out. For the Repairs sheet.
#pragma once

#include <string>
#include <string_view>

#include "model/plan.hpp"

namespace plansheet::xlsx::detail {

// The name of a character that looks like nothing or like another ("no-break space", "tab", "soft hyphen",
// "Cyrillic 'Т'"), or "" for an ordinary one. Letters of other alphabets are named only when `look_alikes`.
std::string character_name(char32_t c, bool look_alikes);

// `text` with each invisible character written as its name in brackets ("Solar[no-break space]Together"), and
// within the part a repair changed also each look-alike letter ("[Cyrillic Т]R2"). Line breaks stay line breaks.
// `other` is the text on the repair's other side, which tells the changed part; "" marks no look-alikes.
std::string marked_text(std::string_view text, std::string_view other);

// One line on what a repair changed ("Cyrillic 'Т' (U+0422) → Latin 'T'", "moved from the RAG column to Update"),
// or "" when the before and after columns say it plainly. `field` and `from_field` are the columns' labels.
std::string what_changed(const Repair& r, std::string_view field, std::string_view from_field);

}  // namespace plansheet::xlsx::detail
