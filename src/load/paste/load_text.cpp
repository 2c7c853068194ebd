// Stage: load a paste. Decodes BOMs and UTF-16 (what the Windows clipboard gives), splits lines on any
// terminator, and replaces invalid UTF-8 (Windows-1252 when the bytes read as such), logging each repair.
#include "load/paste/load_text.hpp"

#include <algorithm>

#include <fmt/format.h>

#include <array>
#include <cstdint>

#include "model/errors.hpp"
#include "text/text_decoding.hpp"
#include "text/unicode_text.hpp"

namespace plansheet {
namespace {

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
    result.warnings.push_back({{}, "", fmt::format("{}: no byte-order mark, but the bytes read as UTF-16 {}; decoded as such",
                                                  source, *guess ? "LE" : "BE")});
  }
  if (utf16_little) {
    text = decode_utf16(bytes, *utf16_little, &lone_surrogates);
    if (lone_surrogates > 0)
      result.repairs.push_back({RepairRule::encoding, {}, "", "", fmt::format("{} unpaired UTF-16 surrogate(s)", lone_surrogates),
                                "U+FFFD"});
  } else {
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    text.assign(bytes);
  }

  // A paste is text: many control bytes mean an image, a PDF or a program named .txt.
  {
    std::size_t control = 0, sample = std::min<std::size_t>(text.size(), 65536);
    for (std::size_t i = 0; i < sample; ++i) {
      auto b = static_cast<unsigned char>(text[i]);
      control += (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F;
    }
    if (sample >= 64 && control * 5 > sample)
      throw input_error(fmt::format("{}: this is not a text paste ({} of its first {} bytes are control codes: an image, "
                                    "a PDF or a program?); convert the document to text, CSV or XLSX first",
                                    source, control, sample));
  }
  // NUL bytes have no place in a text paste: drop them, and say so once.
  if (text.find('\0') != std::string::npos) {
    std::size_t nuls = 0;
    std::string cleaned;
    cleaned.reserve(text.size());
    for (char ch : text) (ch == '\0' ? ++nuls : (cleaned += ch, 0));
    text = std::move(cleaned);
    result.warnings.push_back({{}, "", fmt::format("{}: {} NUL byte(s) removed; is this really a text paste?", source, nuls)});
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
    std::string decoded = decode_windows_1252(line);
    bool cp1252_clean = decoded.find("\xEF\xBF\xBD") == std::string::npos && decoded.find("\xC2\x81") == std::string::npos &&
                        decoded.find("\xC2\x8D") == std::string::npos && decoded.find("\xC2\x8F") == std::string::npos &&
                        decoded.find("\xC2\x90") == std::string::npos && decoded.find("\xC2\x9D") == std::string::npos;
    std::string after = cp1252_clean ? decoded : *replaced;
    result.repairs.push_back({cp1252_clean ? RepairRule::encoding_cp1252 : RepairRule::invalid_utf8, {static_cast<int>(n + 1)}, "", "",
                              escape_bytes(line), after});
    line = std::move(after);
  }
  return result;
}

}  // namespace plansheet
