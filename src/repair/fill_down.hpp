// Fill-down of a section column: the drafts, the layout and the plan's actions in; each blank section cell under a
// filled one given that section, logged as a repair per cell.
#pragma once

#include "detect/layout.hpp"
#include "reassemble/reassemble.hpp"

namespace plansheet {

// A theme column written only on each theme's first row (as vertically merged cells export) means "same as above"
// in its blank cells. Filled down only with that evidence: the column is the section column, the blank rows are
// action rows after a filled one, and the filled cells change from one to the next (a column written out on every
// row whose few blanks are really empty is left alone).
void fill_down_sections(const Reassembled& drafts, const TableLayout& layout, Plan& plan);

}  // namespace plansheet
