// The no-loss ledger: the decoded input lines and the Plan made from them in, a description of every character
// that went missing out (empty when nothing did). Shared by the fuzz targets and tests/hostile_test.cpp.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "model/plan.hpp"
#include "text/unicode_text.hpp"

namespace plansheet::ledger {

using Counts = std::map<char32_t, long>;

// Whitespace is layout, not text: the pipeline may fold, split or drop it freely.
inline bool is_layout_space(char32_t cp) {
  switch (cp) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20: case 0x85: case 0xA0: case 0x1680:
    case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

// Adds the code points of valid UTF-8 text (after NFC) to `counts`; a malformed sequence counts as U+FFFD,
// exactly as the loaders decode it. `separator` is a further layout character (a markdown table's '|').
inline void add_text(Counts& counts, std::string_view utf8, char32_t separator = 0) {
  const std::string nfc = text::to_nfc(utf8);
  std::size_t i = 0;
  while (i < nfc.size()) {
    auto b = static_cast<unsigned char>(nfc[i]);
    std::size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    char32_t cp = 0xFFFD;
    if (len == 0 || i + len > nfc.size()) {
      len = 1;
    } else {
      cp = len == 1 ? b : static_cast<char32_t>(b & (0x7F >> len));
      for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(nfc[i + k]) & 0x3F);
    }
    i += len;
    // ASCII letters are counted case-folded: the JSON writes RAG words in lower case ("Green" -> "green").
    if (cp >= 'A' && cp <= 'Z') cp = cp - 'A' + 'a';
    if (!is_layout_space(cp) && cp != separator) ++counts[cp];
  }
}

// Everything a Plan keeps of its input's text: action fields, title, legend, column labels, repairs' `before`
// and removed text.
inline Counts plan_text(const Plan& plan, char32_t separator = 0) {
  Counts counts;
  auto add = [&](std::string_view t) { add_text(counts, t, separator); };
  if (plan.title) add(*plan.title);
  for (const Column& c : plan.columns) add(c.label);
  for (const LegendEntry& e : plan.legend) add(e.text);
  for (const Repair& r : plan.repairs) add(r.before);
  for (const Removal& r : plan.removed) add(r.text);
  for (const Action& a : plan.actions) {
    for (Role role : all_roles)
      if (const std::string* t = a.text_of(role)) add(*t);
    for (const auto& [label, value] : a.extra) {
      add(label);
      add(value);
    }
  }
  return counts;
}

inline std::string describe(char32_t cp) {
  if (cp >= 0x21 && cp < 0x7F) return fmt::format("'{}'", static_cast<char>(cp));
  return fmt::format("U+{:04X}", static_cast<std::uint32_t>(cp));
}

// Characters of `input_lines` the plan does not account for, as "'x' 2 of 3 lost; U+00E9 1 of 1 lost";
// empty when every character of the input is there at least as many times. `separator` as in add_text.
inline std::string missing(const std::vector<std::string>& input_lines, const Plan& plan, char32_t separator = 0) {
  Counts in;
  for (const std::string& line : input_lines) add_text(in, line, separator);
  const Counts out = plan_text(plan, separator);
  std::string report;
  for (const auto& [cp, n] : in) {
    auto found = out.find(cp);
    long kept = found == out.end() ? 0 : found->second;
    if (kept >= n) continue;
    if (!report.empty()) report += "; ";
    report += fmt::format("{} {} of {} lost", describe(cp), n - kept, n);
  }
  return report;
}

}  // namespace plansheet::ledger
