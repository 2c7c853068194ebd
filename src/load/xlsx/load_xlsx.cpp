// Stage: an XLSX workbook's bytes to a RawTable of the sheet holding the action table (libzip + expat, streamed).
// The package's parts are found here; each worksheet is read by sheet_reader, its strings by rich_text.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/errors.hpp"
#include "load/load_spreadsheet.hpp"
#include "text/ascii.hpp"
#include "text/text_span.hpp"
#include "load/xlsx/own_key.hpp"
#include "load/xlsx/own_title_block.hpp"
#include "load/xlsx/read_style.hpp"
#include "load/xlsx/sheet_reader.hpp"
#include "detect/sheet_choice.hpp"
#include "load/several_sheets.hpp"
#include "load/sheet_grid.hpp"
#include "load/xlsx/read_xml.hpp"
#include "load/xlsx/read_zip.hpp"

namespace plansheet {

namespace {

using namespace detail;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// ---------------------------------------------------------------- package-level parts

struct Relationship {
  std::string type;  // the last path segment of the Type URI: "worksheet", "styles", "officeDocument", ...
  std::string target;
};

class RelsHandler : public XmlHandler {
 public:
  void start(std::string_view name, XmlAttrs attrs) override {
    if (name != "Relationship" || xml_attr(attrs, "TargetMode") == "External") return;
    std::string_view type = xml_attr(attrs, "Type");
    auto slash = type.rfind('/');
    rels[std::string(xml_attr(attrs, "Id"))] = {std::string(slash == std::string_view::npos ? type : type.substr(slash + 1)),
                                                std::string(xml_attr(attrs, "Target"))};
    order.emplace_back(xml_attr(attrs, "Id"));
  }
  void end(std::string_view) override {}
  void text(std::string_view) override {}
  std::map<std::string, Relationship> rels;
  std::vector<std::string> order;
};

struct SheetEntry {
  std::string name;
  std::string rel_id;
  bool hidden = false;
};

class WorkbookHandler : public XmlHandler {
 public:
  void start(std::string_view name, XmlAttrs attrs) override {
    if (name == "workbookPr") {
      date1904 = xml_bool_attr(attrs, "date1904", false);
    } else if (name == "sheet") {
      std::string_view state = xml_attr(attrs, "state");
      sheets.push_back({std::string(xml_attr(attrs, "name")), std::string(xml_attr(attrs, "id")),
                        state == "hidden" || state == "veryHidden"});
    } else if (name == "definedName") {
      in_title_block = xml_attr(attrs, "name") == own_title_block_name && !xml_has_attr(attrs, "localSheetId");
    }
  }
  void end(std::string_view name) override {
    if (name == "definedName") in_title_block = false;
  }
  void text(std::string_view chars) override {
    if (in_title_block && title_block.size() < 1024) title_block += chars;
  }
  bool date1904 = false;
  std::vector<SheetEntry> sheets;
  std::string title_block;  // the reference of plansheet's own title block, when plansheet wrote the workbook
  bool in_title_block = false;
};

class ContentTypesHandler : public XmlHandler {
 public:
  void start(std::string_view name, XmlAttrs attrs) override {
    if (name != "Override") return;
    std::string part(xml_attr(attrs, "PartName"));
    if (!part.empty() && part.front() == '/') part.erase(0, 1);
    types.emplace_back(part, std::string(xml_attr(attrs, "ContentType")));
  }
  void end(std::string_view) override {}
  void text(std::string_view) override {}
  std::vector<std::pair<std::string, std::string>> types;
};

template <typename Handler>
Handler parse_small(ZipPackage& package, const std::string& part) {
  Handler handler;
  parse_xml_part(package, part, handler);
  return handler;
}

std::string rels_part_of(const std::string& part) {
  auto slash = part.rfind('/');
  std::string folder = slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
  std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
  return folder + "_rels/" + file + ".rels";
}

// Where the workbook part is: the package relationship "officeDocument", else the content type, else the usual name.
std::string find_workbook_part(ZipPackage& package) {
  const std::string& source = package.source();
  std::vector<std::pair<std::string, std::string>> types;
  if (package.has("[Content_Types].xml")) types = parse_small<ContentTypesHandler>(package, "[Content_Types].xml").types;
  if (package.has("_rels/.rels")) {
    auto rels = parse_small<RelsHandler>(package, "_rels/.rels");
    for (const auto& id : rels.order) {
      const Relationship& r = rels.rels[id];
      if (r.type == "officeDocument" && package.has(resolve_part("", r.target))) return resolve_part("", r.target);
    }
  }
  for (const auto& [part, type] : types) {
    if ((ends_with(type, "sheet.main+xml") || ends_with(type, "template.main+xml")) && package.has(part)) return part;
  }
  if (package.has("xl/workbook.xml")) return "xl/workbook.xml";
  for (const auto& [part, type] : types) {
    if (type.find("wordprocessingml") != std::string::npos || type.find("presentationml") != std::string::npos) {
      throw input_error(source + ": this is a Word or PowerPoint document, not a workbook; copy the table into a "
                        "spreadsheet and save it as .xlsx, or paste it as text");
    }
  }
  throw input_error(source + ": not an XLSX workbook: it has no workbook part (xl/workbook.xml); re-save it from "
                    "Excel or export CSV");
}

}  // namespace

namespace {

// What tells sheets of one table apart: the header row's labels, and the ids down the sheet.
struct SheetShape {
  std::string header;         // the header row's filled cells, joined; "" when none
  std::set<std::string> ids;  // the id-like first cells of the rows below it
};

SheetShape sheet_shape(const RawTable& table, int header_line) {
  SheetShape shape;
  if (header_line <= 0) return shape;
  bool below = false;
  for (const Row& row : table.rows) {
    if (row.line == header_line) {
      for (const Cell& c : row.cells)
        if (!trim(c.text).empty()) shape.header += ascii_lower(fold_whitespace(c.text)) + "|";
      below = true;
      continue;
    }
    if (!below) continue;
    for (const Cell& c : row.cells) {
      if (trim(c.text).empty()) continue;
      if (detail::is_id_like(trim(c.text))) shape.ids.insert(std::string(trim(c.text)));
      break;
    }
  }
  return shape;
}

bool theme_sheet_of(const SheetShape& chosen, const SheetShape& other, const SheetScore& score) {
  if (score.chart || score.hidden || chosen.header.empty() || other.header != chosen.header || other.ids.empty())
    return false;
  for (const std::string& id : other.ids)
    if (chosen.ids.count(id)) return false;
  return true;
}

}  // namespace

RawTable load_xlsx(const std::string& source, std::string_view bytes, const std::optional<std::string>& sheet,
                   const Limits& limits, bool keep_hidden) {
  ZipPackage package(source, bytes);
  const std::string workbook_part = find_workbook_part(package);
  WorkbookHandler workbook = parse_small<WorkbookHandler>(package, workbook_part);
  RelsHandler rels;
  if (package.has(rels_part_of(workbook_part))) parse_xml_part(package, rels_part_of(workbook_part), rels);

  std::string styles_part, theme_part, shared_part;
  for (const auto& id : rels.order) {
    const Relationship& r = rels.rels[id];
    if (r.type == "styles") styles_part = resolve_part(workbook_part, r.target);
    else if (r.type == "theme") theme_part = resolve_part(workbook_part, r.target);
    else if (r.type == "sharedStrings") shared_part = resolve_part(workbook_part, r.target);
  }
  ThemePalette theme = default_theme();
  if (!theme_part.empty() && package.has(theme_part)) theme = parse_theme(source, package.read(theme_part));
  StyleTable styles;
  if (!styles_part.empty() && package.has(styles_part)) styles = parse_styles(source, package.read(styles_part), theme);
  SharedStringsHandler shared;
  if (!shared_part.empty() && package.has(shared_part)) parse_xml_part(package, shared_part, shared);

  std::uint64_t expanded = 0;
  WorkbookContext ctx{source, &styles, &shared.strings, workbook.date1904, &limits, &expanded, keep_hidden};
  check_sheets(source, workbook.sheets.size(), limits);

  struct Candidate {
    const SheetEntry* entry;
    std::string part;
    bool chart;
  };
  std::vector<Candidate> candidates;
  for (const SheetEntry& e : workbook.sheets) {
    auto it = rels.rels.find(e.rel_id);
    if (it == rels.rels.end()) continue;
    bool is_worksheet = it->second.type == "worksheet";
    candidates.push_back({&e, resolve_part(workbook_part, it->second.target), !is_worksheet});
  }
  if (std::none_of(candidates.begin(), candidates.end(), [](const Candidate& c) { return !c.chart; })) {
    throw input_error(source + ": the workbook has no worksheet (only chart sheets or none); save the action table "
                      "on a worksheet, or export CSV");
  }

  auto read_sheet = [&](const Candidate& c) {
    return read_worksheet(package, ctx, c.part, c.entry->name);
  };
  auto finish = [](SheetTable st) {
    warn_lost_trailing_zeros(st.table, st.decimals);
    return std::move(st.table);
  };
  // A workbook plansheet wrote keeps the plan's own key on its Key sheet, partly in hidden columns.
  std::vector<LegendEntry> own_key;
  if (!workbook.title_block.empty()) {
    for (const Candidate& c : candidates) {
      if (c.chart || c.entry->name != own_key_sheet_name) continue;
      WorkbookContext with_hidden = ctx;
      with_hidden.keep_hidden = true;
      own_key = own_key_entries(read_worksheet(package, with_hidden, c.part, c.entry->name).table);
    }
  }

  if (sheet) {
    const Candidate* found = nullptr;
    for (const auto& c : candidates)
      if (c.entry->name == *sheet) found = &c;
    if (found == nullptr) {
      for (const auto& c : candidates)
        if (ascii_lower(c.entry->name) == ascii_lower(*sheet)) found = &c;
    }
    if (found == nullptr || found->chart) {
      std::string names;
      for (const auto& c : candidates) {
        if (c.chart) continue;
        names += (names.empty() ? "'" : ", '") + c.entry->name + "'";
      }
      throw usage_error(source + ": " + (found != nullptr ? "sheet '" + *sheet + "' is a chart sheet"
                                                          : "no sheet named '" + *sheet + "'") +
                        "; the worksheets are " + names + "; pass one of them to --sheet");
    }
    RawTable table = finish(read_sheet(*found));
    set_aside_own_title_block(table, workbook.title_block);
    table.own_legend = std::move(own_key);
    return table;
  }

  // Score every worksheet; keep only the best table in memory, and of the others their header and ids.
  std::vector<SheetScore> scores;
  std::vector<SheetShape> shapes;
  std::optional<SheetTable> best;
  std::size_t best_index = 0;
  for (const Candidate& c : candidates) {
    if (c.chart) {
      SheetScore s;
      s.name = c.entry->name;
      s.chart = true;
      s.hidden = c.entry->hidden;
      scores.push_back(s);
      shapes.emplace_back();
      continue;
    }
    SheetTable st = read_sheet(c);
    scores.push_back(score_sheet(st.table, c.entry->name, c.entry->hidden));
    shapes.push_back(sheet_shape(st.table, scores.back().header_line));
    std::size_t chosen = best_sheet(scores);
    if (chosen == scores.size() - 1) {
      best = std::move(st);
      best_index = chosen;
    }
  }
  RawTable table = finish(std::move(*best));
  note_sheet_choice(table, scores, best_index);
  set_aside_own_title_block(table, workbook.title_block);
  table.own_legend = own_key;

  // A sheet per theme: visible sheets with the chosen sheet's header and ids of their own hold more of the same
  // table, so they are read with it, in workbook order, each sheet's name the section of its rows. Sheets that
  // repeat its ids (a copy per quarter, an archive) are other versions of the plan and stay out.
  std::vector<std::size_t> parts;
  for (std::size_t i = 0; i < candidates.size(); ++i)
    if (i == best_index || theme_sheet_of(shapes[best_index], shapes[i], scores[i])) parts.push_back(i);
  if (parts.size() < 2) return table;
  std::vector<RawTable> tables;
  std::string names;
  for (std::size_t i : parts) {
    tables.push_back(i == best_index ? std::move(table) : finish(read_sheet(candidates[i])));
    names += (names.empty() ? "'" : ", '") + candidates[i].entry->name + "'";
  }
  RawTable joined = join_sheets(std::move(tables));
  joined.own_legend = std::move(own_key);
  joined.warnings.push_back({{}, "", fmt::format("sheets {} share one header and hold different actions: read as one "
                                                 "plan, each sheet's name the section of its rows (--sheet NAME "
                                                 "reads one alone)", names)});
  return joined;
}

}  // namespace plansheet
