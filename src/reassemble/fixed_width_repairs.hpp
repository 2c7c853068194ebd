// The fixed-width reader's `continuation` repairs (a wrapped cell joined, logged by the loader with its column)
// in, each named by its column's role once the layout is known, as a paste's continuation repairs are.
#pragma once

#include "detect/layout.hpp"
#include "model/plan.hpp"

namespace plansheet {

void name_joined_cells(RawTable& table, const TableLayout& layout);

}  // namespace plansheet
