// What a cell's text looks like (an id, a tick, a RAG word, a timescale, a number list, short/medium/long text),
// and per-column profiles of those kinds, used to give columns roles and to align cells of damaged rows.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "model/plan.hpp"

namespace plansheet {

// The order of ContentPrior's fields (model/role_table.hpp), which gives each role's prior in these kinds.
enum class CellKind { empty, id, tick, rag, timescale, numbers, short_text, medium_text, long_text };
inline constexpr std::size_t cell_kind_count = 9;

// The kinds a text can be read as ("1" is an id, a tick and a number list at once). Bit i = CellKind(i).
unsigned cell_kinds(std::string_view text);
inline bool has_kind(unsigned kinds, CellKind k) { return (kinds >> static_cast<unsigned>(k)) & 1u; }
std::size_t word_count(std::string_view text);
// A totals line under a table ("Total actions: 27", "Total | 14"): at most three filled cells starting with
// "total" (or "count", "number of actions") and holding a number. Never an action, a section or a key.
bool is_totals_line(const std::vector<std::string>& cells);

// Counts of kinds seen in one column, with pseudo-counts from its role (the role table's content prior) so a
// column with few rows still has a shape.
struct ColumnProfile {
  std::array<double, cell_kind_count> counts{};
  double total = 0;

  void add(unsigned kinds);
  void add_prior(Role role);
  // log-probability that a cell of these kinds belongs in this column (best of its readings).
  double log_fit(unsigned kinds) const;
  double share(CellKind k) const;  // observed share of a kind, 0 when empty profile
};

}  // namespace plansheet
