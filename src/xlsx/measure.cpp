// Text as a spreadsheet counts it (see measure.hpp): UTF-8 in, UTF-16 lengths, widths, wrapped lines and valid
// UTF-8 out, decoded with text/utf8.hpp.
#include "xlsx/measure.hpp"

#include <algorithm>
#include <cmath>

#include "text/utf8.hpp"

namespace plansheet::xlsx::detail {

namespace {

// One character at `i`, advancing `i`. An invalid byte stands alone as one U+FFFD (not one per maximal subpart, as
// the decoder itself counts): the widths, lengths and repaired texts of the workbook have always counted so.
struct Decoded {
  char32_t cp;
  bool valid;
};

Decoded next_char(std::string_view s, std::size_t& i) {
  const std::size_t start = i;
  const char32_t cp = utf8::next_code_point(s, i);
  if (cp != utf8::invalid) return {cp, true};
  i = start + 1;
  return {utf8::replacement_char, false};
}

double char_width(char32_t cp) {
  if (cp >= 0x300 && cp <= 0x36F) return 0;  // combining marks sit on the previous letter
  const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) || cp >= 0x20000;
  return wide ? 2 : 1;
}

std::size_t utf16_units(char32_t cp) { return cp > 0xFFFF ? 2 : 1; }

}  // namespace

// Every measure below takes ASCII bytes one at a time without decoding: nearly all plan text is ASCII.

std::size_t utf16_length(std::string_view utf8) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    if (static_cast<unsigned char>(utf8[i]) < 0x80) {
      ++n, ++i;
      continue;
    }
    n += utf16_units(next_char(utf8, i).cp);
  }
  return n;
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    if (!next_char(text, i).valid) return false;
  }
  return true;
}

std::string valid_utf8(std::string_view text) {
  if (is_valid_utf8(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    if (next_char(text, i).valid)
      out.append(text.substr(start, i - start));
    else
      utf8::append_utf8(out, utf8::replacement_char);
  }
  return out;
}

std::string cut_to_limit(std::string_view utf8, std::size_t limit) {
  if (utf16_length(utf8) <= limit) return std::string(utf8);
  static constexpr std::string_view marker = " [\u2026 cut at the spreadsheet cell limit]";
  const std::size_t budget = limit - std::min(limit, utf16_length(marker));
  std::size_t units = 0, i = 0;
  while (i < utf8.size()) {
    std::size_t next = i;
    const std::size_t u = utf16_units(next_char(utf8, next).cp);
    if (units + u > budget) break;
    units += u;
    i = next;
  }
  return valid_utf8(utf8.substr(0, i)) + std::string(marker);
}

double text_width(std::string_view utf8) {
  std::size_t ascii = 0;
  double w = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    if (static_cast<unsigned char>(utf8[i]) < 0x80) {
      ++ascii, ++i;
      continue;
    }
    w += char_width(next_char(utf8, i).cp);
  }
  return w + static_cast<double>(ascii);
}

TextMeasure measure_text(std::string_view utf8) {
  TextMeasure m;
  double line = 0;
  std::size_t run = 0;  // ASCII characters of the current line not yet added to `line`
  for (std::size_t i = 0; i < utf8.size();) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    if (b < 0x80) {
      if (b == '\n') {
        m.longest_line = std::max(m.longest_line, line + static_cast<double>(run));
        line = 0, run = 0;
      } else {
        ++run;
      }
      ++i;
      continue;
    }
    const Decoded d = next_char(utf8, i);
    if (!d.valid) m.valid = false;
    line += char_width(d.cp);
  }
  m.longest_line = std::max(m.longest_line, line + static_cast<double>(run));
  return m;
}

int wrapped_lines(std::string_view utf8, double width) {
  // Excel's width unit is one '0' in the default font; prose letters average about a tenth narrower (measured
  // on LibreOffice renders), less a character of padding. Whole words move to the next line.
  const double cap = std::max(1.0, std::floor(width * 1.1 - 1));
  // Most cells fit on one line: no character is wider than its bytes, so a short single line needs no more.
  if (static_cast<double>(utf8.size()) <= cap && utf8.find('\n') == std::string_view::npos) return 1;
  int lines = 0;
  std::size_t start = 0;
  while (true) {
    const std::size_t nl = utf8.find('\n', start);
    const std::string_view para = utf8.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    int para_lines = 1;
    double line = 0;
    std::size_t p = 0;
    while (p < para.size()) {
      while (p < para.size() && para[p] == ' ') ++p;
      if (p >= para.size()) break;
      std::size_t q = para.find(' ', p);
      if (q == std::string_view::npos) q = para.size();
      double w = text_width(para.substr(p, q - p));
      if (line > 0 && line + 1 + w <= cap) {
        line += 1 + w;
      } else {
        if (line > 0) ++para_lines;
        while (w > cap) {  // a word longer than the line breaks anywhere
          ++para_lines;
          w -= cap;
        }
        line = w;
      }
      p = q;
    }
    lines += para_lines;
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

double longest_word(std::string_view s) {
  double best = 0;
  std::size_t p = 0;
  while (p <= s.size()) {
    std::size_t q = s.find_first_of(" \n", p);
    if (q == std::string_view::npos) q = s.size();
    best = std::max(best, text_width(s.substr(p, q - p)));
    p = q + 1;
  }
  return best;
}

}  // namespace plansheet::xlsx::detail
