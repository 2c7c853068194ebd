// A PDF page's words with their boxes in, fixed-width text lines out: words on one baseline make a line, a word's
// x position becomes its character column, so the paste reader's fixed-width columns find the table's gutters.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/plan.hpp"

namespace plansheet::detail {

struct PdfWord {
  std::string text;  // UTF-8
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // points, origin top left
  bool space_after = true;  // the PDF's text says a space follows (false: a word cut by a change of font or kerning)
};

struct PdfPage {
  int number = 0;  // 1-based page number in the document
  std::vector<PdfWord> words;
};

struct PageText {
  std::string text;
  // Running headers and footers: one-cell lines among the first or last two of a page, printed at the same height
  // with the same words (digits aside) on at least half the pages, two or more. Each is left blank in `text`; here its 1-based line number and its text.
  std::vector<std::pair<int, std::string>> furniture;
  // Each page with words: its number in the document and the lines of `text` it gave.
  std::vector<SourcePart> pages;
};

// The pages as text: each line of words laid out by position (a gap wider than a word space becomes at least two
// spaces, and each word after such a gap starts at its x position in characters), pages separated by a blank
// line. Cost: sorting each page's words.
PageText pages_to_text(const std::vector<PdfPage>& pages);

}  // namespace plansheet::detail
