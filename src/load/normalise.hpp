// Stage: normalise decoded lines. Unicode NFC, odd spaces and zero-width characters, ligatures and mojibake,
// each change logged as a Repair on its line. Tabs and the authors' wording are left alone.
#pragma once

#include "load/paste/load_text.hpp"
#include "model/plan.hpp"

namespace plansheet {

void normalise(SourceText& text);

// The same rules for one string (a spreadsheet cell); appends repairs at the given position.
std::string normalise_cell(std::string_view cell, SourcePos pos, std::vector<Repair>& repairs);

// Every cell of a spreadsheet table: the same rules, and whitespace folded to single spaces (line breaks inside a
// cell are layout, not words). With `keep_line_breaks` (a Word or OpenDocument cell's paragraphs and line breaks,
// which the authors wrote), each line is folded and the lines kept, blank ones dropped: "a  b\n\n c" -> "a b\nc";
// fold_line_breaks settles which cells keep them once the columns' roles are known.
void normalise_table(RawTable& table, bool keep_line_breaks = false);

// Whitespace folded line by line, the non-blank lines joined by '\n'.
std::string fold_lines(std::string_view text);

}  // namespace plansheet
