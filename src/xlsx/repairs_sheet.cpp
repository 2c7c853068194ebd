// The Repairs sheet: a Plan, the Actions cells its repairs touched and the layout's own warnings in; one row per
// repair and per warning out, each linked to its Actions cell, made row by row like the Actions body.
#include "xlsx/sheets.hpp"

#include <algorithm>
#include <array>

#include "text/ascii.hpp"
#include "xlsx/change_words.hpp"
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

// `text` with its invisible characters (and, where the repair changed it, its look-alike letters) named, as a view
// of `text` itself when it holds none: nearly always plain ASCII, told apart without decoding.
std::string_view marked(std::string_view text, std::string_view other, std::string& scratch) {
  const bool ascii = std::all_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 0x20 && u < 0x7F) || c == '\n';
  });
  if (ascii) return text;
  scratch = marked_text(text, other);
  return scratch;
}

// The column label a field is shown under: the plan's own header for the role, else the workbook's.
std::string field_label(const Plan& plan, std::string_view role_text) {
  if (role_text.empty()) return "";
  const auto role = role_from_name(role_text);
  if (!role) return std::string(role_text);  // an extra column: repairs name it by its label
  for (const Column& c : plan.columns)
    if (c.role == *role && !c.label.empty()) return c.label;
  const std::string_view shown = role_display_label(*role);
  return std::string(shown.empty() ? role_text : shown);
}

// Scores of the detection ("(score 150)", a sheet's "(2)") are evidence for programmers: an officer reads the
// words around them, so the sheet leaves them out (the JSON export and check --explain keep them).
std::string plain_message(std::string_view message) {
  std::string out;
  out.reserve(message.size());
  for (std::size_t i = 0; i < message.size();) {
    if (message.substr(i, 2) == " (") {
      std::size_t j = i + 2;
      if (message.substr(j, 6) == "score ") j += 6;
      const std::size_t digits = j;
      while (j < message.size() && (is_ascii_digit(message[j]) || message[j] == '.')) ++j;
      if (j > digits && j < message.size() && (message[j] == ')' || message[j] == ',')) {
        if (message[j] == ',') out += " (";  // "(3, hidden)" keeps "(hidden)"
        i = message[j] == ',' ? j + 2 : j + 1;
        continue;
      }
    }
    out += message[i++];
  }
  return out;
}

// The columns of the sheet, in order.
enum Col : int { type, line, source_cell, action, field, done, changed, before, after, link, rule, count };

// The rows of the Repairs sheet: warnings first (the doubts an officer must check), then the repairs, then notes on
// what was detected, each linked to the Actions cell it touched. Made row by row like the Actions body.
class RepairsBody final : public RowSource {
 public:
  RepairsBody(const Plan& plan, std::shared_ptr<const TouchedCells> touched, std::vector<Diagnostic> layout_warnings,
              int first_row, bool sentences)
      : plan_(plan),
        touched_(std::move(touched)),
        layout_warnings_(std::move(layout_warnings)),
        first_row_(first_row),
        sentences_(sentences) {}

  int first_row() const override { return first_row_; }
  std::size_t size() const { return plan_.repairs.size() + plan_.warnings.size() + layout_warnings_.size(); }

  void each_row(const std::function<void(const RowView&)>& take) const override {
    RowView v;
    v.cells.reserve(Col::count);
    std::array<std::string, Col::count> scratch;  // texts made for the current row
    std::string shown, target;
    int row = first_row_;
    int links = 0;
    struct Entry {
      std::string_view type;
      Style type_style = Style::text;
      Style text_style = Style::text;
      int line = 0;
      std::string_view cell, action, field, done, changed, before, after, rule;
      std::pair<int, int> touched{-1, -1};
    };
    auto put = [&](const Entry& e) {
      v.row = row;
      v.cells.clear();
      v.cells.push_back({Col::type, CellKind::text, e.type_style, e.type, 0, {}, {}});
      if (e.line > 0) v.cells.push_back({Col::line, CellKind::number, Style::count, {}, static_cast<double>(e.line), {}, {}});
      else v.cells.push_back({Col::line, CellKind::blank, Style::count, {}, 0, {}, {}});
      const std::array<std::pair<int, std::string_view>, 8> texts = {{{Col::source_cell, e.cell},
                                                                      {Col::action, e.action},
                                                                      {Col::field, e.field},
                                                                      {Col::done, e.done},
                                                                      {Col::changed, e.changed},
                                                                      {Col::before, e.before},
                                                                      {Col::after, e.after},
                                                                      {Col::rule, e.rule}}};
      for (const auto& [col, text] : texts) {
        if (col == Col::rule) continue;  // after the link, in column order
        const Style style = col == Col::after ? e.text_style : Style::text;
        // A very large plan leaves empty cells unwritten: its neighbours' borders still frame them.
        if (text.empty() && sentences_) v.cells.push_back({col, CellKind::blank, style, {}, 0, {}, {}});
        else if (text.empty()) continue;
        else v.cells.push_back({col, CellKind::text, style, writable(text, scratch[static_cast<std::size_t>(col)]), 0, {}, {}});
      }
      if (e.touched.first >= 0) {
        const SheetSplit& split = touched_->split();
        shown = located_ref(actions_sheet, split, e.touched.first, e.touched.second);
        if (links < max_links_per_sheet) {
          target.assign("internal:'")
              .append(part_name(actions_sheet, split.part_of(e.touched.first)))
              .append("'!")
              .append(cell_ref(split.row_on_part(e.touched.first), e.touched.second));
          v.cells.push_back({Col::link, CellKind::text, Style::link, shown, 0, {}, target});
          ++links;
        } else {
          v.cells.push_back({Col::link, CellKind::text, Style::text, shown, 0, {}, {}});
        }
      } else {
        v.cells.push_back({Col::link, CellKind::blank, Style::text, {}, 0, {}, {}});
      }
      if (e.rule.empty()) v.cells.push_back({Col::rule, CellKind::blank, Style::text, {}, 0, {}, {}});
      else v.cells.push_back({Col::rule, CellKind::text, Style::text, e.rule, 0, {}, {}});
      const int lines = std::max({wrapped_lines(e.done, widths[Col::done]), wrapped_lines(e.changed, widths[Col::changed]),
                                  wrapped_lines(e.before, widths[Col::before]), wrapped_lines(e.after, widths[Col::after])});
      v.height = std::min(15.0 * std::max(1, lines), max_row_height);
      take(v);
      ++row;
    };
    std::string message, cell_text, field, from_field, changed, before, after;
    auto put_diagnostic = [&](const Diagnostic& w) {
      Entry e;
      e.type = w.note ? "Note" : "Warning";
      if (!w.note) {
        e.type_style = Style::rag_red;  // a dark fill with white text: seen in print and on screen
        e.text_style = Style::key_term;  // bold
      }
      e.line = w.pos.line;
      message = w.message;
      if (w.note) message = plain_message(w.message);
      cell_text = w.cell_ref(plan_.sheet);
      e.cell = cell_text;
      e.action = w.action_id;
      e.after = message;
      e.touched = touched_->find(w.action_id, "", w.pos.line, "");
      put(e);
    };
    for (const auto* list : {&plan_.warnings, &layout_warnings_})
      for (const Diagnostic& w : *list)
        if (!w.note) put_diagnostic(w);
    for (std::size_t i = 0; i < plan_.repairs.size(); ++i) {
      const Repair& r = plan_.repairs[i];
      Entry e;
      e.type = "Repair";
      e.line = r.pos.line;
      cell_text = r.cell_ref(plan_.sheet);
      e.cell = cell_text;
      e.action = r.action_id;
      field = field_label(plan_, r.role);
      from_field = field_label(plan_, r.from_role);
      e.field = field;
      const RepairRuleInfo& info = rule_info(r.rule);
      if (sentences_) e.done = info.sentence;
      changed = what_changed(r, field.empty() ? std::string_view("this") : std::string_view(field), from_field);
      e.changed = changed;
      // Text moved whole reads the same before and after: shown once, under After, with where it came from.
      if (r.before != r.after) e.before = marked(r.before, r.after, before);
      e.after = marked(r.after, r.before, after);
      e.rule = info.name;
      e.touched = touched_->repair_cell(i);
      put(e);
    }
    for (const auto* list : {&plan_.warnings, &layout_warnings_})
      for (const Diagnostic& w : *list)
        if (w.note) put_diagnostic(w);
  }

  static constexpr std::array<double, Col::count> widths = {9, 7, 13, 9, 11, 36, 28, 36, 40, 12, 15};

 private:
  const Plan& plan_;
  std::shared_ptr<const TouchedCells> touched_;
  std::vector<Diagnostic> layout_warnings_;
  int first_row_;
  bool sentences_;  // each row its rule's sentence, else (a very large plan) the sentences once above the list
};

}  // namespace

Sheet layout_repairs(const Plan& plan, std::shared_ptr<const TouchedCells> touched,
                     std::vector<Diagnostic>& layout_warnings, const std::string& title, int sheet_rows) {
  SheetBuilder b{std::string(repairs_sheet)};
  b.text(0, 0, "Repairs and warnings", Style::title);
  b.height(0, 24);
  b.text(1, 0,
         "Every change made to the authors' text while reading the table, and every doubt: warnings to check first, "
         "then repairs, each in words, with characters no eye can tell apart named in brackets. The Actions cell "
         "column links to the cell.",
         Style::subtitle);
  int head = 3;
  // A plan as large as the constant-memory writer's gives each rule's sentence once, above the list: a sentence
  // on each of a hundred thousand rows would cost the writing a tenth more, in cells written whole each time.
  const bool once = touched->last_row() >= constant_memory_rows;
  if (once) {
    std::array<bool, 64> used{};
    for (const Repair& r : plan.repairs) used[static_cast<std::size_t>(r.rule) % used.size()] = true;
    b.text(head++, 0, "What each rule did (the Rule column names it on each row):", Style::heading);
    for (const RepairRuleInfo& info : repair_rules()) {
      if (!used[static_cast<std::size_t>(info.rule) % used.size()]) continue;
      b.text(head, 0, info.name, Style::key_term);
      b.text(head++, 1, info.sentence, Style::plain);
    }
    ++head;
  }
  const std::array<const char*, Col::count> names = {"Type",        "Source line",  "Source cell", "Action",
                                                      "Field",       "What was done", "What changed", "Before",
                                                      "After / message", "Actions cell", "Rule (as in the JSON)"};
  for (int i = 0; i < Col::count; ++i) {
    b.text(head, i, names[static_cast<std::size_t>(i)], Style::header);
    b.width(i, RepairsBody::widths[static_cast<std::size_t>(i)]);
  }
  b.lines(head, 2);
  // A list longer than a sheet goes on over continuation sheets, which a warning (its own last row) says.
  const SheetSplit split{head + 1, sheet_rows};
  const std::size_t listed = plan.repairs.size() + plan.warnings.size() + layout_warnings.size();
  warn_if_continued(repairs_sheet, split, static_cast<int>(head + 1 + listed), layout_warnings);
  auto body = std::make_shared<RepairsBody>(plan, std::move(touched), layout_warnings, head + 1, !once);
  int row = head + 1 + static_cast<int>(body->size());
  if (body->size() == 0) {
    b.text(row, 0, "No repairs or warnings: the table was read as written.", Style::plain);
    ++row;
  }
  Sheet& sheet = b.sheet();
  sheet.freeze = std::pair{head + 1, 0};
  sheet.autofilter = Range{head, 0, std::max(head, row - 1), Col::count - 1};
  sheet.split = split;
  sheet.print.repeat_rows = std::pair{head, head};
  sheet.print.footer = footer_text(title);
  // A list with nothing in it has no body: the sentence above stands in for it.
  if (body->size() > 0) sheet.body = std::move(body);
  return b.finish();
}

}  // namespace plansheet::xlsx::detail
