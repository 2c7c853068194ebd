// One request's conversion: uploaded bytes and reading options in, the Plan and what detection decided out; and the
// Plan to the bytes of each download (workbook, JSON, CSV). Nothing the client sends becomes a path.
#pragma once

#include <string>

#include "pipeline.hpp"

namespace plansheet::serve {

struct Upload {
  std::string name;   // the client's file name with any folders stripped, shown in messages and the JSON only
  std::string bytes;  // the file or the pasted text
};

struct Reading {
  Plan plan;
  RunTrace trace;
};

// Throws Error as the command line does (exit_usage, exit_input, ...), with the upload's name in the message.
Reading read_upload(const Upload& upload, const Options& options);

enum class Download { xlsx, json, csv };
std::string download_bytes(const Plan& plan, Download kind);

}  // namespace plansheet::serve
