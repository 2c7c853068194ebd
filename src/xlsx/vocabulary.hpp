// The plan's own words as the workbook uses them: its RAG words and the colours they paint, its Gantt key, and
// the distinct values of a column with their counts. A Plan in, words and counts out.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/plan.hpp"
#include "xlsx/layout.hpp"
#include "xlsx/look.hpp"

namespace plansheet::xlsx::detail {

// Trimmed, with its first letter in capitals: "orange " -> "Orange".
std::string capitalised(std::string_view s);
// The first word of a legend line: "Green - on track" -> "Green".
std::string first_word(std::string_view s);

// Every lower-case word that paints `colour`: the standard ones and the plan's own.
std::vector<std::string> words_for(std::string_view colour, const std::vector<RagWord>& vocabulary);
// The word the plan uses for `colour` (its first), else the standard one.
std::string colour_label(std::string_view colour, const std::vector<RagWord>& vocabulary);

// The colour an action's RAG cell paints, judged the way the sheet's rules judge it (by the word): an index into
// rag_colours, or rag_colours.size() for none. The word lists are made once, not once per action.
class RagPainter {
 public:
  explicit RagPainter(const std::vector<RagWord>& vocabulary);
  std::size_t colour_of(const Action& a);

 private:
  std::array<std::vector<std::string>, rag_colours.size()> words_;
  bool has_last_ = false;
  std::string last_rag_;
  std::size_t last_ = 0;
};

// What the two Gantt fills mean: the plan's own key lines when it has them, else standard ones.
struct GanttKey {
  std::string active;
  std::string ongoing;
};
GanttKey gantt_key(const Plan& plan);

// Distinct non-empty values in first-seen order, compared case-insensitively as COUNTIF compares (the first
// spelling wins), each with how many actions carry it.
struct ValueCounts {
  std::vector<std::string> values;
  std::vector<double> counts;
};
ValueCounts count_values(const Plan& plan, Role role);
std::vector<std::string> distinct_values(const Plan& plan, Role role);

}  // namespace plansheet::xlsx::detail
