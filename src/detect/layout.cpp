// Stage: detect the layout of a table: title, legends, header rows, and a role for every column.
// Scoring rules, in order of trust: user overrides; header labels by synonym; then each column's content
// (a column of tick marks is a target column whatever its label; a "RAG" column of prose is commentary).
#include "detect/layout.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "detect/cell_types.hpp"
#include "grammar/api.hpp"
#include "text/text_span.hpp"

namespace plansheet {
namespace {

// A header label reduced to lower-case words: "ID #" -> "id #", "Action Plan Target Date" -> "action plan target date".
std::string label_key(std::string_view label) {
  std::string out;
  for (char c : ascii_lower(label)) {
    if (is_ascii_alpha(c) || is_ascii_digit(c) || c == '#' || c == '&')
      out += c;
    else if (!out.empty() && out.back() != ' ')
      out += ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool has_word(const std::string& key, std::string_view word) {
  std::size_t pos = 0;
  while ((pos = key.find(word, pos)) != std::string::npos) {
    bool left = pos == 0 || key[pos - 1] == ' ';
    std::size_t end = pos + word.size();
    bool right = end == key.size() || key[end] == ' ' || (end + 1 == key.size() && key[end] == 's') ||
                 (end + 1 < key.size() && key[end] == 's' && key[end + 1] == ' ');
    if (left && right) return true;
    pos = end;
  }
  return false;
}

bool starts_with(const std::string& key, std::string_view prefix) {
  return key.size() >= prefix.size() && key.compare(0, prefix.size(), prefix) == 0 &&
         (key.size() == prefix.size() || key[prefix.size()] == ' ');
}

bool first_cell_is_id(const Row& row, std::size_t id_col) {
  return id_col < row.cells.size() && grammar::parse_action_id(row.cells[id_col].text).has_value();
}

std::size_t non_empty_cells(const Row& row) {
  std::size_t n = 0;
  for (const Cell& c : row.cells) n += !c.text.empty();
  return n;
}

const std::array<std::string_view, 6> colour_words = {"red", "amber", "green", "blue", "orange", "yellow"};

// "Green action delivery on track" / "- Red significantly off track" / "Green = on track": the colour it names.
std::string leading_colour(std::string_view text) {
  std::string key = label_key(text);
  for (std::string_view colour : colour_words)
    if (starts_with(key, colour)) return std::string(colour);
  return "";
}

// "RAG Status Green = on track Yellow = delayed/stalled Red = ..." -> label "RAG Status" and one legend entry per
// colour. Returns the label with the legend removed.
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
    legend.push_back({LegendKind::rag, fold_whitespace(std::string_view(label).substr(starts[i].first, end - starts[i].first)),
                      starts[i].second});
  }
  return fold_whitespace(std::string_view(label).substr(0, first));
}

bool is_plan_title_like(std::string_view text) {
  std::string key = label_key(text);
  if (word_count(text) > 20 || word_count(text) < 2 || ends_sentence(text) || (!text.empty() && text.back() == ':'))
    return false;
  for (std::string_view w : {"plan", "strategy", "programme", "program", "roadmap", "tracker"})
    if (has_word(key, w)) return true;
  return false;
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

std::optional<LegendKind> legend_heading_kind(std::string_view text) {
  std::string key = label_key(text);
  if (word_count(text) > 6 || ends_sentence(text)) return std::nullopt;
  bool keyish = starts_with(key, "key") || has_word(key, "legend") || has_word(key, "rating") || key == "rag" ||
                starts_with(key, "rag") || text.back() == ':';
  if (!keyish) return std::nullopt;
  if (has_word(key, "rag") || has_word(key, "rating")) return LegendKind::rag;
  if (has_word(key, "stage")) return LegendKind::stage;
  if (has_word(key, "status")) return LegendKind::status;
  if (has_word(key, "gantt") || has_word(key, "timeline") || has_word(key, "period")) return LegendKind::gantt;
  return LegendKind::note;
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

struct HeaderChoice {
  std::size_t row = 0;
  int score = 0;
};

int header_score(const Row& row) {
  std::vector<Role> seen;
  int periods = 0;
  for (const Cell& c : row.cells) {
    if (c.text.empty()) continue;
    if (grammar::parse_period_label(c.text)) {
      ++periods;
      continue;
    }
    if (auto role = role_from_label(c.text); role && std::find(seen.begin(), seen.end(), *role) == seen.end())
      seen.push_back(*role);
  }
  bool anchor = std::find(seen.begin(), seen.end(), Role::id) != seen.end() ||
                std::find(seen.begin(), seen.end(), Role::action) != seen.end();
  int score = static_cast<int>(seen.size()) + (periods >= 2 ? 1 : 0);
  return anchor ? score : score / 2;
}

}  // namespace

std::optional<Role> role_from_label(std::string_view label) {
  // A two-level label as this tool writes it ("Timescale / Start"): the lower level names the column.
  if (std::size_t slash = label.rfind(" / "); slash != std::string_view::npos)
    if (auto role = role_from_label(label.substr(slash + 3))) return role;
  std::string key = label_key(label);
  if (key.empty()) return std::nullopt;
  static const std::array<std::string_view, 21> id_labels = {
      "action id", "id", "id #", "id#", "no", "number", "ref", "reference", "action no", "action number", "action ref",
      "action reference", "#", "action #", "item", "item no", "ref no", "action code", "code", "no #", "action ref no"};
  for (std::string_view s : id_labels)
    if (key == s) return Role::id;
  if (key == "rag" || starts_with(key, "rag") || key == "rating" || key == "rag rating") return Role::rag;
  if (key == "start" || key == "start date" || key == "from" || key == "begin" || key == "start year") return Role::start;
  if (key == "end" || key == "end date" || key == "to" || key == "finish" || key == "completion date" ||
      key == "end year")
    return Role::end;
  if (has_word(key, "timescale") || has_word(key, "timeframe") || has_word(key, "target date") ||
      has_word(key, "deadline") || has_word(key, "due date") || key == "date" || key == "when" || key == "by when" ||
      key == "delivery date" || key == "target year" || key == "completion")
    return Role::timescale;
  if (has_word(key, "stage") || has_word(key, "phase")) return Role::stage;
  if (has_word(key, "status")) return Role::status;
  if (has_word(key, "update") || has_word(key, "progress") || has_word(key, "comment") ||
      has_word(key, "commentary") || key == "notes" || key == "note")
    return Role::update;
  if (has_word(key, "lead") || has_word(key, "responsible") || has_word(key, "owner") || key == "who" ||
      key == "accountable" || has_word(key, "team") || key == "service" || key == "directorate" || key == "department")
    return Role::lead;
  if (has_word(key, "partner") || has_word(key, "stakeholder") || has_word(key, "supported by") ||
      key == "support")
    return Role::partners;
  if (key == "objective" || key == "objectives" || starts_with(key, "strategic objective") || key == "outcome" ||
      key == "outcomes" || key == "aim" || key == "priority")
    return Role::objective;
  static const std::array<std::string_view, 16> action_labels = {
      "action", "action detail", "action description", "project description", "description", "project",
      "activity", "what we will do", "measure", "intervention", "task", "action title", "actions", "project name",
      "proposed action", "key action"};
  for (std::string_view s : action_labels)
    if (key == s || key == std::string(s) + "s") return Role::action;
  if (has_word(key, "description")) return Role::action;
  if (key == "theme" || key == "workstream" || key == "section" || key == "category" || key == "sector" ||
      key == "topic" || key == "area" || key == "priority area" || key == "themes")
    return Role::section;
  return std::nullopt;
}

int column_of(const TableLayout& layout, Role role) {
  for (std::size_t c = 0; c < layout.columns.size(); ++c)
    if (layout.columns[c].role == role) return static_cast<int>(c);
  return -1;
}

TableLayout detect_layout(const RawTable& table, const Options& options) {
  TableLayout layout;
  const auto& rows = table.rows;
  if (rows.empty()) {
    layout.no_table_reason = "the input is empty";
    return layout;
  }

  // 1. The header row: the row naming the most roles (one of them id or action), forced by --header-row.
  std::optional<HeaderChoice> header;
  if (options.header_row) {
    for (std::size_t r = 0; r < rows.size(); ++r)
      if (rows[r].line == *options.header_row) header = HeaderChoice{r, 99};
    if (!header)
      layout.warnings.push_back({{*options.header_row}, "", fmt::format("--header-row {}: no such line with cells; header detected instead", *options.header_row)});
  }
  if (!header) {
    std::size_t limit = std::min<std::size_t>(rows.size(), 80);
    for (std::size_t r = 0; r < limit; ++r) {
      int score = header_score(rows[r]);
      if (score < 2 || (header && score <= header->score)) continue;
      // A header is followed closely by rows that start with an id (in any of its first two cells).
      bool ids_follow = false;
      for (std::size_t k = r + 1; k < std::min(rows.size(), r + 8) && !ids_follow; ++k)
        ids_follow = first_cell_is_id(rows[k], 0) || first_cell_is_id(rows[k], 1);
      if (ids_follow) header = HeaderChoice{r, score};
    }
  }

  // Without a header, a table is still a table when most rows start with an id.
  std::size_t id_rows = 0;
  for (const Row& row : rows) id_rows += first_cell_is_id(row, 0) && row.cells.size() >= 2;
  if (!header && id_rows < 3) {
    layout.no_table_reason = "no header row naming action-plan columns and fewer than 3 rows starting with an action id";
    return layout;
  }

  std::size_t body_begin = 0;
  std::vector<std::string> top, sub;
  std::string group_label;
  std::size_t pre_header_end = 0;  // rows before this index are title/legend/prose
  if (header) {
    layout.header_begin = header->row;
    pre_header_end = header->row;
    for (const Cell& c : rows[header->row].cells) top.push_back(c.text);
    body_begin = header->row + 1;
    // A second header line: sub-labels under a spanning label (Start/End under Timescale, 2025-26 ... under
    // Delivery Period), recognised by being mostly labels or period labels and not starting with an id.
    if (body_begin < rows.size() && !first_cell_is_id(rows[body_begin], 0) && !rows[body_begin].page_break_before) {
      const Row& next = rows[body_begin];
      std::size_t labels = 0, filled = non_empty_cells(next);
      for (const Cell& c : next.cells)
        if (!c.text.empty() && (role_from_label(c.text) || grammar::parse_period_label(c.text))) ++labels;
      if (filled >= 2 && labels * 2 >= filled && labels >= 2) {
        for (const Cell& c : next.cells) sub.push_back(c.text);
        ++body_begin;
      }
    }
    // A group row just above the header ("TARGETS" over a tick matrix): one or two short cells in a wide row.
    if (header->row > 0 && !rows[header->row].page_break_before) {
      const Row& above = rows[header->row - 1];
      std::size_t filled = non_empty_cells(above);
      if (above.cells.size() >= 3 && filled >= 1 && filled <= 2) {
        bool short_cells = true;
        for (const Cell& c : above.cells)
          if (!c.text.empty()) {
            short_cells = short_cells && word_count(c.text) <= 3;
            if (group_label.empty()) group_label = c.text;
          }
        if (short_cells) {
          pre_header_end = header->row - 1;
          layout.header_begin = header->row - 1;
          layout.removed.push_back({above.line, fold_whitespace(above.raw), RemovalReason::header_group});
        } else {
          group_label.clear();
        }
      }
    }
  } else {
    // Headerless: the body starts at the first id row.
    while (body_begin < rows.size() && !first_cell_is_id(rows[body_begin], 0)) ++body_begin;
    pre_header_end = body_begin;
    layout.header_begin = body_begin;
  }
  layout.body_begin = body_begin;
  for (std::size_t r = layout.header_begin; r < body_begin; ++r)
    if (r >= pre_header_end && (!header || r != layout.header_begin || group_label.empty()))
      layout.removed.push_back({rows[r].line, fold_whitespace(rows[r].raw), RemovalReason::header});

  // 2. Width: the header's, widened only where most body rows carry content further (a column with no label);
  // rows with an extra cell are damaged rows (a stray tab), not a wider table.
  std::size_t width = std::max(top.size(), sub.size());
  {
    std::vector<std::size_t> reach;  // per body row: one past its last filled cell
    for (std::size_t r = body_begin; r < rows.size(); ++r) {
      const auto& cells = rows[r].cells;
      std::size_t last = 0;
      for (std::size_t c = 0; c < cells.size(); ++c)
        if (!cells[c].text.empty()) last = c + 1;
      if (last > 0) reach.push_back(last);
    }
    std::sort(reach.begin(), reach.end(), std::greater<>());
    std::size_t widest = width;
    if (!reach.empty()) {
      std::size_t quorum = header ? reach.size() / 2 + 1 : 1;
      widest = reach[std::min(reach.size(), quorum) - 1];
    }
    width = std::max(width, widest);
  }
  layout.header_width = std::max(top.size(), sub.size());
  top.resize(width);
  sub.resize(width);

  // 3. Labels and roles from the header; a spanning top label carries over empty top cells that have sub-labels.
  layout.columns.resize(width);
  std::string span;
  for (std::size_t c = 0; c < width; ++c) {
    ColumnSpec& col = layout.columns[c];
    std::string own = split_embedded_legend(top[c], layout.legend);
    if (!own.empty())
      span = own;
    else if (sub[c].empty())
      span.clear();
    if (!sub[c].empty()) {
      if (auto period = grammar::parse_period_label(sub[c])) {
        col.role = Role::period;
        col.label = sub[c];
        col.reason = fmt::format("period label '{}' under '{}'", sub[c], span);
        continue;
      }
      col.label = span.empty() ? sub[c] : span + " / " + sub[c];
      if (auto role = role_from_label(sub[c])) {
        col.role = *role;
        col.reason = fmt::format("header '{}'", sub[c]);
        continue;
      }
    } else {
      col.label = own;
    }
    if (!own.empty() && grammar::parse_period_label(own)) {
      col.role = Role::period;
      col.reason = fmt::format("period label '{}'", own);
    } else if (auto role = role_from_label(own.empty() ? span : own)) {
      col.role = *role;
      col.reason = fmt::format("header '{}'", own.empty() ? span : own);
    } else {
      col.role = Role::extra;
      col.reason = own.empty() ? "no header label" : fmt::format("header '{}' names no role", own);
    }
  }

  // 4. Column content, read positionally from rows that start with an id.
  std::size_t id_col = 0;
  if (int c = column_of(layout, Role::id); c >= 0) id_col = static_cast<std::size_t>(c);
  std::vector<ColumnProfile> content(width);
  std::vector<std::size_t> filled(width, 0), ticked(width, 0);
  // Rows that fit the width exactly are read; when none do (every row damaged), all id rows are.
  auto fits = [&](const Row& row) {
    if (row.cells.size() < width) return false;
    for (std::size_t c = width; c < row.cells.size(); ++c)
      if (!row.cells[c].text.empty()) return false;
    return true;
  };
  bool any_fit = false;
  for (std::size_t r = body_begin; r < rows.size() && !any_fit; ++r) any_fit = first_cell_is_id(rows[r], id_col) && fits(rows[r]);
  for (std::size_t r = body_begin; r < rows.size(); ++r) {
    if (!first_cell_is_id(rows[r], id_col) || (any_fit && !fits(rows[r]))) continue;
    for (std::size_t c = 0; c < width; ++c) {
      std::string_view text = c < rows[r].cells.size() ? std::string_view(rows[r].cells[c].text) : std::string_view();
      content[c].add(cell_kinds(text));
      filled[c] += !text.empty();
      ticked[c] += !text.empty() && grammar::parse_tick_cell(text).value_or(false);
    }
  }
  if (!header) {
    layout.columns[id_col] = {Role::id, "ID", "content: cells start with action ids"};
  }
  auto non_empty_share = [&](std::size_t c, CellKind k) {
    double empty = content[c].share(CellKind::empty);
    return empty >= 1.0 ? 0.0 : content[c].share(k) / (1.0 - empty);
  };
  int target_no = 0;
  for (std::size_t c = 0; c < width; ++c) {
    ColumnSpec& col = layout.columns[c];
    double ticks = filled[c] ? static_cast<double>(ticked[c]) / static_cast<double>(filled[c]) : 0.0;
    double prose = non_empty_share(c, CellKind::long_text) + non_empty_share(c, CellKind::medium_text);
    if (col.role != Role::id && col.role != Role::period && filled[c] >= 2 && ticks >= 0.6) {
      if (col.role != Role::target)
        col.reason = fmt::format("content: {:.0f}% of its filled cells are tick marks", ticks * 100);
      col.role = Role::target;
      ++target_no;
      if (col.label.empty())
        col.label = group_label.empty() ? fmt::format("Target {}", target_no) : fmt::format("{} {}", group_label, target_no);
    } else if (col.role == Role::rag && filled[c] >= 2 && non_empty_share(c, CellKind::rag) < 0.3 && prose >= 0.5) {
      col.role = Role::update;
      col.reason = fmt::format("header '{}' but the cells hold commentary, not RAG words", col.label);
      layout.warnings.push_back({{rows[layout.header_begin].line}, "",
                                 fmt::format("column '{}' holds progress commentary rather than RAG ratings: exported "
                                             "as the update column",
                                             col.label)});
    } else if (col.role == Role::extra && filled[c] == 0 && col.label.empty()) {
      col.role = Role::ignore;
      col.reason = "no label and no content";
    } else if (col.role == Role::extra && col.label.empty()) {
      col.label = fmt::format("Column {}", c + 1);
    }
  }
  // A table with no action column: the column with the most long text is it.
  if (column_of(layout, Role::action) < 0) {
    std::size_t best = width;
    double best_share = 0.2;
    for (std::size_t c = 0; c < width; ++c) {
      if (layout.columns[c].role != Role::extra) continue;
      double share = content[c].share(CellKind::long_text) + content[c].share(CellKind::medium_text);
      if (share > best_share) best = c, best_share = share;
    }
    if (best < width) {
      layout.columns[best].role = Role::action;
      layout.columns[best].reason = "content: the column with the most prose";
    }
  }
  // One column per single role: a second "update" column keeps its text under its own label.
  for (std::size_t c = 0; c < width; ++c) {
    Role role = layout.columns[c].role;
    if (role == Role::target || role == Role::period || role == Role::extra || role == Role::ignore) continue;
    for (std::size_t d = 0; d < c; ++d)
      if (layout.columns[d].role == role) {
        layout.columns[c].role = Role::extra;
        layout.columns[c].reason += fmt::format("; role {} already taken by column {}", role_name(role), d + 1);
        break;
      }
  }
  // 5. User overrides win.
  for (auto [position, role] : options.roles) {
    if (position < 1) continue;
    auto c = static_cast<std::size_t>(position - 1);
    if (c >= layout.columns.size()) layout.columns.resize(c + 1);
    layout.columns[c].role = role;
    layout.columns[c].reason = "--roles";
    if (layout.columns[c].label.empty()) layout.columns[c].label = fmt::format("Column {}", c + 1);
  }
  if (column_of(layout, Role::id) < 0) {
    layout.no_table_reason = "no column of action ids found (use --roles N=id to name it)";
    return layout;
  }

  // 6. Before the header: the title, legends (keys), and prose that is not part of the table.
  std::optional<LegendKind> legend_kind;
  bool legend_started = false;
  bool has_periods = column_of(layout, Role::period) >= 0;
  for (std::size_t r = 0; r < pre_header_end; ++r) {
    const Row& row = rows[r];
    std::string text = fold_whitespace(row.raw);
    std::string_view t = text;
    if (t.rfind('#', 0) == 0) {
      std::size_t hashes = t.find_first_not_of('#');
      std::string heading = fold_whitespace(t.substr(hashes == std::string_view::npos ? t.size() : hashes));
      layout.removed.push_back({row.line, std::string(t.substr(0, std::min(hashes, t.size()))), RemovalReason::markdown_heading_marker});
      if (!layout.title && !legend_started && !heading.empty()) {
        layout.title = heading;
        continue;
      }
      text = heading;
      t = text;
    }
    if (!layout.title && !legend_started && is_plan_title_like(t)) {
      layout.title = strip_title_lead_in(text, layout.removed, row.line);
      continue;
    }
    if (auto kind = legend_heading_kind(t)) {
      legend_kind = kind;
      legend_started = true;
      layout.legend.push_back({LegendKind::heading, text, ""});
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
      LegendKind kind = !colour.empty() ? LegendKind::rag : legend_kind ? *legend_kind : has_periods ? LegendKind::gantt : LegendKind::note;
      layout.legend.push_back({kind, item, colour});
    }
    legend_started = true;
  }

  // Labels name columns in the exports: two columns with one label ("Comment", "Comment") get " (2)" and so on.
  {
    std::vector<std::string> as_written;
    for (const ColumnSpec& col : layout.columns) as_written.push_back(col.role == Role::ignore ? "" : col.label);
    for (std::size_t c = 0; c < layout.columns.size(); ++c) {
      if (as_written[c].empty()) continue;
      int same = 1;
      for (std::size_t d = 0; d < c; ++d) same += as_written[d] == as_written[c];
      if (same > 1) layout.columns[c].label += fmt::format(" ({})", same);
    }
  }

  // Explain the detection as the flags that reproduce it.
  if (header) layout.explain.push_back(fmt::format("--header-row {}", rows[header->row].line));
  std::string roles_flag;
  for (std::size_t c = 0; c < layout.columns.size(); ++c) {
    if (layout.columns[c].role == Role::ignore) continue;
    roles_flag += fmt::format("{}{}={}", roles_flag.empty() ? "" : ",", c + 1, role_name(layout.columns[c].role));
  }
  layout.explain.push_back("--roles " + roles_flag);
  layout.has_table = true;
  return layout;
}

}  // namespace plansheet
