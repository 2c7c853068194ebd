// A workbook plansheet wrote, read back: its Key sheet's rows in; the plan's own key as the sheet keeps it out
// (see own_key_sheet_name in model/plan.hpp for the columns).
#pragma once

#include <vector>

#include "model/plan.hpp"

namespace plansheet::detail {

// The entries of the rows whose kind column names a kind, in sheet order; rows without one (the workbook's own
// headings and colour key) are left out. Read with hidden columns kept.
std::vector<LegendEntry> own_key_entries(const RawTable& key_sheet);

}  // namespace plansheet::detail
