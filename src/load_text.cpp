// Stage: load a paste. Decodes BOMs and UTF-16 (what the Windows clipboard gives), splits lines on any
// terminator, and replaces invalid UTF-8 (Windows-1252 when the bytes read as such), logging each repair.
#include "load_text.hpp"

#include <fmt/format.h>

#include <array>
#include <cstdint>

#include "unicode_text.hpp"

namespace plansheet {
namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// UTF-16 to UTF-8; a lone surrogate becomes U+FFFD and is counted.
std::string decode_utf16(std::string_view bytes, bool little_endian, int& lone_surrogates) {
  std::string out;
  out.reserve(bytes.size());
  auto unit = [&](std::size_t i) -> std::uint32_t {
    auto b0 = static_cast<unsigned char>(bytes[i]), b1 = static_cast<unsigned char>(bytes[i + 1]);
    return little_endian ? (b0 | (b1 << 8)) : ((b0 << 8) | b1);
  };
  std::size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) {
    std::uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
      std::uint32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) {
      ++lone_surrogates;
      u = 0xFFFD;
    }
    append_utf8(out, u);
  }
  if (i < bytes.size()) ++lone_surrogates;  // an odd trailing byte
  return out;
}

// Windows-1252 bytes 0x80..0x9F; the rest of the high half is Latin-1.
constexpr std::array<std::uint16_t, 32> cp1252_high = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

std::string decode_cp1252(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char ch : bytes) {
    auto b = static_cast<unsigned char>(ch);
    if (b < 0x80)
      out += ch;
    else if (b < 0xA0)
      append_utf8(out, cp1252_high[b - 0x80]);
    else
      append_utf8(out, b);
  }
  return out;
}

// Looks like UTF-16 without a BOM: many NUL bytes on one parity.
std::optional<bool> sniff_utf16_without_bom(std::string_view bytes) {
  if (bytes.size() < 8) return std::nullopt;
  std::size_t even = 0, odd = 0, n = std::min<std::size_t>(bytes.size(), 4096) & ~std::size_t{1};
  for (std::size_t i = 0; i < n; i += 2) {
    even += bytes[i] == '\0';
    odd += bytes[i + 1] == '\0';
  }
  if (odd * 10 > n * 4 && even * 10 < n / 2) return true;  // "a\0b\0": little endian
  if (even * 10 > n * 4 && odd * 10 < n / 2) return false;
  return std::nullopt;
}

std::string escape_bytes(std::string_view bytes) {
  std::string out;
  for (char ch : bytes) {
    auto b = static_cast<unsigned char>(ch);
    if (b < 0x80 && b >= 0x20)
      out += ch;
    else
      out += fmt::format("\\x{:02X}", b);
  }
  return out;
}

}  // namespace

SourceText load_text(const std::string& source, std::string_view bytes) {
  SourceText result;
  result.source = source;
  std::string text;

  int lone_surrogates = 0;
  std::optional<bool> utf16_little;
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF && static_cast<unsigned char>(bytes[1]) == 0xFE) {
    utf16_little = true;
    bytes.remove_prefix(2);
  } else if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
             static_cast<unsigned char>(bytes[1]) == 0xFF) {
    utf16_little = false;
    bytes.remove_prefix(2);
  } else if (auto guess = sniff_utf16_without_bom(bytes)) {
    utf16_little = *guess;
    result.warnings.push_back({0, "", fmt::format("{}: no byte-order mark, but the bytes read as UTF-16 {}; decoded as such",
                                                  source, *guess ? "LE" : "BE")});
  }
  if (utf16_little) {
    text = decode_utf16(bytes, *utf16_little, lone_surrogates);
    if (lone_surrogates > 0)
      result.repairs.push_back({"encoding", 0, "", "", fmt::format("{} unpaired UTF-16 surrogate(s)", lone_surrogates),
                                "U+FFFD", ""});
  } else {
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    text.assign(bytes);
  }

  // NUL bytes have no place in a text paste: drop them, and say so once.
  if (text.find('\0') != std::string::npos) {
    std::size_t nuls = 0;
    std::string cleaned;
    cleaned.reserve(text.size());
    for (char ch : text) (ch == '\0' ? ++nuls : (cleaned += ch, 0));
    text = std::move(cleaned);
    result.warnings.push_back({0, "", fmt::format("{}: {} NUL byte(s) removed; is this really a text paste?", source, nuls)});
  }

  // Split on CRLF, LF or lone CR.
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n' || text[i] == '\r') {
      if (i == text.size() && start == i && !result.lines.empty()) break;  // no empty line after a final newline
      result.lines.emplace_back(text, start, i - start);
      if (i < text.size() && text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  if (!result.lines.empty() && result.lines.back().empty() && !text.empty() &&
      (text.back() == '\n' || text.back() == '\r'))
    result.lines.pop_back();

  // Invalid UTF-8: a line whose bad bytes read as Windows-1252 is decoded so; otherwise U+FFFD.
  for (std::size_t n = 0; n < result.lines.size(); ++n) {
    std::string& line = result.lines[n];
    auto replaced = text::repair_invalid_utf8(line);
    if (!replaced) continue;
    std::string decoded = decode_cp1252(line);
    bool cp1252_clean = decoded.find("\xEF\xBF\xBD") == std::string::npos;
    std::string after = cp1252_clean ? decoded : *replaced;
    result.repairs.push_back({cp1252_clean ? "encoding-cp1252" : "invalid-utf8", static_cast<int>(n + 1), "", "",
                              escape_bytes(line), after, ""});
    line = std::move(after);
  }
  return result;
}

}  // namespace plansheet
