// The Actions sheet: a Plan in, its columns, widths, title block and header as cells, its rows as a body made
// from the plan (actions_body.cpp), with notes on repaired cells, dropdowns and the RAG colour rules.
#include "xlsx/sheets.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "model/errors.hpp"
#include "text/ascii.hpp"
#include "xlsx/actions.hpp"
#include "xlsx/dates.hpp"
#include "xlsx/gantt.hpp"
#include "xlsx/look.hpp"
#include "xlsx/measure.hpp"
#include "xlsx/sheet_builder.hpp"
#include "xlsx/summary_counts.hpp"
#include "xlsx/touched_cells.hpp"
#include "xlsx/vocabulary.hpp"

namespace plansheet::xlsx::detail {

namespace {

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
        if (!rag) cols.push_back({ColumnKind::rag, Role::rag, c.label.empty() ? role_look(Role::rag).label : c.label, -1, 0});
        rag = true;
        break;
      default:
        if (shown.insert(c.role).second)
          cols.push_back({ColumnKind::text, c.role, c.label.empty() ? role_look(c.role).label : c.label, -1, 0});
    }
  }
  // Text the plan's columns do not show still reaches the sheet: the section and the id first, other roles at the
  // end. Every row carries its section, so sorting and filtering the table never lose it.
  auto any = [&](Role role) {
    return std::any_of(plan.actions.begin(), plan.actions.end(),
                       [role](const Action& a) { return !a.text_of(role)->empty(); });
  };
  if (!shown.count(Role::id) && any(Role::id))
    cols.insert(cols.begin(), {ColumnKind::text, Role::id, role_look(Role::id).label, -1, 0});
  if (!shown.count(Role::section) && any(Role::section))
    cols.insert(cols.begin(), {ColumnKind::text, Role::section, role_look(Role::section).label, -1, 0});
  for (Role role : all_roles) {
    if (!is_text_role(role) || role == Role::id || role == Role::section || role == Role::rag) continue;
    if (!shown.count(role) && any(role)) cols.push_back({ColumnKind::text, role, role_look(role).label, -1, 0});
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
  if (!rag) cols.push_back({ColumnKind::rag, Role::rag, role_look(Role::rag).label, -1, 0});
  // The bars compute from each row's dates: the plan's Start and End where they are real dates (one place to edit),
  // else two date columns of their own beside the Gantt, derived from the periods and free to edit.
  if (!plan.periods.empty() && !(shown.count(Role::start) && shown.count(Role::end) && start_end_carry_bars(plan))) {
    cols.push_back({ColumnKind::delivery, Role::start, std::string(delivery_from_label), 0, 0});
    cols.push_back({ColumnKind::delivery, Role::end, std::string(delivery_to_label), 1, 0});
  }
  for (std::size_t p = 0; p < plan.periods.size(); ++p)
    cols.push_back({ColumnKind::period, Role::period, plan.periods[p], static_cast<int>(p), 0});
  int extra_index = 0;
  for (std::size_t i = 0; i < cols.size(); ++i) {
    cols[i].col = static_cast<int>(i);
    if (cols[i].kind == ColumnKind::extra) cols[i].index = extra_index++;  // where actions usually hold its text
  }
  return cols;
}

// One pass over every action cell: the column widths, and the cells the writer must not get as they are.
struct ActionsScan {
  std::vector<double> widths;
  SuspectCells suspects;
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
      if (c.kind == ColumnKind::period || c.kind == ColumnKind::target || c.kind == ColumnKind::delivery) continue;
      const std::string_view t = cell_text(a, c, scratch);
      if (t.empty()) continue;
      const TextMeasure m = measure_text(t);
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
      case ColumnKind::delivery: w = 14; break;  // dd/mm/yyyy, and the overdue flag before it
      case ColumnKind::rag: {
        double r = std::max(header_word, rag);
        for (const RagWord& v : vocabulary) r = std::max(r, text_width(v.word) + 3);
        w = std::clamp(r, 8.0, 16.0);
        break;
      }
      case ColumnKind::text:
      case ColumnKind::extra: {
        // The section repeats on every row: kept narrow so the action's own columns keep the page.
        const double cap = c.kind == ColumnKind::extra ? 40 : c.role == Role::section ? 22 : role_look(c.role).width_cap;
        w = std::clamp(std::max(content[static_cast<std::size_t>(c.col)], header_word), 6.0, std::max(cap, header_word));
        // An End that carries the bars may show the overdue flag before its date.
        if (c.role == Role::end && !plan.periods.empty()) w = std::max(w, 14.0);
        break;
      }
    }
    scan.widths.push_back(w);
  }
  return scan;
}

// A table column's name: the header without line breaks, made unique (Excel refuses a table whose names repeat,
// in any case) by a number after it.
std::string table_column_name(const std::string& label, std::set<std::string>& taken) {
  std::string name;
  for (char c : label) name += c == '\n' || c == '\r' ? ' ' : c;
  if (name.empty()) name = "Column";
  std::string unique = name;
  for (int n = 2; !taken.insert(ascii_lower(unique)).second; ++n) unique = fmt::format("{} ({})", name, n);
  return unique;
}

}  // namespace

ActionsResult layout_actions(const Plan& plan, const std::vector<RagWord>& vocabulary, const std::string& title,
                             int sheet_rows) {
  ActionsResult out;
  ActionsGrid& grid = out.grid;
  grid.columns = actions_columns(plan);
  const int ncols = static_cast<int>(grid.columns.size());
  if (ncols > max_cols) {
    // The advice names what made the sheet too wide: the Gantt grid, or the table's own columns.
    const std::size_t periods = plan.periods.size();
    const bool gantt = periods > 0 && ncols - static_cast<int>(periods) <= max_cols;
    throw output_error(fmt::format("cannot lay out the workbook for '{}': it needs {} columns, more than a sheet's {}; "
                                   "{}",
                                   plan.source, ncols, max_cols,
                                   gantt ? "use --periods to shorten the Gantt grid"
                                         : "remove columns from the input (a JSON export, --json, is written all the same)"));
  }
  const int last_col = ncols - 1;
  SheetBuilder b{std::string(actions_sheet)};

  ActionsScan scan = scan_actions(plan, grid.columns, vocabulary);
  const std::vector<double>& widths = scan.widths;
  for (const ActionsColumn& c : grid.columns) {
    b.width(c.col, widths[static_cast<std::size_t>(c.col)]);
    // The body's empty cells look like their column's filled ones by the column's format, and so do the cells of
    // rows added below the table; the Gantt's empty cells have no look of their own.
    if (c.kind != ColumnKind::period) b.column_style(c.col, body_style(c, widths[static_cast<std::size_t>(c.col)]));
  }

  // Title block: title, source line, and the Gantt key when there is a Gantt grid.
  int row = 0;
  b.merge({row, 0, row, last_col}, title, Style::title);
  b.height(row++, 24);
  std::set<std::string_view> sections;
  std::string_view previous;
  for (const Action& a : plan.actions)
    if (!a.section.empty() && a.section != previous) sections.insert(previous = a.section);
  std::string source_line = fmt::format("Source: {}", source_file_name(plan.source));
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
      // The sample cell stays empty (its glyph is on the Key sheet): a workbook read back takes the key's text
      // as the plan wrote it.
      b.blank(row, 0, style);
      if (ncols > 1) b.merge({row, 1, row, text_last}, text, Style::plain);
      ++row;
    }
  }
  // The dates the Gantt's rules read, in hidden rows: the as-at day, and each period's first and last day.
  GanttPlaces places;
  if (!plan.periods.empty()) {
    places = gantt_columns(grid);
    places.as_at_row = row;
    b.text(row, 0, "As at", Style::plain);
    b.number(row, 1, as_at_day(plan.as_at), Style::date_day);
    b.hide(row++);
    const std::vector<GridPeriod> periods = plan_grid(plan);
    const std::vector<std::optional<PeriodDays>> days = period_days(periods);
    places.first_day_row = row;
    places.last_day_row = row + 1;
    b.text(row, 0, "Period starts", Style::plain);
    b.text(row + 1, 0, "Period ends", Style::plain);
    const int first_period_col = ncols - static_cast<int>(plan.periods.size());
    for (std::size_t p = 0; p < days.size(); ++p) {
      if (!days[p]) continue;
      const int col = first_period_col + static_cast<int>(p);
      b.number(row, col, days[p]->first_day, Style::date_day);
      b.number(row + 1, col, days[p]->last_day, Style::date_day);
    }
    b.hide(row++);
    b.hide(row++);
    const bool own = std::any_of(grid.columns.begin(), grid.columns.end(),
                                 [](const ActionsColumn& c) { return c.kind == ColumnKind::delivery; });
    places.month_ends = !own && std::all_of(plan.actions.begin(), plan.actions.end(), [](const Action& a) {
      const std::optional<DateCell> d = date_cell(a.end);
      return !d || d->style == Style::date_mmm_yy;
    });
  }

  grid.header_row = row;
  // The title block's rows keep a plain look over the columns' formats.
  for (int r = 0; r < row; ++r) b.row_style(r, Style::plain);
  int header_lines = 1;
  std::vector<Style> header_styles;
  for (const ActionsColumn& c : grid.columns) {
    // Headings line up with their column's cells.
    const bool centre = (c.kind != ColumnKind::text && c.kind != ColumnKind::extra) ||
                        text_style(c, widths[static_cast<std::size_t>(c.col)]) == Style::text_centre;
    header_styles.push_back(centre ? Style::header_centre : Style::header);
    b.text(row, c.col, c.label, header_styles.back());
    // Bold header letters are wider than body text: measure against a slightly narrower column.
    header_lines = std::max(header_lines, wrapped_lines(c.label, widths[static_cast<std::size_t>(c.col)] * 0.9));
  }
  b.height(row, 15.0 * header_lines + 4);
  ++row;
  grid.first_row = row;

  // One row per action, and where each section starts (its first row: the one the section rules mark). Rows past
  // the sheet's last go on over continuation sheets under the same title and header.
  grid.split = SheetSplit{row, sheet_rows};
  grid.action_rows.reserve(plan.actions.size());
  std::string_view current_section;
  for (const Action& a : plan.actions) {
    if (!a.section.empty() && a.section != current_section) {
      current_section = a.section;
      grid.band_rows.emplace_back(a.section, row);
    }
    grid.action_rows.push_back(row);
    ++row;
  }
  grid.last_row = grid.action_rows.empty() ? grid.first_row - 1 : row - 1;

  Sheet& sheet = b.sheet();
  sheet.active = true;
  sheet.tab_colour = palette::navy;
  const int id_col = grid.column_of(Role::id);
  const int action_col = grid.column_of(Role::action);
  // The id and the action stay in view while the rest scrolls, when together they leave room for the rest.
  double frozen = 0;
  for (int c = 0; c <= action_col; ++c) frozen += widths[static_cast<std::size_t>(c)];
  const int freeze_col = action_col >= 0 && frozen <= 110 ? action_col + 1 : id_col >= 0 ? id_col + 1 : 0;
  sheet.freeze = std::pair{grid.header_row + 1, freeze_col};
  const Range table{grid.header_row, 0, std::max(grid.header_row, grid.last_row), last_col};
  sheet.autofilter = table;
  // libxlsxwriter sets aside about 170 KB for each column of an Excel Table: a table thousands of columns wide
  // (a tick matrix, a damaged paste) would take gigabytes, so past a plan's plausible width the autofilter alone
  // stands in, as in constant-memory mode.
  constexpr int max_table_columns = 512;
  if (grid.last_row > grid.header_row) {
    if (last_col < max_table_columns) {
      TableSpec spec{"ActionTable", table, {}, {}};
      std::set<std::string> names;
      for (const ActionsColumn& c : grid.columns) spec.headers.push_back(table_column_name(c.label, names));
      spec.header_styles = header_styles;
      sheet.table = std::move(spec);
    }
    // Ids such as 1.1 or 2 are text on purpose: no "number stored as text" marks on them.
    if (id_col >= 0) sheet.ids_as_text = Range{grid.first_row, id_col, grid.last_row, id_col};
    // Sections: each one's first row ruled off, its name bold there and grey below.
    const int section_col = grid.column_of(Role::section);
    if (section_col >= 0) {
      const std::string here = fmt::format("${}", cell_ref(grid.first_row, section_col));
      const std::string above = fmt::format("${}", cell_ref(grid.first_row - 1, section_col));
      const std::string starts = fmt::format("{}<>{}", here, above);
      sheet.conditionals.push_back({{grid.first_row, section_col, grid.last_row, section_col}, starts,
                                    Style::cf_section_name});
      sheet.conditionals.push_back({{grid.first_row, section_col, grid.last_row, section_col},
                                    fmt::format("{}={}", here, above), Style::cf_section_repeat});
      // LibreOffice applies one conditional format to a cell: the rule goes round the columns with rules of
      // their own (the RAG, the overdue flag, the Gantt), which would otherwise lose them on a section's first row.
      std::vector<bool> own_rules(static_cast<std::size_t>(ncols), false);
      for (int c : {grid.rag_col(), places.to_col})
        if (c >= 0) own_rules[static_cast<std::size_t>(c)] = true;
      for (int c = places.first_period_col; c >= 0 && c <= places.last_period_col; ++c)
        own_rules[static_cast<std::size_t>(c)] = true;
      for (int c = section_col + 1; c <= last_col;) {
        if (own_rules[static_cast<std::size_t>(c)]) {
          ++c;
          continue;
        }
        int end = c;
        while (end < last_col && !own_rules[static_cast<std::size_t>(end + 1)]) ++end;
        sheet.conditionals.push_back({{grid.first_row, c, grid.last_row, end}, starts, Style::cf_section_start});
        c = end + 1;
      }
    }
  }
  if (places.as_at_row >= 0) {
    add_gantt_rules(sheet, grid, places, vocabulary);
  }
  sheet.print.repeat_rows = std::pair{grid.header_row, grid.header_row};
  // On pages across (a sheet too wide for one), the columns up to the action say which action a row is.
  if (action_col >= 0) sheet.print.repeat_cols = std::pair{0, action_col};
  else if (id_col >= 0) sheet.print.repeat_cols = std::pair{0, id_col};
  sheet.print.footer = footer_text(title);
  sheet.split = grid.split;

  out.sheet = b.finish();
  out.body = std::make_shared<ActionsBody>(plan, grid, widths, std::move(scan.suspects));
  return out;
}

// Body cells get their notes as the body is written; a note above the body (on the title) goes on its cell now.
void add_repair_notes(const Plan& plan, ActionsResult& actions, const TouchedCells& touched) {
  std::map<std::pair<int, int>, std::string> above;
  for (std::size_t i = 0; i < plan.repairs.size(); ++i) {
    const Repair& r = plan.repairs[i];
    const auto [row, col] = touched.repair_cell(i);
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

void add_validations(const Plan& plan, const std::vector<RagWord>& vocabulary, ActionsResult& actions,
                     SheetBuilder& lists) {
  const ActionsGrid& grid = actions.grid;
  if (grid.last_row < grid.first_row) return;
  // Dropdowns and colour rules reach the sheet's last row, so a row an officer adds below the table gets them too.
  const int open_last = open_last_row(grid.split, grid.last_row);
  int list_col = 0;
  auto add = [&](int col, std::vector<std::string> items, std::string title, std::string prompt) {
    if (col < 0 || items.empty()) return;
    Validation v;
    v.range = {grid.first_row, col, open_last, col};
    std::size_t chars = items.size() - 1;
    bool inline_ok = true;
    for (const std::string& s : items) {
      chars += utf16_length(s);
      if (s.find_first_of(",\"") != std::string::npos) inline_ok = false;
    }
    if (!inline_ok || chars > max_list_chars) {
      for (std::size_t i = 0; i < items.size(); ++i) lists.text(static_cast<int>(i), list_col, items[i], Style::plain);
      v.source = "=" + range_ref(lists_sheet, {0, list_col, static_cast<int>(items.size()) - 1, list_col});
      ++list_col;
    }
    v.items = std::move(items);
    v.title = std::move(title);
    v.prompt = utf16_length(prompt) > 255 ? cut_to_limit(prompt, 255) : std::move(prompt);
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
  for (const RagColour& colour : rag_colours) {
    const auto words = words_for(colour.colour, vocabulary);
    std::vector<std::string> tests;
    for (const std::string& w : words) tests.push_back(fmt::format("LOWER(TRIM({}))={}", ref, formula_string(w)));
    const std::string f = tests.size() == 1 ? tests[0] : fmt::format("OR({})", fmt::join(tests, ","));
    actions.sheet.conditionals.push_back({{grid.first_row, rag, open_last, rag}, f, colour.rule_style});
  }
}

void attach_actions_body(ActionsResult& actions, std::vector<Diagnostic>& warnings) {
  actions.body->fix_texts(actions.grid, warnings);
  actions.sheet.body = actions.body;
}

}  // namespace plansheet::xlsx::detail
