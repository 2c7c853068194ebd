// Stage: load an OpenDocument spreadsheet (.ods) into a RawTable of the sheet holding the action table.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/limits.hpp"
#include "model/plan.hpp"

namespace plansheet {

// `sheet` forces the sheet; otherwise the sheets are scored as an XLSX workbook's are and the choice noted. Throws
// Error(exit_input) for a broken or hostile file, Error(exit_usage) for a --sheet it does not hold. Hidden rows and
// columns are private, as in a workbook: left out and counted unless `keep_hidden`.
RawTable load_ods(const std::string& source, std::string_view bytes, const std::optional<std::string>& sheet,
                  const Limits& limits = {}, bool keep_hidden = false);

}  // namespace plansheet
