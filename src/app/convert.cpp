// One input to its outputs (see convert.hpp). JSON and CSV go through the same atomic writer as the workbook.
#include "app/convert.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <iterator>
#include <utility>

#include "export/emit_csv.hpp"
#include "export/emit_json.hpp"
#include "model/errors.hpp"
#include "app/output_files.hpp"
#include "xlsx/writer.hpp"

namespace fs = std::filesystem;

namespace plansheet {

std::string default_output_path(const std::string& input, const std::string& folder) {
  std::string stem = input == "-" ? "pasted" : fs::path(input).stem().string();
  if (stem.empty()) stem = "plan";
  return (fs::path(folder) / (stem + ".xlsx")).string();
}

namespace {

// The file a path names, however it is spelt ("plan.xlsx", "./plan.xlsx", a link to it).
fs::path resolved(const std::string& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec) return fs::path(path).lexically_normal();
  fs::path canonical = fs::weakly_canonical(absolute, ec);
  return ec ? absolute.lexically_normal() : canonical;
}

// Two outputs at one path: the one written last would silently replace the other.
void refuse_one_path_for_two_outputs(const ConvertRequest& request) {
  const std::pair<const char*, const std::string*> outputs[] = {
      {"-o", &request.xlsx_out}, {"--json", &request.json_out}, {"--csv", &request.csv_out}};
  for (std::size_t a = 0; a < std::size(outputs); ++a)
    for (std::size_t b = a + 1; b < std::size(outputs); ++b) {
      const std::string& path = *outputs[a].second;
      if (path.empty() || outputs[b].second->empty()) continue;
      if (resolved(path) == resolved(*outputs[b].second))
        throw usage_error(fmt::format("{}: given for both {} and {}; give each output its own file", path,
                                      outputs[a].first, outputs[b].first));
    }
}

}  // namespace

Plan convert_file(const ConvertRequest& request) {
  for (const std::string* out : {&request.xlsx_out, &request.json_out, &request.csv_out})
    if (!out->empty()) refuse_to_overwrite_inputs(*out, {request.input});
  refuse_one_path_for_two_outputs(request);
  // The input's bytes are freed once they are cells: a large input is not held while it is cleaned and written.
  RawTable table = [&] {
    const std::string bytes = read_input(request.input, request.options.limits.input_bytes);
    return load_table(request.input, bytes, request.options);
  }();
  Plan plan = run_table(std::move(table), request.options);
  // The exports go first: when one cannot be written, no workbook is left behind to be taken for a whole run.
  // "-" is standard output, as for the input.
  auto write = [](const std::string& path, const std::string& text) {
    if (path != "-") return write_file_atomically(path, text);
    std::fwrite(text.data(), 1, text.size(), stdout);
    if (std::fflush(stdout) != 0) throw output_error("standard output: write failed; is the pipe closed?");
  };
  if (!request.json_out.empty()) write(request.json_out, emit_json(plan));
  if (!request.csv_out.empty()) write(request.csv_out, emit_csv(plan));
  if (!request.xlsx_out.empty()) xlsx::write_workbook(plan, request.xlsx_out, *xlsx::paper_of(request.options.paper));
  return plan;
}

}  // namespace plansheet
