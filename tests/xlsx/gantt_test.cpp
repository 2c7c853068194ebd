// The Gantt drawn by rules: each period's first and last day, each action's delivery dates, the as-at day, the
// columns the bars compute from, the rules' formulas, and a workbook's own delivery columns dropped on reading back.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "../workbook/sample_plans.hpp"
#include "model_lookup.hpp"
#include "schedule.hpp"
#include "xlsx/dates.hpp"
#include "xlsx/gantt.hpp"
#include "xlsx/layout.hpp"

using namespace plansheet;
using namespace plansheet::xlsx;
using namespace plansheet::xlsx::detail;
using namespace plansheet::xlsx::test;

namespace {

int month(int year, int m) { return year * 12 + m - 1; }

// A plan with only a timescale per action, on a grid of financial years.
Plan timescale_only() {
  Plan p;
  p.source = "t.txt";
  p.columns = {{Role::id, "ID"}, {Role::action, "Action"}, {Role::timescale, "Timescale"}};
  auto add = [&](std::string id, std::string timescale) {
    Action a;
    a.id = std::move(id);
    a.action = "Do " + a.id;
    a.timescale = std::move(timescale);
    p.actions.push_back(std::move(a));
  };
  add("1", "2025-26");
  add("2", "2025-2027");
  add("3", "Ongoing");
  add("4", "TBC");
  schedule(p, {});
  return p;
}

const ConditionalRule* rule(const Sheet& s, Style style) {
  auto it = std::find_if(s.conditionals.begin(), s.conditionals.end(),
                         [&](const ConditionalRule& r) { return r.style == style; });
  return it == s.conditionals.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("gantt: a period's first and last day") {
  const std::vector<GridPeriod> grid = {{"2025-26", month(2025, 4), month(2026, 3)},
                                        {"Q4 2025/26", month(2026, 1), month(2026, 3)},
                                        {"Feb-28", month(2028, 2), month(2028, 2)},
                                        {"Year 1", std::nullopt, std::nullopt}};
  const auto days = period_days(grid);
  REQUIRE(days.size() == 4);
  CHECK(days[0]->first_day == serial_of(2025, 4, 1));
  CHECK(days[0]->last_day == serial_of(2026, 3, 31));
  CHECK(days[1]->first_day == serial_of(2026, 1, 1));
  CHECK(days[2]->last_day == serial_of(2028, 2, 29));  // a leap year's February
  CHECK_FALSE(days[3]);
  CHECK(last_day_of_month(month(2025, 12)) == serial_of(2025, 12, 31));  // the year turns
}

TEST_CASE("gantt: delivery dates from the active periods") {
  const std::vector<GridPeriod> grid = {{"2025-26", month(2025, 4), month(2026, 3)},
                                        {"2026-27", month(2026, 4), month(2027, 3)},
                                        {"2027-28", month(2027, 4), month(2028, 3)}};
  Action a;
  SUBCASE("a run of periods: first day of the first, last day of the last") {
    a.periods = {"2025-26", "2026-27"};
    const DeliveryCells d = delivery_cells(a, grid);
    CHECK(d.from == serial_of(2025, 4, 1));
    CHECK(d.to == serial_of(2027, 3, 31));
    CHECK_FALSE(d.ongoing);
  }
  SUBCASE("ongoing with no end: the end says Ongoing") {
    a.periods = {"2026-27", "2027-28"};
    a.interval = Interval{month(2026, 6), std::nullopt, true};
    const DeliveryCells d = delivery_cells(a, grid);
    CHECK(d.from == serial_of(2026, 4, 1));
    CHECK_FALSE(d.to);
    CHECK(d.ongoing);
  }
  SUBCASE("a gap between marked periods: no dates, the marks alone draw the bars") {
    a.periods = {"2025-26", "2027-28"};
    CHECK_FALSE(delivery_cells(a, grid).from);
    CHECK_FALSE(delivery_span(a, grid));
  }
  SUBCASE("no active period, or one off the grid: no dates") {
    CHECK_FALSE(delivery_cells(a, grid).from);
    a.periods = {"2031-32"};
    CHECK_FALSE(delivery_cells(a, grid).from);
  }
}

TEST_CASE("gantt: the as-at day") {
  CHECK(parse_iso_date("2026-03-31"));
  CHECK(parse_iso_date("2028-02-29"));
  for (const char* bad : {"2026-02-29", "2026-13-01", "31/03/2026", "2026-3-31", "", "2026-03-31x", "1800-01-01"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_iso_date(bad));
  }
  CHECK(as_at_day("2026-03-31") == serial_of(2026, 3, 31));
  const char* old = std::getenv("SOURCE_DATE_EPOCH");
  const std::string kept = old ? old : "";
  setenv("SOURCE_DATE_EPOCH", "1764892800", 1);  // 2025-12-05 00:00 UTC
  CHECK(as_at_day("") == serial_of(2025, 12, 5));
  CHECK(as_at_day("2026-01-02") == serial_of(2026, 1, 2));  // --as-at wins
  if (old) setenv("SOURCE_DATE_EPOCH", kept.c_str(), 1);
  else unsetenv("SOURCE_DATE_EPOCH");
}

TEST_CASE("gantt: Start and End carry the bars when they are dates; else Delivery from and to are added") {
  SUBCASE("real Start/End dates: no columns added, the rules read Start and End") {
    const Plan p = test_plans::gantt_plan();
    CHECK(start_end_carry_bars(p));
    const WorkbookModel m = layout_workbook(p);
    for (const ActionsColumn& c : m.actions.columns) CHECK(c.kind != ColumnKind::delivery);
    const Sheet& s = sheet_named(m, "Actions");
    const ConditionalRule* active = rule(s, Style::cf_gantt_active);
    REQUIRE(active);
    const std::string from = "$" + cell_ref(m.actions.first_row, m.actions.column_of(Role::start));
    const std::string to = "$" + cell_ref(m.actions.first_row, m.actions.column_of(Role::end));
    CHECK(active->formula.find(from + "<=") != std::string::npos);
    CHECK(active->formula.find(to + ">=") != std::string::npos);
  }
  SUBCASE("Start/End written as periods (not dates): derived date columns beside the Gantt") {
    Plan p = test_plans::gantt_plan();
    p.actions[0].start = "2025-26";
    CHECK_FALSE(start_end_carry_bars(p));
  }
  SUBCASE("a timescale only: Delivery from and Delivery to, dates where the periods run on, Ongoing, or empty") {
    const Plan p = timescale_only();
    const WorkbookModel m = layout_workbook(p);
    const Sheet& s = sheet_named(m, "Actions");
    std::vector<std::string> names = labels(m);
    const auto at = std::find(names.begin(), names.end(), "Delivery from");
    REQUIRE(at != names.end());
    CHECK(*(at + 1) == "Delivery to");
    CHECK(*(at + 2) == p.periods.front());  // right before the Gantt
    const int from = static_cast<int>(at - names.begin());
    const SheetCell* f = find_cell(s, row_of_action(m, p, "2"), from);
    const SheetCell* t = find_cell(s, row_of_action(m, p, "2"), from + 1);
    REQUIRE(f);
    REQUIRE(t);
    CHECK(f->kind == CellKind::number);
    CHECK(f->number == serial_of(2025, 4, 1));
    CHECK(t->number == serial_of(2028, 3, 31));  // 2025-2027 runs into 2027-28
    CHECK(style_at(s, row_of_action(m, p, "2"), from) == "date_day");
    CHECK(text_at(s, row_of_action(m, p, "3"), from + 1) == "Ongoing");
    CHECK(find_cell(s, row_of_action(m, p, "4"), from) == nullptr);  // TBC: nothing to derive
  }
}

TEST_CASE("gantt: rules over the block read the row's dates and the period's own, in hidden rows") {
  Plan p = test_plans::gantt_plan();
  p.as_at = "2026-06-15";
  const WorkbookModel m = layout_workbook(p);
  const Sheet& s = sheet_named(m, "Actions");
  const int header = m.actions.header_row;
  // Three hidden rows above the header: the as-at day, the periods' first days, their last days.
  int hidden = 0;
  for (const RowSpec& r : s.rows)
    if (r.hidden) {
      ++hidden;
      CHECK(r.row < header);
    }
  CHECK(hidden == 3);
  const int g = period_col(m, "2026-27");
  CHECK(find_cell(s, header - 3, 1)->number == serial_of(2026, 6, 15));
  CHECK(find_cell(s, header - 2, g)->number == serial_of(2026, 4, 1));
  CHECK(find_cell(s, header - 1, g)->number == serial_of(2027, 3, 31));

  const int first = period_col(m, p.periods.front());
  const std::string col = column_name(first);
  const std::string row = std::to_string(m.actions.first_row + 1);
  const std::string from = "$" + column_name(m.actions.column_of(Role::start)) + row;
  const std::string to = "$" + column_name(m.actions.column_of(Role::end)) + row;
  const std::string starts = col + "$" + std::to_string(header - 1), ends = col + "$" + std::to_string(header);
  const ConditionalRule* active = rule(s, Style::cf_gantt_active);
  REQUIRE(active);
  CHECK(active->range == Range{m.actions.first_row, first, max_rows - 1, period_col(m, p.periods.back())});
  CHECK(active->formula == "AND(ISNUMBER(" + from + "),ISNUMBER(" + to + ")," + from + "<=" + ends + "," + to +
                               ">=" + starts + ")");
  const ConditionalRule* ongoing = rule(s, Style::cf_gantt_ongoing);
  REQUIRE(ongoing);
  CHECK(ongoing->formula.find("SEARCH(\"ongoing\"," + to + ")") != std::string::npos);
  // The plan's marks still show where the dates leave them out, and draw the bars of rows with no dates.
  const ConditionalRule* outside = rule(s, Style::cf_gantt_outside);
  REQUIRE(outside);
  CHECK(outside->formula.rfind("AND(" + col + row + "<>\"\"", 0) == 0);
  CHECK(std::count_if(s.conditionals.begin(), s.conditionals.end(), [&](const ConditionalRule& r) {
          return r.formula == col + row + "<>\"\"" && r.style == Style::cf_gantt_active;
        }) == 1);
  // Rules first for the bars, then the marks: LibreOffice applies the first that holds.
  CHECK(ongoing < active);
  CHECK(active < outside);
  const ConditionalRule* now = rule(s, Style::cf_gantt_now_header);
  REQUIRE(now);
  CHECK(now->range.first_row == header);
  CHECK(now->formula == "AND($B$" + std::to_string(header - 2) + ">=" + starts + ",$B$" + std::to_string(header - 2) +
                            "<=" + ends + ")");
  CHECK_FALSE(rule(s, Style::cf_overdue));  // every End is a month: the flag shows it as one
  const ConditionalRule* overdue = rule(s, Style::cf_overdue_month);
  REQUIRE(overdue);
  CHECK(overdue->range.first_col == m.actions.column_of(Role::end));
  CHECK(overdue->formula.find("EOMONTH(" + to + ",0)<$B$" + std::to_string(header - 2)) != std::string::npos);
  CHECK(overdue->formula.find("\"complete\"") != std::string::npos);  // a complete action is never overdue
}

TEST_CASE("gantt: every Gantt fill is at least 3:1 against white, and the RAG blue is not the header's navy") {
  auto luminance = [](std::uint32_t rgb) {
    auto lin = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * lin(((rgb >> 16) & 255) / 255.0) + 0.7152 * lin(((rgb >> 8) & 255) / 255.0) +
           0.0722 * lin((rgb & 255) / 255.0);
  };
  auto contrast = [&](std::uint32_t a, std::uint32_t b) {
    const double x = luminance(a), y = luminance(b);
    return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
  };
  const WorkbookModel m = layout_workbook(test_plans::gantt_plan());
  for (Style st : {Style::cf_gantt_active, Style::cf_gantt_ongoing, Style::cf_gantt_outside, Style::cf_gantt_now_header}) {
    const StyleSpec* spec = find_style(m, st);
    REQUIRE(spec);
    REQUIRE(spec->fill);
    CAPTURE(style_name(st));
    CHECK(contrast(*spec->fill, 0xFFFFFF) >= 3.0);
  }
  CHECK(contrast(*find_style(m, Style::rag_blue)->fill, *find_style(m, Style::header)->fill) >= 2.0);
  // Kinds besides colour: a glyph shown before the as-at period's heading and the overdue date.
  CHECK(find_style(m, Style::cf_gantt_now_header)->num_format.find("\u25BC") != std::string_view::npos);
  CHECK(find_style(m, Style::cf_overdue)->num_format.find("\u26A0") != std::string_view::npos);
  CHECK(find_style(m, Style::cf_gantt_now)->side_rules);
}

TEST_CASE("gantt: a workbook's own delivery columns, read back, are dropped only when they restate the marks") {
  Plan p;
  p.columns = {{Role::id, "ID"}, {Role::timescale, "Delivery from"}, {Role::extra, "Delivery to"},
               {Role::period, "2025-26"}, {Role::period, "2026-27"}};
  Action a;
  a.id = "1";
  a.timescale = "01/04/2025";
  a.extra = {{"Delivery to", "31/03/2027"}};
  a.periods = {"2025-26", "2026-27"};
  Action b;
  b.id = "2";
  b.extra = {{"Delivery to", "Ongoing"}};
  b.timescale = "01/04/2026";
  b.periods = {"2026-27"};
  p.actions = {a, b};
  SUBCASE("restated: both columns and their texts go") {
    Plan q = p;
    CHECK(drop_restated_delivery(q));
    CHECK(q.columns.size() == 3);
    CHECK(q.actions[0].timescale.empty());
    CHECK(q.actions[0].extra.empty());
    schedule(q, {});
    CHECK(q.actions[0].periods == std::vector<std::string>{"2025-26", "2026-27"});
  }
  SUBCASE("an edited date: everything is kept") {
    Plan q = p;
    q.actions[0].extra[0].second = "30/09/2026";
    CHECK_FALSE(drop_restated_delivery(q));
    CHECK(q.columns.size() == 5);
    CHECK(q.actions[0].extra.size() == 1);
  }
}

TEST_CASE("gantt: the Key shows each Gantt kind with its mark and colour") {
  Plan p = test_plans::gantt_plan();
  p.as_at = "2026-06-15";
  const WorkbookModel m = layout_workbook(p);
  const Sheet& key = sheet_named(m, "Key");
  std::vector<std::string> styles, terms;
  for (const SheetCell& c : key.cells)
    if (c.col == 0) styles.push_back(std::string(style_name(c.style))), terms.push_back(c.text);
  for (const char* want : {"gantt_active", "gantt_ongoing", "gantt_outside", "gantt_now", "overdue"}) {
    CAPTURE(want);
    CHECK(std::find(styles.begin(), styles.end(), want) != styles.end());
  }
  CHECK(std::find(terms.begin(), terms.end(), "\u25B6") != terms.end());
  CHECK(std::find(terms.begin(), terms.end(), "\u26A0 31/03/2026") != terms.end());
  bool dated = false;
  for (const SheetCell& c : key.cells) dated = dated || c.text.find("15/06/2026") != std::string::npos;
  CHECK(dated);  // the as-at day is named
}
