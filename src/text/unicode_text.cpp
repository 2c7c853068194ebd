// Unicode helpers over ICU: UTF-8 text in, repaired or normalised UTF-8 text out (NFC, invisible characters,
// mojibake, invalid bytes, case, confusable letters). Nothing here throws; ICU failures leave the text as it was.
#include "text/unicode_text.hpp"

#include "text/utf8.hpp"

#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>

#include <array>
#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

namespace plansheet::text {
namespace detail {

using utf8::replacement_char;
using utf8::invalid;
using utf8::next_code_point;
using utf8::append_utf8;

// Code points of the text; each ill-formed sequence becomes one U+FFFD.
std::vector<char32_t> decode(std::string_view s) {
  std::vector<char32_t> cps;
  cps.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = next_code_point(s, i);
    cps.push_back(cp == invalid ? replacement_char : cp);
  }
  return cps;
}

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (next_code_point(s, i) == invalid) return false;
  }
  return true;
}

// The input as valid UTF-8 (ICU's UTF-8 entry points do not promise anything for ill-formed input).
std::string valid_copy(std::string_view s) {
  if (auto repaired = repair_invalid_utf8(s)) return std::move(*repaired);
  return std::string(s);
}

UChar32 as_uchar(char32_t cp) { return static_cast<UChar32>(cp); }

// ---- mojibake ----------------------------------------------------------------------------------------------

// Windows-1252 bytes 0x80..0x9F and the characters they decode to (0 = undefined in Windows-1252).
constexpr std::array<char32_t, 32> cp1252_high = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// The byte a character came from when UTF-8 was misread as Windows-1252, or as Latin-1 (which maps 0x80..0x9F
// to the C1 controls U+0080..U+009F); -1 when the character cannot have come from such a misreading.
int misread_byte(char32_t cp) {
  if (cp <= 0xFF) return static_cast<int>(cp);
  for (std::size_t b = 0; b < cp1252_high.size(); ++b) {
    if (cp1252_high[b] == cp) return static_cast<int>(0x80 + b);
  }
  return -1;
}

bool is_latin_upper(char32_t cp) {
  UErrorCode status = U_ZERO_ERROR;
  return u_isupper(as_uchar(cp)) && uscript_getScript(as_uchar(cp), &status) == USCRIPT_LATIN;
}

// Whether a decoded sequence is a character that real text plausibly held. The strong signatures ("Â" or "Ã"
// before a continuation byte, and every 3- and 4-byte sequence) need only a sane result; other two-byte leads
// are ordinary capitals ("CAFÉ”" is É then ”), so they must yield a letter or combining mark and must not end
// an upper-case Latin word.
bool plausible(char32_t repaired, std::size_t length, char32_t lead, char32_t before, char32_t after) {
  if (length == 3) {
    return repaired >= 0x800 && repaired <= 0xFFFD && !(repaired >= 0xE000 && repaired <= 0xF8FF) &&
           !(repaired >= 0xFDD0 && repaired <= 0xFDEF);
  }
  if (length == 4) return repaired >= 0x10000 && repaired < 0xF0000 && (repaired & 0xFFFE) != 0xFFFE;
  if (repaired < 0xA0 || repaired > 0x52F) return false;
  if (lead == 0xC2 || lead == 0xC3) return true;
  const auto category = u_charType(as_uchar(repaired));
  if (!u_isalpha(as_uchar(repaired)) && category != U_NON_SPACING_MARK) return false;
  const bool ends_caps_word = is_latin_upper(before) && !u_islower(as_uchar(after));
  return !ends_caps_word;
}

// One pass over the text; returns true when it repaired at least one sequence.
bool repair_mojibake_pass(const std::vector<char32_t>& in, std::vector<char32_t>& out) {
  out.clear();
  out.reserve(in.size());
  bool changed = false;
  for (std::size_t i = 0; i < in.size();) {
    const int lead = misread_byte(in[i]);
    std::size_t length = 0;
    if (lead >= 0xC2 && lead <= 0xDF) length = 2;
    if (lead >= 0xE0 && lead <= 0xEF) length = 3;
    if (lead >= 0xF0 && lead <= 0xF4) length = 4;
    if (length != 0 && i + length <= in.size()) {
      std::string bytes(1, static_cast<char>(lead));
      for (std::size_t k = 1; k < length; ++k) {
        const int b = misread_byte(in[i + k]);
        if (b < 0x80 || b > 0xBF) break;
        bytes.push_back(static_cast<char>(b));
      }
      if (bytes.size() == length) {
        // next_code_point rejects overlong forms and surrogates, so encoding the result again gives exactly these
        // bytes: the repair round-trips.
        std::size_t pos = 0;
        const char32_t repaired = next_code_point(bytes, pos);
        const char32_t before = out.empty() ? U' ' : out.back();
        const char32_t after = i + length < in.size() ? in[i + length] : U' ';
        if (repaired != invalid && pos == length &&
            plausible(repaired, length, static_cast<char32_t>(lead), before, after)) {
          out.push_back(repaired);
          i += length;
          changed = true;
          continue;
        }
      }
    }
    out.push_back(in[i]);
    ++i;
  }
  return changed;
}

// ---- confusables -----------------------------------------------------------------------------------------

std::string skeleton(const USpoofChecker* checker, UChar32 cp) {
  std::string in;
  append_utf8(in, static_cast<char32_t>(cp));
  std::array<char, 64> buffer{};
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = uspoof_getSkeletonUTF8(checker, 0, in.c_str(), static_cast<int32_t>(in.size()), buffer.data(),
                                           static_cast<int32_t>(buffer.size()), &status);
  if (U_FAILURE(status) || n < 0) return {};
  return std::string(buffer.data(), static_cast<std::size_t>(n));
}

bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// From ASCII letters and digits sharing one skeleton ("I", "l", "1" all have skeleton "l"), the one a reader
// sees: same case as the original letter first, then a digit, then the other case.
char pick(const std::string& candidates, bool want_upper) {
  const auto first = [&](bool (*test)(char)) -> char {
    for (char c : candidates) {
      if (test(c)) return c;
    }
    return 0;
  };
  if (const char c = first(want_upper ? is_ascii_upper : is_ascii_lower)) return c;
  if (const char c = first(is_ascii_digit)) return c;
  return first(want_upper ? is_ascii_lower : is_ascii_upper);
}

const icu::UnicodeSet& cyrillic_greek_letters() {
  static const icu::UnicodeSet set = [] {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeSet s(icu::UnicodeString(u"[[[:Script=Cyrillic:][:Script=Greek:]]&[:L:]]"), status);
    if (U_FAILURE(status)) s.clear();
    s.freeze();
    return s;
  }();
  return set;
}

// Every Cyrillic and Greek letter with a single-character ASCII look-alike, computed once from ICU's data.
using lookalike_map = std::unordered_map<char32_t, char>;

lookalike_map build_lookalikes() {
  lookalike_map table;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<USpoofChecker, decltype(&uspoof_close)> checker(uspoof_open(&status), &uspoof_close);
  if (U_FAILURE(status)) return table;
  uspoof_setChecks(checker.get(), USPOOF_CONFUSABLE, &status);
  if (U_FAILURE(status)) return table;

  std::map<std::string, std::string> ascii_by_skeleton;
  for (char c = '0'; c <= 'z'; ++c) {
    if (is_ascii_digit(c) || is_ascii_upper(c) || is_ascii_lower(c)) ascii_by_skeleton[skeleton(checker.get(), c)] += c;
  }
  const auto candidates = [&](UChar32 cp) -> const std::string* {
    const auto found = ascii_by_skeleton.find(skeleton(checker.get(), cp));
    return found == ascii_by_skeleton.end() ? nullptr : &found->second;
  };

  const icu::UnicodeSet& letters = cyrillic_greek_letters();
  for (int32_t r = 0; r < letters.getRangeCount(); ++r) {
    for (UChar32 cp = letters.getRangeStart(r); cp <= letters.getRangeEnd(r); ++cp) {
      const bool upper = u_isupper(cp) || u_istitle(cp);
      if (const std::string* own = candidates(cp)) {
        table.emplace(static_cast<char32_t>(cp), pick(*own, upper));
        continue;
      }
      // Lower-case letters are often drawn as small capitals ("т" has skeleton "ᴛ"); their capital has a look-alike.
      const UChar32 capital = u_toupper(cp);
      if (capital == cp) continue;
      if (const std::string* theirs = candidates(capital)) {
        table.emplace(static_cast<char32_t>(cp), pick(*theirs, true));
      }
    }
  }
  return table;
}

const lookalike_map& lookalikes() {
  static const lookalike_map table = build_lookalikes();
  return table;
}

enum class case_map { upper, lower, fold };

std::string map_case(std::string_view utf8, case_map how) {
  const std::string valid = valid_copy(utf8);
  std::string out;
  out.reserve(valid.size());
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  const icu::StringPiece piece(valid.data(), static_cast<int32_t>(valid.size()));
  // The root locale: a Turkish system locale must not turn "id" into "İD".
  switch (how) {
    case case_map::upper: icu::CaseMap::utf8ToUpper("", 0, piece, sink, nullptr, status); break;
    case case_map::lower: icu::CaseMap::utf8ToLower("", 0, piece, sink, nullptr, status); break;
    case case_map::fold: icu::CaseMap::utf8Fold(0, piece, sink, nullptr, status); break;
  }
  if (U_FAILURE(status)) return valid;
  return out;
}

// The first letter of the text (skipping digits, spaces and punctuation), or nothing.
std::optional<UChar32> first_letter(std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t cp = next_code_point(utf8, i);
    if (cp != invalid && u_isalpha(as_uchar(cp))) return as_uchar(cp);
  }
  return std::nullopt;
}

bool is_emoji_part(char32_t cp) {
  return u_hasBinaryProperty(as_uchar(cp), UCHAR_EXTENDED_PICTOGRAPHIC) ||
         u_hasBinaryProperty(as_uchar(cp), UCHAR_EMOJI_MODIFIER) || cp == 0xFE0F;
}

}  // namespace detail

std::string to_nfc(std::string_view utf8) {
  std::string valid = detail::valid_copy(utf8);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || nfc == nullptr) return valid;
  const icu::StringPiece piece(valid.data(), static_cast<int32_t>(valid.size()));
  if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return valid;
  status = U_ZERO_ERROR;
  std::string out;
  out.reserve(valid.size());
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) return valid;
  return out;
}

std::string clean_invisibles(std::string_view utf8) {
  const std::vector<char32_t> cps = detail::decode(utf8);
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < cps.size(); ++i) {
    const char32_t cp = cps[i];
    switch (cp) {
      case 0x200B: case 0x200C: case 0x200E: case 0x200F: case 0x2060: case 0xFEFF: case 0x00AD:
        continue;
      case 0x200D:
        // Inside an emoji sequence the joiner is part of one picture ("👩‍🔬"); anywhere else it is debris.
        if (i > 0 && i + 1 < cps.size() && detail::is_emoji_part(cps[i - 1]) && detail::is_emoji_part(cps[i + 1])) {
          detail::append_utf8(out, cp);
        }
        continue;
      case 0xFB00: out += "ff"; continue;
      case 0xFB01: out += "fi"; continue;
      case 0xFB02: out += "fl"; continue;
      case 0xFB03: out += "ffi"; continue;
      case 0xFB04: out += "ffl"; continue;
      case 0xFB05: case 0xFB06: out += "st"; continue;
      default: break;
    }
    if (cp != U' ' && u_charType(detail::as_uchar(cp)) == U_SPACE_SEPARATOR) {
      out.push_back(' ');
    } else {
      detail::append_utf8(out, cp);
    }
  }
  return out;
}

std::optional<std::string> repair_mojibake(std::string_view utf8) {
  std::vector<char32_t> current = detail::decode(utf8);
  std::vector<char32_t> next;
  bool changed = false;
  // Text that went through the mistake twice needs two passes; three bounds the work on adversarial input.
  for (int pass = 0; pass < 3 && detail::repair_mojibake_pass(current, next); ++pass) {
    current.swap(next);
    changed = true;
  }
  if (!changed) return std::nullopt;
  std::string out;
  out.reserve(utf8.size());
  for (char32_t cp : current) detail::append_utf8(out, cp);
  return out;
}

std::optional<std::string> repair_invalid_utf8(std::string_view bytes) {
  if (detail::is_valid_utf8(bytes)) return std::nullopt;
  std::string out;
  out.reserve(bytes.size() + 8);
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t start = i;
    const char32_t cp = detail::next_code_point(bytes, i);
    if (cp == detail::invalid) {
      detail::append_utf8(out, detail::replacement_char);
    } else {
      out.append(bytes.substr(start, i - start));
    }
  }
  return out;
}

bool has_cyrillic_or_greek(std::string_view utf8) {
  const icu::UnicodeSet& letters = detail::cyrillic_greek_letters();
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t cp = detail::next_code_point(utf8, i);
    if (cp >= 0x80 && cp != detail::invalid && letters.contains(detail::as_uchar(cp))) return true;
  }
  return false;
}

std::string latin_lookalikes(std::string_view utf8) {
  const detail::lookalike_map& table = detail::lookalikes();
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t cp = detail::next_code_point(utf8, i);
    if (cp == detail::invalid) {
      detail::append_utf8(out, detail::replacement_char);
      continue;
    }
    const auto found = cp < 0x80 ? table.end() : table.find(cp);
    if (found != table.end()) {
      out.push_back(found->second);
    } else {
      detail::append_utf8(out, cp);
    }
  }
  return out;
}

std::string to_upper(std::string_view utf8) { return detail::map_case(utf8, detail::case_map::upper); }
std::string to_lower(std::string_view utf8) { return detail::map_case(utf8, detail::case_map::lower); }
std::string fold_case(std::string_view utf8) {
  // Most words are ASCII: fold those without ICU.
  bool ascii = true;
  for (char c : utf8) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    std::string out(utf8);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  return detail::map_case(utf8, detail::case_map::fold);
}

bool starts_lowercase(std::string_view utf8) {
  const auto letter = detail::first_letter(utf8);
  return letter && u_islower(*letter);
}

bool starts_uppercase(std::string_view utf8) {
  const auto letter = detail::first_letter(utf8);
  return letter && (u_isupper(*letter) || u_istitle(*letter));
}

std::size_t length_in_chars(std::string_view utf8) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < utf8.size(); ++count) detail::next_code_point(utf8, i);
  return count;
}

}  // namespace plansheet::text
