// One XLSX worksheet part to a RawTable: rows and cells with their displayed text, fill colour as a RAG word,
// struck-through runs, merges (filled down when one column wide), hidden rows and columns, page breaks.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "load/sheet_grid.hpp"
#include "load/xlsx/read_style.hpp"
#include "load/xlsx/read_zip.hpp"
#include "load/xlsx/rich_text.hpp"
#include "model/limits.hpp"
#include "model/plan.hpp"

namespace plansheet::detail {

// What every sheet of one workbook shares while it is read.
struct WorkbookContext {
  std::string source;
  const StyleTable* styles = nullptr;
  const std::vector<RichText>* shared = nullptr;
  bool date1904 = false;
  // The limits (model/limits.hpp), and the text the sheets read so far hold: a shared string used by many cells
  // unfolds once per cell, so a small workbook can hold gigabytes of text; reading stops at the limit.
  const Limits* limits = nullptr;
  std::uint64_t* expanded = nullptr;
  // Hidden rows and columns are read too (--keep-hidden); else they are private and left out of the table.
  bool keep_hidden = false;
};

struct SheetTable {
  RawTable table;
  std::vector<DecimalCell> decimals;
};

// Reads the worksheet part `part` (named `sheet_name` in the workbook) into a table of its cells.
SheetTable read_worksheet(ZipPackage& package, const WorkbookContext& ctx, const std::string& part,
                          const std::string& sheet_name);

}  // namespace plansheet::detail
