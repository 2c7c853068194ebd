// Stage: load a Word document (.docx) into a RawTable: the tables holding the action plan, read as one.
// The only place that knows how a Word package is laid out; the XML readers are in document_reader.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/limits.hpp"
#include "model/plan.hpp"

namespace plansheet {

// The tables that share the best-scoring header, as one grid (or table `table_number`, 1-based, alone); notes name
// the tables left out and the tracked changes taken. Throws Error(exit_input) for a broken or hostile file or a
// document with no table, Error(exit_usage) for a --table past the last.
RawTable load_docx(const std::string& source, std::string_view bytes, std::optional<int> table_number,
                   const Limits& limits = {});

}  // namespace plansheet
