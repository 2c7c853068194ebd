// The text of XLSX string cells (see rich_text.hpp).
#include "load/xlsx/rich_text.hpp"

#include <charconv>

#include "text/utf8.hpp"

namespace plansheet::detail {

// OOXML escapes characters XML cannot hold as _xHHHH_ ("_x000D_" is the carriage return Excel keeps before a
// line break); decode them and turn CR LF / CR into LF so a cell's line breaks are plain "\n".
std::string decode_cell_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      unsigned cp = 0;
      auto [ptr, ec] = std::from_chars(s.data() + i + 2, s.data() + i + 6, cp, 16);
      if (ec == std::errc() && ptr == s.data() + i + 6) {
        if (cp != 0x0D) utf8::append_utf8(out, cp);
        else if (!(i + 7 < s.size() && s[i + 7] == '\n')) out += '\n';
        i += 6;
        continue;
      }
    }
    if (s[i] == '\r') {
      if (!(i + 1 < s.size() && s[i + 1] == '\n')) out += '\n';
      continue;
    }
    out += s[i];
  }
  return out;
}

}  // namespace plansheet::detail
