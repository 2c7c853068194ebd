// Several sheets read as one plan (several_sheets.hpp): the tables joined, a heading row naming each sheet.
#include "load/several_sheets.hpp"

#include "detect/sheet_choice.hpp"
#include "text/text_span.hpp"

namespace plansheet {
namespace {

Row heading_row(const std::string& name, int line) {
  Row row;
  row.line = line;
  row.cells.push_back(Cell{name, SourcePos{line, 1}, nullptr});
  row.raw = name;
  row.page_break_before = true;
  return row;
}

}  // namespace

RawTable join_sheets(std::vector<RawTable> tables) {
  RawTable joined = std::move(tables.front());
  const std::string first_name = joined.sheet;
  // The first sheet: its title and header, then its name as a heading over its body.
  const int header = detail::guess_header_row(joined);
  std::vector<Row> first_rows = std::move(joined.rows);
  joined.rows.clear();
  for (std::size_t r = 0; r < first_rows.size(); ++r) {
    joined.rows.push_back(std::move(first_rows[r]));
    if (static_cast<int>(r) == header && r + 1 < first_rows.size())
      joined.rows.push_back(heading_row(first_name, joined.rows.back().line));
  }
  for (std::size_t t = 1; t < tables.size(); ++t) {
    RawTable& next = tables[t];
    const int own_header = detail::guess_header_row(next);
    for (int r = 0; r <= own_header; ++r) {
      const Row& row = next.rows[static_cast<std::size_t>(r)];
      joined.removed.push_back({row.line, fold_whitespace(row.raw), RemovalReason::header});
    }
    const auto body = static_cast<std::size_t>(own_header + 1);
    if (body < next.rows.size()) joined.rows.push_back(heading_row(next.sheet, next.rows[body].line));
    for (std::size_t r = body; r < next.rows.size(); ++r) joined.rows.push_back(std::move(next.rows[r]));
    joined.sheet += ", " + next.sheet;
    for (auto& w : next.warnings) joined.warnings.push_back(std::move(w));
    for (auto& rep : next.repairs) joined.repairs.push_back(std::move(rep));
    for (auto& rem : next.removed) joined.removed.push_back(std::move(rem));
    for (auto& h : next.hidden_columns) joined.hidden_columns.push_back(std::move(h));
  }
  return joined;
}

}  // namespace plansheet
