// Is the table an action plan (action_text.hpp): each column's values measured as text, the widest one named when
// none reads as actions.
#include "detect/action_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "text/ascii.hpp"

namespace plansheet {
namespace {

struct TextMeasure {
  std::size_t values = 0, chars = 0, wordy = 0, worded = 0;
  double mean() const { return values ? static_cast<double>(chars) / static_cast<double>(values) : 0.0; }
  double wordy_share() const { return values ? static_cast<double>(wordy) / static_cast<double>(values) : 0.0; }
  double worded_share() const { return values ? static_cast<double>(worded) / static_cast<double>(values) : 0.0; }
};

// Characters (not bytes) and words of two letters or more.
void measure(std::string_view text, TextMeasure& m) {
  if (text.empty()) return;
  std::size_t chars = 0, words = 0, letters = 0, longest = 0;
  for (char ch : text) {
    const auto byte = static_cast<unsigned char>(ch);
    chars += (byte & 0xC0) != 0x80;
    const bool letter = is_ascii_alpha(ch) || byte >= 0x80;
    if (letter) longest = std::max(longest, ++letters);
    else {
      words += letters >= 2;
      letters = 0;
    }
  }
  words += letters >= 2;
  ++m.values;
  m.chars += chars;
  m.wordy += words >= 3;
  m.worded += longest >= 3;
}

}  // namespace

std::optional<std::string> not_an_action_table(const Plan& plan) {
  if (plan.actions.empty()) return std::nullopt;  // reported on its own account
  std::string widest_label;
  TextMeasure widest;
  // One pass over the actions: each extra value measured under its label, so that a wide table costs its cells.
  std::unordered_map<std::string, TextMeasure> extra;
  for (const Action& a : plan.actions)
    for (const auto& [label, text] : a.extra) measure(text, extra[label]);
  for (const Column& column : plan.columns) {
    if (column.role == Role::target || column.role == Role::period || column.role == Role::ignore) continue;
    TextMeasure m;
    if (column.role == Role::extra) {
      m = extra[column.label];
    } else {
      for (const Action& a : plan.actions)
        if (const std::string* text = a.text_of(column.role)) measure(*text, m);
    }
    if (m.mean() >= 12.0 && m.wordy_share() >= 1.0 / 3.0) return std::nullopt;
    // A terse plan ("Solar PV", "Recycling") still has its action column: words, not codes or numbers.
    if (column.role == Role::action && m.worded_share() >= 0.5) return std::nullopt;
    if (m.values > 0 && (widest.values == 0 || m.mean() > widest.mean())) {
      widest = m;
      widest_label = column.label;
    }
  }
  int first = plan.actions.front().line, last = first;
  for (const Action& a : plan.actions) {
    first = std::min(first, a.line);
    last = std::max(last, a.line);
  }
  std::string where = plan.sheet.empty() ? "" : fmt::format("sheet '{}' ", plan.sheet);
  const char* unit = plan.sheet.empty() ? "line" : "row";
  where += first == last ? fmt::format("{} {}", unit, first) : fmt::format("{}s {}-{}", unit, first, last);
  std::string widest_text = widest.values == 0
                                ? "no column holds text"
                                : fmt::format("the widest text column '{}' averages {:.0f} character{}", widest_label,
                                              widest.mean(), widest.mean() < 1.5 ? "" : "s");
  return fmt::format("{}: no column reads as action text ({})", where, widest_text);
}

}  // namespace plansheet
