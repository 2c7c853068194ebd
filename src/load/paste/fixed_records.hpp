// Stage 4 for fixed-width text: lines and their column grid in, one row per record (each column's wrapped
// fragments joined into one cell, each join logged
// as a `continuation` repair) out, added to the table.
#pragma once

#include "detect/fixed_width.hpp"
#include "load/paste/load_text.hpp"
#include "model/plan.hpp"

namespace plansheet {

void read_fixed_width(const SourceText& text, const ColumnGrid& grid, RawTable& table);

// Joins a wrapped cell's next fragment: with a space, or straight on after a hyphen that ends a word part
// ("low-" + "carbon").
void append_fragment(std::string& cell, std::string_view fragment);

}  // namespace plansheet
