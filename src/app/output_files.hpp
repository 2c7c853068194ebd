// Writing outputs safely: to a temporary file beside the target, then renamed into place, so a failure never
// leaves a half-written file; never onto an input. Errors become Error(exit_output) with a one-line message.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/limits.hpp"

namespace plansheet {

// Throws Error(exit_usage) when `output` is one of `inputs` (also through links).
void refuse_to_overwrite_inputs(const std::string& output, const std::vector<std::string>& inputs);

// Writes `content` to `path` atomically.
void write_file_atomically(const std::string& path, std::string_view content);

// A temporary path beside `path` for writers that need a file name (libxlsxwriter), and the rename that commits it.
std::string temporary_path_beside(const std::string& path);
void commit_temporary(const std::string& temporary, const std::string& path);

// Reads a whole input file (or standard input for "-"); throws Error(exit_input) with what, where and what to do,
// and before reading past `max_bytes` (the limit on input size).
std::string read_input(const std::string& path, std::uint64_t max_bytes = Limits{}.input_bytes);

}  // namespace plansheet
