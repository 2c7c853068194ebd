// An OpenDocument spreadsheet's content.xml (with the cell styles of styles.xml) to one grid per sheet: the text
// each cell displays, its background as a RAG word, covered (merged) cells, hidden rows and columns. Repeated rows and
// cells are counted, not expanded, unless they hold text.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "load/xlsx/sheet_reader.hpp"
#include "model/limits.hpp"

namespace plansheet::detail {

class ZipPackage;

struct OdsStyle {
  std::string parent;
  std::string fill_rag;  // "" when the style sets no rating colour
  bool has_fill = false;
  bool strike = false;
  bool has_strike = false;
  bool hidden_table = false;  // a table (sheet) style with display="false"
};

// Cell styles by name, from styles.xml's common styles and content.xml's automatic ones.
using OdsStyles = std::map<std::string, OdsStyle>;

struct OdsSheet {
  std::string name;
  bool hidden = false;
  SheetData data;
};

// The cell styles of an XML part (styles.xml or content.xml), added to `styles`.
void read_ods_styles(const std::string& source, std::string_view xml_part, std::string_view xml, OdsStyles& styles);

// Every sheet of content.xml. Throws Error(exit_input) on bad XML, or when the sheets pass `limits` (sheets, cells,
// the text they hold).
std::vector<OdsSheet> read_ods_content(ZipPackage& package, const OdsStyles& common, const Limits& limits);

// The same from XML in memory (tests and the fuzz target); automatic styles are read from the same text.
std::vector<OdsSheet> read_ods_content_xml(const std::string& source, std::string_view xml, const OdsStyles& common,
                                           const Limits& limits);

}  // namespace plansheet::detail
