// Reading inputs and writing outputs safely (see output_files.hpp).
#include "app/output_files.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <array>
#include <iterator>
#include <sstream>

#include "model/errors.hpp"
#include "model/limits.hpp"

namespace fs = std::filesystem;

namespace plansheet {

void refuse_to_overwrite_inputs(const std::string& output, const std::vector<std::string>& inputs) {
  std::error_code ec;
  for (const std::string& input : inputs) {
    if (input == "-") continue;
    if (fs::exists(output, ec) && fs::equivalent(output, input, ec))
      throw usage_error(fmt::format("{}: the output would overwrite the input {}; choose another -o path", output, input));
  }
}

std::string temporary_path_beside(const std::string& path) {
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  return (dir / fmt::format(".{}.{}.tmp", target.filename().string(), static_cast<long>(::getpid()))).string();
}

void commit_temporary(const std::string& temporary, const std::string& path) {
  std::error_code ec;
  fs::rename(temporary, path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    if (fs::is_directory(path, ignored))
      throw output_error(fmt::format("{}: is a folder; give a file name for the output", path));
    throw output_error(fmt::format("{}: cannot write ({}); check the folder exists and is writable", path, ec.message()));
  }
}

void write_file_atomically(const std::string& path, std::string_view content) {
  std::string temporary = temporary_path_beside(path);
  {
    std::FILE* f = std::fopen(temporary.c_str(), "wb");
    if (!f)
      throw output_error(fmt::format("{}: cannot write ({}); check the folder exists and is writable", path,
                                     std::strerror(errno)));
    bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size();
    ok = (std::fflush(f) == 0) && ok;
    int saved = errno;
    ok = (std::fclose(f) == 0) && ok;
    if (!ok) {
      std::error_code ec;
      fs::remove(temporary, ec);
      throw output_error(fmt::format("{}: write failed ({}); is the disk full?", path, std::strerror(saved ? saved : errno)));
    }
  }
  commit_temporary(temporary, path);
}

std::string read_input(const std::string& path, std::uint64_t max_bytes) {
  const Limits limits{.input_bytes = max_bytes};
  if (path == "-") {
    // Standard input in blocks, so a stream past the limit is refused as soon as it passes it.
    std::string bytes;
    std::array<char, 1 << 16> block;
    while (std::cin.read(block.data(), block.size()) || std::cin.gcount() > 0) {
      bytes.append(block.data(), static_cast<std::size_t>(std::cin.gcount()));
      check_input_size(path, bytes.size(), limits);
    }
    return bytes;
  }
  std::error_code ec;
  if (fs::is_directory(path, ec))
    throw input_error(fmt::format("{}: is a folder, not a file; use 'plansheet batch {} -d OUT_DIR' for folders", path, path));
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw input_error(fmt::format("{}: cannot read ({}); check the path and permissions", path, std::strerror(errno)));
  // One read of the whole file where its size is known (a regular file), so the buffer is the file's size.
  std::string bytes;
  const auto size = fs::is_regular_file(path, ec) ? fs::file_size(path, ec) : static_cast<std::uintmax_t>(-1);
  if (!ec && size != static_cast<std::uintmax_t>(-1)) {
    check_input_size(path, size, limits);  // before a byte is read
    bytes.resize(static_cast<std::size_t>(size));
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    in.clear(in.rdstate() & ~(std::ios::failbit | std::ios::eofbit));  // a file that shrank meanwhile: what was there
  }
  std::array<char, 1 << 16> block;  // the rest, or all of a pipe (a named pipe, a device), up to the limit
  while (in.read(block.data(), block.size()) || in.gcount() > 0) {
    bytes.append(block.data(), static_cast<std::size_t>(in.gcount()));
    check_input_size(path, bytes.size(), limits);
  }
  if (in.bad()) throw input_error(fmt::format("{}: read error; check the file", path));
  return bytes;
}

}  // namespace plansheet
