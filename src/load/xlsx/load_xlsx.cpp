// Stage: an XLSX workbook's bytes to a RawTable of the sheet holding the action table (libzip + expat, streamed).
// Cells keep their displayed text, fill colour as a RAG word, struck-through runs, merges and hidden rows/columns.
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
#include "text/text_decoding.hpp"
#include "text/utf8.hpp"
#include "load/number_format.hpp"
#include "load/xlsx/read_style.hpp"
#include "detect/sheet_choice.hpp"
#include "load/sheet_grid.hpp"
#include "load/xlsx/read_xml.hpp"
#include "load/xlsx/read_zip.hpp"

namespace plansheet {

namespace {

using namespace detail;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string trim_copy(std::string_view s) { return std::string(trim(s)); }


// OOXML escapes characters XML cannot hold as _xHHHH_ ("_x000D_" is the carriage return Excel keeps before a
// line break); decode them and turn CR LF / CR into LF so a cell's line breaks are plain "\n".
std::string decode_cell_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      unsigned cp = 0;
      auto [ptr, ec] = std::from_chars(s.data() + i + 2, s.data() + i + 6, cp, 16);
      if (ec == std::errc() && ptr == s.data() + i + 6) {
        if (cp != 0x0D) utf8::append_utf8(out, cp);
        else if (!(i + 7 < s.size() && s[i + 7] == '\n')) out += '\n';
        i += 6;
        continue;
      }
    }
    if (s[i] == '\r') {
      if (!(i + 1 < s.size() && s[i + 1] == '\n')) out += '\n';
      continue;
    }
    out += s[i];
  }
  return out;
}

// ---------------------------------------------------------------- rich text (shared strings and inline strings)

struct Run {
  std::string text;
  int strike = -1;  // -1: not said in the run (the cell's font decides), 0 no, 1 yes
};

struct RichText {
  std::vector<Run> runs;  // a plain string is one run with strike -1
  std::string text() const {
    std::string out;
    for (const Run& r : runs) out += r.text;
    return out;
  }
};

// Collects the children of an <si> or <is>: plain <t>, runs <r><rPr><strike/></rPr><t>..</t></r>, and skips
// phonetic guides (<rPh>) whose text is not part of the cell.
class RichTextBuilder {
 public:
  void start(std::string_view name, XmlAttrs attrs) {
    if (name == "rPh") ++skip_;
    else if (skip_ > 0) return;
    else if (name == "r") {
      value_.runs.push_back({});
      in_run_ = true;
    } else if (name == "strike" && in_run_) {
      value_.runs.back().strike = xml_bool_attr(attrs, "val", true) ? 1 : 0;
    } else if (name == "t") {
      in_t_ = true;
      if (!in_run_) value_.runs.push_back({});
    }
  }
  void end(std::string_view name) {
    if (name == "rPh") --skip_;
    else if (name == "r") in_run_ = false;
    else if (name == "t") in_t_ = false;
  }
  void text(std::string_view chars) {
    if (in_t_ && skip_ == 0 && !value_.runs.empty()) value_.runs.back().text += chars;
  }
  RichText take() {
    RichText out = std::move(value_);
    for (Run& r : out.runs) r.text = decode_cell_text(r.text);
    value_ = {};
    in_run_ = in_t_ = false;
    skip_ = 0;
    return out;
  }

 private:
  RichText value_;
  bool in_run_ = false;
  bool in_t_ = false;
  int skip_ = 0;
};

class SharedStringsHandler : public XmlHandler {
 public:
  void start(std::string_view name, XmlAttrs attrs) override {
    if (name == "si") in_si_ = true;
    else if (in_si_) builder_.start(name, attrs);
  }
  void end(std::string_view name) override {
    if (name == "si") {
      in_si_ = false;
      strings.push_back(builder_.take());
    } else if (in_si_) {
      builder_.end(name);
    }
  }
  void text(std::string_view chars) override {
    if (in_si_) builder_.text(chars);
  }
  std::vector<RichText> strings;

 private:
  bool in_si_ = false;
  RichTextBuilder builder_;
};

// ---------------------------------------------------------------- one worksheet

struct SheetCell {
  int column = 0;
  std::string text;
  std::string struck;          // struck-through runs dropped from a mixed cell
  std::string full;            // a mixed cell's whole text, struck runs included, in order
  bool all_struck = false;     // every character is struck through (kept, with a warning)
  std::string fill_rag;
  bool covered = false;        // inside a merge but not its anchor
  bool merged_across = false;
  bool general_decimal = false;
  double value = 0;
};

struct SheetRow {
  int row = 0;
  bool hidden = false;
  std::vector<SheetCell> cells;  // sorted by column
};

struct Merge {
  int c1 = 0, r1 = 0, c2 = 0, r2 = 0;
};

struct SheetData {
  std::vector<SheetRow> rows;
  std::vector<std::pair<int, int>> hidden_columns;  // inclusive column ranges
  std::vector<Merge> merges;
  std::set<int> breaks_after;  // manual page breaks: a break after this row
  int formulas_without_value = 0;
};

struct WorkbookContext {
  std::string source;
  const StyleTable* styles = nullptr;
  const std::vector<RichText>* shared = nullptr;
  bool date1904 = false;
  // The limits (model/limits.hpp), and what the sheets read so far hold against them: a shared string used by many
  // cells unfolds once per cell, so a small workbook can hold gigabytes of text; reading stops at the limit.
  const Limits* limits = nullptr;
  std::uint64_t* expanded = nullptr;
};

class SheetHandler : public XmlHandler {
 public:
  SheetHandler(const WorkbookContext& ctx, const std::string& part) : ctx_(ctx), part_(part) {}

  void start(std::string_view name, XmlAttrs attrs) override {
    if (in_is_) {
      inline_.start(name, attrs);
      return;
    }
    if (name == "row") {
      int r = 0;
      auto rv = xml_attr(attrs, "r");
      auto [p, ec] = std::from_chars(rv.data(), rv.data() + rv.size(), r);
      if (ec != std::errc() || r < 1 || r > 1048576) r = last_row_ + 1;
      last_row_ = r;
      last_col_ = 0;
      data.rows.push_back({r, xml_bool_attr(attrs, "hidden", false), {}});
    } else if (name == "c") {
      cell_ = {};
      int col = 0, row = 0;
      if (parse_cell_ref(xml_attr(attrs, "r"), col, row)) {
        cell_col_ = col;
        if (data.rows.empty() || data.rows.back().row != row) {
          last_row_ = row;
          data.rows.push_back({row, false, {}});
        }
      } else {
        cell_col_ = last_col_ + 1;
        if (data.rows.empty()) data.rows.push_back({last_row_ = 1, false, {}});
      }
      last_col_ = cell_col_;
      type_ = std::string(xml_attr(attrs, "t"));
      style_ = 0;
      auto sv = xml_attr(attrs, "s");
      std::from_chars(sv.data(), sv.data() + sv.size(), style_);
      value_.clear();
      has_formula_ = has_value_ = false;
      inline_text_ = {};
      in_cell_ = true;
    } else if (name == "v" && in_cell_) {
      in_v_ = true;
      has_value_ = true;
    } else if (name == "f" && in_cell_) {
      has_formula_ = true;
    } else if (name == "is" && in_cell_) {
      in_is_ = true;
    } else if (name == "col") {
      if (xml_bool_attr(attrs, "hidden", false)) {
        int lo = 0, hi = 0;
        auto a = xml_attr(attrs, "min"), b = xml_attr(attrs, "max");
        std::from_chars(a.data(), a.data() + a.size(), lo);
        std::from_chars(b.data(), b.data() + b.size(), hi);
        if (lo >= 1 && hi >= lo) data.hidden_columns.emplace_back(lo, std::min(hi, 16384));
      }
    } else if (name == "mergeCell") {
      std::string_view ref = xml_attr(attrs, "ref");
      auto colon = ref.find(':');
      Merge m;
      if (colon != std::string_view::npos && parse_cell_ref(ref.substr(0, colon), m.c1, m.r1) &&
          parse_cell_ref(ref.substr(colon + 1), m.c2, m.r2) && m.c2 >= m.c1 && m.r2 >= m.r1) {
        data.merges.push_back(m);
      }
    } else if (name == "rowBreaks") {
      in_row_breaks_ = true;
    } else if (name == "brk" && in_row_breaks_) {
      int id = 0;
      auto v = xml_attr(attrs, "id");
      std::from_chars(v.data(), v.data() + v.size(), id);
      if (id > 0) data.breaks_after.insert(id);
    }
  }

  void end(std::string_view name) override {
    if (in_is_) {
      if (name == "is") {
        in_is_ = false;
        inline_text_ = inline_.take();
      } else {
        inline_.end(name);
      }
      return;
    }
    if (name == "v") in_v_ = false;
    else if (name == "rowBreaks") in_row_breaks_ = false;
    else if (name == "c" && in_cell_) {
      in_cell_ = false;
      finish_cell();
    }
  }

  void text(std::string_view chars) override {
    if (in_is_) inline_.text(chars);
    else if (in_v_) value_ += chars;
  }

  SheetData data;

 private:
  void set_rich(const RichText& rich, const CellStyle& style) {
    std::string kept, struck;
    bool any_struck = false, any_kept = false;
    for (const Run& run : rich.runs) {
      bool strike = run.strike < 0 ? style.strike : run.strike == 1;
      if (strike) {
        struck += run.text;
        any_struck = any_struck || !trim_copy(run.text).empty();
      } else {
        kept += run.text;
        any_kept = any_kept || !trim_copy(run.text).empty();
      }
    }
    if (any_struck && any_kept) {
      cell_.text = trim_copy(kept);
      cell_.struck = trim_copy(struck);
      cell_.full = rich.text();
    } else {
      cell_.text = rich.text();
      cell_.all_struck = any_struck;
    }
  }

  void finish_cell() {
    const CellStyle& style = ctx_.styles->style(style_);
    // openpyxl writes an empty <v/> for a formula it could not calculate: that is no value either.
    if (has_value_ && value_.empty() && type_ != "str" && type_ != "inlineStr") has_value_ = false;
    cell_.column = cell_col_;
    cell_.fill_rag = style.fill_rag;
    if (type_ == "s") {
      std::size_t index = 0;
      auto [p, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), index);
      if (ec == std::errc() && index < ctx_.shared->size()) set_rich((*ctx_.shared)[index], style);
    } else if (type_ == "inlineStr") {
      set_rich(inline_text_, style);
    } else if (type_ == "str" || type_ == "e") {
      cell_.text = decode_cell_text(value_);
      cell_.all_struck = style.strike && !trim_copy(cell_.text).empty();
    } else if (type_ == "b") {
      if (has_value_) cell_.text = trim_copy(value_) == "1" ? "TRUE" : "FALSE";
    } else if (type_ == "d") {
      cell_.text = value_.substr(0, value_.find('T'));  // ISO 8601; the date part is what a plan means
    } else if (has_value_) {
      double v = 0;
      std::string trimmed = trim_copy(value_);
      auto [p, ec] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), v);
      if (ec == std::errc()) {
        std::string code = ctx_.styles->format_code(style.num_fmt_id);
        cell_.text = display_number(v, style.num_fmt_id, code, ctx_.date1904);
        bool general = code.empty() || code == "General" || code == "general" || code == "@";
        if (general && std::isfinite(v) && v != std::floor(v)) {
          cell_.general_decimal = true;
          cell_.value = v;
        }
      } else {
        cell_.text = trimmed;
      }
      cell_.all_struck = style.strike && !cell_.text.empty();
    }
    if (has_formula_ && !has_value_) ++data.formulas_without_value;
    if (cell_.text.empty() && cell_.fill_rag.empty() && cell_.struck.empty()) return;
    check_cells(ctx_.source, ++cells_, *ctx_.limits);
    *ctx_.expanded += cell_.text.size() + cell_.struck.size();
    check_expanded(ctx_.source, *ctx_.expanded, *ctx_.limits);
    data.rows.back().cells.push_back(std::move(cell_));
  }

  const WorkbookContext& ctx_;
  std::string part_;
  int last_row_ = 0, last_col_ = 0, cell_col_ = 0, style_ = 0;
  std::string type_, value_;
  bool in_cell_ = false, in_v_ = false, in_is_ = false, has_formula_ = false, has_value_ = false;
  bool in_row_breaks_ = false;
  RichTextBuilder inline_;
  RichText inline_text_;
  SheetCell cell_;
  std::size_t cells_ = 0;
};

// The sheet's rows in order, merged into one entry per row number and cells sorted by column.
void normalise_rows(SheetData& data) {
  std::stable_sort(data.rows.begin(), data.rows.end(), [](const SheetRow& a, const SheetRow& b) { return a.row < b.row; });
  std::vector<SheetRow> merged;
  for (SheetRow& r : data.rows) {
    if (!merged.empty() && merged.back().row == r.row) {
      merged.back().hidden = merged.back().hidden || r.hidden;
      for (auto& c : r.cells) merged.back().cells.push_back(std::move(c));
    } else {
      merged.push_back(std::move(r));
    }
  }
  for (SheetRow& r : merged) {
    std::stable_sort(r.cells.begin(), r.cells.end(), [](const SheetCell& a, const SheetCell& b) { return a.column < b.column; });
  }
  data.rows = std::move(merged);
}

SheetRow* find_row(std::vector<SheetRow>& rows, int row) {
  auto it = std::lower_bound(rows.begin(), rows.end(), row, [](const SheetRow& r, int v) { return r.row < v; });
  return it != rows.end() && it->row == row ? &*it : nullptr;
}

SheetCell* find_cell(SheetRow& row, int column) {
  auto it = std::lower_bound(row.cells.begin(), row.cells.end(), column,
                             [](const SheetCell& c, int v) { return c.column < v; });
  return it != row.cells.end() && it->column == column ? &*it : nullptr;
}

SheetCell& cell_at(std::vector<SheetRow>& rows, int row, int column) {
  auto rit = std::lower_bound(rows.begin(), rows.end(), row, [](const SheetRow& r, int v) { return r.row < v; });
  if (rit == rows.end() || rit->row != row) rit = rows.insert(rit, SheetRow{row, false, {}});
  auto cit = std::lower_bound(rit->cells.begin(), rit->cells.end(), column,
                              [](const SheetCell& c, int v) { return c.column < v; });
  if (cit == rit->cells.end() || cit->column != column) {
    SheetCell fresh;
    fresh.column = column;
    cit = rit->cells.insert(cit, fresh);
  }
  return *cit;
}

// Merges: the anchor of a merge spanning columns is flagged merged_across (section headings, two-level headers);
// the covered cells are emptied. A merge one column wide spanning rows (a lead or theme written once for several
// actions) is filled down, because each row of the plan does carry that value.
void apply_merges(SheetData& data) {
  if (data.rows.empty()) return;
  const int last_row = data.rows.back().row;
  for (const Merge& m : data.merges) {
    SheetRow* anchor_row = find_row(data.rows, m.r1);
    SheetCell* anchor = anchor_row != nullptr ? find_cell(*anchor_row, m.c1) : nullptr;
    std::string text = anchor != nullptr ? anchor->text : std::string();
    std::string fill = anchor != nullptr ? anchor->fill_rag : std::string();
    if (anchor != nullptr && m.c2 > m.c1) anchor->merged_across = true;
    auto first = std::lower_bound(data.rows.begin(), data.rows.end(), m.r1, [](const SheetRow& r, int v) { return r.row < v; });
    for (auto it = first; it != data.rows.end() && it->row <= m.r2; ++it) {
      for (SheetCell& c : it->cells) {
        if (c.column < m.c1 || c.column > m.c2 || (it->row == m.r1 && c.column == m.c1)) continue;
        c.covered = true;
        c.text.clear();
        c.struck.clear();
        c.fill_rag.clear();
        c.general_decimal = false;
      }
    }
    if (m.c1 == m.c2 && m.r2 > m.r1 && !text.empty()) {
      for (int r = m.r1 + 1; r <= std::min(m.r2, last_row); ++r) {
        SheetCell& c = cell_at(data.rows, r, m.c1);
        c.text = text;
        c.fill_rag = fill;
      }
    }
  }
}

struct SheetTable {
  RawTable table;
  std::vector<DecimalCell> decimals;
};

SheetTable build_table(const std::string& source, const std::string& sheet_name, SheetData data,
                       const Limits& limits) {
  normalise_rows(data);
  apply_merges(data);
  SheetTable out;
  RawTable& t = out.table;
  t.source = source;
  t.sheet = sheet_name;
  int width = 0;
  for (const SheetRow& r : data.rows)
    for (const SheetCell& c : r.cells)
      if (!c.text.empty() || !c.struck.empty()) width = std::max(width, c.column);
  const auto hidden_column = [&data](int col) {
    return std::any_of(data.hidden_columns.begin(), data.hidden_columns.end(),
                       [col](const auto& range) { return col >= range.first && col <= range.second; });
  };
  int previous_line = 0;
  std::size_t dense = 0;
  for (const SheetRow& r : data.rows) {
    bool has_text = std::any_of(r.cells.begin(), r.cells.end(), [](const SheetCell& c) { return !c.text.empty() || !c.struck.empty(); });
    if (!has_text) continue;
    dense += static_cast<std::size_t>(width);
    if (dense > 4 * limits.cells) {
      throw input_error(source + ": sheet '" + sheet_name + "' is too large to read as an action plan (" +
                        std::to_string(width) + " columns); delete unused columns or export CSV");
    }
    Row row;
    row.line = r.row;
    row.hidden = r.hidden;
    row.page_break_before = previous_line > 0 && (r.row > previous_line + 1 || data.breaks_after.count(previous_line) > 0);
    previous_line = r.row;
    row.cells.resize(static_cast<std::size_t>(width));
    for (int c = 1; c <= width; ++c) {
      Cell& cell = row.cells[static_cast<std::size_t>(c - 1)];
      cell.pos.line = r.row;
      cell.pos.column = c;
    }
    const std::size_t row_index = t.rows.size();
    for (const SheetCell& sc : r.cells) {
      if (sc.column > width) continue;
      Cell& cell = row.cells[static_cast<std::size_t>(sc.column - 1)];
      cell.text = sc.text;
      if (!sc.struck.empty() || !sc.fill_rag.empty() || sc.merged_across)
        cell.marks = std::make_shared<const SheetCellMarks>(SheetCellMarks{sc.fill_rag, sc.struck, sc.merged_across});
      const std::string ref = cell_ref(sc.column, r.row);
      const std::string where = sheet_name + "!" + ref;
      if (!sc.struck.empty()) {
        t.repairs.push_back({"struck-through", r.row, "", "", sc.full, sc.text, where});
      } else if (sc.all_struck) {
        t.warnings.push_back({r.row, "",
                              "cell " + ref + " is struck through entirely; its text is kept — delete "
                              "the text in the workbook if the entry is withdrawn",
                              where});
      }
      if (sc.text.empty() && !sc.fill_rag.empty() && !sc.covered) {
        t.repairs.push_back({"fill-colour", r.row, "", "", "", sc.fill_rag, where});
      }
      if (sc.general_decimal) out.decimals.push_back({row_index, static_cast<std::size_t>(sc.column - 1), sc.value});
    }
    row.raw = join_cells(row);
    t.rows.push_back(std::move(row));
  }
  int header = guess_header_row(t);
  for (int c = 1; c <= width; ++c) {
    if (!hidden_column(c)) continue;
    bool any = std::any_of(t.rows.begin(), t.rows.end(), [c](const Row& row) {
      return !row.cells[static_cast<std::size_t>(c - 1)].text.empty();
    });
    if (!any) continue;
    std::string label;
    if (header >= 0) label = trim_copy(t.rows[static_cast<std::size_t>(header)].cells[static_cast<std::size_t>(c - 1)].text);
    if (label.empty()) label = "column " + column_letters(c);
    t.hidden_columns.push_back(label);
    t.warnings.push_back({0, "",
                          "sheet '" + sheet_name + "' column " + column_letters(c) + " ('" + label +
                              "') is hidden in the workbook; its cells are kept",
                          sheet_name + "!" + column_letters(c) + ":" + column_letters(c)});
  }
  if (data.formulas_without_value > 0) {
    t.warnings.push_back({0, "",
                          std::to_string(data.formulas_without_value) + " formula cell(s) in sheet '" + sheet_name +
                              "' have no saved result and read as empty; open the workbook in Excel or LibreOffice "
                              "and save it again so the results are stored",
                          ""});
  }
  return out;
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
    }
  }
  void end(std::string_view) override {}
  void text(std::string_view) override {}
  bool date1904 = false;
  std::vector<SheetEntry> sheets;
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

RawTable load_xlsx(const std::string& source, std::string_view bytes, const std::optional<std::string>& sheet,
                   const Limits& limits) {
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
  WorkbookContext ctx{source, &styles, &shared.strings, workbook.date1904, &limits, &expanded};
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
    SheetHandler handler(ctx, c.part);
    parse_xml_part(package, c.part, handler);
    return build_table(source, c.entry->name, std::move(handler.data), limits);
  };
  auto finish = [](SheetTable st) {
    warn_lost_trailing_zeros(st.table, st.decimals);
    return std::move(st.table);
  };

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
    return finish(read_sheet(*found));
  }

  // Score every worksheet; keep only the best table in memory.
  std::vector<SheetScore> scores;
  std::optional<SheetTable> best;
  std::size_t best_index = 0;
  for (const Candidate& c : candidates) {
    if (c.chart) {
      SheetScore s;
      s.name = c.entry->name;
      s.chart = true;
      s.hidden = c.entry->hidden;
      scores.push_back(s);
      continue;
    }
    SheetTable st = read_sheet(c);
    scores.push_back(score_sheet(st.table, c.entry->name, c.entry->hidden));
    std::size_t chosen = best_sheet(scores);
    if (chosen == scores.size() - 1) {
      best = std::move(st);
      best_index = chosen;
    }
  }
  RawTable table = finish(std::move(*best));
  note_sheet_choice(table, scores, best_index);
  return table;
}

}  // namespace plansheet
