// Stage: schedule. A Plan with timescale texts in, the same Plan with each action's Interval, the period grid and
// each action's active periods out; texts that are not timescales are kept as written and warned about.
#include "schedule.hpp"

#include "text/ascii.hpp"

#include <algorithm>
#include <fmt/format.h>

#include <array>

#include "model/errors.hpp"
#include "grammar/api.hpp"

namespace plansheet {

namespace {

using grammar::Timescale;

int year_of(int month) { return month / 12; }
int month_of_year(int month) { return month % 12 + 1; }  // 1..12

std::string fy_label(int start_year) { return fmt::format("{}-{:02}", start_year, (start_year + 1) % 100); }

// ---------------------------------------------------------------- one end of an interval

// What one timescale text says, reduced to what scheduling needs.
struct Reading {
  enum class Kind { missing, dated, open, bad } kind = Kind::missing;
  int first_month = 0;
  int last_month = 0;
};

void warn(Plan& plan, const Action& action, std::string message) {
  plan.warnings.push_back(Diagnostic{{action.line}, action.id, std::move(message)});
}

// Reads one text of an action (role "start", "end" or "timescale"), adding a warning for text that is not a
// timescale and for a revised one. TBC, none and empty read as missing, without a warning.
Reading read(Plan& plan, const Action& action, std::string_view role, const std::string& text) {
  std::string_view const value = trim_blanks(text);
  if (value.empty()) return {};
  auto t = grammar::parse_timescale(value);
  if (!t) {
    warn(plan, action,
         fmt::format("{} \"{}\" is not a date, period or \"Ongoing\"; kept as written and left off the schedule "
                     "(write e.g. \"Apr-25\", \"2025-26\" or \"Ongoing\" to schedule it)",
                     role, value));
    return {Reading::Kind::bad};
  }
  if (!t->earlier.empty()) {
    std::string earlier;
    for (const std::string& e : t->earlier) earlier += fmt::format("{}\"{}\"", earlier.empty() ? "" : ", ", e);
    warn(plan, action,
         fmt::format("{} \"{}\" was revised: scheduled on the last value, earlier {} ignored (check the current "
                     "{} with the plan's authors)",
                     role, value, earlier, role));
  }
  switch (t->kind) {
    case Timescale::Kind::interval: return {Reading::Kind::dated, t->first_month, t->last_month};
    case Timescale::Kind::ongoing: return {Reading::Kind::open};
    case Timescale::Kind::tbc:
    case Timescale::Kind::none: return {};
  }
  return {};
}

Interval whole(const Reading& r) {
  if (r.kind == Reading::Kind::open) return Interval{std::nullopt, std::nullopt, true};
  return Interval{r.first_month, r.last_month, false};
}

std::optional<Interval> interval_from_start_end(Plan& plan, const Action& action) {
  Reading const start = read(plan, action, "start", action.start);
  Reading const end = read(plan, action, "end", action.end);
  if (start.kind == Reading::Kind::bad || end.kind == Reading::Kind::bad) return std::nullopt;  // never guessed
  if (start.kind == Reading::Kind::missing && end.kind == Reading::Kind::missing) return std::nullopt;
  // Only one end given: that value is the whole timescale.
  if (start.kind == Reading::Kind::missing) return whole(end);
  if (end.kind == Reading::Kind::missing) return whole(start);
  Interval interval;
  // A start takes the first month of its value, an end the last month of its own.
  if (start.kind == Reading::Kind::dated) interval.first_month = start.first_month;
  if (end.kind == Reading::Kind::dated) interval.last_month = end.last_month;
  interval.ongoing = start.kind == Reading::Kind::open || end.kind == Reading::Kind::open;
  if (interval.first_month && interval.last_month && *interval.first_month > *interval.last_month) {
    warn(plan, action,
         fmt::format("start \"{}\" is after end \"{}\"; left off the schedule (check the dates)", trim_blanks(action.start),
                     trim_blanks(action.end)));
    return std::nullopt;
  }
  return interval;
}

std::optional<Interval> interval_of(Plan& plan, const Action& action, bool use_start_end) {
  if (use_start_end || !trim_blanks(action.start).empty() || !trim_blanks(action.end).empty())
    return interval_from_start_end(plan, action);
  Reading const r = read(plan, action, "timescale", action.timescale);
  if (r.kind == Reading::Kind::missing || r.kind == Reading::Kind::bad) return std::nullopt;
  return whole(r);
}

// ---------------------------------------------------------------- the grid

std::vector<GridPeriod> grid_from_columns(Plan& plan) {
  std::vector<GridPeriod> grid;
  for (const Column& column : plan.columns) {
    if (column.role != Role::period) continue;
    GridPeriod period{column.label, std::nullopt, std::nullopt};
    if (auto label = grammar::parse_period_label(column.label)) {
      period.first_month = label->first_month;
      period.last_month = label->last_month;
    } else {
      plan.warnings.push_back(Diagnostic{{}, "",
          fmt::format("period column \"{}\" does not name a period; no action is placed in it (give the grid with "
                      "--periods, e.g. --periods 2025-26..2029-30)",
                      column.label)});
    }
    grid.push_back(std::move(period));
  }
  return grid;
}

bool overlaps(const Interval& interval, const GridPeriod& period) {
  if (!period.first_month || !period.last_month) return false;
  bool const starts_before_end = !interval.first_month || *interval.first_month <= *period.last_month;
  bool const ends_after_start = !interval.last_month || *interval.last_month >= *period.first_month;
  return starts_before_end && ends_after_start;
}

std::string join(const std::vector<std::string>& labels) {
  std::string out;
  for (const std::string& l : labels) out += (out.empty() ? "" : ", ") + l;
  return out.empty() ? "none" : out;
}

}  // namespace

std::optional<std::string> grid_kind(int first_month, int last_month) {
  int const length = last_month - first_month + 1;
  int const start = month_of_year(first_month);
  if (length == 12 && start == 4) return "fy";
  if (length == 12 && start == 1) return "year";
  if (length == 3 && (start - 1) % 3 == 0) return "quarter";
  if (length == 1) return "month";
  return std::nullopt;
}

std::vector<GridPeriod> make_grid(std::string_view grid, int first_month, int last_month) {
  std::vector<GridPeriod> out;
  if (first_month > last_month) return out;
  if (grid == "fy") {
    int const first_year = month_of_year(first_month) >= 4 ? year_of(first_month) : year_of(first_month) - 1;
    for (int y = first_year; y * 12 + 3 <= last_month; ++y) out.push_back({fy_label(y), y * 12 + 3, y * 12 + 14});
  } else if (grid == "year") {
    for (int y = year_of(first_month); y * 12 <= last_month; ++y)
      out.push_back({std::to_string(y), y * 12, y * 12 + 11});
  } else if (grid == "quarter") {
    // Quarters of the UK financial year: Q1 is April-June.
    for (int m = first_month - (first_month % 3); m <= last_month; m += 3) {
      int const fy_start = month_of_year(m) >= 4 ? year_of(m) : year_of(m) - 1;
      int const number = (m - (fy_start * 12 + 3)) / 3 + 1;
      out.push_back({fmt::format("Q{} {}/{:02}", number, fy_start, (fy_start + 1) % 100), m, m + 2});
    }
  } else if (grid == "month") {
    static constexpr std::array<std::string_view, 12> names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (int m = first_month; m <= last_month; ++m)
      out.push_back({fmt::format("{}-{:02}", names[static_cast<std::size_t>(month_of_year(m) - 1)], year_of(m) % 100), m, m});
  }
  return out;
}

std::optional<PeriodRange> parse_period_range(std::string_view text) {
  text = trim_blanks(text);
  PeriodRange range;
  if (auto dots = text.find(".."); dots != std::string_view::npos) {
    auto from = grammar::parse_period_label(trim_blanks(text.substr(0, dots)));
    auto to = grammar::parse_period_label(trim_blanks(text.substr(dots + 2)));
    if (!from || !to) return std::nullopt;
    auto kind = grid_kind(from->first_month, from->last_month);
    if (!kind || kind != grid_kind(to->first_month, to->last_month) || to->first_month < from->first_month)
      return std::nullopt;
    range.grid = *kind;
    range.periods = make_grid(*kind, from->first_month, to->last_month);
    return range;
  }
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t const comma = std::min(text.find(',', start), text.size());
    auto label = grammar::parse_period_label(trim_blanks(text.substr(start, comma - start)));
    if (!label) return std::nullopt;
    auto kind = grid_kind(label->first_month, label->last_month);
    if (!kind || (!range.grid.empty() && *kind != range.grid)) return std::nullopt;
    range.grid = *kind;
    range.periods.push_back({label->label, label->first_month, label->last_month});
    start = comma + 1;
  }
  if (range.periods.empty()) return std::nullopt;
  return range;
}

std::optional<IsoDate> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto number = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (!is_ascii_digit(text[i])) return -1;
      v = v * 10 + (text[i] - '0');
    }
    return v;
  };
  const IsoDate d{number(0, 4), number(5, 2), number(8, 2)};
  if (d.year < 1901 || d.month < 1 || d.month > 12 || d.day < 1) return std::nullopt;
  static constexpr std::array<int, 12> days = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  if (d.day > days[static_cast<std::size_t>(d.month - 1)] || (d.month == 2 && d.day == 29 && !leap)) return std::nullopt;
  return d;
}

std::vector<GridPeriod> plan_grid(const Plan& plan) {
  std::vector<GridPeriod> grid;
  grid.reserve(plan.periods.size());
  for (const std::string& label : plan.periods) {
    GridPeriod p{label, std::nullopt, std::nullopt};
    if (auto l = grammar::parse_period_label(label)) p.first_month = l->first_month, p.last_month = l->last_month;
    grid.push_back(std::move(p));
  }
  return grid;
}

std::optional<DeliverySpan> delivery_span(const Action& action, const std::vector<GridPeriod>& grid) {
  if (action.periods.empty()) return std::nullopt;
  // The action's periods are in grid order (schedule keeps them so): find the first, then each next one must be
  // the grid's next period.
  auto at = std::find_if(grid.begin(), grid.end(), [&](const GridPeriod& p) { return p.label == action.periods[0]; });
  if (at == grid.end()) return std::nullopt;
  const auto first = at;
  for (std::size_t k = 1; k < action.periods.size(); ++k)
    if (++at == grid.end() || at->label != action.periods[k]) return std::nullopt;
  for (auto p = first; p <= at; ++p)
    if (!p->first_month || !p->last_month) return std::nullopt;
  DeliverySpan span{*first->first_month, *at->last_month, false};
  span.open_end = action.interval && action.interval->ongoing && !action.interval->last_month;
  return span;
}

namespace {

std::string day_text(int month, bool last) {
  static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int y = year_of(month), m = month_of_year(month);
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const int d = !last ? 1 : m == 2 && leap ? 29 : days[static_cast<std::size_t>(m - 1)];
  return fmt::format("{:02}/{:02}/{}", d, m, y);
}

// The text an action holds under a column: its extra entry of that label (a column repeating a role lands there),
// else the text of the column's role.
const std::string* column_text(const Action& a, const Column& c) {
  for (const auto& [label, text] : a.extra)
    if (label == c.label) return &text;
  return a.text_of(c.role);
}

}  // namespace

bool drop_restated_delivery(Plan& plan) {
  auto find = [&](std::string_view label) {
    return std::find_if(plan.columns.begin(), plan.columns.end(), [&](const Column& c) { return c.label == label; });
  };
  auto from = find(delivery_from_label), to = find(delivery_to_label);
  if (from == plan.columns.end() || to == plan.columns.end()) return false;
  std::vector<GridPeriod> grid;
  for (const Column& c : plan.columns)
    if (c.role == Role::period) {
      GridPeriod p{c.label, std::nullopt, std::nullopt};
      if (auto l = grammar::parse_period_label(c.label)) p.first_month = l->first_month, p.last_month = l->last_month;
      grid.push_back(std::move(p));
    }
  if (grid.empty()) return false;
  for (const Action& a : plan.actions) {
    const std::string* f = column_text(a, *from);
    const std::string* t = column_text(a, *to);
    const std::string_view got_from = f ? trim_blanks(*f) : "", got_to = t ? trim_blanks(*t) : "";
    const std::optional<DeliverySpan> span = delivery_span(a, grid);
    if (!span) {
      if (!got_from.empty() || !got_to.empty()) return false;
      continue;
    }
    if (got_from != day_text(span->first_month, false)) return false;
    if (got_to != day_text(span->last_month, true) && ascii_lower(got_to) != "ongoing") return false;
  }
  for (Action& a : plan.actions)
    for (const Column* c : {&*from, &*to}) {
      auto e = std::find_if(a.extra.begin(), a.extra.end(), [&](const auto& x) { return x.first == c->label; });
      if (e != a.extra.end()) a.extra.erase(e);
      else if (std::string* text = a.text_of(c->role)) text->clear();
    }
  const std::string from_label = from->label, to_label = to->label;
  std::erase_if(plan.columns, [&](const Column& c) { return c.label == from_label || c.label == to_label; });
  return true;
}

void schedule(Plan& plan, const ScheduleOptions& options) {
  if (options.grid != "fy" && options.grid != "quarter" && options.grid != "year" && options.grid != "month")
    throw usage_error(fmt::format("--grid \"{}\" is not a grid; use --grid fy, quarter, year or month",
                                  options.grid));
  std::optional<PeriodRange> forced;
  if (options.periods) {
    forced = parse_period_range(*options.periods);
    if (!forced)
      throw usage_error(fmt::format("--periods \"{}\" is not a range of periods; write it like "
                                    "--periods 2025-26..2029-30, Q1 2025/26..Q4 2026/27 or 2026..2030",
                                    *options.periods));
  }

  // 0. A plansheet workbook's own delivery dates, read back, are not the plan's.
  drop_restated_delivery(plan);

  // 1. Each action's interval from its start/end or its timescale.
  bool const use_start_end = plan.has_role(Role::start) || plan.has_role(Role::end);
  std::optional<int> data_first, data_last;
  for (Action& action : plan.actions) {
    action.interval = interval_of(plan, action, use_start_end);
    if (!action.interval) continue;
    for (auto month : {action.interval->first_month, action.interval->last_month}) {
      if (!month) continue;
      data_first = data_first ? std::min(*data_first, *month) : *month;
      data_last = data_last ? std::max(*data_last, *month) : *month;
    }
  }

  // 2. The grid: --periods, else the header's period columns, else the span of the data.
  std::vector<GridPeriod> grid;
  if (forced) {
    grid = forced->periods;
    plan.period_grid = forced->grid;
  } else if (plan.has_role(Role::period)) {
    grid = grid_from_columns(plan);
    auto first_dated = std::find_if(grid.begin(), grid.end(), [](const GridPeriod& p) { return p.first_month; });
    if (first_dated != grid.end())
      if (auto kind = grid_kind(*first_dated->first_month, *first_dated->last_month)) plan.period_grid = *kind;
  } else if (data_first) {
    grid = make_grid(options.grid, *data_first, *data_last);
    plan.period_grid = options.grid;
  }
  plan.periods.clear();
  for (const GridPeriod& p : grid) plan.periods.push_back(p.label);

  // 3. Each action's active periods: those its interval overlaps (open ends reach past the grid).
  for (Action& action : plan.actions) {
    std::vector<std::string> computed;
    if (action.interval)
      for (const GridPeriod& p : grid)
        if (overlaps(*action.interval, p)) computed.push_back(p.label);
    if (action.periods.empty()) {
      action.periods = std::move(computed);
      continue;
    }
    // Periods marked in the source's Gantt cells are the authors' own; keep those on the grid.
    std::vector<std::string> marked;
    for (const std::string& label : action.periods)
      if (std::find(plan.periods.begin(), plan.periods.end(), label) != plan.periods.end()) marked.push_back(label);
    if (action.interval && marked != computed)
      warn(plan, action,
           fmt::format("the Gantt cells mark {} but the timescale gives {}; kept the Gantt cells (check which is "
                       "current)",
                       join(marked), join(computed)));
    action.periods = std::move(marked);
  }
}

}  // namespace plansheet
