// Lays a built Plan out as a WorkbookModel: the Actions sheet (title block, header, section bands, one row per
// action, RAG and Gantt columns), Summary (counts and chart), Repairs (every repair and warning, linked) and Key.
// The rows of Actions and Repairs are made on demand from the plan (RowSource), streamed by the writer.
#include "xlsx/layout.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "model/errors.hpp"
#include "text/text_decoding.hpp"
#include "text/utf8.hpp"

namespace plansheet::xlsx {

// ---------------------------------------------------------------- text measures

namespace detail {

namespace {

// One code point of UTF-8 from `s` at `i`: the value and how many bytes it took (U+FFFD, 1 byte when invalid).
std::pair<char32_t, std::size_t> decode(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1};
  std::size_t len = b0 >= 0xF0 && b0 <= 0xF4 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 && b0 < 0xE0 ? 2 : 0;
  if (len == 0 || i + len > s.size()) return {0xFFFD, 1};
  char32_t cp = b0 & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return {0xFFFD, 1};
    cp = (cp << 6) | (b & 0x3F);
  }
  // Overlong forms and surrogates are not valid UTF-8.
  if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
    return {0xFFFD, 1};
  return {cp, len};
}

double char_width(char32_t cp) {
  if (cp >= 0x300 && cp <= 0x36F) return 0;  // combining marks sit on the previous letter
  const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) || cp >= 0x20000;
  return wide ? 2 : 1;
}

}  // namespace

// Every measure below takes ASCII bytes one at a time without decoding: nearly all plan text is ASCII.

std::size_t utf16_length(std::string_view utf8) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    if (static_cast<unsigned char>(utf8[i]) < 0x80) {
      ++n, ++i;
      continue;
    }
    auto [cp, len] = decode(utf8, i);
    n += cp > 0xFFFF ? 2 : 1;
    i += len;
  }
  return n;
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    auto [cp, len] = decode(text, i);
    if (cp == 0xFFFD && len == 1) return false;
    i += len;
  }
  return true;
}

std::string valid_utf8(std::string_view text) {
  if (is_valid_utf8(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    auto [cp, len] = decode(text, i);
    if (cp == 0xFFFD && len == 1 && static_cast<unsigned char>(text[i]) >= 0x80)
      utf8::append_utf8(out, 0xFFFD);
    else
      out.append(text.substr(i, len));
    i += len;
  }
  return out;
}

std::string cut_to_limit(std::string_view utf8, std::size_t limit) {
  if (utf16_length(utf8) <= limit) return std::string(utf8);
  static constexpr std::string_view marker = " [\u2026 cut at the spreadsheet cell limit]";
  const std::size_t budget = limit - std::min(limit, utf16_length(marker));
  std::size_t units = 0, i = 0;
  while (i < utf8.size()) {
    auto [cp, len] = decode(utf8, i);
    const std::size_t u = cp > 0xFFFF ? 2 : 1;
    if (units + u > budget) break;
    units += u;
    i += len;
  }
  return valid_utf8(utf8.substr(0, i)) + std::string(marker);
}

double text_width(std::string_view utf8) {
  std::size_t ascii = 0;
  double w = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    if (static_cast<unsigned char>(utf8[i]) < 0x80) {
      ++ascii, ++i;
      continue;
    }
    auto [cp, len] = decode(utf8, i);
    w += char_width(cp);
    i += len;
  }
  return w + static_cast<double>(ascii);
}

TextMeasure measure_text(std::string_view utf8) {
  TextMeasure m;
  double line = 0;
  std::size_t run = 0;  // ASCII characters of the current line not yet added to `line`
  for (std::size_t i = 0; i < utf8.size();) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    if (b < 0x80) {
      if (b == '\n') {
        m.longest_line = std::max(m.longest_line, line + static_cast<double>(run));
        line = 0, run = 0;
      } else {
        ++run;
      }
      ++i;
      continue;
    }
    auto [cp, len] = decode(utf8, i);
    if (cp == 0xFFFD && len == 1) m.valid = false;
    line += char_width(cp);
    i += len;
  }
  m.longest_line = std::max(m.longest_line, line + static_cast<double>(run));
  return m;
}

int wrapped_lines(std::string_view utf8, double width) {
  // Excel's width unit is one '0' in the default font; prose letters average about a tenth narrower (measured
  // on LibreOffice renders), less a character of padding. Whole words move to the next line.
  const double cap = std::max(1.0, std::floor(width * 1.1 - 1));
  // Most cells fit on one line: no character is wider than its bytes, so a short single line needs no more.
  if (static_cast<double>(utf8.size()) <= cap && utf8.find('\n') == std::string_view::npos) return 1;
  int lines = 0;
  std::size_t start = 0;
  while (true) {
    const std::size_t nl = utf8.find('\n', start);
    const std::string_view para = utf8.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    int para_lines = 1;
    double line = 0;
    std::size_t p = 0;
    while (p < para.size()) {
      while (p < para.size() && para[p] == ' ') ++p;
      if (p >= para.size()) break;
      std::size_t q = para.find(' ', p);
      if (q == std::string_view::npos) q = para.size();
      double w = text_width(para.substr(p, q - p));
      if (line > 0 && line + 1 + w <= cap) {
        line += 1 + w;
      } else {
        if (line > 0) ++para_lines;
        while (w > cap) {  // a word longer than the line breaks anywhere
          ++para_lines;
          w -= cap;
        }
        line = w;
      }
      p = q;
    }
    lines += para_lines;
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

std::string colour_of_word(std::string_view word) {
  std::string w;
  for (char c : word)
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) w += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  if (w == "red") return "red";
  if (w == "amber" || w == "orange" || w == "yellow") return "amber";
  if (w == "green") return "green";
  if (w == "blue" || w == "complete" || w == "completed") return "blue";
  return "";
}

}  // namespace detail

namespace {

using detail::text_width;
using detail::wrapped_lines;

// ---------------------------------------------------------------- palette and styles
//
// Colours are chosen for print and for colour-blind readers: the four RAG fills differ in lightness
// (dark red, light amber, mid green, dark blue) and the word is always in the cell, so no meaning rests on hue.

constexpr std::uint32_t navy = 0x1F3864;
constexpr std::uint32_t white = 0xFFFFFF;
constexpr std::uint32_t band_fill = 0xD9E1F2;
constexpr std::uint32_t grey_text = 0x595959;
constexpr std::uint32_t gantt_solid = 0x1F7A74;    // dark teal
constexpr std::uint32_t gantt_light = 0xA9D9D4;    // the same hue, light
constexpr std::uint32_t unrated_fill = 0xBFBFBF;

struct RagColour {
  std::string_view colour;  // canonical name
  std::string_view label;   // default word
  std::uint32_t fill;
  std::uint32_t text;
  std::array<std::string_view, 3> synonyms;  // words that always paint this colour
};

constexpr std::array<RagColour, 4> rag_colours = {{
    {"red", "Red", 0xC00000, white, {"red", "", ""}},
    {"amber", "Amber", 0xFFC000, 0x000000, {"amber", "orange", "yellow"}},
    {"green", "Green", 0x70AD47, 0x000000, {"green", "", ""}},
    {"blue", "Blue", 0x1F4E79, white, {"blue", "complete", "completed"}},
}};

int colour_rank(std::string_view colour) {
  for (std::size_t i = 0; i < rag_colours.size(); ++i)
    if (rag_colours[i].colour == colour) return static_cast<int>(i);
  return static_cast<int>(rag_colours.size());
}

// The RAG fill style and the conditional-format style of rag_colours[k].
constexpr std::array<Style, 4> rag_fill_styles = {Style::rag_red, Style::rag_amber, Style::rag_green, Style::rag_blue};
constexpr std::array<Style, 4> rag_rule_styles = {Style::cf_red, Style::cf_amber, Style::cf_green, Style::cf_blue};

Style rag_style(std::string_view colour) {
  const int k = colour_rank(colour);
  return k < static_cast<int>(rag_colours.size()) ? rag_fill_styles[static_cast<std::size_t>(k)] : Style::none;
}

std::vector<StyleSpec> style_table() {
  std::vector<StyleSpec> s;
  auto add = [&](StyleSpec spec) { s.push_back(std::move(spec)); };
  add({.id = Style::title, .bold = true, .font_size = 16, .font_colour = navy, .valign = VAlign::centre});
  add({.id = Style::subtitle, .italic = true, .font_colour = grey_text, .valign = VAlign::centre});
  add({.id = Style::header, .bold = true, .wrap = true, .border = true, .font_colour = white, .fill = navy,
       .align = Align::left, .valign = VAlign::centre});
  add({.id = Style::header_centre, .bold = true, .wrap = true, .border = true, .font_colour = white, .fill = navy,
       .align = Align::centre, .valign = VAlign::centre});
  add({.id = Style::band, .bold = true, .border = true, .font_size = 12, .font_colour = navy, .fill = band_fill,
       .align = Align::left, .valign = VAlign::centre});
  add({.id = Style::text, .wrap = true, .border = true, .align = Align::left});
  add({.id = Style::text_centre, .wrap = true, .border = true, .align = Align::centre});
  add({.id = Style::tick, .bold = true, .border = true, .font_size = 12, .font_colour = 0x375623, .align = Align::centre});
  add({.id = Style::rag, .bold = true, .wrap = true, .border = true, .align = Align::centre});
  add({.id = Style::gantt_active, .border = true, .fill = gantt_solid, .border_colour = white});
  add({.id = Style::gantt_ongoing, .border = true, .fill = gantt_light, .border_colour = white});
  add({.id = Style::gantt_empty, .border = true});
  for (std::size_t k = 0; k < rag_colours.size(); ++k) {
    const RagColour& c = rag_colours[k];
    add({.id = rag_fill_styles[k], .bold = true, .wrap = true, .border = true, .font_colour = c.text, .fill = c.fill,
         .align = Align::centre, .valign = VAlign::centre});
    add({.id = rag_rule_styles[k], .bold = true, .font_colour = c.text, .fill = c.fill, .conditional = true});
  }
  add({.id = Style::unrated, .bold = true, .wrap = true, .border = true, .fill = unrated_fill, .align = Align::centre,
       .valign = VAlign::centre});
  add({.id = Style::count, .border = true, .align = Align::centre});
  add({.id = Style::count_total, .bold = true, .border = true, .fill = band_fill, .align = Align::centre});
  add({.id = Style::label_total, .bold = true, .border = true, .fill = band_fill, .align = Align::left});
  add({.id = Style::link, .underline = true, .border = true, .font_colour = 0x0563C1, .align = Align::left});
  add({.id = Style::heading, .bold = true, .font_size = 12, .font_colour = navy, .valign = VAlign::bottom});
  add({.id = Style::key_term, .bold = true, .wrap = true, .border = true, .align = Align::left});
  add({.id = Style::plain, .align = Align::left});
  return s;
}

// ---------------------------------------------------------------- small text helpers

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

std::string capitalised(std::string_view s) {
  std::string out = trim(s);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

std::string first_word(std::string_view s) {
  const std::string t = trim(s);
  std::size_t e = 0;
  while (e < t.size() && t[e] != ' ' && t[e] != '\t' && t[e] != ':' && t[e] != '-' && t[e] != ',' && t[e] != '(')
    ++e;
  return t.substr(0, e);
}

// Text as the Repairs sheet and notes show it: a tab or other control character the repair removed must be seen,
// so it becomes a visible sign (tab: an arrow; others: the Unicode control pictures).
std::string visible_controls(std::string_view s) {
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\t') out += "\u2192";
    else if (u < 0x20 && c != '\n') out += detail::valid_utf8(std::string{static_cast<char>(0xE2), static_cast<char>(0x90), static_cast<char>(0x80 + u)});
    else out += c;
  }
  return out;
}

// The name a legend line defines, when it starts with a short one: "In discovery (research, ...)" -> "In discovery",
// "Delivery: executing the plan" -> "Delivery". Empty when the line has no such lead.
std::string legend_term(std::string_view text) {
  std::size_t end = std::string_view::npos;
  for (std::string_view sep : {" (", ":", " - ", " \u2013 "}) end = std::min(end, text.find(sep));
  if (end == std::string_view::npos || end == 0) return "";
  const std::string term = trim(text.substr(0, end));
  return text_width(term) <= 30 ? term : "";
}

// The longest word of a label: a wrapped header must be at least that wide.
double longest_word(std::string_view s) {
  double best = 0;
  std::size_t p = 0;
  while (p <= s.size()) {
    std::size_t q = s.find_first_of(" \n", p);
    if (q == std::string_view::npos) q = s.size();
    best = std::max(best, text_width(s.substr(p, q - p)));
    p = q + 1;
  }
  return best;
}

// A string literal inside an Excel formula.
std::string formula_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// A COUNTIF criterion matching exactly `value` (case-insensitively, as COUNTIF does): the leading '=' stops a
// value such as "<50%" being read as a comparison, and '~' escapes the wildcards * ? ~.
std::string exact_criterion(std::string_view value) {
  std::string c = "=";
  for (char ch : value) {
    if (ch == '*' || ch == '?' || ch == '~') c += '~';
    c += ch;
  }
  return formula_string(c);
}

std::string role_label(Role role) {
  switch (role) {
    case Role::id: return "ID";
    case Role::section: return "Section";
    case Role::objective: return "Objective";
    case Role::action: return "Action";
    case Role::lead: return "Lead";
    case Role::partners: return "Partners";
    case Role::start: return "Start";
    case Role::end: return "End";
    case Role::timescale: return "Timescale";
    case Role::stage: return "Stage";
    case Role::status: return "Status";
    case Role::rag: return "RAG";
    case Role::update: return "Update";
    default: return std::string(role_name(role));
  }
}

// The widest a column of each role may grow before its text wraps: prose columns wrap at about 60 characters.
double width_cap(Role role) {
  switch (role) {
    case Role::action: return 60;
    case Role::update: return 55;
    case Role::objective:
    case Role::partners: return 40;
    case Role::lead:
    case Role::section: return 30;
    case Role::id:
    case Role::start:
    case Role::end: return 14;
    case Role::timescale:
    case Role::stage:
    case Role::status: return 18;
    default: return 40;
  }
}

// ---------------------------------------------------------------- building one sheet

class SheetBuilder {
 public:
  explicit SheetBuilder(std::string name) { sheet_.name = std::move(name); }

  void text(int row, int col, std::string_view value, Style style) {
    sheet_.cells.push_back({row, col, CellKind::text, detail::valid_utf8(value), 0, style, {}, {}});
  }
  void blank(int row, int col, Style style) {
    sheet_.cells.push_back({row, col, CellKind::blank, {}, 0, style, {}, {}});
  }
  void number(int row, int col, double value, Style style) {
    sheet_.cells.push_back({row, col, CellKind::number, {}, value, style, {}, {}});
  }
  // A formula with its value as computed now; falls back to the plain value when the formula would be too long.
  void formula(int row, int col, std::string f, double value, Style style) {
    if (f.size() > max_formula_chars)
      number(row, col, value, style);
    else
      sheet_.cells.push_back({row, col, CellKind::formula, std::move(f), value, style, {}, {}});
  }
  void link(int row, int col, std::string_view shown, std::string target) {
    sheet_.cells.push_back({row, col, CellKind::text, detail::valid_utf8(shown), 0, Style::link, {}, std::move(target)});
  }
  // A merged range, or a plain cell when the range is a single cell (Excel refuses one-cell merges).
  void merge(Range r, std::string_view value, Style style) {
    if (r.first_row == r.last_row && r.first_col == r.last_col)
      text(r.first_row, r.first_col, value, style);
    else
      sheet_.merges.push_back({r, detail::valid_utf8(value), style});
  }
  void height(int row, double points) {
    double& h = heights_[row];
    h = std::max(h, std::min(points, max_row_height));
  }
  void lines(int row, int n) { height(row, 15.0 * std::max(1, n)); }
  void width(int col, double w) { widths_[col] = std::min(w, 255.0); }

  // A streamed row kept as cells instead (a band row as its merge, plus a cell for its note).
  void take(const RowView& r) {
    if (r.height > 0) height(r.row, r.height);
    for (const CellView& c : r.cells) {
      if (r.merge_to >= 0 && c.col == 0) {
        sheet_.merges.push_back({{r.row, 0, r.row, r.merge_to}, std::string(c.text), c.style});
        if (c.note.empty()) continue;
      }
      sheet_.cells.push_back({r.row, c.col, c.kind, std::string(c.text), c.number, c.style, std::string(c.note),
                              std::string(c.link)});
    }
  }

  Sheet& sheet() { return sheet_; }

  Sheet finish() {
    const auto by_position = [](const SheetCell& a, const SheetCell& b) {
      return std::pair{a.row, a.col} < std::pair{b.row, b.col};
    };
    // Cells mostly arrive in order already; sorting a sheet of them would cost more than everything else here.
    if (!std::is_sorted(sheet_.cells.begin(), sheet_.cells.end(), by_position))
      std::stable_sort(sheet_.cells.begin(), sheet_.cells.end(), by_position);
    sheet_.rows.reserve(heights_.size());
    for (auto [row, h] : heights_) sheet_.rows.push_back({row, h});
    for (auto [col, w] : widths_) sheet_.columns.push_back({col, col, w});
    return std::move(sheet_);
  }

 private:
  Sheet sheet_;
  std::map<int, double> heights_;
  std::map<int, double> widths_;
};

// ---------------------------------------------------------------- the plan's vocabulary

struct GanttKey {
  std::string active;
  std::string ongoing;
  bool from_plan = false;
};

GanttKey gantt_key(const Plan& plan) {
  GanttKey key;
  for (const LegendEntry& e : plan.legend) {
    if (e.kind != LegendKind::gantt) continue;
    std::string& slot = lower(e.text).find("ongoing") != std::string::npos ? key.ongoing : key.active;
    if (slot.empty()) slot = e.text, key.from_plan = true;
  }
  if (key.active.empty()) key.active = "Active in this period";
  if (key.ongoing.empty()) key.ongoing = "Ongoing (no fixed start or end)";
  return key;
}

std::string_view trimmed(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

// Distinct non-empty values in first-seen order, compared case-insensitively as COUNTIF compares (the first
// spelling wins), each with how many actions carry it.
struct ValueCounts {
  std::vector<std::string> values;
  std::vector<double> counts;
};

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
      const std::string_view v = trimmed(raw);
      if (!v.empty()) {
        auto [it, fresh] = index.try_emplace(lower(v), out.values.size());
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

// Every lower-case word that paints `colour`: the standard ones and the plan's own.
std::vector<std::string> words_for(std::string_view colour, const std::vector<RagWord>& vocabulary) {
  std::vector<std::string> words;
  auto add = [&](std::string w) {
    if (!w.empty() && std::find(words.begin(), words.end(), w) == words.end()) words.push_back(std::move(w));
  };
  for (const RagColour& c : rag_colours)
    if (c.colour == colour)
      for (std::string_view s : c.synonyms) add(std::string(s));
  for (const RagWord& w : vocabulary)
    if (w.colour == colour) add(lower(w.word));
  return words;
}

// The colour an action's RAG cell paints, judged the way the sheet's rules judge it (by the word): an index into
// rag_colours, or rag_colours.size() for none. The word lists are made once, not once per action.
class RagPainter {
 public:
  explicit RagPainter(const std::vector<RagWord>& vocabulary) {
    for (std::size_t k = 0; k < rag_colours.size(); ++k) words_[k] = words_for(rag_colours[k].colour, vocabulary);
  }
  std::size_t colour_of(const Action& a) {
    if (has_last_ && a.rag == last_rag_) return last_;
    const std::string w = lower(trimmed(a.rag));
    std::size_t found = rag_colours.size();
    if (!w.empty())
      for (std::size_t k = 0; k < rag_colours.size() && found == rag_colours.size(); ++k)
        if (std::find(words_[k].begin(), words_[k].end(), w) != words_[k].end()) found = k;
    has_last_ = true;
    last_rag_ = a.rag;
    return last_ = found;
  }

 private:
  std::array<std::vector<std::string>, 4> words_;
  bool has_last_ = false;
  std::string last_rag_;
  std::size_t last_ = 0;
};

std::string plan_title(const Plan& plan) {
  if (plan.title && !trim(*plan.title).empty()) return trim(*plan.title);
  if (plan.source.empty() || plan.source == "-") return "Action plan";
  const auto slash = plan.source.find_last_of("/\\");
  return slash == std::string::npos ? plan.source : plan.source.substr(slash + 1);
}

// Header/footer text: '&' starts a code there, so a literal one is doubled; Excel caps the whole at 255.
std::string footer_text(std::string_view title) {
  std::string t;
  for (char c : title) {
    if (c == '&') t += '&';
    t += c;
  }
  if (detail::utf16_length(t) > 150) t = detail::cut_to_limit(t, 150);
  return "&L" + t + "&C&A&RPage &P of &N";
}

// ---------------------------------------------------------------- the Actions sheet

constexpr std::string_view tick_mark = "\u2713";

std::vector<ActionsColumn> actions_columns(const Plan& plan) {
  std::vector<ActionsColumn> cols;
  std::set<Role> shown;
  // Columns hidden in the source stay in the JSON's extra but are left out of the clean table.
  std::set<std::string> extra_shown(plan.hidden_columns.begin(), plan.hidden_columns.end());
  int target_index = 0;
  bool rag = false;
  for (const Column& c : plan.columns) {
    if (std::find(plan.hidden_columns.begin(), plan.hidden_columns.end(), c.label) != plan.hidden_columns.end()) continue;
    switch (c.role) {
      case Role::period:
      case Role::ignore: break;  // the Gantt columns come from plan.periods
      case Role::target: cols.push_back({ColumnKind::target, Role::target, c.label, target_index++, 0}); break;
      case Role::extra:
        if (extra_shown.insert(c.label).second) cols.push_back({ColumnKind::extra, Role::extra, c.label, -1, 0});
        break;
      case Role::rag:
        if (!rag) cols.push_back({ColumnKind::rag, Role::rag, c.label.empty() ? "RAG" : c.label, -1, 0});
        rag = true;
        break;
      default:
        if (shown.insert(c.role).second)
          cols.push_back({ColumnKind::text, c.role, c.label.empty() ? role_label(c.role) : c.label, -1, 0});
    }
  }
  // Text the plan's columns do not show still reaches the sheet: the id first, other roles at the end.
  // Sections are the band rows, so they need no column of their own.
  auto any = [&](Role role) {
    return std::any_of(plan.actions.begin(), plan.actions.end(),
                       [role](const Action& a) { return !a.text_of(role)->empty(); });
  };
  if (!shown.count(Role::id) && any(Role::id)) cols.insert(cols.begin(), {ColumnKind::text, Role::id, "ID", -1, 0});
  for (Role role : all_roles) {
    if (!is_text_role(role) || role == Role::id || role == Role::section || role == Role::rag) continue;
    if (!shown.count(role) && any(role)) cols.push_back({ColumnKind::text, role, role_label(role), -1, 0});
  }
  const int plan_targets = target_index;
  std::size_t most_targets = 0;
  for (const Action& a : plan.actions) most_targets = std::max(most_targets, a.targets.size());
  for (int t = plan_targets; t < static_cast<int>(most_targets); ++t)
    cols.push_back({ColumnKind::target, Role::target, fmt::format("Target {}", t + 1), t, 0});
  for (const Action& a : plan.actions)
    for (const auto& [label, text] : a.extra)
      if (extra_shown.insert(label).second) cols.push_back({ColumnKind::extra, Role::extra, label, -1, 0});
  // Officers rate every action each quarter, so the sheet always has a RAG column.
  if (!rag) cols.push_back({ColumnKind::rag, Role::rag, "RAG", -1, 0});
  for (std::size_t p = 0; p < plan.periods.size(); ++p)
    cols.push_back({ColumnKind::period, Role::period, plan.periods[p], static_cast<int>(p), 0});
  for (std::size_t i = 0; i < cols.size(); ++i) cols[i].col = static_cast<int>(i);
  return cols;
}

std::string_view extra_text(const Action& a, const std::string& label) {
  for (const auto& [l, t] : a.extra)
    if (l == label) return t;
  return {};
}

// What one action shows in one column (ticks, RAG and text; the Gantt cells are blank): a view of a whole string
// of the plan (so it ends at a NUL, as the writer needs), or of `scratch` when the text is made here (a RAG word
// trimmed, with its first letter capitalised).
std::string_view cell_text(const Action& a, const ActionsColumn& c, std::string& scratch) {
  switch (c.kind) {
    case ColumnKind::text: return *a.text_of(c.role);
    case ColumnKind::extra: return extra_text(a, c.label);
    case ColumnKind::rag: {
      const std::string_view t = trimmed(a.rag);
      if (t.empty()) return {};
      if (t.size() == a.rag.size() && (t[0] < 'a' || t[0] > 'z')) return a.rag;
      scratch.assign(t);
      if (scratch[0] < 'a' || scratch[0] > 'z') return scratch;
      scratch[0] = static_cast<char>(scratch[0] - 32);
      return scratch;
    }
    case ColumnKind::target:
      return c.index < static_cast<int>(a.targets.size()) && a.targets[static_cast<std::size_t>(c.index)]
                 ? tick_mark
                 : std::string_view{};
    case ColumnKind::period: return {};
  }
  return {};
}

Style actions_style(const ActionsColumn& c, double width) {
  if (c.kind == ColumnKind::text && c.role == Role::id) return Style::text;
  return width <= 14 ? Style::text_centre : Style::text;
}

// The style of a column's cells on the action rows (the Gantt columns choose per cell).
Style body_style(const ActionsColumn& c, double width) {
  switch (c.kind) {
    case ColumnKind::target: return Style::tick;
    case ColumnKind::rag: return Style::rag;
    case ColumnKind::period: return Style::gantt_empty;
    case ColumnKind::text:
    case ColumnKind::extra: return actions_style(c, width);
  }
  return Style::text;
}

// One pass over every action cell: the column widths, and the cells the writer must not get as they are
// (invalid UTF-8, or perhaps over a cell's limit), as (action index, column).
struct ActionsScan {
  std::vector<double> widths;
  std::vector<std::pair<std::size_t, int>> suspects;
};

ActionsScan scan_actions(const Plan& plan, const std::vector<ActionsColumn>& cols,
                         const std::vector<RagWord>& vocabulary) {
  ActionsScan scan;
  std::vector<double> content(cols.size(), 0);
  double rag = 0;
  std::string scratch;
  for (std::size_t i = 0; i < plan.actions.size(); ++i) {
    const Action& a = plan.actions[i];
    for (const ActionsColumn& c : cols) {
      if (c.kind == ColumnKind::period || c.kind == ColumnKind::target) continue;
      const std::string_view t = cell_text(a, c, scratch);
      if (t.empty()) continue;
      const detail::TextMeasure m = detail::measure_text(t);
      if (!m.valid || t.size() > max_cell_chars) scan.suspects.emplace_back(i, c.col);
      if (c.kind == ColumnKind::rag) rag = std::max(rag, text_width(t) + 3);
      else content[static_cast<std::size_t>(c.col)] = std::max(content[static_cast<std::size_t>(c.col)], m.longest_line + 2);
    }
  }
  for (const ActionsColumn& c : cols) {
    const double header_word = longest_word(c.label) + 2;
    double w = 10;
    switch (c.kind) {
      case ColumnKind::period: w = std::clamp(text_width(c.label) + 2, 6.0, 14.0); break;
      case ColumnKind::target: w = std::clamp(header_word, 8.0, 14.0); break;
      case ColumnKind::rag: {
        double r = std::max(header_word, rag);
        for (const RagWord& v : vocabulary) r = std::max(r, text_width(v.word) + 3);
        w = std::clamp(r, 8.0, 16.0);
        break;
      }
      case ColumnKind::text:
      case ColumnKind::extra: {
        const double cap = c.kind == ColumnKind::extra ? 40 : width_cap(c.role);
        w = std::clamp(std::max(content[static_cast<std::size_t>(c.col)], header_word), 6.0, std::max(cap, header_word));
        break;
      }
    }
    scan.widths.push_back(w);
  }
  return scan;
}

// The note text for repairs on one cell, oldest first.
void append_note(std::string& note, const Repair& r) {
  if (!note.empty()) note += "\n";
  note += fmt::format("Before repair ({}{}): {}", rule_name(r.rule), r.pos.line > 0 ? fmt::format(", line {}", r.pos.line) : "",
                      visible_controls(r.before));
}

std::string cell_limit_message(std::string_view what, std::string_view cell, std::size_t n) {
  return fmt::format("{} {} holds {} characters, more than a spreadsheet cell's {}; the workbook shows the first "
                     "part and the JSON export keeps the whole text",
                     what, cell, n, max_cell_chars);
}

// Whether a section band goes on `row` before an action of `section`: where a new section starts, and at the top of
// each continuation sheet, so that a section carried over is named there too.
bool starts_band(std::string_view section, std::string_view current, const SheetSplit& split, int row) {
  if (section.empty()) return false;
  if (section != current) return true;
  return split.part_of(row) > 0 && split.row_on_part(row) == split.first_row;
}

// The warning for a sheet that goes on over continuation sheets: how many rows, and where they went.
void warn_if_continued(std::string_view sheet, const SheetSplit& split, int last_row, std::vector<Diagnostic>& warnings) {
  const int parts = split.part_of(last_row) + 1;
  if (parts < 2) return;
  Diagnostic d;
  d.output_cell = std::string(sheet);
  d.message = fmt::format("the {} sheet needs {} rows, more than the {} a sheet holds; its rows go on over {} ({} "
                          "sheet{}), each under the same title and header",
                          sheet, last_row + 1, split.sheet_rows,
                          parts == 2 ? quote_sheet_name(part_name(sheet, 1))
                                     : fmt::format("{} to {}", quote_sheet_name(part_name(sheet, 1)),
                                                   quote_sheet_name(part_name(sheet, parts - 1))),
                          parts - 1, parts == 2 ? "" : "s");
  warnings.push_back(std::move(d));
}

// The row a band placed at `row` goes on: never a sheet's last, where it would head nothing.
int band_row(const SheetSplit& split, int row) {
  return row >= split.first_row && split.part_of(row + 1) != split.part_of(row) ? row + 1 : row;
}

// The Actions body: a band row where each new section starts, then one row per action. Made row by row from the
// plan whenever asked, so a large plan's sheet is never held whole: the writer streams it, and layout_workbook
// (Body::cells) keeps it as cells for tests.
class ActionsBody final : public RowSource {
 public:
  ActionsBody(const Plan& plan, const ActionsGrid& grid, const std::vector<double>& widths)
      : plan_(plan),
        first_row_(grid.first_row),
        last_col_(static_cast<int>(grid.columns.size()) - 1),
        split_(grid.split) {
    for (const ActionsColumn& c : grid.columns) {
      const double w = widths[static_cast<std::size_t>(c.col)];
      columns_.push_back({c, w, body_style(c, w)});
    }
  }

  int first_row() const override { return first_row_; }

  // A repair whose note goes on body cell (row, col). Called in the order of plan.repairs.
  void add_note(int row, int col, std::size_t repair) { notes_.push_back({row, col, repair}); }

  // Texts that cannot go to the writer as they are: invalid UTF-8 is repaired, and text over a cell's limit is cut
  // with a warning saying where. Runs once, after the notes are known and before any row is written.
  void fix_texts(const ActionsScan& scan, const ActionsGrid& grid, std::vector<Diagnostic>& warnings) {
    std::stable_sort(notes_.begin(), notes_.end(),
                     [](const Note& x, const Note& y) { return std::pair{x.row, x.col} < std::pair{y.row, y.col}; });
    std::string scratch;
    for (const auto& [i, col] : scan.suspects) {
      const std::string_view t = cell_text(plan_.actions[i], grid.columns[static_cast<std::size_t>(col)], scratch);
      fixed_.push_back({grid.action_rows[i], col, false, detail::valid_utf8(t), i});
    }
    for (const auto& [name, row] : grid.band_rows)
      if (name.size() > max_cell_chars || !detail::is_valid_utf8(name))
        fixed_.push_back({row, 0, false, detail::valid_utf8(name), action_at(grid, row)});
    for (auto n = notes_.begin(); n != notes_.end();) {
      auto end = n;
      std::size_t bytes = 0;
      for (; end != notes_.end() && end->row == n->row && end->col == n->col; ++end)
        bytes += plan_.repairs[end->repair].before.size() + rule_name(plan_.repairs[end->repair].rule).size() + 40;
      // A note's UTF-16 length never exceeds its bytes before the control characters are made visible.
      if (bytes > max_cell_chars) {
        std::string note;
        for (auto k = n; k != end; ++k) append_note(note, plan_.repairs[k->repair]);
        if (detail::utf16_length(note) > max_cell_chars)
          fixed_.push_back({n->row, n->col, true, std::move(note), action_at(grid, n->row)});
      }
      n = end;
    }
    std::stable_sort(fixed_.begin(), fixed_.end(), [](const Fixed& x, const Fixed& y) {
      return std::tuple{x.row, x.col, x.note} < std::tuple{y.row, y.col, y.note};
    });
    for (Fixed& f : fixed_) {
      const std::size_t n = detail::utf16_length(f.text);
      if (n <= max_cell_chars) continue;
      f.text = detail::cut_to_limit(f.text, max_cell_chars);
      Diagnostic d;
      if (f.action < plan_.actions.size()) d.pos.line = plan_.actions[f.action].line, d.action_id = plan_.actions[f.action].id;
      d.output_cell = located_ref(actions_sheet, split_, f.row, f.col);
      d.message = cell_limit_message(f.note ? "the note on" : "cell", d.output_cell, n);
      warnings.push_back(std::move(d));
    }
  }

  void each_row(const std::function<void(const RowView&)>& take) const override {
    RowView v;
    v.cells.reserve(columns_.size());
    std::string rag_text;
    std::vector<std::string> note_text(columns_.size());
    auto note = notes_.begin();
    auto fixed = fixed_.begin();
    // Notes and repaired texts are sorted by position, as the cells come: one forward walk finds them all.
    auto finish_cell = [&](CellView& cell, int row, std::size_t slot) {
      const auto here = std::pair{row, cell.col};
      while (note != notes_.end() && std::pair{note->row, note->col} < here) ++note;
      if (note != notes_.end() && std::pair{note->row, note->col} == here) {
        std::string& text = note_text[slot];
        text.clear();
        for (; note != notes_.end() && std::pair{note->row, note->col} == here; ++note)
          append_note(text, plan_.repairs[note->repair]);
        if (!detail::is_valid_utf8(text)) text = detail::valid_utf8(text);
        cell.note = text;
      }
      while (fixed != fixed_.end() && std::pair{fixed->row, fixed->col} < here) ++fixed;
      for (; fixed != fixed_.end() && std::pair{fixed->row, fixed->col} == here; ++fixed)
        (fixed->note ? cell.note : cell.text) = fixed->text;
    };

    int row = first_row_;
    std::string_view section;
    for (const Action& a : plan_.actions) {
      if (starts_band(a.section, section, split_, row)) {
        section = a.section;
        row = band_row(split_, row);
        v.row = row;
        v.height = 20;
        v.merge_to = last_col_ > 0 ? last_col_ : -1;  // Excel refuses a one-cell merge
        v.cells.clear();
        CellView band{0, CellKind::text, Style::band, a.section, 0, {}, {}};
        finish_cell(band, row, 0);
        v.cells.push_back(band);
        take(v);
        ++row;
      }
      v.row = row;
      v.merge_to = -1;
      v.cells.clear();
      int lines = 1;
      for (std::size_t k = 0; k < columns_.size(); ++k) {
        const Column& c = columns_[k];
        CellView cell{c.spec.col, CellKind::blank, c.style, {}, 0, {}, {}};
        if (c.spec.kind == ColumnKind::period) {
          const bool active = std::find(a.periods.begin(), a.periods.end(), c.spec.label) != a.periods.end();
          const bool ongoing = a.interval && a.interval->ongoing;
          cell.style = !active ? Style::gantt_empty : ongoing ? Style::gantt_ongoing : Style::gantt_active;
        } else {
          cell.text = cell_text(a, c.spec, rag_text);
          if (!cell.text.empty()) cell.kind = CellKind::text;
          if (c.spec.kind != ColumnKind::target) lines = std::max(lines, wrapped_lines(cell.text, c.width));
        }
        finish_cell(cell, row, k);
        v.cells.push_back(cell);
      }
      v.height = std::min(15.0 * lines, max_row_height);
      take(v);
      ++row;
    }
  }

 private:
  struct Column {
    ActionsColumn spec;
    double width;
    Style style;
  };
  struct Note {
    int row;
    int col;
    std::size_t repair;
  };
  struct Fixed {
    int row;
    int col;
    bool note;  // the cell's note, not its text
    std::string text;
    std::size_t action;  // the action on the row (or after the band), for the warning; past the end when none
  };

  static std::size_t action_at(const ActionsGrid& grid, int row) {
    auto it = std::lower_bound(grid.action_rows.begin(), grid.action_rows.end(), row);  // rows ascend
    if (it == grid.action_rows.end() || *it != row) return static_cast<std::size_t>(-1);
    return static_cast<std::size_t>(it - grid.action_rows.begin());
  }

  const Plan& plan_;
  int first_row_;
  int last_col_;
  SheetSplit split_;
  std::vector<Column> columns_;
  std::vector<Note> notes_;
  std::vector<Fixed> fixed_;
};

// Finds the Actions cell a repair or warning touched. Built once per workbook: plans can carry thousands of
// repairs, so ids are looked up in a hash of views into the plan rather than by scanning the actions for each.
class TouchedCells {
 public:
  TouchedCells(const Plan& plan, const ActionsGrid& grid) : plan_(plan), grid_(grid) {}

  const SheetSplit& split() const { return grid_.split; }

  // Row and column, or {-1, -1} when the text is not tied to a cell of the sheet.
  std::pair<int, int> find(std::string_view action_id, std::string_view role_text, int line,
                           std::string_view after) const {
    if (role_text == "section") {
      for (const auto& [name, row] : grid_.band_rows)
        if (name == after) return {row, 0};
    }
    if (role_text == "title") return {0, 0};
    const int index = action_of(action_id, line);
    if (index < 0) return {-1, -1};
    const int row = grid_.action_rows[static_cast<std::size_t>(index)];
    const auto role = role_from_name(role_text);
    int col = grid_.column_of(Role::id);
    if (role == Role::rag) col = grid_.rag_col();
    else if (role && is_text_role(*role) && grid_.column_of(*role) >= 0) col = grid_.column_of(*role);
    return {row, std::max(col, 0)};
  }

 private:
  // Ids can repeat: the action starting at the line, else the last one starting before it, else the first.
  int action_of(std::string_view id, int line) const {
    if (id.empty()) return -1;
    if (first_.empty() && !plan_.actions.empty()) index();
    auto it = first_.find(id);
    if (it == first_.end()) return -1;
    std::uint32_t best = it->second;
    for (std::uint32_t i = it->second; i != none; i = next_[i]) {
      const int l = plan_.actions[i].line;
      if (l == line) return static_cast<int>(i);
      if (l <= line && plan_.actions[best].line < l) best = i;
    }
    return static_cast<int>(best);
  }

  // First made when a repair or warning names an action: each id's actions, chained in plan order.
  void index() const {
    const std::size_t n = plan_.actions.size();
    first_.reserve(n);
    next_.assign(n, none);
    for (std::size_t i = n; i-- > 0;) {
      auto [it, fresh] = first_.try_emplace(plan_.actions[i].id, static_cast<std::uint32_t>(i));
      if (!fresh) {
        next_[i] = it->second;
        it->second = static_cast<std::uint32_t>(i);
      }
    }
  }

  static constexpr std::uint32_t none = static_cast<std::uint32_t>(-1);
  const Plan& plan_;
  ActionsGrid grid_;  // a copy: the Repairs body keeps this finder after the layout is done
  mutable std::unordered_map<std::string_view, std::uint32_t> first_;
  mutable std::vector<std::uint32_t> next_;
};

struct ActionsResult {
  Sheet sheet;  // the title block and the header; the rows below come from `body`
  ActionsGrid grid;
  std::shared_ptr<ActionsBody> body;
  ActionsScan scan;
};

ActionsResult layout_actions(const Plan& plan, const std::vector<RagWord>& vocabulary, const std::string& title,
                             int sheet_rows) {
  ActionsResult out;
  ActionsGrid& grid = out.grid;
  grid.columns = actions_columns(plan);
  const int ncols = static_cast<int>(grid.columns.size());
  if (ncols > max_cols)
    throw output_error(fmt::format("cannot lay out the workbook for '{}': it needs {} columns, more than a sheet's {}; "
                                   "use --periods to shorten the Gantt grid",
                                   plan.source, ncols, max_cols));
  const int last_col = ncols - 1;
  SheetBuilder b{std::string(actions_sheet)};

  out.scan = scan_actions(plan, grid.columns, vocabulary);
  const std::vector<double>& widths = out.scan.widths;
  for (const ActionsColumn& c : grid.columns) b.width(c.col, widths[static_cast<std::size_t>(c.col)]);

  // Title block: title, source line, and the Gantt key when there is a Gantt grid.
  int row = 0;
  b.merge({row, 0, row, last_col}, title, Style::title);
  b.height(row++, 24);
  std::set<std::string_view> sections;
  std::string_view previous;
  for (const Action& a : plan.actions)
    if (!a.section.empty() && a.section != previous) sections.insert(previous = a.section);
  std::string source_line = fmt::format("Source: {}", plan.source.empty() ? "-" : plan.source);
  if (!plan.sheet.empty()) source_line += fmt::format(" (sheet {})", plan.sheet);
  source_line += fmt::format(" \u00b7 {} action{}", plan.actions.size(), plan.actions.size() == 1 ? "" : "s");
  if (!sections.empty())
    source_line += fmt::format(" in {} section{}", sections.size(), sections.size() == 1 ? "" : "s");
  b.merge({row, 0, row, last_col}, source_line, Style::subtitle);
  b.height(row++, 18);
  if (!plan.periods.empty()) {
    const GanttKey key = gantt_key(plan);
    const int first_period_col = ncols - static_cast<int>(plan.periods.size());
    const int text_last = std::max(1, std::min(last_col, first_period_col - 1));
    for (const auto& [style, text] :
         {std::pair{Style::gantt_active, key.active}, std::pair{Style::gantt_ongoing, key.ongoing}}) {
      b.blank(row, 0, style);
      if (ncols > 1) b.merge({row, 1, row, text_last}, text, Style::plain);
      ++row;
    }
  }

  grid.header_row = row;
  int header_lines = 1;
  for (const ActionsColumn& c : grid.columns) {
    // Headings line up with their column's cells.
    const bool centre = (c.kind != ColumnKind::text && c.kind != ColumnKind::extra) ||
                        actions_style(c, widths[static_cast<std::size_t>(c.col)]) == Style::text_centre;
    b.text(row, c.col, c.label, centre ? Style::header_centre : Style::header);
    // Bold header letters are wider than body text: measure against a slightly narrower column.
    header_lines = std::max(header_lines, wrapped_lines(c.label, widths[static_cast<std::size_t>(c.col)] * 0.9));
  }
  b.height(row, 15.0 * header_lines + 4);
  ++row;
  grid.first_row = row;

  // Where each band and action lands; the body makes the same walk when it writes them. Rows past the sheet's
  // last go on over continuation sheets under the same title and header.
  grid.split = SheetSplit{row, sheet_rows};
  grid.action_rows.reserve(plan.actions.size());
  std::string_view current_section;
  for (const Action& a : plan.actions) {
    if (starts_band(a.section, current_section, grid.split, row)) {
      current_section = a.section;
      row = band_row(grid.split, row);
      grid.band_rows.emplace_back(a.section, row);
      ++row;
    }
    grid.action_rows.push_back(row);
    ++row;
  }
  grid.last_row = grid.action_rows.empty() ? grid.first_row - 1 : row - 1;

  Sheet& sheet = b.sheet();
  sheet.active = true;
  sheet.tab_colour = navy;
  const int id_col = grid.column_of(Role::id);
  sheet.freeze = std::pair{grid.header_row + 1, id_col >= 0 ? id_col + 1 : 0};
  sheet.autofilter = Range{grid.header_row, 0, std::max(grid.header_row, grid.last_row), last_col};
  sheet.print.repeat_rows = std::pair{grid.header_row, grid.header_row};
  sheet.print.footer = footer_text(title);
  sheet.split = grid.split;

  out.sheet = b.finish();
  out.body = std::make_shared<ActionsBody>(plan, grid, widths);
  return out;
}

// Notes on the cells a repair changed, holding the text as it was before. Body cells get theirs as the body is
// written; a note above the body (on the title) goes on its cell now.
void add_repair_notes(const Plan& plan, ActionsResult& actions, const TouchedCells& touched) {
  std::map<std::pair<int, int>, std::string> above;
  for (std::size_t i = 0; i < plan.repairs.size(); ++i) {
    const Repair& r = plan.repairs[i];
    const auto [row, col] = touched.find(r.action_id, r.role, r.pos.line, r.after);
    if (row < 0) continue;
    if (row >= actions.grid.first_row) actions.body->add_note(row, col, i);
    else append_note(above[{row, col}], r);
  }
  Sheet& sheet = actions.sheet;
  const auto by_position = [](const SheetCell& x, const SheetCell& y) {
    return std::pair{x.row, x.col} < std::pair{y.row, y.col};
  };
  for (auto& [pos, note] : above) {
    SheetCell key{pos.first, pos.second, CellKind::blank, {}, 0, Style::none, {}, {}};
    auto it = std::lower_bound(sheet.cells.begin(), sheet.cells.end(), key, by_position);
    if (it != sheet.cells.end() && it->row == pos.first && it->col == pos.second) {
      it->note = note;
      continue;
    }
    // A merged title: the note goes on the merge's first cell, which then needs a cell of its own.
    auto m = std::find_if(sheet.merges.begin(), sheet.merges.end(), [at = pos](const Merge& mg) {
      return mg.range.first_row == at.first && mg.range.first_col == at.second;
    });
    if (m != sheet.merges.end())
      sheet.cells.insert(it, SheetCell{pos.first, pos.second, CellKind::text, m->text, 0, m->style, note, {}});
  }
}

// Dropdowns and RAG colour rules on the action rows. Lists too long for a cell go on the hidden list sheet.
void add_validations(const Plan& plan, const std::vector<RagWord>& vocabulary, ActionsResult& actions,
                     SheetBuilder& lists) {
  const ActionsGrid& grid = actions.grid;
  if (grid.last_row < grid.first_row) return;
  int list_col = 0;
  auto add = [&](int col, std::vector<std::string> items, std::string title, std::string prompt) {
    if (col < 0 || items.empty()) return;
    Validation v;
    v.range = {grid.first_row, col, grid.last_row, col};
    std::size_t chars = items.size() - 1;
    bool inline_ok = true;
    for (const std::string& s : items) {
      chars += detail::utf16_length(s);
      if (s.find_first_of(",\"") != std::string::npos) inline_ok = false;
    }
    if (!inline_ok || chars > max_list_chars) {
      for (std::size_t i = 0; i < items.size(); ++i) lists.text(static_cast<int>(i), list_col, items[i], Style::plain);
      v.source = "=" + range_ref(lists_sheet, {0, list_col, static_cast<int>(items.size()) - 1, list_col});
      ++list_col;
    }
    v.items = std::move(items);
    v.title = std::move(title);
    v.prompt = detail::utf16_length(prompt) > 255 ? detail::cut_to_limit(prompt, 255) : std::move(prompt);
    actions.sheet.validations.push_back(std::move(v));
  };

  std::vector<std::string> rag_items;
  for (const RagWord& w : vocabulary) rag_items.push_back(w.word);
  std::string rag_prompt = "Choose a rating; the cell colour follows the word.";
  add(grid.rag_col(), rag_items, "RAG rating", rag_prompt);
  add(grid.column_of(Role::status), distinct_values(plan, Role::status), "Status",
      "Choose a status this plan uses, or type a new one.");
  add(grid.column_of(Role::stage), distinct_values(plan, Role::stage), "Stage",
      "Choose a stage this plan uses, or type a new one.");

  // One formula rule per colour, matching the words (trimmed, any case) so a typed value recolours at once.
  const int rag = grid.rag_col();
  const std::string ref = cell_ref(grid.first_row, rag);
  for (std::size_t k = 0; k < rag_colours.size(); ++k) {
    const auto words = words_for(rag_colours[k].colour, vocabulary);
    std::vector<std::string> tests;
    for (const std::string& w : words) tests.push_back(fmt::format("LOWER(TRIM({}))={}", ref, formula_string(w)));
    const std::string f = tests.size() == 1 ? tests[0] : fmt::format("OR({})", fmt::join(tests, ","));
    actions.sheet.conditionals.push_back({{grid.first_row, rag, grid.last_row, rag}, f, rag_rule_styles[k]});
  }
}

// ---------------------------------------------------------------- the Summary sheet

std::string colour_label(std::string_view colour, const std::vector<RagWord>& vocabulary) {
  for (const RagWord& w : vocabulary)
    if (w.colour == colour) return w.word;
  for (const RagColour& c : rag_colours)
    if (c.colour == colour) return std::string(c.label);
  return std::string(colour);
}

Sheet layout_summary(const Plan& plan, const std::vector<RagWord>& vocabulary, const ActionsGrid& grid,
                     const std::string& title) {
  SheetBuilder b{std::string(summary_sheet)};
  b.text(0, 0, "Summary", Style::title);
  b.height(0, 24);
  b.text(1, 0, title, Style::subtitle);
  b.text(2, 0, "Counts follow the RAG, status and stage cells of the Actions sheet and change when those cells do.",
         Style::subtitle);

  // Sections in order of first appearance, each with the blocks of Actions rows it occupies and its actions
  // counted by the colour their RAG cell paints (the last count: no colour).
  struct SectionRows {
    std::string name;
    std::vector<std::pair<int, int>> blocks;
    std::array<double, rag_colours.size() + 1> by_colour{};
    double actions = 0;
  };
  std::vector<SectionRows> sections;
  RagPainter painter(vocabulary);
  std::size_t current = 0;  // neighbouring actions mostly share a section: no search for them
  for (std::size_t i = 0; i < plan.actions.size(); ++i) {
    const std::string_view name = plan.actions[i].section.empty() ? "(no section)" : std::string_view(plan.actions[i].section);
    if (current >= sections.size() || sections[current].name != name) {
      auto it = std::find_if(sections.begin(), sections.end(), [&](const SectionRows& x) { return x.name == name; });
      if (it == sections.end()) it = sections.insert(sections.end(), SectionRows{std::string(name), {}, {}, 0});
      current = static_cast<std::size_t>(it - sections.begin());
    }
    SectionRows& sec = sections[current];
    const int r = grid.action_rows[i];
    if (!sec.blocks.empty() && sec.blocks.back().second == r - 1) sec.blocks.back().second = r;
    else sec.blocks.emplace_back(r, r);
    sec.by_colour[painter.colour_of(plan.actions[i])] += 1;
    sec.actions += 1;
  }
  if (sections.size() == 1 && sections[0].name == "(no section)") sections[0].name = "All actions";

  const int rag = grid.rag_col();
  const int head = 4;
  b.text(head, 0, "Section", Style::header);
  const int ncolours = static_cast<int>(rag_colours.size());
  for (int k = 0; k < ncolours; ++k)
    b.text(head, 1 + k, colour_label(rag_colours[static_cast<std::size_t>(k)].colour, vocabulary),
           rag_fill_styles[static_cast<std::size_t>(k)]);
  const int other_col = 1 + ncolours, total_col = other_col + 1;
  b.text(head, other_col, "Not rated / other", Style::unrated);
  b.text(head, total_col, "Actions", Style::header_centre);
  b.lines(head, 2);

  double name_width = 14;
  int row = head + 1;
  for (const SectionRows& s : sections) {
    name_width = std::max(name_width, std::min(40.0, text_width(s.name) + 2));
    b.text(row, 0, s.name, Style::text);
    double rated = 0;
    for (int k = 0; k < ncolours; ++k) {
      const std::string_view colour = rag_colours[static_cast<std::size_t>(k)].colour;
      const double n = s.by_colour[static_cast<std::size_t>(k)];
      rated += n;
      // One COUNTIF per block of rows and word. A section scattered over many blocks would need a formula longer
      // than Excel allows: then the count alone, found as soon as the formula outgrows the limit.
      const std::vector<std::string> words = words_for(colour, vocabulary);
      std::string f = "=";
      for (std::size_t i = 0; i < s.blocks.size() && f.size() <= max_formula_chars; ++i) {
        const auto [r0, r1] = s.blocks[i];
        for (const std::string& ref : located_range_refs(actions_sheet, grid.split, {r0, rag, r1, rag}))
          for (std::size_t j = 0; j < words.size() && f.size() <= max_formula_chars; ++j) {
            if (f.size() > 1) f += '+';
            f += fmt::format("COUNTIF({},{})", ref, formula_string(words[j]));
          }
      }
      b.formula(row, 1 + k, std::move(f), n, Style::count);
    }
    const double total = s.actions;
    b.formula(row, other_col,
              fmt::format("={}-SUM({}:{})", cell_ref(row, total_col), cell_ref(row, 1), cell_ref(row, ncolours)),
              total - rated, Style::count);
    b.number(row, total_col, total, Style::count);
    ++row;
  }
  const int first_data = head + 1, last_data = row - 1;
  b.text(row, 0, "Total", Style::label_total);
  for (int col = 1; col <= total_col; ++col) {
    double sum = 0;
    for (const SheetCell& c : b.sheet().cells)
      if (c.col == col && c.row >= first_data && c.row <= last_data) sum += c.number;
    b.formula(row, col,
              last_data >= first_data ? fmt::format("=SUM({}:{})", cell_ref(first_data, col), cell_ref(last_data, col))
                                      : std::string("=0"),
              sum, Style::count_total);
  }
  const int total_row = row;
  b.width(0, name_width);
  for (int col = 1; col <= total_col; ++col) b.width(col, 11);

  if (last_data >= first_data) {
    Chart chart;
    chart.title = "Actions by section and RAG rating";
    chart.value_axis_title = "Actions";
    chart.categories = {first_data, 0, last_data, 0};
    for (int k = 0; k < ncolours; ++k)
      chart.series.push_back({colour_label(rag_colours[static_cast<std::size_t>(k)].colour, vocabulary),
                              {first_data, 1 + k, last_data, 1 + k},
                              rag_colours[static_cast<std::size_t>(k)].fill});
    chart.series.push_back({"Not rated / other", {first_data, other_col, last_data, other_col}, unrated_fill});
    chart.row = head;
    chart.col = total_col + 2;
    chart.x_scale = 1.4;
    chart.y_scale = std::max(1.0, (static_cast<double>(sections.size()) * 26.0 + 130.0) / 288.0);
    b.sheet().charts.push_back(chart);
  }

  // Status and stage counts, each value once, with COUNTIF so they follow the officers' updates.
  row = total_row + 3;
  for (Role role : {Role::status, Role::stage}) {
    const int col = grid.column_of(role);
    if (col < 0) continue;
    const ValueCounts values = count_values(plan, role);
    b.text(row, 0, role == Role::status ? "Status" : "Stage", Style::header);
    b.text(row, 1, "Actions", Style::header_centre);
    ++row;
    const int first = row;
    double counted = 0;
    const std::vector<std::string> ranges =
        located_range_refs(actions_sheet, grid.split, {grid.first_row, col, std::max(grid.first_row, grid.last_row), col});
    for (std::size_t k = 0; k < values.values.size(); ++k) {
      const std::string& v = values.values[k];
      const double n = values.counts[k];
      counted += n;
      b.text(row, 0, v, Style::text);
      name_width = std::max(name_width, std::min(40.0, text_width(v) + 2));
      std::string f = "=";
      for (const std::string& range : ranges)
        f.append(f.size() > 1 ? "+" : "").append(fmt::format("COUNTIF({},{})", range, exact_criterion(v)));
      b.formula(row, 1, std::move(f), n, Style::count);
      ++row;
    }
    const double blank = static_cast<double>(plan.actions.size()) - counted;
    if (blank > 0) {
      b.text(row, 0, "(not given)", Style::text);
      b.formula(row, 1,
                fmt::format("={}-SUM({}:{})", plan.actions.size(), cell_ref(first, 1), cell_ref(row - 1, 1)), blank,
                Style::count);
      ++row;
    }
    b.text(row, 0, "Total", Style::label_total);
    b.formula(row, 1, fmt::format("=SUM({}:{})", cell_ref(first, 1), cell_ref(row - 1, 1)),
              static_cast<double>(plan.actions.size()), Style::count_total);
    row += 3;
  }
  b.width(0, name_width);

  Sheet& sheet = b.sheet();
  sheet.freeze = std::pair{head + 1, 1};
  sheet.print.footer = footer_text(title);
  return b.finish();
}

// ---------------------------------------------------------------- the Repairs sheet

// A cell text the writer can take: valid UTF-8 within a cell's limit. A view of `text` when it already is (nearly
// always), else of `scratch`. The Repairs sheet's own texts are cut without a warning: it would point at itself.
std::string_view writable(std::string_view text, std::string& scratch) {
  if (text.size() <= max_cell_chars && detail::is_valid_utf8(text)) return text;
  scratch = detail::cut_to_limit(detail::valid_utf8(text), max_cell_chars);
  return scratch;
}

// visible_controls, as a view of `text` itself when it holds no control character to show.
std::string_view visible(std::string_view text, std::string& scratch) {
  const bool plain = std::none_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 && c != '\n';
  });
  if (plain) return text;
  scratch = visible_controls(text);
  return scratch;
}

// The rows of the Repairs sheet: one per repair, then one per warning (the plan's, then the layout's own), each
// linked to the Actions cell it touched. Made row by row like the Actions body.
class RepairsBody final : public RowSource {
 public:
  RepairsBody(const Plan& plan, std::shared_ptr<const TouchedCells> touched, std::vector<Diagnostic> layout_warnings,
              int first_row)
      : plan_(plan), touched_(std::move(touched)), layout_warnings_(std::move(layout_warnings)), first_row_(first_row) {}

  int first_row() const override { return first_row_; }
  std::size_t size() const { return plan_.repairs.size() + plan_.warnings.size() + layout_warnings_.size(); }

  void each_row(const std::function<void(const RowView&)>& take) const override {
    RowView v;
    v.cells.reserve(9);
    std::array<std::string, 8> scratch;  // texts made for the current row
    std::string shown, target;
    int row = first_row_;
    int links = 0;
    auto put = [&](std::string_view type, int line, std::string_view cell, std::string_view action,
                   std::string_view role, std::string_view rule, std::string_view before, std::string_view after,
                   std::pair<int, int> touched) {
      v.row = row;
      v.cells.clear();
      v.cells.push_back({0, CellKind::text, Style::text, type, 0, {}, {}});
      if (line > 0) v.cells.push_back({1, CellKind::number, Style::count, {}, static_cast<double>(line), {}, {}});
      else v.cells.push_back({1, CellKind::blank, Style::count, {}, 0, {}, {}});
      const std::array<std::string_view, 6> texts = {cell, action, role, rule, before, after};
      for (std::size_t k = 0; k < texts.size(); ++k) {
        const int col = static_cast<int>(k) + 2;
        if (texts[k].empty()) v.cells.push_back({col, CellKind::blank, Style::text, {}, 0, {}, {}});
        else v.cells.push_back({col, CellKind::text, Style::text, writable(texts[k], scratch[k]), 0, {}, {}});
      }
      if (touched.first >= 0) {
        const SheetSplit& split = touched_->split();
        shown = located_ref(actions_sheet, split, touched.first, touched.second);
        if (links < max_links_per_sheet) {
          target.assign("internal:'")
              .append(part_name(actions_sheet, split.part_of(touched.first)))
              .append("'!")
              .append(cell_ref(split.row_on_part(touched.first), touched.second));
          v.cells.push_back({8, CellKind::text, Style::link, shown, 0, {}, target});
          ++links;
        } else {
          v.cells.push_back({8, CellKind::text, Style::text, shown, 0, {}, {}});
        }
      } else {
        v.cells.push_back({8, CellKind::blank, Style::text, {}, 0, {}, {}});
      }
      const int lines = std::max(wrapped_lines(before, 45), wrapped_lines(after, 50));
      v.height = std::min(15.0 * std::max(1, lines), max_row_height);
      take(v);
      ++row;
    };
    for (const Repair& r : plan_.repairs)
      put("Repair", r.pos.line, r.cell_ref(plan_.sheet), r.action_id, r.role, rule_name(r.rule), visible(r.before, scratch[6]),
          visible(r.after, scratch[7]), touched_->find(r.action_id, r.role, r.pos.line, r.after));
    for (const auto* list : {&plan_.warnings, &layout_warnings_})
      for (const Diagnostic& w : *list)
        put("Warning", w.pos.line, w.cell_ref(plan_.sheet), w.action_id, "", "", "", w.message,
            touched_->find(w.action_id, "", w.pos.line, ""));
  }

 private:
  const Plan& plan_;
  std::shared_ptr<const TouchedCells> touched_;
  std::vector<Diagnostic> layout_warnings_;
  int first_row_;
};

struct RepairsResult {
  Sheet sheet;  // the heading; the rows below come from `body` (null when there is nothing to list)
  std::shared_ptr<const RepairsBody> body;
};

RepairsResult layout_repairs(const Plan& plan, std::shared_ptr<const TouchedCells> touched,
                             std::vector<Diagnostic>& layout_warnings, const std::string& title, int sheet_rows) {
  SheetBuilder b{std::string(repairs_sheet)};
  b.text(0, 0, "Repairs and warnings", Style::title);
  b.height(0, 24);
  b.text(1, 0,
         "Every change made to the authors' text while reading the table, and every doubt. "
         "The last column links to the cell on the Actions sheet.",
         Style::subtitle);
  const int head = 3;
  const std::array<std::pair<const char*, double>, 9> columns = {{{"Type", 10},
                                                                   {"Source line", 9},
                                                                   {"Source cell", 14},
                                                                   {"Action", 10},
                                                                   {"Field", 11},
                                                                   {"Rule", 16},
                                                                   {"Before", 45},
                                                                   {"After / message", 50},
                                                                   {"Actions cell", 13}}};
  for (std::size_t i = 0; i < columns.size(); ++i) {
    b.text(head, static_cast<int>(i), columns[i].first, Style::header);
    b.width(static_cast<int>(i), columns[i].second);
  }
  b.lines(head, 2);
  // A list longer than a sheet goes on over continuation sheets, which a warning (its own last row) says.
  const SheetSplit split{head + 1, sheet_rows};
  const std::size_t listed = plan.repairs.size() + plan.warnings.size() + layout_warnings.size();
  warn_if_continued(repairs_sheet, split, static_cast<int>(head + 1 + listed), layout_warnings);
  auto body = std::make_shared<RepairsBody>(plan, std::move(touched), layout_warnings, head + 1);
  int row = head + 1 + static_cast<int>(body->size());
  if (body->size() == 0) {
    b.text(row, 0, "No repairs or warnings: the table was read as written.", Style::plain);
    ++row;
  }
  Sheet& sheet = b.sheet();
  sheet.freeze = std::pair{head + 1, 0};
  sheet.autofilter = Range{head, 0, std::max(head, row - 1), 8};
  sheet.split = split;
  sheet.print.repeat_rows = std::pair{head, head};
  sheet.print.footer = footer_text(title);
  RepairsResult out{b.finish(), nullptr};
  if (body->size() > 0) out.body = std::move(body);
  return out;
}

// ---------------------------------------------------------------- the Key sheet

Sheet layout_key(const Plan& plan, const std::vector<RagWord>& vocabulary, const std::string& title) {
  SheetBuilder b{std::string(key_sheet)};
  b.width(0, 24);
  b.width(1, 90);
  b.text(0, 0, "Key", Style::title);
  b.height(0, 24);
  int row = 2;
  auto entry = [&](std::string_view term, Style style, std::string_view meaning) {
    if (term.empty()) b.blank(row, 0, style);
    else b.text(row, 0, term, style);
    b.text(row, 1, meaning, Style::text);
    b.lines(row, std::max(wrapped_lines(term, 24), wrapped_lines(meaning, 90)));
    ++row;
  };
  auto heading = [&](std::string_view text) {
    ++row;
    b.text(row, 0, text, Style::heading);
    b.height(row, 20);
    ++row;
  };

  b.text(row++, 0, "The plan's own key", Style::heading);
  const std::array<std::pair<LegendKind, const char*>, 5> kinds = {{{LegendKind::rag, "RAG ratings"},
                                                                    {LegendKind::stage, "Stages"},
                                                                    {LegendKind::status, "Status"},
                                                                    {LegendKind::gantt, "Delivery timeline (Gantt)"},
                                                                    {LegendKind::note, "Notes"}}};
  bool any = false;
  const GanttKey gkey = gantt_key(plan);
  for (const auto& [kind, name] : kinds) {
    std::vector<const LegendEntry*> entries;
    for (const LegendEntry& e : plan.legend)
      if (e.kind == kind) entries.push_back(&e);
    if (entries.empty()) continue;
    any = true;
    heading(name);
    for (const LegendEntry* e : entries) {
      std::string term;
      Style style = Style::key_term;
      if (kind == LegendKind::rag) {
        const std::string w = first_word(e->text);
        const std::string colour = !detail::colour_of_word(w).empty() ? detail::colour_of_word(w) : lower(e->colour);
        term = !detail::colour_of_word(w).empty() ? capitalised(w) : capitalised(e->colour);
        if (colour_rank(colour) < static_cast<int>(rag_colours.size())) style = rag_style(colour);
      } else if (kind == LegendKind::gantt) {
        style = e->text == gkey.ongoing ? Style::gantt_ongoing : Style::gantt_active;
      } else {
        term = legend_term(e->text);
      }
      entry(term, style, e->text);
    }
  }
  if (!any) entry("", Style::plain, "The plan gives no key of its own.");

  ++row;
  b.text(row++, 0, "How this workbook uses colour", Style::heading);
  heading("RAG column (Actions sheet)");
  for (const RagColour& c : rag_colours) {
    std::vector<std::string> shown;
    for (const std::string& w : words_for(c.colour, vocabulary)) shown.push_back(capitalised(w));
    entry(colour_label(c.colour, vocabulary), rag_style(c.colour),
          fmt::format("The cell reads {}: the colour follows the word, so a new rating typed in recolours the cell.",
                      fmt::join(shown, ", ")));
  }
  entry("", Style::rag, "No word, or a word the key does not name: no colour.");
  if (!plan.periods.empty()) {
    heading("Delivery periods (Gantt columns)");
    entry("", Style::gantt_active, gkey.active);
    entry("", Style::gantt_ongoing, gkey.ongoing + " (lighter bar)");
  }
  heading("Rows and cells");
  entry("Section", Style::band, "A section heading row: the actions below it belong to that section.");
  entry("Header", Style::header, "Column headings; they repeat at the top of every printed page.");
  entry("\u2713", Style::tick, "The action contributes to the target named at the top of the column.");
  entry("Note", Style::key_term,
        "A cell with a red corner mark carries a note with the text as it was before it was repaired; "
        "the Repairs sheet lists every repair.");

  Sheet& sheet = b.sheet();
  sheet.print.landscape = false;
  sheet.print.footer = footer_text(title);
  return b.finish();
}

// ---------------------------------------------------------------- limits

// Cuts text over Excel's cell limit, with a warning saying where and that the JSON export keeps the whole text.
// The sheet's own cells only: a body's rows are checked as they are laid out (ActionsBody::fix_texts).
void enforce_cell_limit(Sheet& sheet, const Plan& plan, const ActionsGrid* grid, std::vector<Diagnostic>& warnings) {
  auto action_at = [&](int row) -> const Action* {
    if (!grid) return nullptr;
    auto it = std::lower_bound(grid->action_rows.begin(), grid->action_rows.end(), row);  // rows ascend
    if (it == grid->action_rows.end() || *it != row) return nullptr;
    return &plan.actions[static_cast<std::size_t>(it - grid->action_rows.begin())];
  };
  auto cut = [&](std::string& text, int row, int col, const char* what) {
    const std::size_t n = detail::utf16_length(text);
    if (n <= max_cell_chars) return;
    text = detail::cut_to_limit(text, max_cell_chars);
    Diagnostic d;
    const Action* a = action_at(row);
    if (a) d.pos.line = a->line, d.action_id = a->id;
    d.output_cell = fmt::format("{}!{}", sheet.name, cell_ref(row, col));
    d.message = cell_limit_message(what, d.output_cell, n);
    warnings.push_back(std::move(d));
  };
  for (SheetCell& c : sheet.cells) {
    if (c.kind == CellKind::text) cut(c.text, c.row, c.col, "cell");
    cut(c.note, c.row, c.col, "the note on");
  }
  for (Merge& m : sheet.merges) cut(m.text, m.range.first_row, m.range.first_col, "cell");
}

// A streamed body kept as cells, rows and merges instead (Body::cells), exactly as the writer would get them.
void keep_as_cells(Sheet& sheet) {
  if (!sheet.body) return;
  sheet.body->each_row([&](const RowView& r) {
    if (r.height > 0) sheet.rows.push_back({r.row, r.height});
    for (const CellView& c : r.cells) {
      if (r.merge_to >= 0 && c.col == 0) {
        sheet.merges.push_back({{r.row, 0, r.row, r.merge_to}, std::string(c.text), c.style});
        if (c.note.empty()) continue;  // a note needs a cell to sit on
      }
      sheet.cells.push_back(
          {r.row, c.col, c.kind, std::string(c.text), c.number, c.style, std::string(c.note), std::string(c.link)});
    }
  });
  sheet.body.reset();
}

}  // namespace

// ---------------------------------------------------------------- public

std::vector<RagWord> rag_vocabulary(const Plan& plan) {
  std::vector<RagWord> words;
  std::set<std::string> seen;
  auto add = [&](std::string_view word, std::string colour) {
    const std::string w = capitalised(word);
    if (w.empty() || !seen.insert(lower(w)).second) return;
    words.push_back({w, std::move(colour)});
  };
  for (const LegendEntry& e : plan.legend) {
    if (e.kind != LegendKind::rag) continue;
    const std::string w = first_word(e.text);
    if (!detail::colour_of_word(w).empty()) add(w, detail::colour_of_word(w));
    else if (!e.colour.empty()) add(e.colour, detail::colour_of_word(e.colour));
  }
  const Action* previous = nullptr;  // neighbouring actions mostly repeat a rating: skip it without a lookup
  for (const Action& a : plan.actions) {
    if (previous && a.rag == previous->rag && a.rag_colour == previous->rag_colour) continue;
    previous = &a;
    if (trimmed(a.rag).empty()) continue;
    add(a.rag, !a.rag_colour.empty() ? lower(a.rag_colour) : detail::colour_of_word(a.rag));
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

WorkbookModel layout_workbook(const Plan& plan, Body body, int sheet_rows) {
  if (sheet_rows < min_sheet_rows || sheet_rows > max_rows)
    throw std::invalid_argument(fmt::format("layout_workbook: sheet_rows {} outside {}..{}", sheet_rows,
                                            min_sheet_rows, max_rows));
  WorkbookModel model;
  model.styles = style_table();
  const std::string title = detail::valid_utf8(plan_title(plan));
  const std::vector<RagWord> vocabulary = rag_vocabulary(plan);

  // 1. Actions: the table officers work in, with notes on repaired cells and dropdowns.
  ActionsResult actions = layout_actions(plan, vocabulary, title, sheet_rows);
  auto touched = std::make_shared<const TouchedCells>(plan, actions.grid);
  add_repair_notes(plan, actions, *touched);
  SheetBuilder lists{std::string(lists_sheet)};
  add_validations(plan, vocabulary, actions, lists);
  enforce_cell_limit(actions.sheet, plan, &actions.grid, model.warnings);
  actions.body->fix_texts(actions.scan, actions.grid, model.warnings);
  actions.sheet.body = actions.body;
  model.actions = actions.grid;
  warn_if_continued(actions_sheet, actions.grid.split, actions.grid.last_row, model.warnings);

  // 2-4. Summary, Repairs (with the warnings the layout raised, its own included), Key.
  Sheet summary = layout_summary(plan, vocabulary, actions.grid, title);
  RepairsResult repairs = layout_repairs(plan, touched, model.warnings, title, sheet_rows);
  repairs.sheet.body = repairs.body;
  Sheet key = layout_key(plan, vocabulary, title);

  model.sheets.push_back(std::move(actions.sheet));
  model.sheets.push_back(std::move(summary));
  model.sheets.push_back(std::move(repairs.sheet));
  model.sheets.push_back(std::move(key));
  Sheet list_sheet = lists.finish();
  if (!list_sheet.cells.empty()) {
    list_sheet.hidden = true;
    model.sheets.push_back(std::move(list_sheet));
  }
  for (std::size_t i = 1; i < model.sheets.size(); ++i) enforce_cell_limit(model.sheets[i], plan, nullptr, model.warnings);
  if (body == Body::cells)
    for (Sheet& sheet : model.sheets) keep_as_cells(sheet);

  model.constant_memory = model.actions.last_row >= constant_memory_rows;
  model.properties.title = title;
  model.properties.subject = "Climate action plan: actions, RAG ratings and delivery timeline";
  std::string keywords = "climate action plan, RAG, Gantt";
  std::set<std::string, std::less<>> seen;
  std::string_view previous;
  for (const Action& a : plan.actions) {
    if (a.section.empty() || a.section == previous) continue;
    previous = a.section;
    if (seen.insert(a.section).second && keywords.size() + a.section.size() < 240) keywords += ", " + a.section;
  }
  model.properties.keywords = detail::valid_utf8(keywords);
  model.properties.comments = detail::valid_utf8("Converted from " + (plan.source.empty() ? "-" : plan.source));
  return model;
}

}  // namespace plansheet::xlsx
