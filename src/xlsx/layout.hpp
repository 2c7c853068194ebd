// Stage: lay the workbook out. A built Plan in, a WorkbookModel out (Actions, Summary, Repairs, Key sheets as
// plain cells, styles, widths, merges, notes, dropdowns and conditional rules). No files, no libxlsxwriter.
#pragma once

#include "xlsx/print_fit.hpp"
#include <string>
#include <string_view>
#include <vector>

#include "model/plan.hpp"
#include "xlsx/measure.hpp"  // the text measures the layout counts with (detail::)
#include "xlsx/sheet_model.hpp"

namespace plansheet::xlsx {

// The sheet names, in workbook order. The list sheet exists (hidden) only when a dropdown needs it.
inline constexpr std::string_view actions_sheet = "Actions";
inline constexpr std::string_view summary_sheet = "Summary";
inline constexpr std::string_view repairs_sheet = "Repairs";
inline constexpr std::string_view key_sheet = own_key_sheet_name;
inline constexpr std::string_view lists_sheet = "Lists";

// Plans with more rows than this are written in libxlsxwriter's constant-memory mode.
inline constexpr int constant_memory_rows = 100000;

// How the rows of the large sheets (Actions and Repairs, one row per action, repair or warning) come in the model:
// as cells, for tests and tools that look at them; or as a row source the writer streams from, so that no copy
// of a large plan's cells is ever held. A streamed model refers to the plan: the plan must outlive it.
enum class Body { cells, stream };

// The fewest rows a sheet may be given (sheet_rows, for tests of continuation sheets): the title block, the header
// and room for rows below them.
inline constexpr int min_sheet_rows = 16;

// Throws Error(exit_output) only when the plan cannot fit a sheet at all (more columns than Excel has). Actions and
// Repairs sheets longer than `sheet_rows` go on over continuation sheets (see SheetSplit), with a warning.
// Both kinds of body give the same workbook.
// `paper` is --paper: each sheet's paper and scale are then settled by fit_print.
WorkbookModel layout_workbook(const Plan& plan, Body body = Body::cells, int sheet_rows = max_rows,
                              Paper paper = Paper::automatic);

// The input's file name without its folders ("-" for standard input or none): what the workbook names as its
// source, so no folder of the machine that made it is written into the file.
std::string source_file_name(std::string_view source);

// A RAG word the plan uses (or a standard one), as shown in the dropdown, and the colour it paints.
struct RagWord {
  std::string word;    // "Green", "Orange", "Complete"
  std::string colour;  // "red", "amber", "green", "blue", or "" when the word names no known colour
};

// The plan's own RAG vocabulary: words from its legend (kind "rag") and its actions, completed with
// Red/Amber/Green for any colour the plan has no word for (and Blue when the plan has no words at all).
std::vector<RagWord> rag_vocabulary(const Plan& plan);

}  // namespace plansheet::xlsx
