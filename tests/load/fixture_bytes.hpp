// A fixture file's bytes, by its path under tests/: the loader tests read their inputs through this one helper.
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace plansheet::testing {

inline std::string read_bytes(const std::string& relative) {
  std::ifstream in(std::string(PLANSHEET_SOURCE_DIR) + "/tests/" + relative, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing fixture " << relative);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace plansheet::testing
