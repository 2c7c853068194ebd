// The Summary sheet: a Plan and where its actions landed on the Actions sheet in; out, the actions counted by
// section and RAG colour (or, in a plan without ratings, by status or stage) with a chart, then by status, stage,
// lead and delivery period (summary_lists.cpp). Counts are formulas over whole Actions columns, with their values.
#include "xlsx/sheets.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "text/ascii.hpp"
#include "xlsx/look.hpp"
#include "xlsx/measure.hpp"
#include "xlsx/sheet_builder.hpp"
#include "xlsx/summary_counts.hpp"
#include "xlsx/summary_parts.hpp"
#include "xlsx/vocabulary.hpp"

namespace plansheet::xlsx::detail {

namespace {

// What the section table's columns count: the RAG colours, or a status or stage column's values.
struct Dimension {
  Role role = Role::rag;
  int col = -1;  // the Actions column counted
  std::vector<CountColumn> columns;
  std::string other;  // the last column: what none of the others counts
  // Which of `columns` an action lands in (columns.size(): the other).
  std::function<std::size_t(const Action&)> column_of;
};

// The colour the plan's key gives a status or stage value ("Complete = Blue"), else none.
const RagColour* key_colour(const Plan& plan, std::string_view value) {
  const std::string v = ascii_lower(trim(value));
  for (const LegendEntry& e : plan.legend) {
    if (e.kind != LegendKind::status && e.kind != LegendKind::stage) continue;
    for (const auto& [term, meaning] : e.defines) {
      std::string colour;
      if (ascii_lower(trim(term)) == v)
        colour = !e.colour.empty() ? colour_of_word(e.colour) : colour_of_word(first_word(meaning));
      else if (ascii_lower(trim(meaning)) == v) colour = colour_of_word(first_word(term));
      if (const int k = colour_rank(colour); k < static_cast<int>(rag_colours.size()))
        return &rag_colours[static_cast<std::size_t>(k)];
    }
  }
  return nullptr;
}

Dimension rag_dimension(const std::vector<RagWord>& vocabulary, const ActionsGrid& grid) {
  Dimension d;
  d.role = Role::rag;
  d.col = grid.rag_col();
  for (const RagColour& c : rag_colours) {
    CountColumn column{colour_label(c.colour, vocabulary), {}, c.fill_style, c.fill, c.text};
    for (const std::string& w : words_for(c.colour, vocabulary)) column.criteria.push_back(exact_criterion(w));
    d.columns.push_back(std::move(column));
  }
  d.other = "Not rated / other";
  auto painter = std::make_shared<RagPainter>(vocabulary);
  d.column_of = [painter](const Action& a) { return painter->colour_of(a); };
  return d;
}

// A status or stage column's values as columns: the most used first when there are too many to show, each
// coloured as the plan's key colours it.
Dimension value_dimension(const Plan& plan, Role role, int col) {
  constexpr std::size_t most_columns = 7;
  Dimension d;
  d.role = role;
  d.col = col;
  const std::vector<std::string> values = top_values(count_values(plan, role), most_columns);
  auto index = std::make_shared<std::map<std::string, std::size_t, std::less<>>>();
  for (std::size_t k = 0; k < values.size(); ++k) {
    index->emplace(ascii_lower(values[k]), k);
    CountColumn column{values[k], {exact_criterion(values[k])}, Style::header_centre, 0, 0};
    if (const RagColour* c = key_colour(plan, values[k])) {
      column.header = c->fill_style;
      column.fill = c->fill;
      column.text = c->text;
    } else {
      const SeriesColour& s = series_colours[k % series_colours.size()];
      column.fill = s.fill;
      column.text = s.text;
    }
    d.columns.push_back(std::move(column));
  }
  d.other = "Other / not given";
  d.column_of = [index, role, n = values.size()](const Action& a) {
    const auto it = index->find(ascii_lower(trim(*a.text_of(role))));
    return it == index->end() ? n : it->second;
  };
  return d;
}

// A section in order of first appearance (compared as COUNTIF compares), with its actions by column.
struct SectionCounts {
  std::string name;
  std::vector<double> by_column;  // the dimension's columns, then the other
  double actions = 0;
};

std::vector<SectionCounts> tally_sections(const Plan& plan, const Dimension& d, const ActionsGrid& grid, int anchor) {
  std::vector<SectionCounts> sections;
  std::map<std::string, std::size_t, std::less<>> place;
  std::string_view previous;
  std::size_t current = 0;  // neighbouring actions mostly share a section: no search for them
  for (const Action& a : plan.actions) {
    if (sections.empty() || a.section != previous) {
      previous = a.section;
      auto [it, fresh] = place.try_emplace(ascii_lower(trim(a.section)), sections.size());
      if (fresh)
        sections.push_back({a.section.empty() ? "(no section)" : a.section, std::vector<double>(d.columns.size() + 1), 0});
      current = it->second;
    }
    SectionCounts& s = sections[current];
    s.by_column[d.column_of(a)] += 1;
    // A row with no section counts as an action by its anchor cell (the formula cannot tell otherwise).
    if (!a.section.empty() || anchor < 0 || fills(a, grid, anchor)) s.actions += 1;
  }
  if (sections.size() == 1 && sections[0].name == "(no section)") sections[0].name = "All actions";
  return sections;
}

// The rows of one section, as COUNTIFS conditions: its name in the Section column, or (no section) an empty
// Section cell beside a filled anchor cell.
std::vector<Condition> section_conditions(const SectionCounts& s, int section_col, int anchor) {
  if (section_col >= 0 && s.name != "(no section)" && s.name != "All actions")
    return {{section_col, exact_criterion(s.name)}};
  std::vector<Condition> c;
  if (section_col >= 0) c.push_back({section_col, std::string(blank_criterion)});
  if (anchor >= 0) c.push_back({anchor, std::string(filled_criterion)});
  return c;
}

// A section's name short enough to sit beside its bar: cut at a word before `most` characters, with an ellipsis.
std::string short_label(std::string_view name, std::size_t most) {
  if (utf16_length(name) <= most) return std::string(name);
  std::string cut;
  std::size_t chars = 0;
  for (char c : name) {
    const bool starts = (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // a character's first byte
    if (starts && ++chars >= most) break;
    cut += c;
  }
  if (const std::size_t space = cut.find_last_of(' '); space != std::string::npos && space > most / 2)
    cut.resize(space);
  while (!cut.empty() && (cut.back() == ' ' || cut.back() == ',' || cut.back() == '-')) cut.pop_back();
  return cut + "\u2026";
}

std::string chart_words(const Dimension& d) {
  return d.role == Role::rag ? "RAG rating" : ascii_lower(role_look(d.role).label);
}

}  // namespace

Sheet layout_summary(const Plan& plan, const std::vector<RagWord>& vocabulary, const ActionsGrid& grid,
                     const std::string& title) {
  SheetBuilder b{std::string(summary_sheet)};
  b.text(0, 0, "Summary", Style::title);
  b.height(0, 24);
  b.text(1, 0, title, Style::subtitle);
  b.text(2, 0,
         "Counts are formulas over the Actions columns: they change when those cells do, and count rows added "
         "below the table.",
         Style::subtitle);

  // Sections by RAG colour when any action is rated; else by status or stage, when the plan has one.
  const bool rated =
      std::any_of(plan.actions.begin(), plan.actions.end(), [](const Action& a) { return !trim(a.rag).empty(); });
  Dimension d = rag_dimension(vocabulary, grid);
  if (!rated)
    for (Role role : {Role::status, Role::stage})
      if (const int col = grid.column_of(role);
          col >= 0 && plan.has_role(role) && !count_values(plan, role).values.empty()) {
        d = value_dimension(plan, role, col);
        break;
      }
  const int section_col = grid.column_of(Role::section);
  const int anchor = anchor_column(plan, grid);
  const std::vector<SectionCounts> sections = tally_sections(plan, d, grid, anchor);
  RowCounter counter(grid);

  const int head = 4;
  const int ncols = static_cast<int>(d.columns.size());
  const int other_col = 1 + ncols, total_col = other_col + 1;
  b.text(head, 0, "Section", Style::header);
  int header_lines = 2;
  for (int k = 0; k < ncols; ++k) {
    const CountColumn& c = d.columns[static_cast<std::size_t>(k)];
    b.text(head, 1 + k, c.label, c.header);
    header_lines = std::max(header_lines, wrapped_lines(c.label, 11 * 0.9));
  }
  b.text(head, other_col, d.other, Style::unrated);
  b.text(head, total_col, "Actions", Style::header_centre);
  b.lines(head, std::min(header_lines, 4));

  double name_width = 14;
  for (const SectionCounts& s : sections) name_width = std::max(name_width, std::min(45.0, text_width(s.name) + 2));
  int row = head + 1;
  for (const SectionCounts& s : sections) {
    b.text(row, 0, s.name, Style::text);
    b.lines(row, std::min(wrapped_lines(s.name, name_width), 6));
    const std::vector<Condition> where = section_conditions(s, section_col, anchor);
    for (int k = 0; k < ncols; ++k)
      b.formula(row, 1 + k, counter.count(where, {d.col, d.columns[static_cast<std::size_t>(k)].criteria}),
                s.by_column[static_cast<std::size_t>(k)], Style::count);
    double counted = 0;
    for (int k = 0; k < ncols; ++k) counted += s.by_column[static_cast<std::size_t>(k)];
    b.formula(row, other_col,
              fmt::format("={}-SUM({}:{})", cell_ref(row, total_col), cell_ref(row, 1), cell_ref(row, ncols)),
              s.actions - counted, Style::count);
    b.formula(row, total_col, counter.count(where), s.actions, Style::count);
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
  b.width(0, name_width);

  // Names too long to sit beside a bar get a short form in a column of their own, which the chart shows; the
  // table keeps the whole name.
  constexpr std::size_t chart_label_chars = 32;
  int category_col = 0;
  if (std::any_of(sections.begin(), sections.end(),
                  [](const SectionCounts& s) { return utf16_length(s.name) > chart_label_chars; })) {
    category_col = total_col + 1;
    b.text(head, category_col, "Name in the chart", Style::header);
    std::set<std::string> taken;
    double width = 14;
    for (std::size_t i = 0; i < sections.size(); ++i) {
      std::string label = short_label(sections[i].name, chart_label_chars);
      for (int n = 2; !taken.insert(label).second; ++n)
        label = fmt::format("{} ({})", short_label(sections[i].name, chart_label_chars - 4), n);
      width = std::max(width, text_width(label) + 2);
      b.text(head + 1 + static_cast<int>(i), category_col, label, Style::text);
    }
    b.width(category_col, width);
  }

  // A stacked bar per section beside the table, in the columns' colours.
  int chart_end = total_row;
  if (last_data >= first_data) {
    Chart chart;
    chart.title = fmt::format("Actions by section and {}", chart_words(d));
    chart.value_axis_title = "Actions";
    chart.categories = {first_data, category_col, last_data, category_col};
    std::vector<std::string> names;
    for (int k = 0; k < ncols; ++k) {
      const CountColumn& c = d.columns[static_cast<std::size_t>(k)];
      chart.series.push_back({c.label, {first_data, 1 + k, last_data, 1 + k}, c.fill, palette::white, c.text});
      names.push_back(c.label);
    }
    chart.series.push_back(
        {d.other, {first_data, other_col, last_data, other_col}, palette::unrated_fill, palette::white, palette::black});
    names.push_back(d.other);
    chart.description = fmt::format(
        "Stacked bar chart of the actions in each of {} section{} by {} ({}); the counts are in the table at {}:{}.",
        sections.size(), sections.size() == 1 ? "" : "s", chart_words(d), fmt::join(names, ", "),
        cell_ref(head, 0), cell_ref(total_row, total_col));
    chart.row = head;
    chart.col = std::max(total_col, category_col) + 2;
    chart.x_scale = 1.4;
    chart.y_scale = std::max(1.0, (static_cast<double>(sections.size()) * 26.0 + 130.0) / 288.0);
    double most = 0;
    for (const SectionCounts& sec : sections) most = std::max(most, sec.actions);
    chart.major_unit = whole_steps(most);
    chart_end = head + chart_rows(chart.y_scale);
    b.sheet().charts.push_back(std::move(chart));
  }

  // Below: the status and stage columns (but the one the table counts) and the leads, one list under another;
  // beside them, under the chart, the delivery periods.
  row = std::max(total_row, chart_end) + 3;
  add_period_counts(b, plan, row, std::max(total_col, category_col) + 2);
  for (Role role : {Role::status, Role::stage}) {
    const int col = grid.column_of(role);
    if (col >= 0 && role != d.role)
      row = add_value_counts(b, plan, grid, counter, role, col, anchor, row, name_width) + 2;
  }
  if (const int col = grid.column_of(Role::lead); col >= 0 && plan.has_role(Role::lead))
    row = add_value_counts(b, plan, grid, counter, Role::lead, col, anchor, row, name_width) + 2;
  b.width(0, name_width);

  Sheet& sheet = b.sheet();
  sheet.freeze = std::pair{head + 1, 1};
  sheet.print.footer = footer_text(title);
  return b.finish();
}

}  // namespace plansheet::xlsx::detail
