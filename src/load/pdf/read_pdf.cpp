// The PDF reader (see read_pdf.hpp): poppler::document and page::text_list, words and boxes out.
#include "load/pdf/read_pdf.hpp"

#include <memory>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include "model/errors.hpp"

namespace plansheet::detail {

namespace {

// Poppler reports damage it recovers from on stderr; the one-line errors here say what matters.
void quiet(const std::string&, void*) {}

}  // namespace

std::vector<PdfPage> read_pdf_pages(const std::string& source, std::string_view bytes,
                                    const std::optional<std::pair<int, int>>& pages, const Limits& limits) {
  poppler::set_debug_error_function(quiet, nullptr);
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX))
    throw input_error(source + ": the PDF is too large to read (over 2 GiB)");
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc)
    throw input_error(source + ": not a readable PDF (damaged, or not a PDF); open it and print it to a new PDF, or "
                      "copy the table and paste it as text");
  if (doc->is_locked())
    throw input_error(source + ": the PDF is encrypted with a password; save an unprotected copy and read that");
  const int count = doc->pages();
  int first = 1, last = count;
  if (pages) {
    if (pages->first < 1 || pages->second < pages->first || pages->first > count)
      throw usage_error(source + ": --pages " + std::to_string(pages->first) + "-" + std::to_string(pages->second) +
                        " but the PDF has " + std::to_string(count) + " page(s)");
    first = pages->first;
    last = std::min(pages->second, count);
  }
  if (last - first + 1 > max_pdf_pages)
    throw input_error(source + ": the PDF has " + std::to_string(count) + " pages; at most " +
                      std::to_string(max_pdf_pages) + " are read at once: pass --pages A-B for the ones holding the "
                      "action table");
  std::vector<PdfPage> out;
  std::uint64_t expanded = 0, words = 0;
  for (int n = first; n <= last; ++n) {
    std::unique_ptr<poppler::page> page(doc->create_page(n - 1));
    if (!page) continue;
    PdfPage p;
    p.number = n;
    for (const poppler::text_box& box : page->text_list()) {
      poppler::byte_array utf8 = box.text().to_utf8();
      PdfWord w;
      w.text.assign(utf8.begin(), utf8.end());
      const poppler::rectf r = box.bbox();
      w.x0 = r.left();
      w.x1 = r.right();
      w.y0 = r.top();
      w.y1 = r.bottom();
      w.space_after = box.has_space_after();
      expanded += w.text.size() + 1;
      check_expanded(source, expanded, limits);
      check_cells(source, ++words, limits);
      p.words.push_back(std::move(w));
    }
    out.push_back(std::move(p));
  }
  if (words == 0)
    throw input_error(source + ": the PDF has no text layer (a scan or an image); it needs OCR first: run it through "
                      "an OCR tool (e.g. ocrmypdf) and read the result");
  return out;
}

}  // namespace plansheet::detail
