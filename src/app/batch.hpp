// `plansheet batch`: every supported file under folders (recursively) or in a list, converted in parallel into
// OUT_DIR with the same relative paths; carries on past bad files and reports each file's outcome.
#pragma once

#include <string>
#include <vector>

#include "pipeline.hpp"

namespace plansheet {

struct BatchRequest {
  std::vector<std::string> inputs;  // folders and/or files
  std::string out_dir;
  int jobs = 0;                     // files converted at once; 0: one per core
  bool json = false;                // also write <name>.json beside each workbook
  Options options;
  bool quiet = false;               // no progress and no printed table (the report files are still written)
};

// Converts every input, prints progress on stderr and the summary table on stdout, and writes
// OUT_DIR/batch-report.csv and OUT_DIR/batch-report.xlsx. Returns the process exit code: 0 when every file
// converted, 1 when any was skipped or failed. Throws Error when there is nothing to do or OUT_DIR or the report
// cannot be written.
int run_batch(const BatchRequest& request);

// The supported input files under the given folders/files, in a stable order, with their paths relative to the
// folder they were found in (a file given directly is relative to its own folder).
struct BatchInput {
  std::string path;
  std::string relative;
};
std::vector<BatchInput> collect_batch_inputs(const std::vector<std::string>& inputs);

}  // namespace plansheet
