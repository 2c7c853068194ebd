// libFuzzer target: bytes as a pasted table (.txt) through the whole pipeline; checks the no-loss ledger, the JSON
// export and the workbook layout on every input that yields a plan.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include "ledger.hpp"
#include "load_text.hpp"
#include "pipeline.hpp"

using namespace plansheet;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string name = "fuzz-input.txt";
  // Zip and OLE bytes are workbooks whatever the name says; the xlsx targets cover those.
  if (detect_input_kind(name, bytes) != InputKind::paste) return 0;
  Plan plan;
  try {
    plan = run(name, bytes, Options{});
  } catch (const Error& e) {
    fuzz::check_error(e, exit_input);
    return 0;
  }
  fuzz::check_outputs(plan);
  const std::string lost = ledger::missing(load_text(name, bytes).lines, plan);
  if (!lost.empty()) fuzz::fail("ledger: input text lost", lost);
  return 0;
}
