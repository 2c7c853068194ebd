// A Word or OpenDocument table's cells with the authors' line breaks (normalise_table keep_line_breaks) and its
// layout in; line breaks kept only in body cells of running text, every other cell and label single-spaced.
#pragma once

#include "detect/layout.hpp"
#include "model/plan.hpp"

namespace plansheet {

// The roles whose cells keep their line breaks: action text, objectives, leads and partners (one name a line),
// progress updates and columns with no role. Ids, sections, dates, timescales, stages, statuses, RAG words, ticks
// and Gantt marks are values matched as a whole, so theirs become spaces, as do the header's, the title's and the
// key's. Cost: one look at each cell; nothing when no cell holds a line break.
void fold_line_breaks(RawTable& table, TableLayout& layout);

bool keeps_line_breaks(Role role);

}  // namespace plansheet
