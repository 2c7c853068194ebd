// One input to its outputs (see convert.hpp). JSON and CSV go through the same atomic writer as the workbook.
#include "convert.hpp"

#include <filesystem>

#include "emit_csv.hpp"
#include "emit_json.hpp"
#include "output_files.hpp"
#include "xlsx_writer.hpp"

namespace fs = std::filesystem;

namespace plansheet {

std::string default_output_path(const std::string& input, const std::string& folder) {
  std::string stem = input == "-" ? "pasted" : fs::path(input).stem().string();
  if (stem.empty()) stem = "plan";
  return (fs::path(folder) / (stem + ".xlsx")).string();
}

Plan convert_file(const ConvertRequest& request) {
  for (const std::string* out : {&request.xlsx_out, &request.json_out, &request.csv_out})
    if (!out->empty()) refuse_to_overwrite_inputs(*out, {request.input});
  // The input's bytes are freed once they are cells: a large input is not held while it is cleaned and written.
  RawTable table = [&] {
    const std::string bytes = read_input(request.input);
    return load_table(request.input, bytes, request.options);
  }();
  Plan plan = run_table(std::move(table), request.options);
  if (!request.json_out.empty()) write_file_atomically(request.json_out, emit_json(plan));
  if (!request.csv_out.empty()) write_file_atomically(request.csv_out, emit_csv(plan));
  if (!request.xlsx_out.empty()) xlsx::write_workbook(plan, request.xlsx_out);
  return plan;
}

}  // namespace plansheet
