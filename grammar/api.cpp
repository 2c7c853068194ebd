// The facade of api.hpp over the X3 rules: folds case, runs one rule per cell, turns the AST into plain values
// (calendar arithmetic for timescales, canonical colours for RAG) and never lets an exception out.
#include "grammar/api.hpp"

#include <algorithm>
#include <cstddef>

#include "grammar/action_id.hpp"
#include "grammar/ast.hpp"
#include "grammar/config.hpp"
#include "grammar/rag.hpp"
#include "grammar/section_heading.hpp"
#include "grammar/tick.hpp"
#include "grammar/timescale.hpp"

namespace plansheet::grammar {

namespace {

namespace x3 = boost::spirit::x3;
using parser::iterator_type;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// ASCII-only case folding: UTF-8 continuation and lead bytes are >= 0x80 and stay untouched, so byte offsets in
// the folded copy are offsets in the original.
std::string fold(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool has_ascii_letter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

// Runs `body` and turns any exception (allocation failure, a parser bug) into "no result".
template <typename F>
auto guarded(F&& body) noexcept -> decltype(body()) {
  try {
    return body();
  } catch (...) {
    return {};
  }
}

// ---------------------------------------------------------------- action ids

struct id_match {
  ast::action_id ast;
  std::size_t length = 0;  // bytes of the cell the id covers
};

std::optional<id_match> match_id(std::string_view text) {
  iterator_type first = text.data();
  iterator_type const last = text.data() + text.size();
  id_match m;
  if (!x3::parse(first, last, action_id_rule(), m.ast)) return std::nullopt;
  m.length = static_cast<std::size_t>(first - text.data());
  // A bare number of four or more digits ("2030", "1000") is a year or an amount; with a prefix it is an id.
  if (m.ast.prefix.empty() && !m.ast.numbers.empty() && m.ast.numbers.front() > 999) return std::nullopt;
  if (m.ast.prefix.empty() && text.size() > 3 && text[0] >= '0' && text[0] <= '9' && text[1] >= '0' && text[1] <= '9' &&
      text[2] >= '0' && text[2] <= '9' && text[3] >= '0' && text[3] <= '9')
    return std::nullopt;  // "0123" too
  return m;
}

// ---------------------------------------------------------------- timescales

struct span {
  int first = 0;
  int last = 0;
  bool financial = false;
};

int month_index(int year, int month) { return year * 12 + month - 1; }

// Two-digit years are 20xx; anything outside 1900..2199 is not a plan year.
std::optional<int> widen_year(unsigned raw) {
  int y = static_cast<int>(raw);
  if (raw < 100) y += 2000;
  if (y < 1900 || y > 2199) return std::nullopt;
  return y;
}

std::optional<span> years_span(ast::year_span const& y) {
  auto first = widen_year(y.first);
  if (!first) return std::nullopt;
  if (y.second == 0) {
    if (y.fy_prefix) return std::nullopt;  // "FY2026" could end or start in 2026: not guessed
    return span{month_index(*first, 1), month_index(*first, 12), false};
  }
  int second = static_cast<int>(y.second);
  if (y.second < 100) second += *first / 100 * 100;
  if (second == *first + 1) return span{month_index(*first, 4), month_index(second, 3), true};
  if (y.fy_prefix || second <= *first || second > 2199) return std::nullopt;
  return span{month_index(*first, 1), month_index(second, 12), false};  // "2026-30": calendar years
}

struct dated_visitor {
  using result_type = std::optional<span>;

  std::optional<span> operator()(ast::month_year const& m) const {
    auto y = widen_year(m.year);
    if (!y || m.month < 1 || m.month > 12) return std::nullopt;
    int mi = month_index(*y, static_cast<int>(m.month));
    return span{mi, mi, false};
  }
  std::optional<span> operator()(ast::season_year const& s) const {
    auto y = widen_year(s.year);
    if (!y) return std::nullopt;
    int mi = month_index(*y, static_cast<int>(s.first_month));
    return span{mi, mi + 2, false};
  }
  std::optional<span> operator()(ast::quarter const& q) const {
    if (q.number < 1 || q.number > 4) return std::nullopt;
    auto years = years_span(q.years);
    if (!years || years->last - years->first != 11) return std::nullopt;  // a quarter of one year only
    int first = years->first + static_cast<int>(q.number - 1) * 3;
    return span{first, first + 2, years->financial};
  }
  std::optional<span> operator()(ast::year_quarter const& q) const { return (*this)(ast::quarter{q.number, q.years}); }
  std::optional<span> operator()(ast::year_span const& y) const { return years_span(y); }
};

std::optional<span> eval(ast::dated const& d) { return boost::apply_visitor(dated_visitor{}, d); }

std::optional<span> eval(ast::dated_value const& v) {
  auto from = eval(v.from);
  if (!from) return std::nullopt;
  if (!v.to) return from;
  auto to = eval(*v.to);
  if (!to || to->last < from->first) return std::nullopt;
  return span{from->first, to->last, from->financial && to->financial};
}

struct value_visitor {
  using result_type = std::optional<Timescale>;

  std::optional<Timescale> operator()(ast::timescale_keyword k) const {
    Timescale t;
    switch (k) {
      case ast::timescale_keyword::ongoing: t.kind = Timescale::Kind::ongoing; break;
      case ast::timescale_keyword::tbc: t.kind = Timescale::Kind::tbc; break;
      case ast::timescale_keyword::none: t.kind = Timescale::Kind::none; break;
    }
    return t;
  }
  std::optional<Timescale> operator()(ast::dated_value const& v) const {
    auto s = eval(v);
    if (!s) return std::nullopt;
    Timescale t;
    t.kind = Timescale::Kind::interval;
    t.first_month = s->first;
    t.last_month = s->last;
    t.financial = s->financial;
    return t;
  }
};

bool at_value_end(iterator_type it, iterator_type last) { return it == last || *it == ' '; }

// One value at `it` that ends at a space or the end of the cell; advances `it` past it.
std::optional<Timescale> next_value(iterator_type& it, iterator_type last) {
  iterator_type probe = it;
  ast::timescale_value value;
  if (!x3::parse(probe, last, timescale_value_rule(), value) || !at_value_end(probe, last)) return std::nullopt;
  auto t = boost::apply_visitor(value_visitor{}, value);
  if (t) it = probe;
  return t;
}

std::optional<Timescale> parse_timescale_impl(std::string_view cell) {
  std::string_view const text = trim(cell);
  if (text.empty()) return std::nullopt;
  std::string const folded = fold(text);
  iterator_type const begin = folded.data();
  iterator_type const last = begin + folded.size();
  iterator_type it = begin;

  auto current = next_value(it, last);
  if (!current) return std::nullopt;
  iterator_type current_start = begin;
  std::vector<std::string> earlier;
  // "2023-24 2024-25": a revised timescale; the last value is the one in force.
  while (it != last && *it == ' ') {
    iterator_type note_probe = it;
    if (x3::parse(note_probe, last, timescale_note_rule())) break;  // "Ongoing - review": a note, not a value "-"
    iterator_type value_start = it + 1;
    iterator_type probe = value_start;
    auto next = next_value(probe, last);
    if (!next) break;
    earlier.emplace_back(trim(text.substr(static_cast<std::size_t>(current_start - begin),
                                          static_cast<std::size_t>(it - current_start))));
    current = next;
    current_start = value_start;
    it = probe;
  }
  if (it != last) {
    iterator_type note_start = it;
    if (!x3::parse(note_start, last, timescale_note_rule())) return std::nullopt;
    std::string_view note = trim(text.substr(static_cast<std::size_t>(note_start - begin)));
    if (!has_ascii_letter(note)) return std::nullopt;  // "2025 - 26" is a broken value, not a note
    current->note = std::string(note);
  }
  current->earlier = std::move(earlier);
  return current;
}

std::optional<PeriodLabel> month_under_year(std::string_view text);

std::optional<PeriodLabel> parse_period_label_impl(std::string_view cell) {
  std::string_view const text = trim(cell);
  if (text.empty()) return std::nullopt;
  std::string const folded = fold(text);
  iterator_type first = folded.data();
  iterator_type const last = first + folded.size();
  ast::dated d;
  if (!x3::parse(first, last, dated_rule(), d) || first != last) return month_under_year(text);
  auto s = eval(d);
  if (!s) return std::nullopt;
  return PeriodLabel{std::string(text), s->first, s->last};
}

// "Apr", "April", "Sept" -> 4, 4, 9: a month with no year, as a Gantt header's second line writes it.
std::optional<int> parse_month_number_impl(std::string_view cell) {
  unsigned const month = month_named(fold(trim(cell)));
  if (month == 0) return std::nullopt;
  return static_cast<int>(month);
}

// "2025/26 Apr": a month under its (financial or calendar) year, the year written first as the header's two lines
// read together. The month is the one of that name inside the year's span.
std::optional<PeriodLabel> month_under_year(std::string_view text) {
  // A header label is short; the month is checked before the year, so the year is read (once) only after a month.
  std::size_t const space = text.find_last_of(' ');
  if (text.size() > 32 || space == std::string_view::npos) return std::nullopt;
  auto const month = parse_month_number_impl(text.substr(space + 1));
  if (!month) return std::nullopt;
  auto const year = parse_period_label_impl(text.substr(0, space));
  if (!year || year->last_month - year->first_month != 11) return std::nullopt;
  for (int m = year->first_month; m <= year->last_month; ++m)
    if (m % 12 == *month - 1) return PeriodLabel{std::string(text), m, m};
  return std::nullopt;
}

std::optional<int> parse_quarter_number_impl(std::string_view cell) {
  std::string const folded = fold(trim(cell));
  iterator_type first = folded.data();
  iterator_type const last = first + folded.size();
  unsigned number = 0;
  auto const quarter = (x3::lit("quarter ") | "quarter" | "qtr " | "qtr" | 'q') >> x3::uint_parser<unsigned, 10, 1, 1>{};
  if (!x3::parse(first, last, quarter, number) || first != last || number < 1 || number > 4) return std::nullopt;
  return static_cast<int>(number);
}

// ---------------------------------------------------------------- RAG

int severity(ast::rag_word w) {
  switch (w) {
    case ast::rag_word::red: return 3;
    case ast::rag_word::amber:
    case ast::rag_word::orange:
    case ast::rag_word::yellow: return 2;
    case ast::rag_word::green: return 1;
    case ast::rag_word::blue: return 0;
  }
  return 0;
}

char const* word_name(ast::rag_word w) {
  switch (w) {
    case ast::rag_word::red: return "red";
    case ast::rag_word::amber: return "amber";
    case ast::rag_word::green: return "green";
    case ast::rag_word::blue: return "blue";
    case ast::rag_word::orange: return "orange";
    case ast::rag_word::yellow: return "yellow";
  }
  return "";
}

char const* colour_of(ast::rag_word w) {
  switch (severity(w)) {
    case 3: return "red";
    case 2: return "amber";
    case 1: return "green";
    default: return "blue";
  }
}

std::optional<Rag> parse_rag_impl(std::string_view cell) {
  std::string const folded = fold(trim(cell));
  if (folded.empty()) return std::nullopt;
  iterator_type first = folded.data();
  iterator_type const last = first + folded.size();
  ast::rag r;
  if (!x3::parse(first, last, rag_rule(), r) || first != last) return std::nullopt;
  Rag out;
  out.word = word_name(r.first);
  ast::rag_word worse = r.first;
  // A word and its translation name one colour ("Gwyrdd/Green"): the rating is that colour, once.
  if (r.second && *r.second != r.first) {
    out.word += '/';
    out.word += word_name(*r.second);
    if (severity(*r.second) > severity(worse)) worse = *r.second;
  }
  out.colour = colour_of(worse);
  // The explanation is the authors' text after the rating's words: found where the words alone stop.
  iterator_type words_end = folded.data();
  ast::rag words;
  if (x3::parse(words_end, last, rag_words_rule(), words) && words_end != last)
    out.explanation = std::string(trim(trim(cell).substr(static_cast<std::size_t>(words_end - folded.data()))));
  return out;
}

// ---------------------------------------------------------------- tick marks

std::optional<bool> parse_tick_cell_impl(std::string_view cell) {
  std::string const folded = fold(cell);
  iterator_type first = folded.data();
  iterator_type const last = first + folded.size();
  bool mark = false;
  if (!x3::parse(first, last, tick_cell_rule(), mark) || first != last) return std::nullopt;
  return mark;
}

bool is_tick_mark_impl(std::string_view token) {
  std::string const folded = fold(trim(token));
  if (folded.empty()) return false;
  iterator_type first = folded.data();
  iterator_type const last = first + folded.size();
  return x3::parse(first, last, tick_mark_rule()) && first == last;
}

// ---------------------------------------------------------------- section headings

std::size_t count_words(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    if (is_blank(c)) {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++words;
    }
  }
  return words;
}

std::optional<SectionHeading> parse_section_heading_impl(std::string_view cell) {
  std::string_view const text = trim(cell);
  if (text.empty()) return std::nullopt;
  std::string const folded = fold(text);
  iterator_type first = folded.data();
  iterator_type const last = first + folded.size();
  SectionHeading h;
  std::string_view name = text;
  if (x3::parse(first, last, heading_label_rule())) {
    auto const label_length = static_cast<std::size_t>(first - folded.data());
    h.label = std::string(trim(text.substr(0, label_length)));
    name = trim(text.substr(label_length));
  }
  while (!name.empty() && name.back() == ':') name = trim(name.substr(0, name.size() - 1));
  // A heading names something; a sentence says something.
  bool const has_letter = has_ascii_letter(name) || std::any_of(name.begin(), name.end(), [](char c) {
                            return static_cast<unsigned char>(c) >= 0x80;  // a non-ASCII letter ("Ŵ")
                          });
  if (!has_letter) return std::nullopt;
  char const end = name.back();
  if (end == '.' || end == '?' || end == '!' || count_words(name) > 12) return std::nullopt;
  h.name = std::string(name);
  return h;
}

}  // namespace

std::optional<ActionId> parse_action_id(std::string_view cell) {
  return guarded([&]() -> std::optional<ActionId> {
    std::string_view const text = trim(cell);
    auto m = match_id(text);
    if (!m) return std::nullopt;
    std::string_view rest = text.substr(m->length);
    if (!rest.empty()) {
      bool const spaced = rest.front() == ' ';
      // "50✓": a tick glyph glued to the id is the next cell's content.
      bool const glued_tick = static_cast<unsigned char>(rest.front()) >= 0x80 && is_tick_mark(rest);
      if (!spaced && !glued_tick) return std::nullopt;
    }
    return ActionId{std::string(text.substr(0, m->length)), std::string(trim(rest))};
  });
}

bool is_action_id(std::string_view cell) {
  return guarded([&]() -> bool {
    auto id = parse_action_id(cell);
    return id && id->rest.empty();
  });
}

std::optional<IdParts> split_action_id(std::string_view id) {
  return guarded([&]() -> std::optional<IdParts> {
    std::string_view const text = trim(id);
    auto m = match_id(text);
    if (!m || m->length != text.size()) return std::nullopt;
    IdParts parts;
    parts.prefix = m->ast.prefix;
    for (unsigned n : m->ast.numbers) parts.numbers.push_back(static_cast<int>(n));
    parts.suffix = m->ast.suffix;
    return parts;
  });
}

// An ISO date ("2025-04-01", as spreadsheet readers render dates with no UK format) read as "01/04/2025";
// otherwise "2025-04" would read as a span of years.
std::optional<std::string> iso_date_as_uk(std::string_view text) {
  text = trim(text);
  auto digits = [&](std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i)
      if (i >= text.size() || text[i] < '0' || text[i] > '9') return false;
    return true;
  };
  if (text.size() < 10 || !digits(0, 4) || text[4] != '-' || !digits(5, 2) || text[7] != '-' || !digits(8, 2))
    return std::nullopt;
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
  return std::string(text.substr(8, 2)) + "/" + std::string(text.substr(5, 2)) + "/" + std::string(text.substr(0, 4));
}

std::optional<Timescale> parse_timescale(std::string_view cell) {
  return guarded([&] {
    if (auto uk = iso_date_as_uk(cell)) return parse_timescale_impl(*uk);
    return parse_timescale_impl(cell);
  });
}

std::optional<PeriodLabel> parse_period_label(std::string_view cell) {
  return guarded([&] { return parse_period_label_impl(cell); });
}

std::optional<int> parse_quarter_number(std::string_view cell) {
  return guarded([&] { return parse_quarter_number_impl(cell); });
}

std::optional<int> parse_month_number(std::string_view cell) {
  return guarded([&] { return parse_month_number_impl(cell); });
}

std::optional<Rag> parse_rag(std::string_view cell) {
  return guarded([&] { return parse_rag_impl(cell); });
}

std::optional<Rag> parse_rag_name(std::string_view text) {
  text = trim(text);
  if (auto rag = parse_rag(text); rag && rag->explanation.empty()) return rag;
  std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto left = parse_rag(trim(text.substr(0, slash)));
  auto right = parse_rag(trim(text.substr(slash + 1)));
  if (!left || !right || !left->explanation.empty() || !right->explanation.empty() || left->colour != right->colour)
    return std::nullopt;
  return left->word.size() >= right->word.size() ? left : right;
}

std::optional<bool> parse_tick_cell(std::string_view cell) {
  return guarded([&] { return parse_tick_cell_impl(cell); });
}

bool is_tick_mark(std::string_view token) {
  return guarded([&] { return is_tick_mark_impl(token); });
}

std::optional<SectionHeading> parse_section_heading(std::string_view cell) {
  return guarded([&] { return parse_section_heading_impl(cell); });
}

}  // namespace plansheet::grammar
