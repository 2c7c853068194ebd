// libFuzzer target: the PDF reader's step from words with boxes to a table (load_pdf_pages: pages_to_text, the
// tables told apart and one chosen, then the paste reader and the pipeline). Input: lines "PAGE X0 Y0 X1 Y1 TEXT" (numbers in points; make_corpus.py writes the words of
// the PDF fixtures this way); a line that does not parse is skipped. The exports are checked as in the other
// targets.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.hpp"
#include "load/input_format.hpp"
#include "load/pdf/load_pdf.hpp"
#include "load/pdf/page_text.hpp"
#include "pipeline.hpp"

using namespace plansheet;

namespace {

// Reads one number (strtod, on a bounded copy); false when there is none.
bool take_number(std::string_view& line, double& out) {
  while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
  std::string token(line.substr(0, line.find(' ')).substr(0, 32));
  char* end = nullptr;
  out = std::strtod(token.c_str(), &end);
  if (end == token.c_str()) return false;
  line.remove_prefix(static_cast<std::size_t>(end - token.c_str()));
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<detail::PdfPage> pages;
  while (!input.empty()) {
    std::size_t newline = input.find('\n');
    std::string_view line = input.substr(0, newline);
    input.remove_prefix(newline == std::string_view::npos ? input.size() : newline + 1);
    double page = 0;
    detail::PdfWord word;
    if (!take_number(line, page) || !take_number(line, word.x0) || !take_number(line, word.y0) ||
        !take_number(line, word.x1) || !take_number(line, word.y1))
      continue;
    if (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    word.text = std::string(line);
    const int number = page >= 1 && page < 50 ? static_cast<int>(page) : 1;
    if (pages.empty() || pages.back().number != number) pages.push_back({number, {}});
    pages.back().words.push_back(std::move(word));
  }
  if (pages.empty()) return 0;
  // The PDF loader's own steps after poppler: lines, tables told apart and one chosen, each read as a paste.
  const Options options;
  const std::string name = "fuzz-input.pdf";
  Plan plan;
  try {
    RawTable table = load_pdf_pages(name, pages, options, nullptr, [&](std::string_view text, RunTrace* trace) {
      return detect_input_format("fuzz-input.txt", text).load(name, text, options, trace);
    });
    plan = run_table(std::move(table), options);
  } catch (const Error& e) {
    fuzz::check_error(e, exit_input);
    return 0;
  }
  fuzz::check_outputs(plan);
  return 0;
}
