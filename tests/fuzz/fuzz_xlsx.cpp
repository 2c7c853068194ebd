// libFuzzer target: raw bytes as an .xlsx file (the zip container itself: directory, local headers, CRCs),
// through load_xlsx and then the rest of the pipeline and the exports.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include "load/load_spreadsheet.hpp"
#include "pipeline.hpp"

using namespace plansheet;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)fuzz::run_checked("fuzz-input.xlsx", bytes);  // as `convert` runs it: load, normalise, clean
  return 0;
}
