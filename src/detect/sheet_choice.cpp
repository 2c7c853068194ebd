// Pass 2, sheet choice: each sheet's cells in; a written-down score per sheet, the best sheet, and the note that
// says which sheet was chosen and why. The workbook loaders (XLSX, XLS) read every sheet and call these.
#include "detect/sheet_choice.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "text/ascii.hpp"

namespace plansheet::detail {

namespace {

bool is_digit(char c) { return is_ascii_digit(c); }
bool is_alpha(char c) { return is_ascii_alpha(c); }
char lower(char c) { return ascii_lower(c); }

// Lower-case ASCII words of a cell ("Lead Officer/Team" -> lead, officer, team).
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text) {
    if (is_alpha(c)) {
      word += lower(c);
    } else if (!word.empty()) {
      out.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(word);
  return out;
}

// Words that name the columns of an action table (one per cell counts).
bool is_header_word(const std::string& w) {
  static constexpr std::array<std::string_view, 34> list = {
      "action", "actions", "lead", "leads", "owner", "officer", "responsible", "timescale", "timescales",
      "timeline", "timeframe", "deadline", "date", "target", "rag", "status", "progress", "update",
      "ref", "reference", "id", "no", "objective", "theme", "partners", "partner", "start", "end",
      "stage", "milestone", "milestones", "outcome", "priority", "comments"};
  return std::find(list.begin(), list.end(), w) != list.end();
}

int header_word_count(const Row& row) {
  int n = 0;
  for (const Cell& cell : row.cells) {
    if (cell.text.size() > 60) continue;  // prose, not a header label
    auto ws = words(cell.text);
    if (std::any_of(ws.begin(), ws.end(), is_header_word)) ++n;
  }
  return n;
}

int nonempty_cells(const Row& row) {
  return static_cast<int>(std::count_if(row.cells.begin(), row.cells.end(),
                                        [](const Cell& c) { return !trim(c.text).empty(); }));
}

bool furniture_name(const std::string& name) {
  static constexpr std::array<std::string_view, 16> list = {
      "instruction", "guidance", "guide", "readme", "read me", "notes", "list", "lookup", "look up",
      "dropdown", "drop down", "key", "legend", "validation", "contents", "glossary"};
  std::string lowered;
  for (char c : name) lowered += lower(c);
  return std::any_of(list.begin(), list.end(),
                     [&](std::string_view w) { return lowered.find(w) != std::string::npos; });
}

std::string score_text(double score) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", score);
  return buf;
}

}  // namespace

bool is_id_like(std::string_view text) {
  std::string_view s = trim(text);
  if (s.empty() || s.size() > 12) return false;
  std::size_t i = 0;
  while (i < s.size() && is_alpha(s[i]) && i < 4) ++i;
  if (i < s.size() && (s[i] == '-' || s[i] == '.' || s[i] == ' ') && i > 0) ++i;
  std::size_t groups = 0;
  for (;;) {
    std::size_t start = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == start || i - start > 3) return false;
    ++groups;
    if (i < s.size() && s[i] == '.' && i + 1 < s.size() && is_digit(s[i + 1]) && groups < 4) {
      ++i;
      continue;
    }
    break;
  }
  if (i < s.size() && s[i] >= 'a' && s[i] <= 'z') ++i;
  if (i < s.size() && (s[i] == '.' || s[i] == ')')) ++i;
  return i == s.size();
}

int guess_header_row(const RawTable& table) {
  int best = -1, best_words = 0, best_cells = 0;
  const std::size_t limit = std::min<std::size_t>(table.rows.size(), 30);
  for (std::size_t i = 0; i < limit; ++i) {
    int w = header_word_count(table.rows[i]);
    if (w > best_words) {
      best_words = w;
      best = static_cast<int>(i);
    }
  }
  if (best_words >= 2) return best;
  best = -1;
  for (std::size_t i = 0; i < limit; ++i) {
    int n = nonempty_cells(table.rows[i]);
    if (n > best_cells) {
      best_cells = n;
      best = static_cast<int>(i);
    }
  }
  return best;
}

SheetScore score_sheet(const RawTable& table, const std::string& name, bool hidden) {
  SheetScore s;
  s.name = name;
  s.hidden = hidden;
  s.furniture_name = furniture_name(name);
  for (const Row& row : table.rows) {
    int n = nonempty_cells(row);
    if (n == 0) continue;
    ++s.nonempty_rows;
    for (std::size_t c = 0; c < row.cells.size() && c < 3; ++c) {
      if (trim(row.cells[c].text).empty()) continue;
      if (is_id_like(row.cells[c].text) && n >= 2) ++s.id_rows;
      break;
    }
  }
  int header = guess_header_row(table);
  if (header >= 0) {
    const Row& row = table.rows[static_cast<std::size_t>(header)];
    s.header_line = row.line;
    s.header_words = header_word_count(row);
    s.columns = nonempty_cells(row);
  }
  s.score = 3.0 * s.id_rows + 5.0 * s.header_words + 0.5 * std::min(s.nonempty_rows, 200) + 2.0 * std::min(s.columns, 15);
  if (s.hidden) s.score *= 0.1;
  if (s.furniture_name) s.score *= 0.3;
  return s;
}

std::string sheet_choice_message(const SheetScore& chosen, const std::vector<SheetScore>& others) {
  std::string m = "sheet '" + chosen.name + "' chosen (score " + score_text(chosen.score) + "): " +
                  std::to_string(chosen.id_rows) + " id-like rows, ";
  m += chosen.header_line > 0 ? "header on row " + std::to_string(chosen.header_line) : std::string("no header found");
  if (!others.empty()) {
    m += "; also: ";
    for (std::size_t i = 0; i < others.size(); ++i) {
      const SheetScore& o = others[i];
      if (i > 0) m += ", ";
      m += "'" + o.name + "' (" + (o.chart ? std::string("chart") : score_text(o.score)) + (o.hidden ? ", hidden" : "") + ")";
    }
  }
  return m;
}

std::size_t best_sheet(const std::vector<SheetScore>& scores) {
  std::size_t best = 0;
  for (std::size_t i = 1; i < scores.size(); ++i) {
    if (scores[i].chart) continue;
    if (scores[best].chart || scores[i].score > scores[best].score) best = i;
  }
  return best;
}

void note_sheet_choice(RawTable& table, const std::vector<SheetScore>& scores, std::size_t chosen) {
  if (scores.size() <= 1) return;
  std::vector<SheetScore> others;
  for (std::size_t i = 0; i < scores.size(); ++i)
    if (i != chosen) others.push_back(scores[i]);
  table.warnings.insert(table.warnings.begin(), Diagnostic{{}, "", sheet_choice_message(scores[chosen], others), "", true});
}

}  // namespace plansheet::detail
