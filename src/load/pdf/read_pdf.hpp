// A PDF's bytes to the words of its pages with their boxes (libpoppler-cpp), the only place that touches poppler.
// Refuses, with one line and exit 3, a file poppler cannot open, an encrypted one, and one with no text layer.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "load/pdf/page_text.hpp"
#include "model/limits.hpp"

namespace plansheet::detail {

// The most pages read from one PDF; past it `--pages` chooses which.
constexpr int max_pdf_pages = 2000;

// `pages` (1-based, inclusive) limits the reading; past the document's end is a usage error.
std::vector<PdfPage> read_pdf_pages(const std::string& source, std::string_view bytes,
                                    const std::optional<std::pair<int, int>>& pages, const Limits& limits);

}  // namespace plansheet::detail
