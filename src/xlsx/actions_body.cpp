// The rows of the Actions sheet (see actions.hpp): a Plan in, one band row per new section and one row per action
// out, made whenever the writer asks; with the notes on repaired cells and the texts that had to be mended.
#include "xlsx/actions.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "text/ascii.hpp"
#include "xlsx/layout.hpp"
#include "xlsx/dates.hpp"
#include "xlsx/gantt.hpp"
#include "xlsx/links.hpp"
#include "xlsx/look.hpp"
#include "xlsx/measure.hpp"
#include "xlsx/sheet_builder.hpp"
#include "xlsx/vocabulary.hpp"

namespace plansheet::xlsx::detail {

namespace {

// An action's extras follow the table's columns, as the sheet's extra columns do, so the column's place among them
// (`hint`) finds the text at once or a few places before it; the whole list is read only when the action lacks it.
// This keeps a table thousands of columns wide linear in its cells.
std::string_view extra_text(const Action& a, const std::string& label, int hint) {
  const std::size_t n = a.extra.size();
  if (n == 0) return {};
  const std::size_t from = std::min(n - 1, static_cast<std::size_t>(std::max(hint, 0)));
  for (std::size_t k = from + 1, steps = 0; k-- > 0 && steps < 8; ++steps)
    if (a.extra[k].first == label) return a.extra[k].second;
  for (const auto& [l, t] : a.extra)
    if (l == label) return t;
  return {};
}

}  // namespace

std::string_view cell_text(const Action& a, const ActionsColumn& c, std::string& scratch) {
  switch (c.kind) {
    case ColumnKind::text: return *a.text_of(c.role);
    case ColumnKind::extra: return extra_text(a, c.label, c.index);
    case ColumnKind::rag: {
      const std::string_view t = trim(a.rag);
      if (t.empty()) return {};
      if (t.size() == a.rag.size() && !is_ascii_lower(t[0])) return a.rag;
      scratch = capitalised(t);
      return scratch;
    }
    case ColumnKind::target:
      return c.index < static_cast<int>(a.targets.size()) && a.targets[static_cast<std::size_t>(c.index)]
                 ? tick_mark
                 : std::string_view{};
    case ColumnKind::period:
    case ColumnKind::delivery: return {};
  }
  return {};
}

Style text_style(const ActionsColumn& c, double width) {
  if (c.kind == ColumnKind::text && c.role == Role::id) return Style::text;
  return width <= 14 ? Style::text_centre : Style::text;
}

Style body_style(const ActionsColumn& c, double width) {
  switch (c.kind) {
    case ColumnKind::target: return Style::tick;
    case ColumnKind::rag: return Style::rag;
    case ColumnKind::period: return Style::gantt_mark;
    case ColumnKind::delivery: return Style::date_day;
    case ColumnKind::text:
    case ColumnKind::extra: return text_style(c, width);
  }
  return Style::text;
}

void append_note(std::string& note, const Repair& r) {
  // A note for each repaired cell of a large plan: appended in place, and the text decoded only when it holds a
  // character that may need naming (plain printable ASCII never does).
  if (!note.empty()) note += '\n';
  note.append("Before repair (").append(rule_name(r.rule));
  if (r.pos.line > 0) note.append(", line ").append(fmt::format_int(r.pos.line).str());
  note.append("): ");
  const bool plain = std::all_of(r.before.begin(), r.before.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 0x20 && u < 0x7F) || c == '\n';
  });
  if (plain) note.append(r.before);
  else note.append(visible_controls(r.before));
}

ActionsBody::ActionsBody(const Plan& plan, const ActionsGrid& grid, const std::vector<double>& widths,
                         SuspectCells suspects)
    : plan_(plan),
      first_row_(grid.first_row),
      last_col_(static_cast<int>(grid.columns.size()) - 1),
      split_(grid.split),
      suspects_(std::move(suspects)),
      grid_periods_(plan_grid(plan)) {
  for (const ActionsColumn& c : grid.columns) {
    const double w = widths[static_cast<std::size_t>(c.col)];
    // Prose columns (and extras) may hold addresses; ids, dates and ratings do not.
    const bool links = c.kind == ColumnKind::extra || (c.kind == ColumnKind::text && is_prose_role(c.role));
    const bool dates = c.kind == ColumnKind::text && (c.role == Role::start || c.role == Role::end || c.role == Role::timescale);
    columns_.push_back({c, w, body_style(c, w), links, dates});
  }
}

std::size_t ActionsBody::action_at(const ActionsGrid& grid, int row) {
  auto it = std::lower_bound(grid.action_rows.begin(), grid.action_rows.end(), row);  // rows ascend
  if (it == grid.action_rows.end() || *it != row) return static_cast<std::size_t>(-1);
  return static_cast<std::size_t>(it - grid.action_rows.begin());
}

void ActionsBody::fix_texts(const ActionsGrid& grid, std::vector<Diagnostic>& warnings) {
  std::stable_sort(notes_.begin(), notes_.end(),
                   [](const Note& x, const Note& y) { return std::pair{x.row, x.col} < std::pair{y.row, y.col}; });
  std::string scratch;
  for (const auto& [i, col] : suspects_) {
    const std::string_view t = cell_text(plan_.actions[i], grid.columns[static_cast<std::size_t>(col)], scratch);
    fixed_.push_back({grid.action_rows[i], col, false, valid_utf8(t), i});
  }
  for (auto n = notes_.begin(); n != notes_.end();) {
    auto end = n;
    std::size_t bytes = 0;
    for (; end != notes_.end() && end->row == n->row && end->col == n->col; ++end)
      bytes += plan_.repairs[end->repair].before.size() + rule_name(plan_.repairs[end->repair].rule).size() + 40;
    // A note's UTF-16 length never exceeds its bytes before the control characters are made visible.
    if (bytes > max_cell_chars) {
      std::string note;
      for (auto k = n; k != end; ++k) append_note(note, plan_.repairs[k->repair]);
      if (utf16_length(note) > max_cell_chars)
        fixed_.push_back({n->row, n->col, true, std::move(note), action_at(grid, n->row)});
    }
    n = end;
  }
  std::stable_sort(fixed_.begin(), fixed_.end(), [](const Fixed& x, const Fixed& y) {
    return std::tuple{x.row, x.col, x.note} < std::tuple{y.row, y.col, y.note};
  });
  for (Fixed& f : fixed_) {
    const std::size_t n = utf16_length(f.text);
    if (n <= max_cell_chars) continue;
    f.text = cut_to_limit(f.text, max_cell_chars);
    Diagnostic d;
    if (f.action < plan_.actions.size()) d.pos.line = plan_.actions[f.action].line, d.action_id = plan_.actions[f.action].id;
    d.output_cell = located_ref(actions_sheet, split_, f.row, f.col);
    d.message = cell_limit_message(f.note ? "the note on" : "cell", d.output_cell, n);
    warnings.push_back(std::move(d));
  }
}

void ActionsBody::each_row(const std::function<void(const RowView&)>& take) const {
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
      if (!is_valid_utf8(text)) text = valid_utf8(text);
      cell.note = text;
    }
    while (fixed != fixed_.end() && std::pair{fixed->row, fixed->col} < here) ++fixed;
    for (; fixed != fixed_.end() && std::pair{fixed->row, fixed->col} == here; ++fixed)
      (fixed->note ? cell.note : cell.text) = fixed->text;
  };

  int row = first_row_;
  int links = 0, part = 0;  // links on the current sheet part (Excel's limit is per sheet)
  std::vector<std::string> link_text(columns_.size());
  DeliveryCells delivery;
  for (const Action& a : plan_.actions) {
    if (split_.part_of(row) != part) part = split_.part_of(row), links = 0;
    v.row = row;
    v.merge_to = -1;
    v.cells.clear();
    int lines = 1;
    for (std::size_t k = 0; k < columns_.size(); ++k) {
      const Column& c = columns_[k];
      CellView cell{c.spec.col, CellKind::blank, c.style, {}, 0, {}, {}};
      if (c.spec.kind == ColumnKind::period) {
        // The cell keeps the plan's word that the action is active then (a glyph, read back as the period); the
        // colour comes from the rules (gantt.cpp), so an empty cell needs no format of its own.
        const bool active = std::find(a.periods.begin(), a.periods.end(), c.spec.label) != a.periods.end();
        const bool ongoing = a.interval && a.interval->ongoing;
        if (active) cell = {c.spec.col, CellKind::text, c.style, ongoing ? ongoing_glyph : active_glyph, 0, {}, {}};
        else cell.style = Style::none;
      } else if (c.spec.kind == ColumnKind::delivery) {
        if (c.spec.index == 0) delivery = delivery_cells(a, grid_periods_);
        const std::optional<double> day = c.spec.index == 0 ? delivery.from : delivery.to;
        if (day) cell.kind = CellKind::number, cell.number = *day;
        else if (c.spec.index == 1 && delivery.ongoing) cell.kind = CellKind::text, cell.text = ongoing_word;
      } else {
        cell.text = cell_text(a, c.spec, rag_text);
        if (!cell.text.empty()) cell.kind = CellKind::text;
        if (c.dates && !cell.text.empty())
          if (const std::optional<DateCell> d = date_cell(cell.text)) {
            cell.kind = CellKind::number;
            cell.number = d->serial;
            cell.style = d->style;
          }
        // A web or e-mail address in the text makes the cell a link to it; the text stays as written.
        if (c.links && !cell.text.empty() && links < max_links_per_sheet) {
          link_text[k] = find_link(cell.text);
          if (!link_text[k].empty()) {
            cell.link = link_text[k];
            cell.style = Style::text_link;
            ++links;
          }
        }
        if (c.spec.kind != ColumnKind::target) lines = std::max(lines, wrapped_lines(cell.text, c.width));
      }
      finish_cell(cell, row, k);
      // An empty cell takes its look from its column's format (actions_sheet.cpp): no format of its own to write.
      if (cell.kind == CellKind::blank && cell.style == c.style && cell.note.empty()) cell.style = Style::none;
      v.cells.push_back(cell);
    }
    v.height = std::min(15.0 * lines, max_row_height);
    take(v);
    ++row;
  }
}

}  // namespace plansheet::xlsx::detail
