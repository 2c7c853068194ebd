// Stage: an OpenDocument spreadsheet's bytes to a RawTable (libzip + expat): each sheet read by read_content, the
// sheet holding the action table chosen by the same score as an XLSX workbook's.
#include "load/ods/load_ods.hpp"

#include <optional>

#include "detect/sheet_choice.hpp"
#include "load/ods/read_content.hpp"
#include "load/xlsx/read_zip.hpp"
#include "model/errors.hpp"
#include "text/ascii.hpp"

namespace plansheet {

using namespace detail;

RawTable load_ods(const std::string& source, std::string_view bytes, const std::optional<std::string>& sheet,
                  const Limits& limits, bool keep_hidden) {
  ZipPackage package(source, bytes);
  if (!package.has("content.xml"))
    throw input_error(source + ": not an OpenDocument spreadsheet: it has no content.xml; re-save it from LibreOffice "
                      "Calc as .ods, or export CSV");
  OdsStyles styles;
  if (package.has("styles.xml")) read_ods_styles(source, "styles.xml", package.read("styles.xml"), styles);
  std::vector<OdsSheet> sheets = read_ods_content(package, styles, limits);
  if (sheets.empty()) throw input_error(source + ": the spreadsheet has no sheet; save the action table on a sheet");

  auto finish = [&](OdsSheet& chosen) {
    SheetTable st = build_sheet_table(source, chosen.name, std::move(chosen.data), limits, keep_hidden);
    warn_lost_trailing_zeros(st.table, st.decimals);
    return std::move(st.table);
  };
  if (sheet) {
    for (OdsSheet& s : sheets)
      if (s.name == *sheet) return finish(s);
    for (OdsSheet& s : sheets)
      if (ascii_lower(s.name) == ascii_lower(*sheet)) return finish(s);
    std::string names;
    for (const OdsSheet& s : sheets) names += (names.empty() ? "'" : ", '") + s.name + "'";
    throw usage_error(source + ": no sheet named '" + *sheet + "'; the sheets are " + names +
                      "; pass one of them to --sheet");
  }
  std::vector<SheetScore> scores;
  std::optional<RawTable> best;
  for (OdsSheet& s : sheets) {
    RawTable table = finish(s);
    scores.push_back(score_sheet(table, s.name, s.hidden));
    if (best_sheet(scores) == scores.size() - 1) best = std::move(table);
  }
  RawTable table = std::move(*best);
  note_sheet_choice(table, scores, best_sheet(scores));
  return table;
}

}  // namespace plansheet
