// Writing a sheet's charts with libxlsxwriter (write_chart.cpp): the writer's
// part for charts, beside writer.cpp.
#pragma once

#include <functional>
#include <string_view>

#include <xlsxwriter.h>

#include "xlsx/sheet_model.hpp"

namespace plansheet::xlsx {

// Reports a failed step (what, why); it throws, so a chart is never half made.
using ChartFailure =
    std::function<void(std::string_view what, std::string_view why)>;

// Every chart of `sheet` on `ws`, reading its ranges from the same sheet.
void write_charts(lxw_workbook *wb, lxw_worksheet *ws, const Sheet &sheet,
                  const ChartFailure &fail);

} // namespace plansheet::xlsx
