// libFuzzer target: bytes as a pasted table (.txt) through the whole pipeline; checks the no-loss ledger, the JSON
// export and the workbook layout on every input that yields a plan.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include "ledger.hpp"
#include "load/input_format.hpp"
#include "load/paste/load_text.hpp"
#include "load/normalise.hpp"
#include "pipeline.hpp"
#include "detect/dialect.hpp"

using namespace plansheet;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string name = "fuzz-input.txt";
  // Zip and OLE bytes are workbooks whatever the name says; the xlsx targets cover those.
  if (detect_input_kind(name, bytes) != InputKind::paste) return 0;
  std::optional<Plan> converted = fuzz::run_checked(name, bytes);
  if (!converted) return 0;
  const Plan& plan = *converted;
  // A markdown table's pipes are cell borders, like tabs: layout, not text.
  SourceText decoded = load_text(name, bytes);
  SourceText normalised = decoded;
  normalise(normalised);
  const char32_t separator = sniff(normalised.lines).separator == Separator::markdown ? U'|' : 0;
  const std::string lost = ledger::missing(decoded.lines, plan, separator);
  if (!lost.empty() && fuzz::ledger_checked()) fuzz::fail("ledger: input text lost", lost);
  return 0;
}
