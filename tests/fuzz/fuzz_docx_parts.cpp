// libFuzzer target: a Word document given as its parts ("@@ word/document.xml" then the part's bytes; see
// zip_parts.hpp), zipped in memory and read by load_docx and the pipeline as `convert` runs them; the exports are
// checked as in the other targets. The document part is always there, so every input reaches the DOCX reader.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include "zip_parts.hpp"

using namespace plansheet;
using namespace plansheet::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  auto parts = split_parts(input);
  if (parts.empty()) return 0;
  bool has_document = false;
  for (const auto& part : parts) has_document = has_document || part.first == "word/document.xml";
  if (!has_document) parts.emplace_back("word/document.xml", std::string_view());
  const std::string bytes = zip_parts(parts);
  if (bytes.empty()) return 0;
  (void)fuzz::run_checked("fuzz-input.docx", bytes);
  return 0;
}
