// The Summary's charts: a laid-out Sheet's Chart specs in, libxlsxwriter charts on the worksheet out, each with its
// own copy of the counts, labelled bars and alt text. Called by writer.cpp for the sheet it is writing.
#include "xlsx/write_chart.hpp"

#include <cstdint>
#include <cstdlib>

#include <fmt/format.h>

namespace plansheet::xlsx {

namespace {

lxw_row_t row_of(int row) { return static_cast<lxw_row_t>(row); }
lxw_col_t col_of(int col) { return static_cast<lxw_col_t>(col); }

// libxlsxwriter caches a chart's numbers from number cells only (formula cells count as 0, and nothing is cached
// in constant-memory mode), so the chart's own copy of its data is given here from the cells' computed values.
void cache_values(lxw_chart_series* series, const Sheet& sheet, const Range& r, const ChartFailure& fail) {
  lxw_series_range* range = series->values;
  if (!range || !range->data_cache) return;
  std::uint16_t n = 0;
  for (int row = r.first_row; row <= r.last_row; ++row)
    for (int col = r.first_col; col <= r.last_col; ++col) {
      auto* point = static_cast<lxw_series_data_point*>(std::calloc(1, sizeof(lxw_series_data_point)));
      if (!point) return fail(fmt::format("caching the chart data of {}", sheet.name), "out of memory");
      const SheetCell* cell = find_cell(sheet, row, col);
      if (cell && (cell->kind == CellKind::number || cell->kind == CellKind::formula)) point->number = cell->number;
      else point->no_data = LXW_TRUE;
      STAILQ_INSERT_TAIL(range->data_cache, point, list_pointers);
      ++n;
    }
  range->num_data_points = n;
  range->ignore_cache = LXW_TRUE;  // keeps workbook_close from replacing the copy with its own
}

}  // namespace

void write_charts(lxw_workbook* wb, lxw_worksheet* ws, const Sheet& sheet, const ChartFailure& fail) {
  for (const Chart& spec : sheet.charts) {
    lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_BAR_STACKED);
    if (!chart) return fail(fmt::format("adding the chart on {}", sheet.name), "out of memory");
    for (const ChartSeries& s : spec.series) {
      lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
      if (!series) return fail(fmt::format("adding chart series '{}'", s.name), "out of memory");
      chart_series_set_categories(series, sheet.name.c_str(), row_of(spec.categories.first_row),
                                  col_of(spec.categories.first_col), row_of(spec.categories.last_row),
                                  col_of(spec.categories.last_col));
      chart_series_set_values(series, sheet.name.c_str(), row_of(s.values.first_row), col_of(s.values.first_col),
                              row_of(s.values.last_row), col_of(s.values.last_col));
      chart_series_set_name(series, s.name.c_str());
      cache_values(series, sheet, s.values, fail);
      // Each bar's count on it; a zero gets no label (the format's empty zero section) so bars never collide.
      chart_series_set_labels(series);
      chart_series_set_labels_num_format(series, "0;-0;;@");
      lxw_chart_font label_font{};
      label_font.size = 11;
      label_font.color = s.label_colour;
      chart_series_set_labels_font(series, &label_font);
      lxw_chart_fill fill{};
      fill.color = s.colour;
      chart_series_set_fill(series, &fill);
      lxw_chart_line line{};
      line.color = s.line_colour;
      chart_series_set_line(series, &line);
    }
    chart_title_set_name(chart, spec.title.c_str());
    if (spec.legend) chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    else chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    // Chart text as large as the cells' (readers default to 10 pt), so a scaled print keeps it at 8 pt or more.
    lxw_chart_font title_font{};
    title_font.size = 13;
    title_font.bold = LXW_TRUE;
    chart_title_set_name_font(chart, &title_font);
    lxw_chart_font text_font{};
    text_font.size = 11;
    chart_legend_set_font(chart, &text_font);
    for (lxw_chart_axis* axis : {chart->x_axis, chart->y_axis}) {
      chart_axis_set_num_font(axis, &text_font);
      chart_axis_set_name_font(axis, &text_font);
    }
    // In libxlsxwriter's bar charts y_axis is the (vertical) category axis; reversed, the first section sits at
    // the top as in the table. x_axis counts actions, in whole steps.
    chart_axis_set_reverse(chart->y_axis);
    chart_axis_set_crossing_max(chart->y_axis);  // keeps the count axis at the bottom once categories reverse
    chart_axis_set_name(chart->x_axis, spec.value_axis_title.c_str());
    if (spec.major_unit > 0) chart_axis_set_major_unit(chart->x_axis, spec.major_unit);
    chart_set_series_gap(chart, 60);
    lxw_chart_options opts{};
    opts.description = const_cast<char*>(spec.description.c_str());
    opts.x_scale = spec.x_scale;
    opts.y_scale = spec.y_scale;
    if (const lxw_error err = worksheet_insert_chart_opt(ws, row_of(spec.row), col_of(spec.col), chart, &opts))
      fail(fmt::format("placing the chart on {}", sheet.name), lxw_strerror(err));
  }
}

}  // namespace plansheet::xlsx
