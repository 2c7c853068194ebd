// The plan's own words as the workbook uses them (see vocabulary.hpp), and rag_vocabulary (layout.hpp).
#include "xlsx/vocabulary.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "text/ascii.hpp"

namespace plansheet::xlsx {

namespace detail {

std::string capitalised(std::string_view s) {
  std::string out(trim(s));
  if (!out.empty() && is_ascii_lower(out[0])) out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string first_word(std::string_view s) {
  const std::string_view t = trim(s);
  std::size_t e = 0;
  while (e < t.size() && t[e] != ' ' && t[e] != '\t' && t[e] != ':' && t[e] != '-' && t[e] != ',' && t[e] != '(')
    ++e;
  return std::string(t.substr(0, e));
}

std::vector<std::string> words_for(std::string_view colour, const std::vector<RagWord>& vocabulary) {
  std::vector<std::string> words;
  auto add = [&](std::string w) {
    if (!w.empty() && std::find(words.begin(), words.end(), w) == words.end()) words.push_back(std::move(w));
  };
  for (const RagColour& c : rag_colours)
    if (c.colour == colour)
      for (std::string_view s : c.synonyms) add(std::string(s));
  for (const RagWord& w : vocabulary)
    if (w.colour == colour) add(ascii_lower(w.word));
  return words;
}

std::string colour_label(std::string_view colour, const std::vector<RagWord>& vocabulary) {
  for (const RagWord& w : vocabulary)
    if (w.colour == colour) return w.word;
  for (const RagColour& c : rag_colours)
    if (c.colour == colour) return std::string(c.label);
  return std::string(colour);
}

RagPainter::RagPainter(const std::vector<RagWord>& vocabulary) {
  for (std::size_t k = 0; k < rag_colours.size(); ++k) words_[k] = words_for(rag_colours[k].colour, vocabulary);
}

std::size_t RagPainter::colour_of(const Action& a) {
  if (has_last_ && a.rag == last_rag_) return last_;
  const std::string w = ascii_lower(trim(a.rag));
  std::size_t found = rag_colours.size();
  if (!w.empty())
    for (std::size_t k = 0; k < rag_colours.size() && found == rag_colours.size(); ++k)
      if (std::find(words_[k].begin(), words_[k].end(), w) != words_[k].end()) found = k;
  has_last_ = true;
  last_rag_ = a.rag;
  return last_ = found;
}

GanttKey gantt_key(const Plan& plan) {
  GanttKey key;
  for (const LegendEntry& e : plan.legend) {
    if (e.kind != LegendKind::gantt) continue;
    std::string& slot = ascii_lower(e.text).find("ongoing") != std::string::npos ? key.ongoing : key.active;
    if (slot.empty()) slot = e.text;
  }
  if (key.active.empty()) key.active = "Active in this period";
  if (key.ongoing.empty()) key.ongoing = "Ongoing (no fixed start or end)";
  return key;
}

ValueCounts count_values(const Plan& plan, Role role) {
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  ValueCounts out;
  std::map<std::string, std::size_t, std::less<>> index;  // lower-case value -> position in out
  std::string_view previous;  // neighbouring actions mostly repeat a value: count it again without a lookup
  std::size_t previous_slot = none;
  bool first = true;
  for (const Action& a : plan.actions) {
    const std::string_view raw = *a.text_of(role);
    if (first || raw != previous) {
      first = false;
      previous = raw;
      previous_slot = none;
      const std::string_view v = trim(raw);
      if (!v.empty()) {
        auto [it, fresh] = index.try_emplace(ascii_lower(v), out.values.size());
        if (fresh) {
          out.values.emplace_back(v);
          out.counts.push_back(0);
        }
        previous_slot = it->second;
      }
    }
    if (previous_slot != none) out.counts[previous_slot] += 1;
  }
  return out;
}

std::vector<std::string> distinct_values(const Plan& plan, Role role) { return count_values(plan, role).values; }

}  // namespace detail

std::vector<RagWord> rag_vocabulary(const Plan& plan) {
  using detail::capitalised;
  using detail::first_word;
  std::vector<RagWord> words;
  std::set<std::string> seen;
  auto add = [&](std::string_view word, std::string colour) {
    const std::string w = capitalised(word);
    if (w.empty() || !seen.insert(ascii_lower(w)).second) return;
    words.push_back({w, std::move(colour)});
  };
  for (const LegendEntry& e : plan.legend) {
    if (e.kind != LegendKind::rag) continue;
    const std::string w = first_word(e.text);
    if (!colour_of_word(w).empty()) add(w, colour_of_word(w));
    else if (!e.colour.empty()) add(e.colour, colour_of_word(e.colour));
  }
  const Action* previous = nullptr;  // neighbouring actions mostly repeat a rating: skip it without a lookup
  for (const Action& a : plan.actions) {
    if (previous && a.rag == previous->rag && a.rag_colour == previous->rag_colour) continue;
    previous = &a;
    if (trim(a.rag).empty()) continue;
    add(a.rag, !a.rag_colour.empty() ? ascii_lower(a.rag_colour) : colour_of_word(a.rag));
  }
  const bool plan_words = !words.empty();
  for (const RagColour& c : rag_colours) {
    if (c.colour == "blue" && plan_words) continue;
    const bool covered = std::any_of(words.begin(), words.end(), [&](const RagWord& w) { return w.colour == c.colour; });
    if (!covered) add(c.label, std::string(c.colour));
  }
  std::stable_sort(words.begin(), words.end(),
                   [](const RagWord& a, const RagWord& b) { return colour_rank(a.colour) < colour_rank(b.colour); });
  return words;
}

}  // namespace plansheet::xlsx
