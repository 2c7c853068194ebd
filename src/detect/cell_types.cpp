// Cell kinds and column profiles (see cell_types.hpp).
#include "detect/cell_types.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

#include "grammar/api.hpp"
#include "text/text_span.hpp"

namespace plansheet {

std::size_t word_count(std::string_view text) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : text) {
    bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

static bool is_number_list(std::string_view t) {
  bool digit = false;
  for (char c : t) {
    if (is_ascii_digit(c))
      digit = true;
    else if (c != ',' && c != ' ' && c != '&' && c != '-')
      return false;
  }
  return digit;
}

static unsigned read_cell_kinds(std::string_view text);

unsigned cell_kinds(std::string_view text) {
  // Short values (statuses, leads, dates, ids) recur across rows and are read by several stages: remember them.
  // The memo is per thread, holds answers only (no state that changes results), and is bounded.
  if (text.size() > 48) return read_cell_kinds(text);
  thread_local std::unordered_map<std::string, unsigned, ViewHash, std::equal_to<>> memo;
  if (auto hit = memo.find(text); hit != memo.end()) return hit->second;
  if (memo.size() > 200000) memo.clear();
  unsigned kinds = read_cell_kinds(text);
  memo.emplace(std::string(text), kinds);
  return kinds;
}

static unsigned read_cell_kinds(std::string_view text) {
  auto bit = [](CellKind k) { return 1u << static_cast<unsigned>(k); };
  std::string_view t = trim(text);
  if (t.empty()) return bit(CellKind::empty);
  unsigned kinds = 0;
  std::size_t words = word_count(t);
  // The grammars are cheap, but a cell can be ruled out of most of them by its size and first letter.
  const char first = static_cast<char>(t[0] | 0x20);  // ASCII lower case (other bytes: harmless)
  bool has_digit = std::any_of(t.begin(), t.end(), [](char c) { return is_ascii_digit(c); });
  if (words <= 3) {
    if (t.size() <= 16 && grammar::is_action_id(t)) kinds |= bit(CellKind::id);
    if (t.size() <= 16)
      if (auto tick = grammar::parse_tick_cell(t); tick && *tick) kinds |= bit(CellKind::tick);
    if (std::string_view("ragboycpdmw").find(first) != std::string_view::npos && grammar::parse_rag(t))
      kinds |= bit(CellKind::rag);
    if (has_digit && is_number_list(t)) kinds |= bit(CellKind::numbers);
  }
  // Every dated timescale has a digit; the undated ones are keywords ("Ongoing", "TBC", "None", "N/A", "Annual",
  // "Continuous", a dash).
  if (words <= 8 && (has_digit || std::string_view("otnca-\xE2").find(first) != std::string_view::npos) &&
      grammar::parse_timescale(t))
    kinds |= bit(CellKind::timescale);
  // A date or a rating is that, not also a short text that any text column would take.
  if (kinds & (bit(CellKind::timescale) | bit(CellKind::rag))) return kinds;
  if (words <= 3)
    kinds |= bit(CellKind::short_text);
  else if (words <= 12)
    kinds |= bit(CellKind::medium_text);
  else
    kinds |= bit(CellKind::long_text);
  return kinds;
}

void ColumnProfile::add(unsigned kinds) {
  // A cell with several readings counts a share to each, so every cell weighs the same.
  int n = 0;
  for (std::size_t k = 0; k < cell_kind_count; ++k) n += (kinds >> k) & 1u;
  if (n == 0) return;
  for (std::size_t k = 0; k < cell_kind_count; ++k)
    if ((kinds >> k) & 1u) counts[k] += 1.0 / n;
  total += 1;
}

void ColumnProfile::add_prior(Role role) {
  const ContentPrior& p = role_row(role).content;
  const std::array<double, cell_kind_count> weights = {p.empty,     p.id,         p.tick,        p.rag,      p.timescale,
                                                       p.numbers,   p.short_text, p.medium_text, p.long_text};
  for (std::size_t k = 0; k < cell_kind_count; ++k) {
    if (weights[k] == 0) continue;
    counts[k] += weights[k];
    total += weights[k];
  }
}

double ColumnProfile::log_fit(unsigned kinds) const {
  constexpr double alpha = 0.05;  // smoothing: an unseen kind is unlikely, not impossible
  double best = 0;
  for (std::size_t k = 0; k < cell_kind_count; ++k)
    if ((kinds >> k) & 1u) best = std::max(best, (counts[k] + alpha) / (total + alpha * cell_kind_count));
  if (best <= 0) best = alpha / (total + alpha * cell_kind_count);
  return std::log(best);
}

double ColumnProfile::share(CellKind k) const {
  return total > 0 ? counts[static_cast<std::size_t>(k)] / total : 0;
}

bool is_totals_line(const std::vector<std::string>& cells) {
  std::vector<std::string> filled;
  for (const std::string& c : cells)
    if (!c.empty()) filled.push_back(c);
  if (filled.empty() || filled.size() > 3) return false;
  std::string key = ascii_lower(fold_whitespace(join(filled, " ")));
  bool digit = key.find_first_of("0123456789") != std::string::npos;
  for (std::string_view word : {"total", "grand total", "number of actions", "count"})
    if (key.rfind(word, 0) == 0 && digit) return true;
  return false;
}

}  // namespace plansheet
