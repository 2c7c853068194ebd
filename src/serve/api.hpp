// The JSON API's pieces that need no HTTP: request fields to reading options (the command line's long flag names
// without the dashes), a reading to the /api/read answer, and errors to an HTTP status and a one-line message.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "pipeline.hpp"
#include "serve/conversion.hpp"

namespace plansheet::serve {

// A form field as the client sent it: its name, its value, and the file name when it is a file part.
struct Field {
  std::string name;
  std::string value;
  std::string filename;
  bool is_file = false;
};

// The fields the API reads itself, besides the reading options.
struct ApiRequest {
  Upload upload;
  Options options;
  std::string format = "xlsx";  // /api/export: xlsx, json or csv
};

// Throws usage_error with the message an officer reads: a missing plan, an unknown or bad option.
ApiRequest parse_fields(const std::vector<Field>& fields, std::uint64_t max_upload);

// {"plan": <the JSON export>, "explain": {...}} (README, "The API").
std::string read_answer(const Reading& reading);

// An Error's exit code as an HTTP status: bad usage 400, unreadable or unusable input 422, the rest 500.
int http_status(int exit_code);
// {"error": "<message>"} with a trailing newline.
std::string error_body(const std::string& message);

}  // namespace plansheet::serve
