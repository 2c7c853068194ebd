// Pass 6, title and key: the rows before the header in; the plan's title, its keys (legends: what RAG colours,
// stages and Gantt marks mean) and the prose before the table, each set aside with a reason, out.
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "detect/cell_types.hpp"
#include "detect/header_words.hpp"
#include "detect/passes.hpp"
#include "text/text_span.hpp"

namespace plansheet::detail {
namespace {

const std::array<std::string_view, 6> colour_words = {"red", "amber", "green", "blue", "orange", "yellow"};

// "Green action delivery on track" / "- Red significantly off track" / "Green = on track": the colour it names.
std::string leading_colour(std::string_view text) {
  std::string key = label_key(text);
  for (std::string_view colour : colour_words)
    if (label_starts_with(key, colour)) return std::string(colour);
  return "";
}

bool is_plan_title_like(std::string_view text) {
  std::string key = label_key(text);
  if (word_count(text) > 20 || word_count(text) < 2 || ends_sentence(text) || (!text.empty() && text.back() == ':'))
    return false;
  for (std::string_view w : {"plan", "strategy", "programme", "program", "roadmap", "tracker"})
    if (has_label_word(key, w)) return true;
  return false;
}

// A line of a document's letterhead rather than its key: the council's name ("Marshwood Borough Council"), what
// the document is ("Appendix B", "Agenda item 7"), its date ("Position at 30 June 2026", "Reporting period: ..."),
// or a chat client's stamp on a pasted message ("[09:15] Jo Bloggs"). Such a line defines nothing, so it is
// never a key entry.
bool is_letterhead(std::string_view text) {
  if (text.empty() || word_count(text) > 12 || ends_sentence(text)) return false;
  std::string key = label_key(text);
  for (std::string_view body : {"council", "authority", "cyngor"})  // "Cyngor Sir ...": Welsh for council
    if (has_label_word(key, body) && word_count(text) <= 6) return true;
  for (std::string_view lead : {"appendix", "annex", "annexe", "agenda item", "item", "report to", "reporting period",
                                "position at", "position as at", "as at", "updated", "last updated", "date", "version",
                                "prepared by", "author", "owner"})
    if (label_starts_with(key, lead)) return true;
  // "[10:42] Name": a time in brackets, as chat and e-mail clients stamp a pasted message.
  return text.size() > 6 && text.front() == '[' && is_ascii_digit(text[1]) && text.find(']') != std::string_view::npos &&
         text.find(']') <= 9;
}

// "Updated proposed actions for the Kent and Medway ... Plan" -> "Kent and Medway ... Plan": a lead-in phrase before
// " for the " is a description of the document, the capitalised name after it is the plan's title.
std::string strip_title_lead_in(const std::string& title, std::vector<Removal>& removed, int line) {
  for (std::string_view joint : {" for the ", " of the "}) {
    std::size_t pos = title.find(joint);
    if (pos == std::string::npos) continue;
    std::string rest = title.substr(pos + joint.size());
    if (!rest.empty() && is_ascii_upper(rest[0]) && is_plan_title_like(rest) && word_count(title.substr(0, pos)) <= 6) {
      removed.push_back({line, title.substr(0, pos + joint.size() - 1), RemovalReason::title_lead_in});
      return rest;
    }
  }
  return title;
}



// Bullet items run together on one line: "- In discovery (...) - In design (...)".
std::vector<std::string> split_bullets(std::string_view text, std::string& markers) {
  std::vector<std::string> items;
  std::string t = fold_whitespace(text);
  for (std::string_view bullet : {"- ", "• ", "* "})
    if (t.rfind(bullet, 0) == 0) {
      markers += bullet;
      t = t.substr(bullet.size());
      std::size_t start = 0;
      while (true) {
        // a new item starts at " - " followed by a capital letter
        std::size_t pos = start;
        std::size_t cut = std::string::npos;
        while ((pos = t.find(" - ", pos)) != std::string::npos) {
          if (pos + 3 < t.size() && is_ascii_upper(t[pos + 3])) {
            cut = pos;
            break;
          }
          pos += 3;
        }
        items.push_back(fold_whitespace(t.substr(start, cut == std::string::npos ? std::string::npos : cut - start)));
        if (cut == std::string::npos) break;
        markers += bullet;
        start = cut + 3;
      }
      return items;
    }
  return {t};
}

}  // namespace

std::optional<LegendKind> legend_heading_kind(std::string_view text) {
  std::string key = label_key(text);
  if (text.empty() || word_count(text) > 6 || ends_sentence(text)) return std::nullopt;
  // "Key", "Status key", "Allwedd / Key" (a bilingual label), "Legend", "RAG rating", "Stages:".
  bool keyish = label_starts_with(key, "key") || has_label_word(key, "key") || has_label_word(key, "legend") ||
                has_label_word(key, "rating") || key == "rag" || label_starts_with(key, "rag") || text.back() == ':';
  if (!keyish) return std::nullopt;
  if (has_label_word(key, "rag") || has_label_word(key, "rating")) return LegendKind::rag;
  if (has_label_word(key, "stage")) return LegendKind::stage;
  if (has_label_word(key, "status")) return LegendKind::status;
  if (has_label_word(key, "gantt") || has_label_word(key, "timeline") || has_label_word(key, "period"))
    return LegendKind::gantt;
  return LegendKind::note;
}

std::string split_embedded_legend(const std::string& label, std::vector<LegendEntry>& legend) {
  std::string key = ascii_lower(label);
  std::size_t first = std::string::npos;
  std::vector<std::pair<std::size_t, std::string>> starts;
  for (std::string_view colour : colour_words) {
    std::string probe = std::string(colour) + " =";
    for (std::size_t pos = key.find(probe); pos != std::string::npos; pos = key.find(probe, pos + 1)) {
      if (pos > 0 && key[pos - 1] != ' ') continue;
      starts.emplace_back(pos, std::string(colour));
      first = std::min(first, pos);
    }
  }
  if (starts.size() < 2) return label;
  std::sort(starts.begin(), starts.end());
  for (std::size_t i = 0; i < starts.size(); ++i) {
    std::size_t end = i + 1 < starts.size() ? starts[i + 1].first : label.size();
    std::string item = fold_whitespace(std::string_view(label).substr(starts[i].first, end - starts[i].first));
    KeyLine line = read_key_line(item);
    legend.push_back({LegendKind::rag, item, starts[i].second, 0, std::move(line.defines)});
  }
  return fold_whitespace(std::string_view(label).substr(0, first));
}

void read_title_and_key(const std::vector<Row>& rows, std::size_t pre_header_end, TableLayout& layout,
                        int own_title_line) {
  std::optional<LegendKind> legend_kind;
  bool legend_started = false;
  bool has_periods = column_of(layout, Role::period) >= 0;
  for (std::size_t r = 0; r < pre_header_end; ++r) {
    const Row& row = rows[r];
    // A line of one filled cell is that cell: a CSV title row's empty cells (";;;;;;") are no part of the title.
    std::string text = fold_whitespace(row.raw);
    const Cell* only = nullptr;
    std::size_t filled_cells = 0;
    for (const Cell& c : row.cells)
      if (!trim(c.text).empty()) ++filled_cells, only = &c;
    if (filled_cells == 1) text = fold_whitespace(only->text);
    std::string_view t = text;
    // The title plansheet wrote over its own table is the title, whatever its words.
    if (own_title_line > 0 && row.line == own_title_line && !layout.title && !t.empty()) {
      layout.title = text;
      layout.title_line = row.line;
      continue;
    }
    if (t.rfind('#', 0) == 0) {
      std::size_t hashes = t.find_first_not_of('#');
      std::string heading = fold_whitespace(t.substr(hashes == std::string_view::npos ? t.size() : hashes));
      layout.removed.push_back({row.line, std::string(t.substr(0, std::min(hashes, t.size()))), RemovalReason::markdown_heading_marker});
      if (!layout.title && !legend_started && !heading.empty()) {
        layout.title = heading;
        layout.title_line = row.line;
        continue;
      }
      text = heading;
      t = text;
    }
    if (!layout.title && !legend_started && is_plan_title_like(t)) {
      layout.title = strip_title_lead_in(text, layout.removed, row.line);
      layout.title_line = row.line;
      continue;
    }
    if (auto kind = legend_heading_kind(t)) {
      legend_kind = kind;
      legend_started = true;
      layout.legend.push_back({LegendKind::heading, text, "", row.line, {}});
      continue;
    }
    // Letterhead before any key is neither title nor key: set aside with its reason (the title may follow it).
    if (!legend_started && leading_colour(t).empty() && is_letterhead(t)) {
      layout.removed.push_back({row.line, text, RemovalReason::letterhead});
      continue;
    }
    const LegendKind fallback_kind = legend_kind ? *legend_kind : has_periods ? LegendKind::gantt : LegendKind::note;
    // A two-cell row of short text ("On track | Green", "S | Within a year") defines its first cell.
    std::vector<std::string> filled;
    for (const Cell& c : row.cells)
      if (!trim(c.text).empty()) filled.push_back(fold_whitespace(c.text));
    if (filled.size() == 2 && word_count(filled[0]) <= 8 && word_count(filled[1]) <= 30 && !ends_sentence(filled[0])) {
      std::vector<std::pair<std::string, std::string>> defines = {{filled[0], filled[1]}};
      std::string colour;
      LegendKind kind = legend_entry_kind(defines, fallback_kind, colour);
      layout.legend.push_back({kind, text, colour, row.line, std::move(defines)});
      legend_started = true;
      continue;
    }
    // "On track = Green, At risk = Amber" (or "Key to timescales: S = ...; M = ..."): a key, whatever its end.
    if (KeyLine key = read_key_line(t); key.defines.size() >= 2 || (!key.defines.empty() && !key.heading.empty())) {
      std::string colour;
      LegendKind kind = leading_colour(t).empty()
                            ? legend_entry_kind(key.defines, key.heading_kind.value_or(fallback_kind), colour)
                            : LegendKind::rag;
      layout.legend.push_back({kind, text, colour, row.line, std::move(key.defines)});
      legend_started = true;
      continue;
    }
    bool prose = word_count(t) > 25 || (ends_sentence(t) && word_count(t) > 12) ||
                 (ends_sentence(t) && !legend_kind && !(t.rfind("- ", 0) == 0));
    if (prose) {
      layout.removed.push_back({row.line, text, RemovalReason::prose});
      continue;
    }
    std::string markers;
    std::vector<std::string> items = split_bullets(t, markers);
    if (!markers.empty()) layout.removed.push_back({row.line, fold_whitespace(markers), RemovalReason::bullet_markers});
    for (std::string& item : items) {
      std::string colour = leading_colour(item);
      KeyLine key = read_key_line(item);
      LegendKind kind = !colour.empty() ? LegendKind::rag : fallback_kind;
      if (colour.empty() && !key.defines.empty()) kind = legend_entry_kind(key.defines, fallback_kind, colour);
      // A labelled line says what it explains ("Gantt key: X marks ..." under a status key).
      if (colour.empty() && key.defines.empty() && key.heading_kind) kind = *key.heading_kind;
      // Under a RAG key, a line that names no colour and defines nothing rates nothing ("Enabling Actions"
      // between the key's heading and its colours): a note, not a rating.
      if (kind == LegendKind::rag && colour.empty() && key.defines.empty()) kind = LegendKind::note;
      layout.legend.push_back({kind, item, colour, row.line, std::move(key.defines)});
    }
    legend_started = true;
  }
}

}  // namespace plansheet::detail
