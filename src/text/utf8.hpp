// UTF-8 one code point at a time: the one decoder and the one encoder every part of plansheet uses.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace plansheet::utf8 {

inline constexpr char32_t replacement_char = 0xFFFD;
inline constexpr char32_t invalid = 0xFFFFFFFF;

// Decodes one code point at `i` and advances `i`. An ill-formed sequence yields `invalid` and advances past its
// maximal subpart (Unicode 15, section 3.9, table 3-7), so "\xE2\x80" followed by 'x' is one U+FFFD then 'x'.
char32_t next_code_point(std::string_view s, std::size_t& i);

// How many code points the text holds: a character's place on a line of a paste laid out in columns.
inline int code_points(std::string_view s) {
  int n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) next_code_point(s, i);
  return n;
}

// Appends one code point (below U+110000) as UTF-8.
void append_utf8(std::string& out, char32_t cp);

}  // namespace plansheet::utf8
