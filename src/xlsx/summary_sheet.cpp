// The Summary sheet: a Plan and where its actions landed on the Actions sheet in, the actions counted by section
// and RAG colour (with a chart), and by status and stage, out: formulas over the Actions cells, with their values.
#include "xlsx/sheets.hpp"

#include <algorithm>
#include <array>
#include <map>

#include <fmt/format.h>

#include "xlsx/look.hpp"
#include "xlsx/measure.hpp"
#include "xlsx/sheet_builder.hpp"
#include "xlsx/vocabulary.hpp"

namespace plansheet::xlsx::detail {

namespace {

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

// A section in order of first appearance: the blocks of Actions rows it occupies and its actions counted by the
// colour their RAG cell paints (the last count: no colour).
struct SectionRows {
  std::string name;
  std::vector<std::pair<int, int>> blocks;
  std::array<double, rag_colours.size() + 1> by_colour{};
  double actions = 0;
};

std::vector<SectionRows> tally_sections(const Plan& plan, const std::vector<RagWord>& vocabulary,
                                        const ActionsGrid& grid) {
  std::vector<SectionRows> sections;
  RagPainter painter(vocabulary);
  std::size_t current = 0;  // neighbouring actions mostly share a section: no search for them
  // Each section's place, so a plan of thousands of sections scattered over the rows is not read once per action.
  std::map<std::string, std::size_t, std::less<>> place;
  for (std::size_t i = 0; i < plan.actions.size(); ++i) {
    const std::string_view name = plan.actions[i].section.empty() ? "(no section)" : std::string_view(plan.actions[i].section);
    if (current >= sections.size() || sections[current].name != name) {
      auto [it, fresh] = place.try_emplace(std::string(name), sections.size());
      if (fresh) sections.push_back(SectionRows{std::string(name), {}, {}, 0});
      current = it->second;
    }
    SectionRows& sec = sections[current];
    const int r = grid.action_rows[i];
    if (!sec.blocks.empty() && sec.blocks.back().second == r - 1) sec.blocks.back().second = r;
    else sec.blocks.emplace_back(r, r);
    sec.by_colour[painter.colour_of(plan.actions[i])] += 1;
    sec.actions += 1;
  }
  if (sections.size() == 1 && sections[0].name == "(no section)") sections[0].name = "All actions";
  return sections;
}

// One COUNTIF per block of the section's rows and word. A section scattered over many blocks would need a formula
// longer than Excel allows: then the count alone (SheetBuilder::formula), found as soon as the formula outgrows
// the limit.
std::string colour_count_formula(const SectionRows& s, const std::vector<std::string>& words, const ActionsGrid& grid) {
  const int rag = grid.rag_col();
  std::string f = "=";
  for (std::size_t i = 0; i < s.blocks.size() && f.size() <= max_formula_chars; ++i) {
    const auto [r0, r1] = s.blocks[i];
    for (const std::string& ref : located_range_refs(actions_sheet, grid.split, {r0, rag, r1, rag}))
      for (std::size_t j = 0; j < words.size() && f.size() <= max_formula_chars; ++j) {
        if (f.size() > 1) f += '+';
        f += fmt::format("COUNTIF({},{})", ref, formula_string(words[j]));
      }
  }
  return f;
}

// The counts of one status or stage column, each value once, with COUNTIF so they follow the officers' updates,
// from `row` on. Returns the row after the block's total; widens `name_width` for the values.
int add_value_counts(SheetBuilder& b, const Plan& plan, const ActionsGrid& grid, Role role, int col, int row,
                     double& name_width) {
  const ValueCounts values = count_values(plan, role);
  b.text(row, 0, role_look(role).label, Style::header);
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
    b.formula(row, 1, fmt::format("={}-SUM({}:{})", plan.actions.size(), cell_ref(first, 1), cell_ref(row - 1, 1)),
              blank, Style::count);
    ++row;
  }
  b.text(row, 0, "Total", Style::label_total);
  b.formula(row, 1, fmt::format("=SUM({}:{})", cell_ref(first, 1), cell_ref(row - 1, 1)),
            static_cast<double>(plan.actions.size()), Style::count_total);
  return row + 1;
}

}  // namespace

Sheet layout_summary(const Plan& plan, const std::vector<RagWord>& vocabulary, const ActionsGrid& grid,
                     const std::string& title) {
  SheetBuilder b{std::string(summary_sheet)};
  b.text(0, 0, "Summary", Style::title);
  b.height(0, 24);
  b.text(1, 0, title, Style::subtitle);
  b.text(2, 0, "Counts follow the RAG, status and stage cells of the Actions sheet and change when those cells do.",
         Style::subtitle);

  // Sections by RAG colour: a row per section, a column per colour, then the unrated and the total.
  const std::vector<SectionRows> sections = tally_sections(plan, vocabulary, grid);
  const int head = 4;
  const int ncolours = static_cast<int>(rag_colours.size());
  const int other_col = 1 + ncolours, total_col = other_col + 1;
  b.text(head, 0, "Section", Style::header);
  for (int k = 0; k < ncolours; ++k) {
    const RagColour& c = rag_colours[static_cast<std::size_t>(k)];
    b.text(head, 1 + k, colour_label(c.colour, vocabulary), c.fill_style);
  }
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
      const double n = s.by_colour[static_cast<std::size_t>(k)];
      rated += n;
      const std::vector<std::string> words = words_for(rag_colours[static_cast<std::size_t>(k)].colour, vocabulary);
      b.formula(row, 1 + k, colour_count_formula(s, words, grid), n, Style::count);
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
  for (int col = 1; col <= total_col; ++col) b.width(col, 11);

  // A stacked bar per section beside the table, in the RAG colours.
  if (last_data >= first_data) {
    Chart chart;
    chart.title = "Actions by section and RAG rating";
    chart.value_axis_title = "Actions";
    chart.categories = {first_data, 0, last_data, 0};
    for (int k = 0; k < ncolours; ++k) {
      const RagColour& c = rag_colours[static_cast<std::size_t>(k)];
      chart.series.push_back(
          {colour_label(c.colour, vocabulary), {first_data, 1 + k, last_data, 1 + k}, c.fill, palette::white});
    }
    chart.series.push_back(
        {"Not rated / other", {first_data, other_col, last_data, other_col}, palette::unrated_fill, palette::white});
    chart.row = head;
    chart.col = total_col + 2;
    chart.x_scale = 1.4;
    chart.y_scale = std::max(1.0, (static_cast<double>(sections.size()) * 26.0 + 130.0) / 288.0);
    b.sheet().charts.push_back(chart);
  }

  // Status and stage counts below, when the Actions sheet has those columns.
  row = total_row + 3;
  for (Role role : {Role::status, Role::stage}) {
    const int col = grid.column_of(role);
    if (col >= 0) row = add_value_counts(b, plan, grid, role, col, row, name_width) + 2;
  }
  b.width(0, name_width);

  Sheet& sheet = b.sheet();
  sheet.freeze = std::pair{head + 1, 1};
  sheet.print.footer = footer_text(title);
  return b.finish();
}

}  // namespace plansheet::xlsx::detail
