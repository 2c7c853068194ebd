// A zip package given as its parts, for the fuzz targets that reach a package's XML readers (XLSX, DOCX, ODS)
// instead of dying on a zip CRC: "@@ part/name" lines, each followed by the part's bytes, zipped in memory by libzip.
#pragma once

#include <zip.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plansheet::fuzz {


inline std::vector<std::pair<std::string, std::string_view>> split_parts(std::string_view input) {
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
inline std::string zip_parts(const std::vector<std::pair<std::string, std::string_view>>& parts) {
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

}  // namespace plansheet::fuzz
