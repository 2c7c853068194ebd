// Stage: load a spreadsheet input (CSV, XLSX, XLS) into a RawTable of cells with positions.
// load_xlsx and load_xls are the only places that touch libzip/expat and freexl.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/limits.hpp"
#include "model/plan.hpp"

namespace plansheet {

// RFC 4180 CSV with dialect sniffing (, ; tab |), BOM, Windows-1252 fallback (logged).
RawTable load_csv(const std::string& source, std::string_view bytes);

// Office Open XML workbook. `sheet` forces the sheet; otherwise the sheet holding the action table is chosen
// by score and the choice reported in warnings. Hidden rows and columns are private and left out, with a warning
// counting them, unless `keep_hidden`. Throws Error(exit_input) for a broken or hostile file, and as soon
// as the workbook passes one of `limits` (sheets, cells, the text its cells unfold to).
RawTable load_xlsx(const std::string& source, std::string_view bytes, const std::optional<std::string>& sheet,
                   const Limits& limits = {}, bool keep_hidden = false);

// Old binary Excel through libfreexl (values only; formatting is not read and a warning says so).
RawTable load_xls(const std::string& source, const std::optional<std::string>& sheet, const Limits& limits = {});

}  // namespace plansheet
