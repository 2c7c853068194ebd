// A workbook plansheet wrote, read back: the reference its defined name plansheet_title_block holds and the chosen
// sheet's table in; the table with that title block's rows set aside (its title row kept and marked) out.
#pragma once

#include <string_view>

#include "model/plan.hpp"

namespace plansheet::detail {

// Sets aside, as letterhead, the rows the reference spans on the table's sheet after the first, and records the
// first as the table's own title line. Does nothing when the reference names another sheet or cannot be read.
void set_aside_own_title_block(RawTable& table, std::string_view reference);

}  // namespace plansheet::detail
