// Reading parts of an XLSX (zip) package from memory with libzip, with limits that stop zip bombs.
// Takes the file's bytes; returns decompressed parts or throws Error(exit_input) naming the file and part.
#include "load/xlsx/read_zip.hpp"

#include <zip.h>

#include <vector>

#include "model/errors.hpp"

namespace plansheet::detail {

namespace {

[[noreturn]] void fail_unreadable(const std::string& source, const std::string& why) {
  throw input_error(source + ": not a readable XLSX workbook (zip: " + why +
                    "); re-save it from Excel or export CSV");
}

std::string mib(std::uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

}  // namespace

ZipPackage::ZipPackage(std::string source, std::string_view bytes, ZipLimits limits)
    : source_(std::move(source)), limits_(limits) {
  if (bytes.size() < 4 || bytes.substr(0, 2) != "PK") fail_unreadable(source_, "no zip signature");
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (src == nullptr) {
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    fail_unreadable(source_, why);
  }
  // ZIP_CHECKCONS catches archives whose central directory disagrees with the local headers (truncation).
  archive_ = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (archive_ == nullptr) {
    zip_source_free(src);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    fail_unreadable(source_, why);
  }
  zip_error_fini(&error);
}

ZipPackage::~ZipPackage() {
  if (archive_ != nullptr) zip_discard(archive_);
}

bool ZipPackage::has(const std::string& part) const {
  return zip_name_locate(archive_, part.c_str(), ZIP_FL_NOCASE) >= 0;
}

std::string ZipPackage::read(const std::string& part) {
  std::string out;
  stream(part, [&out](std::string_view chunk) { out.append(chunk); });
  return out;
}

void ZipPackage::stream(const std::string& part, const std::function<void(std::string_view)>& sink) {
  zip_int64_t index = zip_name_locate(archive_, part.c_str(), ZIP_FL_NOCASE);
  if (index < 0) {
    throw input_error(source_ + ": the workbook has no part '" + part +
                      "' (damaged or not saved by a spreadsheet program); re-save it from Excel or export CSV");
  }
  const auto idx = static_cast<zip_uint64_t>(index);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(archive_, idx, 0, &st) != 0) fail_unreadable(source_, "cannot stat part '" + part + "'");
  const std::string bomb = source_ + ": part '" + part + "' ";
  const std::string advice = "; refusing to read it (a zip bomb?) — re-save the workbook from Excel or export CSV";
  // Declared sizes first (cheap); the actual bytes are counted again below because headers can lie.
  if ((st.valid & ZIP_STAT_SIZE) != 0 && st.size > limits_.max_part) {
    throw input_error(bomb + "would expand to " + mib(st.size) + ", over the " + mib(limits_.max_part) + " limit" + advice);
  }
  std::uint64_t compressed = (st.valid & ZIP_STAT_COMP_SIZE) != 0 ? st.comp_size : 0;
  if ((st.valid & ZIP_STAT_SIZE) != 0 && st.size > limits_.ratio_floor && st.size / (compressed + 1) > limits_.max_ratio) {
    throw input_error(bomb + "has a compression ratio over " + std::to_string(limits_.max_ratio) + ":1" + advice);
  }
  zip_file_t* file = zip_fopen_index(archive_, idx, 0);
  if (file == nullptr) {
    fail_unreadable(source_, "cannot open part '" + part + "': " + zip_error_strerror(zip_get_error(archive_)));
  }
  std::vector<char> buffer(64 * 1024);
  std::uint64_t part_read = 0;
  for (;;) {
    zip_int64_t n = zip_fread(file, buffer.data(), buffer.size());
    if (n < 0) {
      std::string why = zip_error_strerror(zip_file_get_error(file));
      zip_fclose(file);
      fail_unreadable(source_, "part '" + part + "': " + why);
    }
    if (n == 0) break;
    part_read += static_cast<std::uint64_t>(n);
    total_read_ += static_cast<std::uint64_t>(n);
    const char* over = nullptr;
    if (part_read > limits_.max_part) over = "expands past the per-part limit";
    else if (total_read_ > limits_.max_total) over = "takes the workbook past its total size limit";
    else if (part_read > limits_.ratio_floor && part_read / (compressed + 1) > limits_.max_ratio)
      over = "expands past the compression-ratio limit";
    if (over != nullptr) {
      zip_fclose(file);
      throw input_error(bomb + over + " (" + mib(part_read) + " read)" + advice);
    }
    try {
      sink(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
    } catch (...) {
      zip_fclose(file);
      throw;
    }
  }
  zip_fclose(file);
}

std::string resolve_part(const std::string& owner_part, const std::string& target) {
  std::string path;
  if (!target.empty() && target.front() == '/') {
    path = target.substr(1);
  } else {
    auto slash = owner_part.rfind('/');
    path = (slash == std::string::npos ? std::string() : owner_part.substr(0, slash + 1)) + target;
  }
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string seg = path.substr(start, end - start);
    if (seg == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!seg.empty() && seg != ".") {
      segments.push_back(seg);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& seg : segments) {
    if (!out.empty()) out += '/';
    out += seg;
  }
  return out;
}

}  // namespace plansheet::detail
