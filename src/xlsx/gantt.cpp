// The Gantt block drawn by rules (see gantt.hpp): the period and delivery dates the bars compute from, the as-at
// day, and the formula rules that colour each Gantt cell from the row's dates and the period's own.
#include "xlsx/gantt.hpp"

#include <chrono>
#include <cerrno>
#include <cstdlib>

#include <fmt/format.h>

#include "grammar/api.hpp"
#include "text/ascii.hpp"
#include "xlsx/dates.hpp"
#include "xlsx/sheet_builder.hpp"
#include "xlsx/summary_counts.hpp"
#include "xlsx/vocabulary.hpp"

namespace plansheet::xlsx::detail {

double first_day_of_month(int month) { return serial_of(month / 12, month % 12 + 1, 1); }
double last_day_of_month(int month) { return first_day_of_month(month + 1) - 1; }

std::vector<std::optional<PeriodDays>> period_days(const std::vector<GridPeriod>& grid) {
  std::vector<std::optional<PeriodDays>> out;
  out.reserve(grid.size());
  for (const GridPeriod& p : grid) {
    if (p.first_month && p.last_month) out.push_back(PeriodDays{first_day_of_month(*p.first_month), last_day_of_month(*p.last_month)});
    else out.emplace_back();
  }
  return out;
}

DeliveryCells delivery_cells(const Action& action, const std::vector<GridPeriod>& grid) {
  const std::optional<DeliverySpan> span = delivery_span(action, grid);
  if (!span) return {};
  DeliveryCells d;
  d.from = first_day_of_month(span->first_month);
  if (span->open_end) d.ongoing = true;
  else d.to = last_day_of_month(span->last_month);
  return d;
}

double as_at_day(std::string_view as_at) {
  constexpr double unix_epoch = 25569;  // 1970-01-01 as an Excel serial
  if (const std::optional<IsoDate> d = parse_iso_date(as_at)) return serial_of(d->year, d->month, d->day);
  if (const char* env = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    errno = 0;
    const long long v = std::strtoll(env, &end, 10);
    if (errno == 0 && end != env && *end == '\0' && v >= 0) return unix_epoch + static_cast<double>(v / 86400);
  }
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return unix_epoch + static_cast<double>(now.time_since_epoch().count());
}

bool start_end_carry_bars(const Plan& plan) {
  bool start = false, end = false;
  for (const Column& c : plan.columns) {
    start = start || c.role == Role::start;
    end = end || c.role == Role::end;
  }
  if (!start || !end) return false;
  for (const Action& a : plan.actions)
    for (const std::string* text : {&a.start, &a.end}) {
      const std::string_view t = trim(*text);
      if (t.empty() || date_cell(t)) continue;
      const auto read = grammar::parse_timescale(t);
      if (read && read->kind == grammar::Timescale::Kind::interval) return false;  // a date the bars cannot read
    }
  return true;
}

void add_gantt_rules(Sheet& sheet, const ActionsGrid& grid, const GanttPlaces& at,
                     const std::vector<RagWord>& vocabulary) {
  if (grid.last_row < grid.first_row || at.first_period_col < 0) return;
  const int r = grid.first_row;
  const std::string from = "$" + cell_ref(r, at.from_col);
  const std::string to = "$" + cell_ref(r, at.to_col);
  const std::string cell = cell_ref(r, at.first_period_col);
  const std::string col = column_name(at.first_period_col);
  const std::string first_day = fmt::format("{}${}", col, at.first_day_row + 1);
  const std::string last_day = fmt::format("{}${}", col, at.last_day_row + 1);
  const std::string as_at = cell_ref(at.as_at_row, 1, true);

  // A row's dates draw its bars where they are dates; an end that says "Ongoing" runs on past the grid.
  const std::string open_end = fmt::format("ISNUMBER(SEARCH(\"ongoing\",{}))", to);
  const std::string dated = fmt::format("AND(ISNUMBER({}),OR(ISNUMBER({}),{}))", from, to, open_end);
  // Down to the sheet's last row, so a row added below the table gets its bars too.
  const int last = open_last_row(grid.split, grid.last_row);
  const Range body{r, at.first_period_col, last, at.last_period_col};
  // In order: LibreOffice applies the first rule that holds, Excel the first for each property.
  sheet.conditionals.push_back(
      {body, fmt::format("AND(ISNUMBER({}),{},{}<={})", from, open_end, from, last_day), Style::cf_gantt_ongoing});
  sheet.conditionals.push_back(
      {body, fmt::format("AND(ISNUMBER({0}),ISNUMBER({1}),{0}<={2},{1}>={3})", from, to, last_day, first_day),
       Style::cf_gantt_active});
  // The plan's own marks never vanish: one its dates leave out shows in grey (the dates and the marks disagree,
  // which the schedule warned about, or an officer moved a date); on a row without dates the marks are the bars.
  sheet.conditionals.push_back({body, fmt::format("AND({}<>\"\",{})", cell, dated), Style::cf_gantt_outside});
  sheet.conditionals.push_back(
      {body, fmt::format("{}={}", cell, formula_string(ongoing_glyph)), Style::cf_gantt_ongoing});
  sheet.conditionals.push_back({body, fmt::format("{}<>\"\"", cell), Style::cf_gantt_active});

  // The as-at period: its header gets another fill and a pointer, its cells dashed sides.
  const std::string now = fmt::format("AND({0}>={1},{0}<={2})", as_at, first_day, last_day);
  sheet.conditionals.push_back({{grid.header_row, at.first_period_col, grid.header_row, at.last_period_col}, now,
                                Style::cf_gantt_now_header});
  sheet.conditionals.push_back({body, now, Style::cf_gantt_now});

  // Overdue: an end date before the as-at day on an action neither rated complete nor said to be.
  std::vector<std::string> complete;
  const int rag = grid.rag_col();
  if (rag >= 0)
    for (const std::string& w : words_for("blue", vocabulary))
      complete.push_back(fmt::format("LOWER(TRIM(${}))={}", cell_ref(r, rag), formula_string(w)));
  if (const int status = grid.column_of(Role::status); status >= 0)
    for (std::string_view w : {"complete", "completed", "done", "closed", "delivered", "achieved"})
      complete.push_back(fmt::format("LOWER(TRIM(${}))={}", cell_ref(r, status), formula_string(w)));
  // An end written as a month ("Mar-27", stored as its first day) means the month's end: overdue only after it.
  std::string overdue = fmt::format("AND(ISNUMBER({0}),EOMONTH({0},0)<{1}", to, as_at);
  if (!complete.empty()) overdue += fmt::format(",NOT(OR({}))", fmt::join(complete, ","));
  overdue += ")";
  sheet.conditionals.push_back({{r, at.to_col, last, at.to_col}, overdue,
                                at.month_ends ? Style::cf_overdue_month : Style::cf_overdue});
}

}  // namespace plansheet::xlsx::detail
