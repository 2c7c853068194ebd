// Stage: normalise decoded lines: invisible characters, ligatures, mojibake, NFC; every change logged.
#include "load/normalise.hpp"

#include <algorithm>

#include "text/text_span.hpp"
#include "text/unicode_text.hpp"

namespace plansheet {
namespace {

void log_change(std::vector<Repair>& repairs, RepairRule rule, SourcePos pos, std::string_view before,
                std::string_view after) {
  if (before == after) return;
  auto [from, to] = changed_span(before, after);
  repairs.push_back({rule, pos, "", "", std::move(from), std::move(to)});
}

bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

}  // namespace

std::string normalise_cell(std::string_view cell, SourcePos pos, std::vector<Repair>& repairs) {
  std::string current(cell);
  if (is_ascii(current)) return current;  // the common case costs one scan

  // Cheap byte tests first: odd spaces, zero-width characters and ligatures start with C2, E2 80/81, E3 80, EF AC
  // or EF BB; mojibake of Windows-1252 always shows Ã, Â or â (C3 83, C3 82, C3 A2) or Å.
  auto has = [&](std::string_view bytes) { return current.find(bytes) != std::string::npos; };
  if (has("\xC2") || has("\xE2\x80") || has("\xE2\x81") || has("\xE3\x80") || has("\xEF\xAC") || has("\xEF\xBB")) {
    std::string cleaned = text::clean_invisibles(current);
    log_change(repairs, RepairRule::invisible_characters, pos, current, cleaned);
    current = std::move(cleaned);
  }
  if (has("\xC3") || has("\xC5")) {
    if (auto fixed = text::repair_mojibake(current)) {
      log_change(repairs, RepairRule::mojibake, pos, current, *fixed);
      current = std::move(*fixed);
    }
  }

  std::string composed = text::to_nfc(current);
  log_change(repairs, RepairRule::unicode_nfc, pos, current, composed);
  return composed;
}

std::string fold_lines(std::string_view text) {
  std::string out;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    std::string line = fold_whitespace(text.substr(0, end));
    if (!line.empty()) out.append(out.empty() ? "" : "\n").append(line);
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return out;
}

void normalise_table(RawTable& table, bool keep_line_breaks) {
  for (Row& row : table.rows)
    for (Cell& cell : row.cells) {
      std::string text = normalise_cell(cell.text, {row.line, cell.pos.column}, table.repairs);
      cell.text = keep_line_breaks && text.find('\n') != std::string::npos ? fold_lines(text) : fold_whitespace(text);
    }
}

void normalise(SourceText& text) {
  for (std::size_t n = 0; n < text.lines.size(); ++n)
    text.lines[n] = normalise_cell(text.lines[n], {static_cast<int>(n + 1)}, text.repairs);
}

}  // namespace plansheet
