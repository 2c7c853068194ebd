// Stage: a Word document's bytes to a RawTable (libzip + expat): the tables sharing the action table's header read
// as one, each table's heading row after its header, merged-down cells filled, the other tables listed in notes.
#include "load/docx/load_docx.hpp"

#include <algorithm>
#include <map>

#include "detect/sheet_choice.hpp"
#include "load/docx/document_reader.hpp"
#include "load/xlsx/read_xml.hpp"
#include "load/xlsx/read_zip.hpp"
#include "load/xlsx/sheet_reader.hpp"
#include "model/errors.hpp"
#include "text/ascii.hpp"
#include "text/text_span.hpp"

namespace plansheet {

namespace {

using namespace detail;

// The document's main part: the package relationship "officeDocument", else the usual name.
class MainPartHandler : public XmlHandler {
 public:
  void start(std::string_view name, XmlAttrs attrs) override {
    std::string_view type = xml_attr(attrs, "Type");
    if (name == "Relationship" && type.size() >= 14 && type.substr(type.size() - 14) == "officeDocument" && target.empty())
      target = std::string(xml_attr(attrs, "Target"));
  }
  void end(std::string_view) override {}
  void text(std::string_view) override {}
  std::string target;
};

// dc:title of docProps/core.xml.
class CoreTitleHandler : public XmlHandler {
 public:
  void start(std::string_view name, XmlAttrs) override { in_title_ = name == "title"; }
  void end(std::string_view) override { in_title_ = false; }
  void text(std::string_view chars) override {
    if (in_title_ && title.size() < 1000) title += chars;
  }
  std::string title;

 private:
  bool in_title_ = false;
};

std::string main_part(ZipPackage& package) {
  if (package.has("_rels/.rels")) {
    MainPartHandler rels;
    parse_xml_part(package, "_rels/.rels", rels);
    if (!rels.target.empty() && package.has(resolve_part("", rels.target))) return resolve_part("", rels.target);
  }
  if (package.has("word/document.xml")) return "word/document.xml";
  if (package.has("xl/workbook.xml"))
    throw input_error(package.source() + ": this is an Excel workbook, not a Word document; rename it to .xlsx");
  throw input_error(package.source() + ": not a Word document: it has no document part (word/document.xml); "
                    "re-save it from Word as .docx");
}

// A table's header as a key: the first row's cells, lower case, spaces folded.
std::string header_key(const DocTable& table) {
  if (table.rows.empty()) return {};
  std::string key;
  for (const DocCell& cell : table.rows.front().cells)
    key += fold_whitespace(ascii_lower(cell.text)) + "|" + std::to_string(cell.span) + "\x1f";
  return key;
}

std::string header_text(const DocTable& table) {
  std::string out;
  if (table.rows.empty()) return out;
  for (const DocCell& cell : table.rows.front().cells) {
    if (cell.text.empty()) continue;
    if (!out.empty()) out += " | ";
    out += fold_whitespace(cell.text);
    if (out.size() > 60) return out.substr(0, 57) + "...";
  }
  return out;
}

int table_width(const DocTable& table) {
  int width = 1;
  for (const DocRow& row : table.rows)
    for (const DocCell& cell : row.cells) width = std::max(width, cell.column + cell.span - 1);
  return width;
}

struct Built {
  SheetTable table;
  std::vector<std::pair<int, std::size_t>> first_lines;  // (line, table index) where each table starts
  std::vector<SourcePart> parts;                         // each table's number and the grid rows it gave
};

// The chosen tables (indexes into body.tables) as one grid: a title row, then each table with its heading after
// its header rows; merged-down cells filled and logged.
Built build(const std::string& source, const DocBody& body, const std::vector<std::size_t>& chosen,
            const Limits& limits) {
  SheetData data;
  struct FillDown {
    int line, column;
    std::string text;
  };
  std::vector<FillDown> filled;
  Built out;
  int line = 0;
  if (!body.title.empty()) {
    ++line;
    data.rows.push_back({line, false, {}});
    SheetCell cell;
    cell.column = 1;
    cell.text = body.title;
    data.rows.back().cells.push_back(std::move(cell));
  }
  for (std::size_t index : chosen) {
    const DocTable& table = body.tables[index];
    const int width = table_width(table);
    std::size_t header_rows = 0;
    while (header_rows < table.rows.size() && table.rows[header_rows].repeated_header) ++header_rows;
    if (header_rows == 0) header_rows = 1;
    std::map<int, std::pair<std::string, std::string>> above;  // grid column -> (text, fill) of a vMerge start
    if (line == 1) ++line;  // a blank row under the title: the title is no header group
    out.first_lines.emplace_back(line + 1, index);
    auto heading_row = [&]() {
      if (table.heading.empty() || table.heading == body.title) return;
      ++line;
      data.rows.push_back({line, false, {}});
      SheetCell cell;
      cell.column = 1;
      cell.text = table.heading;
      data.rows.back().cells.push_back(std::move(cell));
      if (width > 1) data.merges.push_back({1, line, width, line});
    };
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      if (r == header_rows) heading_row();
      const DocRow& row = table.rows[r];
      ++line;
      data.rows.push_back({line, row.hidden, {}});
      for (const DocCell& cell : row.cells) {
        SheetCell sc;
        sc.column = cell.column;
        sc.text = cell.text;
        sc.struck = cell.struck;
        sc.full = cell.full;
        sc.all_struck = cell.all_struck;
        sc.fill_rag = cell.fill_rag;
        if (cell.vmerge == DocCell::VMerge::next) {
          auto it = above.find(cell.column);
          if (it != above.end() && sc.text.empty() && !it->second.first.empty()) {
            sc.text = it->second.first;
            if (sc.fill_rag.empty()) sc.fill_rag = it->second.second;
            filled.push_back({line, cell.column, sc.text});
          }
        } else if (cell.vmerge == DocCell::VMerge::restart) {
          above[cell.column] = {cell.text, cell.fill_rag};
        } else {
          above.erase(cell.column);
        }
        if (cell.span > 1) data.merges.push_back({cell.column, line, cell.column + cell.span - 1, line});
        data.rows.back().cells.push_back(std::move(sc));
      }
    }
    if (header_rows >= table.rows.size()) heading_row();
    out.parts.push_back({static_cast<int>(index + 1), out.first_lines.back().first, line});
  }
  out.table = build_sheet_table(source, "", std::move(data), limits, /*keep_hidden=*/true);  // Word hides no rows
  for (const FillDown& f : filled)
    out.table.table.repairs.push_back({RepairRule::fill_down, {f.line, f.column}, "", "", "", f.text});
  return out;
}

std::string table_list(const std::vector<std::size_t>& tables) {
  std::string out;
  for (std::size_t i = 0; i < tables.size(); ++i)
    out += (i == 0 ? "" : i + 1 == tables.size() ? " and " : ", ") + std::to_string(tables[i] + 1);
  return out;
}

}  // namespace

RawTable load_docx(const std::string& source, std::string_view bytes, std::optional<int> table_number,
                   const Limits& limits) {
  ZipPackage package(source, bytes);
  const std::string part = main_part(package);
  DocFormats formats = read_doc_formats(package);
  DocBody body = read_document(package, part, formats, limits);
  if (body.title.empty() && package.has("docProps/core.xml")) {
    CoreTitleHandler core;
    parse_xml_part(package, "docProps/core.xml", core);
    body.title = std::string(trim(core.title));
  }
  const std::size_t count = body.tables.size();
  if (count == 0)
    throw input_error(source + ": the document holds no table; an action plan written as paragraphs cannot be "
                      "read: put the actions in a Word table");

  std::vector<std::vector<std::size_t>> groups;
  if (table_number) {
    if (*table_number < 1 || static_cast<std::size_t>(*table_number) > count)
      throw usage_error(source + ": --table " + std::to_string(*table_number) + " but the document holds " +
                        std::to_string(count) + " table(s); pass 1 to " + std::to_string(count));
    groups.push_back({static_cast<std::size_t>(*table_number - 1)});
  } else {
    std::map<std::string, std::size_t> by_header;
    for (std::size_t i = 0; i < count; ++i) {
      auto [it, fresh] = by_header.emplace(header_key(body.tables[i]), groups.size());
      if (fresh) groups.push_back({});
      groups[it->second].push_back(i);
    }
  }

  // Each group read and scored as a sheet is; the best kept.
  std::vector<SheetScore> scores;
  std::optional<Built> best;
  for (const auto& group : groups) {
    Built built = build(source, body, group, limits);
    scores.push_back(score_sheet(built.table.table, "table " + std::to_string(group.front() + 1), false));
    if (best_sheet(scores) == scores.size() - 1) best = std::move(built);
  }
  const std::size_t chosen = best_sheet(scores);
  RawTable table = std::move(best->table.table);
  table.parts = {"table", std::move(best->parts)};
  warn_lost_trailing_zeros(table, best->table.decimals);
  const auto& group = groups[chosen];

  std::vector<Diagnostic> notes;
  if (group.size() > 1) {
    std::string where;
    for (const auto& [line, index] : best->first_lines)
      where += (where.empty() ? "" : ", ") + std::string("table ") + std::to_string(index + 1) + " from row " +
               std::to_string(line);
    notes.push_back({{}, "", "tables " + table_list(group) + " share one header and are read as one plan (" + where + ")",
                     "", true});
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (g == chosen) continue;
    for (std::size_t index : groups[g])
      notes.push_back({{}, "",
                       "table " + std::to_string(index + 1) + " (" + std::to_string(body.tables[index].rows.size()) +
                           " rows, header '" + header_text(body.tables[index]) + "') is left out: its header differs; "
                           "--table " + std::to_string(index + 1) + " reads it alone",
                       "", true});
  }
  if (body.insertions > 0 || body.deletions > 0) {
    notes.push_back({{}, "",
                     "the document has tracked changes: " + std::to_string(body.insertions) + " insertion(s) taken, " +
                         std::to_string(body.deletions) + " deletion(s) dropped, as if all were accepted; accept or "
                         "reject them in Word to be sure",
                     "", false});
  }
  table.warnings.insert(table.warnings.begin(), notes.begin(), notes.end());
  return table;
}

}  // namespace plansheet
