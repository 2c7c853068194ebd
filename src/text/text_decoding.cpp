// Byte decoders shared by the loaders (see text_decoding.hpp).
#include "text/text_decoding.hpp"

#include "text/utf8.hpp"

#include <array>

namespace plansheet {

using utf8::append_utf8;

std::string decode_utf16(std::string_view bytes, bool little_endian, int* replaced) {
  std::string out;
  out.reserve(bytes.size());
  int bad = 0;
  auto unit = [&](std::size_t i) -> char32_t {
    auto b0 = static_cast<unsigned char>(bytes[i]), b1 = static_cast<unsigned char>(bytes[i + 1]);
    return little_endian ? static_cast<char32_t>(b0 | (b1 << 8)) : static_cast<char32_t>((b0 << 8) | b1);
  };
  std::size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) {
    char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
      char32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) {
      ++bad;
      u = 0xFFFD;
    }
    append_utf8(out, u);
  }
  if (i < bytes.size()) ++bad;  // an odd trailing byte
  if (replaced) *replaced = bad;
  return out;
}

std::string decode_windows_1252(std::string_view bytes) {
  static constexpr std::array<char32_t, 32> high = {
      0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char ch : bytes) {
    auto b = static_cast<unsigned char>(ch);
    if (b < 0x80)
      out += ch;
    else if (b < 0xA0)
      append_utf8(out, high[b - 0x80]);
    else
      append_utf8(out, b);
  }
  return out;
}

}  // namespace plansheet
