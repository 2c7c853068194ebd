// Stage: a PDF's bytes to a RawTable: its words laid out by position as fixed-width lines, the table holding the
// plan chosen among the tables told apart (or --table N), read by the paste reader; pages and left-out tables noted.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "load/pdf/page_text.hpp"
#include "model/plan.hpp"
#include "pipeline.hpp"

namespace plansheet {

// `read_text` reads fixed-width text as a paste (stages 1-4, with `trace` filled when given).
using ReadText = std::function<RawTable(std::string_view text, RunTrace* trace)>;

// Throws Error(exit_input) for a PDF that cannot be read (see read_pdf.hpp), Error(exit_usage) for a --table past
// the last table.
RawTable load_pdf(const std::string& source, std::string_view bytes, const Options& options, RunTrace* trace,
                  const ReadText& read_text);

// The same from the pages' words (what read_pdf gives; the fuzz target hands its own).
RawTable load_pdf_pages(const std::string& source, const std::vector<detail::PdfPage>& pages, const Options& options,
                        RunTrace* trace, const ReadText& read_text);

}  // namespace plansheet
