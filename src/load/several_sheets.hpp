// --sheet NAME given more than once: several sheets of one workbook (one per theme, say) in, one table out, each
// sheet's rows under a heading row holding the sheet's name, so that the name is the section of its actions
// wherever the sheet names none of its own.
#pragma once

#include <string>
#include <vector>

#include "model/plan.hpp"

namespace plansheet {

// `tables` in the order the sheets were named; the first keeps its title and header, the others' title and header
// rows are set aside as header rows (in `removed`). Gives the joined table; its `sheet` names every sheet.
RawTable join_sheets(std::vector<RawTable> tables);

}  // namespace plansheet
