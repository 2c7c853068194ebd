// Text as a spreadsheet counts it: UTF-16 length, width in character cells, wrapped lines, and valid UTF-8 (what
// the workbook's XML needs). Text in, numbers or repaired text out.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace plansheet::xlsx::detail {

// Length as Excel counts it (UTF-16 code units).
std::size_t utf16_length(std::string_view utf8);
// Valid UTF-8: invalid bytes become U+FFFD, so a damaged input can never make the XML unreadable.
std::string valid_utf8(std::string_view text);
bool is_valid_utf8(std::string_view text);
// Cut to at most `limit` UTF-16 units on a character boundary, ending with a visible marker.
std::string cut_to_limit(std::string_view utf8, std::size_t limit);
// Width of the text in character cells (what a column width counts): one per character, two for wide ones.
double text_width(std::string_view utf8);
// Width of the text's longest line (as text_width counts) and whether it is valid UTF-8, in one pass.
struct TextMeasure {
  double longest_line = 0;
  bool valid = true;
};
TextMeasure measure_text(std::string_view utf8);
// Lines the text takes when wrapped at word boundaries into a column `width` characters wide.
int wrapped_lines(std::string_view utf8, double width);
// The longest word of a label (as text_width counts): a wrapped header must be at least that wide.
double longest_word(std::string_view s);

}  // namespace plansheet::xlsx::detail
