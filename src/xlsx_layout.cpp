// Lays a built Plan out as a WorkbookModel: the Actions sheet (title block, header, section bands, one row per
// action, RAG and Gantt columns), Summary (counts and chart), Repairs (every repair and warning, linked) and Key.
#include "xlsx_layout.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "errors.hpp"

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

void encode(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
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

std::size_t utf16_length(std::string_view utf8) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    auto [cp, len] = decode(utf8, i);
    n += cp > 0xFFFF ? 2 : 1;
    i += len;
  }
  return n;
}

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    auto [cp, len] = decode(text, i);
    if (cp == 0xFFFD && len == 1 && static_cast<unsigned char>(text[i]) >= 0x80)
      encode(0xFFFD, out);
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
  double w = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    auto [cp, len] = decode(utf8, i);
    w += char_width(cp);
    i += len;
  }
  return w;
}

int wrapped_lines(std::string_view utf8, double width) {
  // Excel's width unit is one '0' in the default font; prose letters average about a tenth narrower (measured
  // on LibreOffice renders), less a character of padding. Whole words move to the next line.
  const double cap = std::max(1.0, std::floor(width * 1.1 - 1));
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

std::vector<StyleSpec> style_table() {
  std::vector<StyleSpec> s;
  auto add = [&](StyleSpec spec) { s.push_back(std::move(spec)); };
  add({.name = "title", .bold = true, .font_size = 16, .font_colour = navy, .valign = VAlign::centre});
  add({.name = "subtitle", .italic = true, .font_colour = grey_text, .valign = VAlign::centre});
  add({.name = "header", .bold = true, .wrap = true, .border = true, .font_colour = white, .fill = navy,
       .align = Align::left, .valign = VAlign::centre});
  add({.name = "header_centre", .bold = true, .wrap = true, .border = true, .font_colour = white, .fill = navy,
       .align = Align::centre, .valign = VAlign::centre});
  add({.name = "band", .bold = true, .border = true, .font_size = 12, .font_colour = navy, .fill = band_fill,
       .align = Align::left, .valign = VAlign::centre});
  add({.name = "text", .wrap = true, .border = true, .align = Align::left});
  add({.name = "text_centre", .wrap = true, .border = true, .align = Align::centre});
  add({.name = "tick", .bold = true, .border = true, .font_size = 12, .font_colour = 0x375623, .align = Align::centre});
  add({.name = "rag", .bold = true, .wrap = true, .border = true, .align = Align::centre});
  add({.name = "gantt_active", .border = true, .fill = gantt_solid, .border_colour = white});
  add({.name = "gantt_ongoing", .border = true, .fill = gantt_light, .border_colour = white});
  add({.name = "gantt_empty", .border = true});
  for (const RagColour& c : rag_colours) {
    add({.name = fmt::format("rag_{}", c.colour), .bold = true, .wrap = true, .border = true, .font_colour = c.text,
         .fill = c.fill, .align = Align::centre, .valign = VAlign::centre});
    add({.name = fmt::format("cf_{}", c.colour), .bold = true, .font_colour = c.text, .fill = c.fill,
         .conditional = true});
  }
  add({.name = "unrated", .bold = true, .wrap = true, .border = true, .fill = unrated_fill, .align = Align::centre,
       .valign = VAlign::centre});
  add({.name = "count", .border = true, .align = Align::centre});
  add({.name = "count_total", .bold = true, .border = true, .fill = band_fill, .align = Align::centre});
  add({.name = "label_total", .bold = true, .border = true, .fill = band_fill, .align = Align::left});
  add({.name = "link", .underline = true, .border = true, .font_colour = 0x0563C1, .align = Align::left});
  add({.name = "heading", .bold = true, .font_size = 12, .font_colour = navy, .valign = VAlign::bottom});
  add({.name = "key_term", .bold = true, .wrap = true, .border = true, .align = Align::left});
  add({.name = "plain", .align = Align::left});
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

double longest_line(std::string_view s) {
  double best = 0;
  std::size_t p = 0;
  while (p <= s.size()) {
    std::size_t q = s.find('\n', p);
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

  void text(int row, int col, std::string_view value, std::string style) {
    sheet_.cells.push_back({row, col, CellKind::text, detail::valid_utf8(value), 0, std::move(style), {}, {}});
  }
  void blank(int row, int col, std::string style) {
    sheet_.cells.push_back({row, col, CellKind::blank, {}, 0, std::move(style), {}, {}});
  }
  void number(int row, int col, double value, std::string style) {
    sheet_.cells.push_back({row, col, CellKind::number, {}, value, std::move(style), {}, {}});
  }
  // A formula with its value as computed now; falls back to the plain value when the formula would be too long.
  void formula(int row, int col, std::string f, double value, std::string style) {
    if (f.size() > max_formula_chars)
      number(row, col, value, std::move(style));
    else
      sheet_.cells.push_back({row, col, CellKind::formula, std::move(f), value, std::move(style), {}, {}});
  }
  void link(int row, int col, std::string_view shown, std::string target) {
    sheet_.cells.push_back({row, col, CellKind::text, detail::valid_utf8(shown), 0, "link", {}, std::move(target)});
  }
  // A merged range, or a plain cell when the range is a single cell (Excel refuses one-cell merges).
  void merge(Range r, std::string_view value, std::string style) {
    if (r.first_row == r.last_row && r.first_col == r.last_col)
      text(r.first_row, r.first_col, value, std::move(style));
    else
      sheet_.merges.push_back({r, detail::valid_utf8(value), std::move(style)});
  }
  void height(int row, double points) {
    double& h = heights_[row];
    h = std::max(h, std::min(points, max_row_height));
  }
  void lines(int row, int n) { height(row, 15.0 * std::max(1, n)); }
  void width(int col, double w) { widths_[col] = std::min(w, 255.0); }

  Sheet& sheet() { return sheet_; }

  Sheet finish() {
    std::stable_sort(sheet_.cells.begin(), sheet_.cells.end(),
                     [](const SheetCell& a, const SheetCell& b) { return std::pair{a.row, a.col} < std::pair{b.row, b.col}; });
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
    if (e.kind != "gantt") continue;
    std::string& slot = lower(e.text).find("ongoing") != std::string::npos ? key.ongoing : key.active;
    if (slot.empty()) slot = e.text, key.from_plan = true;
  }
  if (key.active.empty()) key.active = "Active in this period";
  if (key.ongoing.empty()) key.ongoing = "Ongoing (no fixed start or end)";
  return key;
}

// Distinct non-empty values in first-seen order, compared case-insensitively (the first spelling wins).
std::vector<std::string> distinct_values(const Plan& plan, Role role) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const Action& a : plan.actions) {
    const std::string v = trim(*a.text_of(role));
    if (!v.empty() && seen.insert(lower(v)).second) out.push_back(v);
  }
  return out;
}

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

// The colour an action's RAG cell paints, judged the way the sheet's rules judge it (by the word).
std::string painted_colour(const Action& a, const std::vector<RagWord>& vocabulary) {
  const std::string w = lower(trim(a.rag));
  if (w.empty()) return "";
  for (const RagColour& c : rag_colours) {
    const auto words = words_for(c.colour, vocabulary);
    if (std::find(words.begin(), words.end(), w) != words.end()) return std::string(c.colour);
  }
  return "";
}

std::string display_rag(const Action& a) { return capitalised(a.rag); }

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

std::string extra_text(const Action& a, const std::string& label) {
  for (const auto& [l, t] : a.extra)
    if (l == label) return t;
  return "";
}

// What one action shows in one column (text columns only; ticks, RAG and Gantt are handled apart).
std::string cell_text(const Action& a, const ActionsColumn& c) {
  switch (c.kind) {
    case ColumnKind::text: return *a.text_of(c.role);
    case ColumnKind::extra: return extra_text(a, c.label);
    case ColumnKind::rag: return display_rag(a);
    case ColumnKind::target:
      return c.index < static_cast<int>(a.targets.size()) && a.targets[static_cast<std::size_t>(c.index)] ? "\u2713" : "";
    case ColumnKind::period: return "";
  }
  return "";
}

double column_width(const Plan& plan, const ActionsColumn& c, const std::vector<RagWord>& vocabulary) {
  const double header_word = longest_word(c.label) + 2;
  switch (c.kind) {
    case ColumnKind::period: return std::clamp(text_width(c.label) + 2, 6.0, 14.0);
    case ColumnKind::target: return std::clamp(header_word, 8.0, 14.0);
    case ColumnKind::rag: {
      double w = header_word;
      for (const RagWord& v : vocabulary) w = std::max(w, text_width(v.word) + 3);
      for (const Action& a : plan.actions) w = std::max(w, text_width(display_rag(a)) + 3);
      return std::clamp(w, 8.0, 16.0);
    }
    case ColumnKind::text:
    case ColumnKind::extra: {
      const double cap = c.kind == ColumnKind::extra ? 40 : width_cap(c.role);
      double content = 0;
      for (const Action& a : plan.actions) content = std::max(content, longest_line(cell_text(a, c)) + 2);
      return std::clamp(std::max(content, header_word), 6.0, std::max(cap, header_word));
    }
  }
  return 10;
}

std::string actions_style(const ActionsColumn& c, double width) {
  if (c.kind == ColumnKind::text && c.role == Role::id) return "text";
  return width <= 14 ? "text_centre" : "text";
}

struct ActionsResult {
  Sheet sheet;
  ActionsGrid grid;
};

// Finds the Actions cell a repair or warning touched. Built once per workbook: plans can carry thousands of
// repairs, so ids are looked up in a map rather than by scanning the actions for each one.
class TouchedCells {
 public:
  TouchedCells(const Plan& plan, const ActionsGrid& grid) : plan_(plan), grid_(grid) {
    for (std::size_t i = 0; i < plan.actions.size(); ++i) by_id_[plan.actions[i].id].push_back(i);
  }

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
    auto it = by_id_.find(std::string(id));
    if (id.empty() || it == by_id_.end()) return -1;
    std::size_t best = it->second.front();
    for (std::size_t i : it->second) {
      const int l = plan_.actions[i].line;
      if (l == line) return static_cast<int>(i);
      if (l <= line && plan_.actions[best].line < l) best = i;
    }
    return static_cast<int>(best);
  }

  const Plan& plan_;
  const ActionsGrid& grid_;
  std::map<std::string, std::vector<std::size_t>> by_id_;
};

ActionsResult layout_actions(const Plan& plan, const std::vector<RagWord>& vocabulary, const std::string& title) {
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

  std::vector<double> widths;
  for (const ActionsColumn& c : grid.columns) {
    widths.push_back(column_width(plan, c, vocabulary));
    b.width(c.col, widths.back());
  }

  // Title block: title, source line, and the Gantt key when there is a Gantt grid.
  int row = 0;
  b.merge({row, 0, row, last_col}, title, "title");
  b.height(row++, 24);
  std::set<std::string> sections;
  for (const Action& a : plan.actions)
    if (!a.section.empty()) sections.insert(a.section);
  std::string source_line = fmt::format("Source: {}", plan.source.empty() ? "-" : plan.source);
  if (!plan.sheet.empty()) source_line += fmt::format(" (sheet {})", plan.sheet);
  source_line += fmt::format(" \u00b7 {} action{}", plan.actions.size(), plan.actions.size() == 1 ? "" : "s");
  if (!sections.empty())
    source_line += fmt::format(" in {} section{}", sections.size(), sections.size() == 1 ? "" : "s");
  b.merge({row, 0, row, last_col}, source_line, "subtitle");
  b.height(row++, 18);
  if (!plan.periods.empty()) {
    const GanttKey key = gantt_key(plan);
    const int first_period_col = ncols - static_cast<int>(plan.periods.size());
    const int text_last = std::max(1, std::min(last_col, first_period_col - 1));
    for (const auto& [style, text] : {std::pair{"gantt_active", key.active}, std::pair{"gantt_ongoing", key.ongoing}}) {
      b.blank(row, 0, style);
      if (ncols > 1) b.merge({row, 1, row, text_last}, text, "plain");
      ++row;
    }
  }

  grid.header_row = row;
  int header_lines = 1;
  for (const ActionsColumn& c : grid.columns) {
    // Headings line up with their column's cells.
    const bool centre = (c.kind != ColumnKind::text && c.kind != ColumnKind::extra) ||
                        actions_style(c, widths[static_cast<std::size_t>(c.col)]) == "text_centre";
    b.text(row, c.col, c.label, centre ? "header_centre" : "header");
    // Bold header letters are wider than body text: measure against a slightly narrower column.
    header_lines = std::max(header_lines, wrapped_lines(c.label, widths[static_cast<std::size_t>(c.col)] * 0.9));
  }
  b.height(row, 15.0 * header_lines + 4);
  ++row;
  grid.first_row = row;

  std::string current_section;
  for (const Action& a : plan.actions) {
    if (!a.section.empty() && a.section != current_section) {
      current_section = a.section;
      b.merge({row, 0, row, last_col}, a.section, "band");
      b.height(row, 20);
      grid.band_rows.emplace_back(a.section, row);
      ++row;
    }
    if (row >= max_rows)
      throw output_error(fmt::format("cannot lay out the workbook for '{}': {} actions need more rows than a sheet's "
                                     "{}; split the plan into smaller files",
                                     plan.source, plan.actions.size(), max_rows));
    grid.action_rows.push_back(row);
    int lines = 1;
    for (const ActionsColumn& c : grid.columns) {
      const double w = widths[static_cast<std::size_t>(c.col)];
      switch (c.kind) {
        case ColumnKind::period: {
          const bool active = std::find(a.periods.begin(), a.periods.end(), c.label) != a.periods.end();
          const bool ongoing = a.interval && a.interval->ongoing;
          b.blank(row, c.col, !active ? "gantt_empty" : ongoing ? "gantt_ongoing" : "gantt_active");
          break;
        }
        case ColumnKind::target: {
          const std::string t = cell_text(a, c);
          if (t.empty()) b.blank(row, c.col, "tick");
          else b.text(row, c.col, t, "tick");
          break;
        }
        case ColumnKind::rag: {
          const std::string t = cell_text(a, c);
          if (t.empty()) b.blank(row, c.col, "rag");
          else b.text(row, c.col, t, "rag");
          lines = std::max(lines, wrapped_lines(t, w));
          break;
        }
        case ColumnKind::text:
        case ColumnKind::extra: {
          const std::string t = cell_text(a, c);
          const std::string style = actions_style(c, w);
          if (t.empty()) b.blank(row, c.col, style);
          else b.text(row, c.col, t, style);
          lines = std::max(lines, wrapped_lines(t, w));
          break;
        }
      }
    }
    b.lines(row, lines);
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

  out.sheet = b.finish();
  return out;
}

// Notes on the cells a repair changed, holding the text as it was before.
void add_repair_notes(const Plan& plan, ActionsResult& actions, const TouchedCells& touched) {
  std::map<std::pair<int, int>, std::string> notes;
  for (const Repair& r : plan.repairs) {
    const auto [row, col] = touched.find(r.action_id, r.role, r.line, r.after);
    if (row < 0) continue;
    std::string& note = notes[{row, col}];
    if (!note.empty()) note += "\n";
    note += fmt::format("Before repair ({}{}): {}", r.rule, r.line > 0 ? fmt::format(", line {}", r.line) : "",
                        visible_controls(r.before));
  }
  Sheet& sheet = actions.sheet;
  const auto by_position = [](const SheetCell& x, const SheetCell& y) {
    return std::pair{x.row, x.col} < std::pair{y.row, y.col};
  };
  for (auto& [pos, note] : notes) {
    SheetCell key{pos.first, pos.second, CellKind::blank, {}, 0, {}, {}, {}};
    auto it = std::lower_bound(sheet.cells.begin(), sheet.cells.end(), key, by_position);
    if (it != sheet.cells.end() && it->row == pos.first && it->col == pos.second) {
      it->note = note;
      continue;
    }
    // A merged band or title: the note goes on the merge's first cell, which then needs a cell of its own.
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
      for (std::size_t i = 0; i < items.size(); ++i) lists.text(static_cast<int>(i), list_col, items[i], "plain");
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
  for (const RagColour& c : rag_colours) {
    const auto words = words_for(c.colour, vocabulary);
    std::vector<std::string> tests;
    for (const std::string& w : words) tests.push_back(fmt::format("LOWER(TRIM({}))={}", ref, formula_string(w)));
    const std::string f = tests.size() == 1 ? tests[0] : fmt::format("OR({})", fmt::join(tests, ","));
    actions.sheet.conditionals.push_back({{grid.first_row, rag, grid.last_row, rag}, f, fmt::format("cf_{}", c.colour)});
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
  b.text(0, 0, "Summary", "title");
  b.height(0, 24);
  b.text(1, 0, title, "subtitle");
  b.text(2, 0, "Counts follow the RAG, status and stage cells of the Actions sheet and change when those cells do.",
         "subtitle");

  // Sections in order of first appearance, each with the blocks of Actions rows it occupies.
  struct SectionRows {
    std::string name;
    std::vector<std::pair<int, int>> blocks;
    std::vector<std::size_t> actions;
  };
  std::vector<SectionRows> sections;
  for (std::size_t i = 0; i < plan.actions.size(); ++i) {
    const std::string name = plan.actions[i].section.empty() ? "(no section)" : plan.actions[i].section;
    auto it = std::find_if(sections.begin(), sections.end(), [&](const SectionRows& s) { return s.name == name; });
    if (it == sections.end()) it = sections.insert(sections.end(), SectionRows{name, {}, {}});
    const int r = grid.action_rows[i];
    if (!it->blocks.empty() && it->blocks.back().second == r - 1) it->blocks.back().second = r;
    else it->blocks.emplace_back(r, r);
    it->actions.push_back(i);
  }
  if (sections.size() == 1 && sections[0].name == "(no section)") sections[0].name = "All actions";

  const int rag = grid.rag_col();
  const int head = 4;
  b.text(head, 0, "Section", "header");
  const int ncolours = static_cast<int>(rag_colours.size());
  for (int k = 0; k < ncolours; ++k)
    b.text(head, 1 + k, colour_label(rag_colours[static_cast<std::size_t>(k)].colour, vocabulary),
           fmt::format("rag_{}", rag_colours[static_cast<std::size_t>(k)].colour));
  const int other_col = 1 + ncolours, total_col = other_col + 1;
  b.text(head, other_col, "Not rated / other", "unrated");
  b.text(head, total_col, "Actions", "header_centre");
  b.lines(head, 2);

  double name_width = 14;
  int row = head + 1;
  for (const SectionRows& s : sections) {
    name_width = std::max(name_width, std::min(40.0, text_width(s.name) + 2));
    b.text(row, 0, s.name, "text");
    double rated = 0;
    for (int k = 0; k < ncolours; ++k) {
      const std::string_view colour = rag_colours[static_cast<std::size_t>(k)].colour;
      double n = 0;
      for (std::size_t i : s.actions) n += painted_colour(plan.actions[i], vocabulary) == colour ? 1 : 0;
      rated += n;
      std::vector<std::string> terms;
      for (const auto& [r0, r1] : s.blocks)
        for (const std::string& w : words_for(colour, vocabulary))
          terms.push_back(fmt::format("COUNTIF({},{})", range_ref(actions_sheet, {r0, rag, r1, rag}), formula_string(w)));
      b.formula(row, 1 + k, "=" + fmt::format("{}", fmt::join(terms, "+")), n, "count");
    }
    const double total = static_cast<double>(s.actions.size());
    b.formula(row, other_col,
              fmt::format("={}-SUM({}:{})", cell_ref(row, total_col), cell_ref(row, 1), cell_ref(row, ncolours)),
              total - rated, "count");
    b.number(row, total_col, total, "count");
    ++row;
  }
  const int first_data = head + 1, last_data = row - 1;
  b.text(row, 0, "Total", "label_total");
  for (int col = 1; col <= total_col; ++col) {
    double sum = 0;
    for (const SheetCell& c : b.sheet().cells)
      if (c.col == col && c.row >= first_data && c.row <= last_data) sum += c.number;
    b.formula(row, col,
              last_data >= first_data ? fmt::format("=SUM({}:{})", cell_ref(first_data, col), cell_ref(last_data, col))
                                      : std::string("=0"),
              sum, "count_total");
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
    const auto values = distinct_values(plan, role);
    b.text(row, 0, role == Role::status ? "Status" : "Stage", "header");
    b.text(row, 1, "Actions", "header_centre");
    ++row;
    const int first = row;
    double counted = 0;
    const Range range{grid.first_row, col, std::max(grid.first_row, grid.last_row), col};
    std::map<std::string, double> counts;  // by lower-case value, as COUNTIF compares
    for (const Action& a : plan.actions) counts[lower(trim(*a.text_of(role)))] += 1;
    for (const std::string& v : values) {
      const double n = counts[lower(v)];
      counted += n;
      b.text(row, 0, v, "text");
      name_width = std::max(name_width, std::min(40.0, text_width(v) + 2));
      b.formula(row, 1, fmt::format("=COUNTIF({},{})", range_ref(actions_sheet, range), exact_criterion(v)), n, "count");
      ++row;
    }
    const double blank = static_cast<double>(plan.actions.size()) - counted;
    if (blank > 0) {
      b.text(row, 0, "(not given)", "text");
      b.formula(row, 1,
                fmt::format("={}-SUM({}:{})", plan.actions.size(), cell_ref(first, 1), cell_ref(row - 1, 1)), blank,
                "count");
      ++row;
    }
    b.text(row, 0, "Total", "label_total");
    b.formula(row, 1, fmt::format("=SUM({}:{})", cell_ref(first, 1), cell_ref(row - 1, 1)),
              static_cast<double>(plan.actions.size()), "count_total");
    row += 3;
  }
  b.width(0, name_width);

  Sheet& sheet = b.sheet();
  sheet.freeze = std::pair{head + 1, 1};
  sheet.print.footer = footer_text(title);
  return b.finish();
}

// ---------------------------------------------------------------- the Repairs sheet

Sheet layout_repairs(const Plan& plan, const TouchedCells& touched, const std::vector<Diagnostic>& layout_warnings,
                     const std::string& title) {
  SheetBuilder b{std::string(repairs_sheet)};
  b.text(0, 0, "Repairs and warnings", "title");
  b.height(0, 24);
  b.text(1, 0,
         "Every change made to the authors' text while reading the table, and every doubt. "
         "The last column links to the cell on the Actions sheet.",
         "subtitle");
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
    b.text(head, static_cast<int>(i), columns[i].first, "header");
    b.width(static_cast<int>(i), columns[i].second);
  }
  b.lines(head, 2);
  int row = head + 1;
  int links = 0;
  auto put = [&](const char* type, int line, const std::string& cell, const std::string& action, const std::string& role,
                 const std::string& rule, const std::string& before, const std::string& after,
                 std::pair<int, int> target) {
    b.text(row, 0, type, "text");
    if (line > 0) b.number(row, 1, line, "count");
    else b.blank(row, 1, "count");
    for (auto [col, value] : {std::pair{2, &cell}, std::pair{3, &action}, std::pair{4, &role}, std::pair{5, &rule},
                              std::pair{6, &before}, std::pair{7, &after}}) {
      if (value->empty()) b.blank(row, col, "text");
      else b.text(row, col, *value, "text");
    }
    if (target.first >= 0 && links < max_links_per_sheet) {
      const std::string ref = cell_ref(target.first, target.second);
      b.link(row, 8, fmt::format("Actions!{}", ref), fmt::format("internal:'{}'!{}", actions_sheet, ref));
      ++links;
    } else if (target.first >= 0) {
      b.text(row, 8, fmt::format("Actions!{}", cell_ref(target.first, target.second)), "text");
    } else {
      b.blank(row, 8, "text");
    }
    int lines = std::max(wrapped_lines(before, 45), wrapped_lines(after, 50));
    b.lines(row, lines);
    ++row;
  };
  for (const Repair& r : plan.repairs)
    put("Repair", r.line, r.cell, r.action_id, r.role, r.rule, visible_controls(r.before), visible_controls(r.after),
        touched.find(r.action_id, r.role, r.line, r.after));
  std::vector<Diagnostic> warnings = plan.warnings;
  warnings.insert(warnings.end(), layout_warnings.begin(), layout_warnings.end());
  for (const Diagnostic& w : warnings)
    put("Warning", w.line, w.cell, w.action_id, "", "", "", w.message, touched.find(w.action_id, "", w.line, ""));
  if (row == head + 1) {
    b.text(row, 0, "No repairs or warnings: the table was read as written.", "plain");
    ++row;
  }
  Sheet& sheet = b.sheet();
  sheet.freeze = std::pair{head + 1, 0};
  sheet.autofilter = Range{head, 0, std::max(head, row - 1), 8};
  sheet.print.repeat_rows = std::pair{head, head};
  sheet.print.footer = footer_text(title);
  return b.finish();
}

// ---------------------------------------------------------------- the Key sheet

Sheet layout_key(const Plan& plan, const std::vector<RagWord>& vocabulary, const std::string& title) {
  SheetBuilder b{std::string(key_sheet)};
  b.width(0, 24);
  b.width(1, 90);
  b.text(0, 0, "Key", "title");
  b.height(0, 24);
  int row = 2;
  auto entry = [&](std::string_view term, std::string_view style, std::string_view meaning) {
    if (term.empty()) b.blank(row, 0, std::string(style));
    else b.text(row, 0, term, std::string(style));
    b.text(row, 1, meaning, "text");
    b.lines(row, std::max(wrapped_lines(term, 24), wrapped_lines(meaning, 90)));
    ++row;
  };
  auto heading = [&](std::string_view text) {
    ++row;
    b.text(row, 0, text, "heading");
    b.height(row, 20);
    ++row;
  };

  b.text(row++, 0, "The plan's own key", "heading");
  const std::array<std::pair<const char*, const char*>, 5> kinds = {{{"rag", "RAG ratings"},
                                                                     {"stage", "Stages"},
                                                                     {"status", "Status"},
                                                                     {"gantt", "Delivery timeline (Gantt)"},
                                                                     {"note", "Notes"}}};
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
      std::string term, style = "key_term";
      if (std::string_view(kind) == "rag") {
        const std::string w = first_word(e->text);
        const std::string colour = !detail::colour_of_word(w).empty() ? detail::colour_of_word(w) : lower(e->colour);
        term = !detail::colour_of_word(w).empty() ? capitalised(w) : capitalised(e->colour);
        if (colour_rank(colour) < static_cast<int>(rag_colours.size())) style = "rag_" + colour;
      } else if (std::string_view(kind) == "gantt") {
        style = e->text == gkey.ongoing ? "gantt_ongoing" : "gantt_active";
      } else {
        term = legend_term(e->text);
      }
      entry(term, style, e->text);
    }
  }
  if (!any) entry("", "plain", "The plan gives no key of its own.");

  ++row;
  b.text(row++, 0, "How this workbook uses colour", "heading");
  heading("RAG column (Actions sheet)");
  for (const RagColour& c : rag_colours) {
    std::vector<std::string> shown;
    for (const std::string& w : words_for(c.colour, vocabulary)) shown.push_back(capitalised(w));
    entry(colour_label(c.colour, vocabulary), fmt::format("rag_{}", c.colour),
          fmt::format("The cell reads {}: the colour follows the word, so a new rating typed in recolours the cell.",
                      fmt::join(shown, ", ")));
  }
  entry("", "rag", "No word, or a word the key does not name: no colour.");
  if (!plan.periods.empty()) {
    heading("Delivery periods (Gantt columns)");
    entry("", "gantt_active", gkey.active);
    entry("", "gantt_ongoing", gkey.ongoing + " (lighter bar)");
  }
  heading("Rows and cells");
  entry("Section", "band", "A section heading row: the actions below it belong to that section.");
  entry("Header", "header", "Column headings; they repeat at the top of every printed page.");
  entry("\u2713", "tick", "The action contributes to the target named at the top of the column.");
  entry("Note", "key_term",
        "A cell with a red corner mark carries a note with the text as it was before it was repaired; "
        "the Repairs sheet lists every repair.");

  Sheet& sheet = b.sheet();
  sheet.print.landscape = false;
  sheet.print.footer = footer_text(title);
  return b.finish();
}

// ---------------------------------------------------------------- limits

// Cuts text over Excel's cell limit, with a warning saying where and that the JSON export keeps the whole text.
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
    if (a) d.line = a->line, d.action_id = a->id;
    d.cell = fmt::format("{}!{}", sheet.name, cell_ref(row, col));
    d.message = fmt::format("{} {} holds {} characters, more than a spreadsheet cell's {}; the workbook shows the "
                            "first part and the JSON export keeps the whole text",
                            what, d.cell, n, max_cell_chars);
    warnings.push_back(std::move(d));
  };
  for (SheetCell& c : sheet.cells) {
    if (c.kind == CellKind::text) cut(c.text, c.row, c.col, "cell");
    cut(c.note, c.row, c.col, "the note on");
  }
  for (Merge& m : sheet.merges) cut(m.text, m.range.first_row, m.range.first_col, "cell");
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
    if (e.kind != "rag") continue;
    const std::string w = first_word(e.text);
    if (!detail::colour_of_word(w).empty()) add(w, detail::colour_of_word(w));
    else if (!e.colour.empty()) add(e.colour, detail::colour_of_word(e.colour));
  }
  for (const Action& a : plan.actions) {
    if (trim(a.rag).empty()) continue;
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

WorkbookModel layout_workbook(const Plan& plan) {
  WorkbookModel model;
  model.styles = style_table();
  const std::string title = detail::valid_utf8(plan_title(plan));
  const std::vector<RagWord> vocabulary = rag_vocabulary(plan);

  // 1. Actions: the table officers work in, with notes on repaired cells and dropdowns.
  ActionsResult actions = layout_actions(plan, vocabulary, title);
  const TouchedCells touched(plan, actions.grid);
  add_repair_notes(plan, actions, touched);
  SheetBuilder lists{std::string(lists_sheet)};
  add_validations(plan, vocabulary, actions, lists);
  enforce_cell_limit(actions.sheet, plan, &actions.grid, model.warnings);
  model.actions = actions.grid;

  // 2-4. Summary, Repairs (with the warnings step 1 raised), Key.
  Sheet summary = layout_summary(plan, vocabulary, actions.grid, title);
  Sheet repairs = layout_repairs(plan, touched, model.warnings, title);
  Sheet key = layout_key(plan, vocabulary, title);

  model.sheets.push_back(std::move(actions.sheet));
  model.sheets.push_back(std::move(summary));
  model.sheets.push_back(std::move(repairs));
  model.sheets.push_back(std::move(key));
  Sheet list_sheet = lists.finish();
  if (!list_sheet.cells.empty()) {
    list_sheet.hidden = true;
    model.sheets.push_back(std::move(list_sheet));
  }
  for (std::size_t i = 1; i < model.sheets.size(); ++i) enforce_cell_limit(model.sheets[i], plan, nullptr, model.warnings);

  model.constant_memory = model.actions.last_row >= constant_memory_rows;
  model.properties.title = title;
  model.properties.subject = "Climate action plan: actions, RAG ratings and delivery timeline";
  std::string keywords = "climate action plan, RAG, Gantt";
  std::set<std::string> seen;
  for (const Action& a : plan.actions)
    if (!a.section.empty() && seen.insert(a.section).second && keywords.size() + a.section.size() < 240)
      keywords += ", " + a.section;
  model.properties.keywords = detail::valid_utf8(keywords);
  model.properties.comments = detail::valid_utf8("Converted from " + (plan.source.empty() ? "-" : plan.source));
  return model;
}

}  // namespace plansheet::xlsx
