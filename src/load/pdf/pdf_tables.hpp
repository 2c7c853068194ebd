// A PDF's words laid out as fixed-width lines in, the tables among them told apart out: where each table's lines
// are, its header, and the text of one table alone (the others' lines left blank), as a Word document's tables are.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plansheet::detail {

struct PdfTable {
  std::string header;                          // the header row's cells, joined with " | "
  int header_line = 0;                         // 1-based line of its first header row
  std::vector<std::pair<int, int>> ranges;     // its lines, 1-based and inclusive, in order
  int rows = 0;                                // its lines of two or more cells, the header included
};

// The tables, in the order their headers first appear; empty when the text holds one table (or none can be told
// apart). A table starts at a header row (two or more short cells, none an id or a sentence) after a line of one
// cell (prose across the columns, a heading) or opening the text, when the header is new and the rows under it
// change the evidence: no ids under it after a table with ids, or ids after a table without (where the text has
// ids at all), or a header naming two column roles (another plan's). A header printed again (on a later page)
// joins the table it heads; a key's heading ("RAG rating | Meaning") starts none, so the key is read with the
// plan. Lines before the first header belong to every table. Cost: linear in the lines.
std::vector<PdfTable> find_pdf_tables(const std::vector<std::string>& lines);

// The text of table `chosen` alone: the lines of the other tables blank (each line with text, and its number,
// added to `left_out`), the lines before the first table kept.
std::string table_text(const std::vector<std::string>& lines, const std::vector<PdfTable>& tables, std::size_t chosen,
                       std::vector<std::pair<int, std::string>>& left_out);

}  // namespace plansheet::detail
