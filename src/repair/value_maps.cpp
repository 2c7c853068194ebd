// The plan's value vocabularies (see value_maps.hpp): the key's definitions in; status ratings and codes out, and
// a status column read as RAG through them.
#include "repair/value_maps.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "text/text_span.hpp"

namespace plansheet {
namespace {

// The halves of a bilingual value, "Ar y trywydd iawn / On track" -> both; none when the text has no " / " or
// one side has no letter ("2025/26").
std::vector<std::string> bilingual_halves(std::string_view text) {
  std::size_t slash = text.find('/');
  if (slash == std::string_view::npos || text.find('/', slash + 1) != std::string_view::npos) return {};
  std::string left(trim(text.substr(0, slash))), right(trim(text.substr(slash + 1)));
  auto lettered = [](const std::string& s) { return std::any_of(s.begin(), s.end(), is_ascii_alpha); };
  if (!lettered(left) || !lettered(right)) return {};
  return {left, right};
}

struct UsualWord {
  std::string_view key;
  std::string_view colour;  // "" for a word of the scale that names no colour
};
// The status words councils most often rate by, and the colour each means (Complete is read by the RAG grammar).
constexpr UsualWord usual_scale[] = {{"on track", "green"},   {"on target", "green"}, {"at risk", "amber"},
                                     {"off track", "red"},    {"not started", ""},    {"not yet started", ""}};

}  // namespace

std::string value_key(std::string_view text) {
  std::string key = ascii_lower(fold_whitespace(text));
  while (!key.empty() && (key.back() == '.' || key.back() == ':' || key.back() == ';' || key.back() == ','))
    key.pop_back();
  return std::string(trim(key));
}

ValueMaps learn_value_maps(const std::vector<LegendEntry>& legend) {
  ValueMaps maps;
  auto rate = [&](const std::string& words, const grammar::Rag& rating, const std::string& source) {
    std::vector<std::string> keys = {value_key(words)};
    for (const std::string& half : bilingual_halves(words)) keys.push_back(value_key(half));
    for (const std::string& k : keys)
      if (!k.empty() && maps.status_rating.emplace(k, rating).second) maps.status_source.emplace(k, source);
  };
  for (const LegendEntry& entry : legend)
    for (const auto& [term, meaning] : entry.defines) {
      auto term_rating = grammar::parse_rag_name(term), meaning_rating = grammar::parse_rag_name(meaning);
      if (meaning_rating) rate(term, *meaning_rating, entry.text);        // "On track = Green", "Complete = Blue"
      else if (term_rating) rate(meaning, *term_rating, entry.text);     // "Green = on track"
      else maps.codes.emplace(value_key(term), entry.text);              // "S = within a year"
    }
  return maps;
}

std::optional<grammar::Rag> usual_status_rating(std::string_view status, bool& known) {
  known = false;
  if (auto rag = grammar::parse_rag_name(status)) {
    known = true;
    return rag;
  }
  const std::string key = value_key(status);
  for (const UsualWord& w : usual_scale)
    if (key == w.key) {
      known = true;
      if (w.colour.empty()) return std::nullopt;
      return grammar::Rag{std::string(w.colour), std::string(w.colour), ""};
    }
  return std::nullopt;
}

void rate_by_status(Plan& plan, const ValueMaps& maps) {
  if (plan.has_role(Role::rag) || !plan.has_role(Role::status)) return;
  auto keyed = [&](const std::string& status) -> const grammar::Rag* {
    auto found = maps.status_rating.find(value_key(status));
    if (found == maps.status_rating.end())
      for (const std::string& half : bilingual_halves(status))
        if (auto h = maps.status_rating.find(value_key(half)); h != maps.status_rating.end()) return &h->second;
    return found == maps.status_rating.end() ? nullptr : &found->second;
  };
  // The plan's key rates the column when it rates any value the column uses; else the usual scale does, when every
  // value belongs to it and it gives at least two colours.
  bool by_key = false, all_usual = true;
  std::set<std::string> usual_colours;
  for (const Action& a : plan.actions) {
    if (a.status.empty()) continue;
    by_key = by_key || keyed(a.status);
    bool known = false;
    if (auto rating = usual_status_rating(a.status, known)) usual_colours.insert(rating->colour);
    all_usual = all_usual && known;
  }
  if (!by_key && (!all_usual || usual_colours.size() < 2)) return;

  std::vector<std::string> used;  // each mapping once, in the order the actions first use it
  std::set<std::string> seen, unrated;
  for (Action& a : plan.actions) {
    if (a.status.empty()) continue;
    std::optional<grammar::Rag> rating;
    if (by_key) {
      if (const grammar::Rag* r = keyed(a.status)) rating = *r;
      else rating = grammar::parse_rag_name(a.status);  // a rating word needs no key
    } else {
      bool known = false;
      rating = usual_status_rating(a.status, known);
    }
    if (!rating) {
      if (by_key && unrated.insert(value_key(a.status)).second)
        plan.warnings.push_back({{a.line}, a.id, fmt::format("line {}: status '{}' is not in the plan's key, so it "
                                                           "gives no RAG rating", a.line, a.status)});
      continue;
    }
    a.rag = rating->word;
    a.rag_colour = rating->colour;
    if (!seen.insert(value_key(a.status)).second) continue;
    used.push_back(fmt::format("{} = {}", a.status, rating->word));
    if (!by_key)
      plan.legend.push_back({LegendKind::status, fmt::format("{} = {} (the usual meaning; the plan gives no key)", a.status,
                                                   rating->word),
                             rating->colour, 0, {{a.status, rating->word}}});
  }
  if (used.empty()) return;
  // The rating is shown beside the status it comes from.
  auto status_col = std::find_if(plan.columns.begin(), plan.columns.end(), [](const Column& c) { return c.role == Role::status; });
  const std::string label = status_col->label;
  plan.columns.insert(status_col + 1, Column{Role::rag, "RAG (from " + label + ")"});
  plan.warnings.push_back({{0}, "", fmt::format("the '{}' column is read as RAG through {}: {}", label,
                                              by_key ? "the plan's key" : "the usual meaning of its words",
                                              join(used, ", ")),
                           "", true});
}

}  // namespace plansheet
