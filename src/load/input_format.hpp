// The input formats: ONE table, a row per kind of input (its extensions, its magic bytes, its loader, a line for
// --help). An input's name and first bytes in, the format that reads it out; convert, batch and --help read it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/plan.hpp"
#include "pipeline.hpp"

namespace plansheet {

enum class InputKind { paste, csv, xlsx, xls, docx, ods, pdf };

// An input's name and bytes to a table of cells, decoded and normalised; says in the trace (when given) what it
// read. Throws Error(exit_input) when the input cannot be read.
using InputLoader = RawTable (*)(const std::string& source, std::string_view bytes, const Options& options,
                                 RunTrace* trace);

struct InputFormat {
  InputKind kind;
  std::vector<std::string_view> extensions;  // lower case, with the dot
  std::string_view magic;                    // the first bytes of every such file; empty: known by its name only
  InputLoader load;
  std::string_view description;              // for --help
  // Formats sharing magic bytes (every Office file is a zip): whether the bytes are this one; null: the magic says.
  bool (*sniff)(std::string_view bytes) = nullptr;
};

// Every format, in the order --help lists them. Paste comes first: it also reads any name no row claims.
const std::vector<InputFormat>& input_formats();

// Content first (a zip is an XLSX whatever its name says, an OLE2 compound file an XLS), then the name's
// extension; anything else is a paste.
const InputFormat& detect_input_format(std::string_view path, std::string_view bytes);
InputKind detect_input_kind(std::string_view path, std::string_view bytes);

// Whether an extension (".tsv", ".TSV") is one of a format's: batch picks up the files that have one.
bool is_input_extension(std::string_view extension);

// Every format's extensions for a message: ".txt, .tsv, .md, .csv, .xlsx, .xlsm or .xls".
std::string input_extensions_list();

}  // namespace plansheet
