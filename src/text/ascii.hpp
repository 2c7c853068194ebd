// ASCII helpers written once: trimming, lower case, character classes. Bytes of 0x80 and above are never
// touched, so these are safe on UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace plansheet {

// Trim ASCII whitespace (space, tab, CR, LF, FF, VT) at both ends.
std::string_view trim(std::string_view s);
// Trim spaces and tabs only (a line's own CR or LF is left for the caller to see).
std::string_view trim_blanks(std::string_view s);
// ASCII lower case (cheap; for matching labels and vocabularies).
std::string ascii_lower(std::string_view s);
bool is_ascii_space(char c);  // space, tab, CR, LF, FF, VT
bool is_ascii_upper(char c);
bool is_ascii_lower(char c);
bool is_ascii_alpha(char c);
bool is_ascii_digit(char c);
char ascii_lower(char c);

}  // namespace plansheet
