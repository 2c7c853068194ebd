// libFuzzer target: a workbook given as its parts, so mutations reach the XML readers instead of dying on a zip
// CRC. Input: parts, each a line "@@ part/name.xml" followed by the part's bytes (tests/fuzz/make_corpus.py
// writes the fixtures this way). The parts are zipped in memory with libzip, then read by load_xlsx and the
// pipeline; the exports are checked as in the other targets.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fuzz_common.hpp"
#include "zip_parts.hpp"
#include "load/load_spreadsheet.hpp"
#include "pipeline.hpp"

using namespace plansheet;
using namespace plansheet::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto parts = split_parts(input);
  if (parts.empty()) return 0;
  const std::string bytes = zip_parts(parts);
  if (bytes.empty()) return 0;
  (void)fuzz::run_checked("fuzz-input.xlsx", bytes);  // as `convert` runs it: load, normalise, clean
  return 0;
}
