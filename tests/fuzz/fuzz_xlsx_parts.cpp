// libFuzzer target: a workbook given as its parts, so mutations reach the XML readers instead of dying on a zip
// CRC. Input: parts, each a line "@@ part/name.xml" followed by the part's bytes (tests/fuzz/make_corpus.py
// writes the fixtures this way). The parts are zipped in memory with libzip, then read by load_xlsx and the
// pipeline; the exports are checked as in the other targets.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fuzz_common.hpp"
#include "load/load_spreadsheet.hpp"
#include "pipeline.hpp"

using namespace plansheet;

namespace {

std::vector<std::pair<std::string, std::string_view>> split_parts(std::string_view input) {
  std::vector<std::pair<std::string, std::string_view>> parts;
  constexpr std::string_view marker = "@@ ";
  std::size_t at = input.substr(0, marker.size()) == marker ? 0 : input.find("\n@@ ");
  while (at != std::string_view::npos) {
    std::size_t name_start = at + (input[at] == '\n' ? 1 : 0) + marker.size();
    std::size_t name_end = input.find('\n', name_start);
    if (name_end == std::string_view::npos) break;
    std::size_t next = input.find("\n@@ ", name_end);
    std::size_t content_end = next == std::string_view::npos ? input.size() : next;
    parts.emplace_back(std::string(input.substr(name_start, name_end - name_start)),
                       input.substr(name_end + 1, content_end - name_end - 1));
    at = next;
  }
  return parts;
}

// The parts as a stored (uncompressed) zip in memory; empty when libzip refuses a name.
std::string zip_parts(const std::vector<std::pair<std::string, std::string_view>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) return {};
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) {
    zip_source_free(buffer);
    zip_error_fini(&error);
    return {};
  }
  for (const auto& [name, content] : parts) {
    zip_source_t* part = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (!part) continue;
    zip_int64_t index = zip_file_add(archive, name.c_str(), part, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(part);
      continue;
    }
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  std::string bytes;
  if (zip_close(archive) != 0) {
    zip_discard(archive);
  } else if (zip_source_open(buffer) == 0) {
    zip_source_seek(buffer, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(buffer);
    zip_source_seek(buffer, 0, SEEK_SET);
    if (size > 0) {
      bytes.resize(static_cast<std::size_t>(size));
      zip_int64_t got = zip_source_read(buffer, bytes.data(), static_cast<zip_uint64_t>(size));
      bytes.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
    }
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto parts = split_parts(input);
  if (parts.empty()) return 0;
  const std::string bytes = zip_parts(parts);
  if (bytes.empty()) return 0;
  (void)fuzz::run_checked("fuzz-input.xlsx", bytes);  // as `convert` runs it: load, normalise, clean
  return 0;
}
