// --table-start C6: a table and the options in; the cells left of the table's first column dropped from its rows
// on (they hold notes beside the table, not the plan), and the options with its first line as the header's.
#pragma once

#include "model/plan.hpp"
#include "pipeline.hpp"

namespace plansheet {

// The options to detect with: `options` with header_row set to the start's line unless one is given. Cells keep
// their source positions, so repairs still name the cells of the source; --roles counts from the table's first
// column.
Options apply_table_start(RawTable& table, const Options& options);

}  // namespace plansheet
