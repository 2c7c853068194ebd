// The Repairs sheet: a Plan, the Actions cells its repairs touched and the layout's own warnings in; one row per
// repair and per warning out, each linked to its Actions cell, made row by row like the Actions body.
#include "xlsx/sheets.hpp"

#include <algorithm>
#include <array>

#include "xlsx/look.hpp"
#include "xlsx/measure.hpp"
#include "xlsx/sheet_builder.hpp"
#include "xlsx/touched_cells.hpp"

namespace plansheet::xlsx::detail {

namespace {

// A cell text the writer can take: valid UTF-8 within a cell's limit. A view of `text` when it already is (nearly
// always), else of `scratch`. The Repairs sheet's own texts are cut without a warning: it would point at itself.
std::string_view writable(std::string_view text, std::string& scratch) {
  if (text.size() <= max_cell_chars && is_valid_utf8(text)) return text;
  scratch = cut_to_limit(valid_utf8(text), max_cell_chars);
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

}  // namespace

Sheet layout_repairs(const Plan& plan, std::shared_ptr<const TouchedCells> touched,
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
  // A list with nothing in it has no body: the sentence above stands in for it.
  if (body->size() > 0) sheet.body = std::move(body);
  return b.finish();
}

}  // namespace plansheet::xlsx::detail
