// libFuzzer target: bytes as a CSV file, first through load_csv alone, then through the whole pipeline; checks
// that every decoded cell's text reaches the plan (the ledger), the JSON export and the workbook layout.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.hpp"
#include "ledger.hpp"
#include "load/input_format.hpp"
#include "load/load_spreadsheet.hpp"
#include "pipeline.hpp"

using namespace plansheet;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string name = "fuzz-input.csv";
  if (detect_input_kind(name, bytes) != InputKind::csv) return 0;
  std::vector<std::string> cells;
  try {
    RawTable table = load_csv(name, bytes);
    for (const Row& row : table.rows)
      for (const Cell& cell : row.cells) cells.push_back(cell.text);
    for (const Removal& r : table.removed) cells.push_back(r.text);
  } catch (const Error& e) {
    fuzz::check_error(e, exit_input);
  }
  std::optional<Plan> converted = fuzz::run_checked(name, bytes);
  if (!converted) return 0;
  const Plan& plan = *converted;
  const std::string lost = ledger::missing(cells, plan);
  if (!lost.empty() && fuzz::ledger_checked()) fuzz::fail("ledger: cell text lost", lost);
  return 0;
}
