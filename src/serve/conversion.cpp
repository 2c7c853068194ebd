// The conversion of one upload (conversion.hpp), through the same pipeline and exports as `plansheet convert`.
#include "serve/conversion.hpp"

#include <fstream>
#include <iterator>
#include <sstream>

#include "export/emit_csv.hpp"
#include "export/emit_json.hpp"
#include "load/input_format.hpp"
#include "model/errors.hpp"
#include "serve/private_dir.hpp"
#include "xlsx/writer.hpp"

namespace plansheet::serve {
namespace {

std::string read_whole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  if (!in && !in.eof()) throw output_error("cannot read back the workbook just written; check the server's TMPDIR");
  return out.str();
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

}  // namespace

Reading read_upload(const Upload& upload, const Options& options) {
  Reading reading;
  // The old binary Excel reader (freexl) opens a path, not bytes: such an upload goes to a private temporary file
  // under the server's own name, and the messages and the JSON name the upload instead.
  if (detect_input_kind(upload.name, upload.bytes) != InputKind::xls) {
    reading.plan = run(upload.name, upload.bytes, options, &reading.trace);
    return reading;
  }
  PrivateDir dir;
  const std::string path = dir.file("upload.xls");
  {
    std::ofstream out(path, std::ios::binary);
    out.write(upload.bytes.data(), static_cast<std::streamsize>(upload.bytes.size()));
    if (!out) throw output_error("cannot keep the upload for reading; check the server's TMPDIR");
  }
  try {
    reading.plan = run(path, upload.bytes, options, &reading.trace);
  } catch (const Error& e) {
    std::string message = e.what();
    replace_all(message, path, upload.name);
    throw Error(e.code(), message);
  }
  reading.plan.source = upload.name;
  for (Diagnostic& warning : reading.plan.warnings) replace_all(warning.message, path, upload.name);
  return reading;
}

std::string download_bytes(const Plan& plan, Download kind) {
  if (kind == Download::json) return emit_json(plan);
  if (kind == Download::csv) return emit_csv(plan);
  PrivateDir dir;  // the writer needs a path; the folder and the workbook are gone when this returns
  const std::string path = dir.file("plan.xlsx");
  xlsx::write_workbook(plan, path);
  return read_whole(path);
}

}  // namespace plansheet::serve
