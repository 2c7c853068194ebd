// `plansheet batch`: collect inputs, convert each, report. Files are independent, so a bad one never stops the rest.
#include "batch.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "convert.hpp"
#include "errors.hpp"
#include "text_span.hpp"

namespace fs = std::filesystem;

namespace plansheet {
namespace {

bool supported(const fs::path& p) {
  std::string ext = ascii_lower(p.extension().string());
  return ext == ".txt" || ext == ".tsv" || ext == ".csv" || ext == ".xlsx" || ext == ".xls" || ext == ".md";
}

}  // namespace

std::vector<BatchInput> collect_batch_inputs(const std::vector<std::string>& inputs) {
  std::vector<BatchInput> found;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
      std::vector<BatchInput> here;
      for (auto it = fs::recursive_directory_iterator(input, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && supported(it->path()))
          here.push_back({it->path().string(), fs::relative(it->path(), input, ec).string()});
      }
      std::sort(here.begin(), here.end(), [](const BatchInput& a, const BatchInput& b) { return a.relative < b.relative; });
      found.insert(found.end(), here.begin(), here.end());
    } else {
      found.push_back({input, fs::path(input).filename().string()});
    }
  }
  return found;
}

int run_batch(const BatchRequest& request) {
  std::vector<BatchInput> inputs = collect_batch_inputs(request.inputs);
  if (inputs.empty()) throw input_error("batch: no .txt, .tsv, .csv, .xlsx or .xls files found in the given inputs");
  int failed = 0;
  for (const BatchInput& in : inputs) {
    fs::path out = fs::path(request.out_dir) / in.relative;
    out.replace_extension(".xlsx");
    std::error_code ec;
    fs::create_directories(out.parent_path(), ec);
    ConvertRequest convert{in.path, out.string(), "", "", request.options};
    if (request.json) convert.json_out = fs::path(out).replace_extension(".json").string();
    try {
      Plan plan = convert_file(convert);
      std::printf("%s\n", fmt::format("{}: {} actions, {} repairs, {} warnings -> {}", in.path, plan.actions.size(),
                                      plan.repairs.size(), plan.warnings.size(), out.string()).c_str());
    } catch (const Error& e) {
      ++failed;
      std::printf("%s\n", fmt::format("{}: skipped: {}", in.path, e.what()).c_str());
    }
  }
  std::printf("%s\n", fmt::format("batch: {} of {} files converted", inputs.size() - static_cast<std::size_t>(failed),
                                  inputs.size()).c_str());
  return failed ? exit_doubts : exit_ok;
}

}  // namespace plansheet
