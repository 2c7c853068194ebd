// Stage (spreadsheets only): formatting that carries data. Once the columns have roles, a colour-only RAG cell
// gets its word, a coloured Gantt cell marks its period, and fill colours elsewhere are not taken as ratings.
#pragma once

#include "model/plan.hpp"
#include "detect/layout.hpp"

namespace plansheet {

void apply_cell_formats(RawTable& table, const TableLayout& layout);

}  // namespace plansheet
