// Lays a built Plan out as a WorkbookModel: the Actions, Summary, Repairs and Key sheets (one file each, see
// sheets.hpp) in order, then the limits every sheet keeps and the document properties.
#include "xlsx/layout.hpp"

#include <algorithm>
#include <memory>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "text/ascii.hpp"
#include "xlsx/look.hpp"
#include "xlsx/measure.hpp"
#include "xlsx/sheet_builder.hpp"
#include "xlsx/sheets.hpp"
#include "xlsx/touched_cells.hpp"

namespace plansheet::xlsx {

namespace {

using detail::cut_to_limit;
using detail::utf16_length;
using detail::valid_utf8;

std::string plan_title(const Plan& plan) {
  if (plan.title && !trim(*plan.title).empty()) return std::string(trim(*plan.title));
  if (plan.source.empty() || plan.source == "-") return "Action plan";
  return source_file_name(plan.source);
}

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
    const std::size_t n = utf16_length(text);
    if (n <= max_cell_chars) return;
    text = cut_to_limit(text, max_cell_chars);
    Diagnostic d;
    const Action* a = action_at(row);
    if (a) d.pos.line = a->line, d.action_id = a->id;
    d.output_cell = fmt::format("{}!{}", sheet.name, cell_ref(row, col));
    d.message = detail::cell_limit_message(what, d.output_cell, n);
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

// The document properties: the title, what the workbook holds, the plan's sections as keywords, its source.
Properties document_properties(const Plan& plan, const std::string& title) {
  Properties p;
  p.title = title;
  p.subject = "Climate action plan: actions, RAG ratings and delivery timeline";
  std::string keywords = "climate action plan, RAG, Gantt";
  std::set<std::string, std::less<>> seen;
  std::string_view previous;
  for (const Action& a : plan.actions) {
    if (a.section.empty() || a.section == previous) continue;
    previous = a.section;
    if (seen.insert(a.section).second && keywords.size() + a.section.size() < 240) keywords += ", " + a.section;
  }
  p.keywords = valid_utf8(keywords);
  p.comments = valid_utf8("Converted from " + source_file_name(plan.source));
  return p;
}

}  // namespace

std::string source_file_name(std::string_view source) {
  if (source.empty()) return "-";
  const auto slash = source.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? source : source.substr(slash + 1));
}

WorkbookModel layout_workbook(const Plan& plan, Body body, int sheet_rows, Paper paper) {
  if (sheet_rows < min_sheet_rows || sheet_rows > max_rows)
    throw std::invalid_argument(fmt::format("layout_workbook: sheet_rows {} outside {}..{}", sheet_rows,
                                            min_sheet_rows, max_rows));
  WorkbookModel model;
  model.styles = style_table();
  const std::string title = valid_utf8(plan_title(plan));
  const std::vector<RagWord> vocabulary = rag_vocabulary(plan);

  // 1. Actions: the table officers work in, with notes on repaired cells and dropdowns.
  detail::ActionsResult actions = detail::layout_actions(plan, vocabulary, title, sheet_rows);
  auto touched = std::make_shared<const detail::TouchedCells>(plan, actions.grid);
  detail::add_repair_notes(plan, actions, *touched);
  detail::SheetBuilder lists{std::string(lists_sheet)};
  detail::add_validations(plan, vocabulary, actions, lists);
  enforce_cell_limit(actions.sheet, plan, &actions.grid, model.warnings);
  detail::attach_actions_body(actions, model.warnings);
  model.actions = actions.grid;
  detail::warn_if_continued(actions_sheet, actions.grid.split, actions.grid.last_row, model.warnings);

  // 2-4. Summary, Repairs (with the warnings the layout raised, its own included), Key.
  Sheet summary = detail::layout_summary(plan, vocabulary, actions.grid, title);
  Sheet repairs = detail::layout_repairs(plan, touched, model.warnings, title, sheet_rows);
  Sheet key = detail::layout_key(plan, vocabulary, title);

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
  // 5. Print that reads: each sheet's paper and scale from its widths.
  for (Sheet& sheet : model.sheets) fit_print(sheet, paper);
  if (body == Body::cells)
    for (Sheet& sheet : model.sheets) keep_as_cells(sheet);

  model.constant_memory = model.actions.last_row >= constant_memory_rows;
  model.properties = document_properties(plan, title);
  return model;
}

}  // namespace plansheet::xlsx
