// libFuzzer target: an OpenDocument spreadsheet given as its parts ("@@ content.xml" then the part's bytes; see
// zip_parts.hpp), zipped in memory behind the stored `mimetype` entry that marks the package as ODS, then read by
// load_ods and the pipeline as `convert` runs them; the exports are checked as in the other targets.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fuzz_common.hpp"
#include "zip_parts.hpp"

using namespace plansheet;
using namespace plansheet::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::pair<std::string, std::string_view>> parts = {
      {"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}};
  for (auto& part : split_parts(input))
    if (part.first != "mimetype") parts.push_back(std::move(part));
  if (parts.size() == 1) return 0;
  const std::string bytes = zip_parts(parts);
  if (bytes.empty()) return 0;
  (void)fuzz::run_checked("fuzz-input.ods", bytes);
  return 0;
}
