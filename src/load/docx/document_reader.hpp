// A Word document's body (word/document.xml) to its top-level tables: rows, cells with their paragraphs as lines,
// column spans, vertical merges, shading as a RAG word, struck runs; the heading just before each table; tracked
// changes counted (insertions taken, deletions dropped).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/limits.hpp"

namespace plansheet::detail {

class ZipPackage;

struct DocCell {
  std::string text;       // kept runs; paragraphs and line breaks as '\n'
  std::string struck;     // struck-through runs dropped from a mixed cell
  std::string full;       // a mixed cell's whole text, struck runs included
  bool all_struck = false;
  std::string fill_rag;   // from the cell's shading
  int column = 1;         // 1-based grid column of the cell's first column
  int span = 1;           // gridSpan
  enum class VMerge { none, restart, next } vmerge = VMerge::none;
};

struct DocRow {
  std::vector<DocCell> cells;
  bool hidden = false;
  bool repeated_header = false;  // marked to repeat at the top of each page (w:tblHeader)
};

struct DocTable {
  std::vector<DocRow> rows;
  std::string heading;  // the heading paragraph (Heading style, Title, or all bold) since the previous table
};

// How the styles and numbering of the document name and number paragraphs.
struct DocFormats {
  std::map<std::string, std::string> heading_styles;  // style id -> "title" or "heading"
  std::map<std::string, std::pair<std::string, int>> style_numbering;  // style id -> (numId, ilvl): "List Bullet"
  struct Level {
    std::string format;  // numFmt: "decimal", "bullet", "lowerLetter", ...
    std::string text;    // lvlText: "%1.", "%1.%2"
    int start = 1;
  };
  std::map<std::string, std::string> num_to_abstract;            // numId -> abstractNumId
  std::map<std::string, std::map<int, Level>> abstract_levels;   // abstractNumId -> ilvl -> level
};

struct DocBody {
  std::vector<DocTable> tables;
  std::string title;         // the first Title (else Heading) paragraph's text
  int insertions = 0;        // tracked insertions taken
  int deletions = 0;         // tracked deletions dropped
};

// Parses styles.xml and numbering.xml when the package has them.
DocFormats read_doc_formats(ZipPackage& package);

// Reads word/document.xml (or the part given). Throws Error(exit_input) for tables nested too deep, for text past
// limits.expanded_bytes or cells past limits.cells, or a row wider than limits.columns.
DocBody read_document(ZipPackage& package, const std::string& part, const DocFormats& formats, const Limits& limits);

// The same from XML in memory (tests and the fuzz target).
DocBody read_document_xml(const std::string& source, std::string_view xml, const DocFormats& formats,
                          const Limits& limits);

}  // namespace plansheet::detail
