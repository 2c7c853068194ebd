// One XLSX worksheet part to a RawTable (see sheet_reader.hpp), read as a stream of expat events.
#include "load/xlsx/sheet_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "detect/sheet_choice.hpp"
#include "load/number_format.hpp"
#include "load/xlsx/read_xml.hpp"
#include "model/errors.hpp"
#include "text/ascii.hpp"

namespace plansheet::detail {

namespace {

std::string trim_copy(std::string_view s) { return std::string(trim(s)); }

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


}  // namespace

SheetTable build_sheet_table(const std::string& source, const std::string& sheet_name, SheetData data,
                             const Limits& limits, bool keep_hidden) {
  normalise_rows(data);
  apply_merges(data);
  SheetTable out;
  RawTable& t = out.table;
  t.source = source;
  t.records_delimited = true;
  t.sheet = sheet_name;
  const auto hidden_column = [&data](int col) {
    return std::any_of(data.hidden_columns.begin(), data.hidden_columns.end(),
                       [col](const auto& range) { return col >= range.first && col <= range.second; });
  };
  // Officers hide internal notes: a hidden row or column is private, and none of its text goes anywhere (not even
  // a warning) unless --keep-hidden; only how many were left out is said.
  const auto private_cell = [&](const SheetRow& r, const SheetCell& c) {
    return !keep_hidden && (r.hidden || hidden_column(c.column));
  };
  const auto has_text = [](const SheetCell& c) { return !c.text.empty() || !c.struck.empty(); };
  int width = 0;
  std::set<int> private_columns;
  std::size_t private_rows = 0;
  for (const SheetRow& r : data.rows) {
    bool row_has_text = false;
    for (const SheetCell& c : r.cells) {
      if (!has_text(c)) continue;
      row_has_text = true;
      if (!private_cell(r, c)) width = std::max(width, c.column);
      else if (!r.hidden) private_columns.insert(c.column);
    }
    private_rows += !keep_hidden && r.hidden && row_has_text;
  }
  int previous_line = 0;
  std::size_t dense = 0;
  for (const SheetRow& r : data.rows) {
    if (!std::any_of(r.cells.begin(), r.cells.end(), [&](const SheetCell& c) { return has_text(c) && !private_cell(r, c); })) {
      // A hidden row left out is no gap between the rows around it.
      if (r.hidden && !keep_hidden && std::any_of(r.cells.begin(), r.cells.end(), has_text)) previous_line = r.row;
      continue;
    }
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
      if (sc.column > width || private_cell(r, sc)) continue;
      Cell& cell = row.cells[static_cast<std::size_t>(sc.column - 1)];
      cell.text = sc.text;
      if (!sc.struck.empty() || !sc.fill_rag.empty() || sc.merged_across)
        cell.marks = std::make_shared<const SheetCellMarks>(SheetCellMarks{sc.fill_rag, sc.struck, sc.merged_across});
      const std::string ref = cell_ref(sc.column, r.row);
      if (!sc.struck.empty()) {
        t.repairs.push_back({RepairRule::struck_through, {r.row, sc.column}, "", "", sc.full, sc.text});
      } else if (sc.all_struck) {
        t.warnings.push_back({{r.row, sc.column}, "",
                              "cell " + ref + " is struck through entirely; its text is kept — delete "
                              "the text in the workbook if the entry is withdrawn"});
      }
      if (sc.text.empty() && !sc.fill_rag.empty() && !sc.covered) {
        t.repairs.push_back({RepairRule::fill_colour, {r.row, sc.column}, "", "", "", sc.fill_rag});
      }
      if (sc.general_decimal) out.decimals.push_back({row_index, static_cast<std::size_t>(sc.column - 1), sc.value});
    }
    row.raw = join_cells(row);
    t.rows.push_back(std::move(row));
  }
  if (private_rows > 0 || !private_columns.empty()) {
    auto count = [](std::size_t n, const char* what) { return fmt::format("{} hidden {}{}", n, what, n == 1 ? "" : "s"); };
    std::string what = private_rows > 0 && !private_columns.empty()
                           ? count(private_rows, "row") + " and " + count(private_columns.size(), "column")
                       : private_rows > 0 ? count(private_rows, "row")
                                          : count(private_columns.size(), "column");
    t.warnings.push_back({{}, "",
                          "sheet '" + sheet_name + "': " + what + " left out, as hidden text is taken for private "
                              "notes; convert with --keep-hidden to read them"});
  }
  int header = guess_header_row(t);
  for (int c = 1; c <= width && keep_hidden; ++c) {
    if (!hidden_column(c)) continue;
    bool any = std::any_of(t.rows.begin(), t.rows.end(), [c](const Row& row) {
      return !row.cells[static_cast<std::size_t>(c - 1)].text.empty();
    });
    if (!any) continue;
    std::string label;
    if (header >= 0) label = trim_copy(t.rows[static_cast<std::size_t>(header)].cells[static_cast<std::size_t>(c - 1)].text);
    if (label.empty()) label = "column " + column_letters(c);
    t.hidden_columns.push_back(label);
    t.warnings.push_back({{0, c}, "",  // the whole column
                          "sheet '" + sheet_name + "' column " + column_letters(c) + " ('" + label +
                              "') is hidden in the workbook; its cells are kept"});
  }
  if (data.formulas_without_value > 0) {
    t.warnings.push_back({{}, "",
                          std::to_string(data.formulas_without_value) + " formula cell(s) in sheet '" + sheet_name +
                              "' have no saved result and read as empty; open the workbook in Excel or LibreOffice "
                              "and save it again so the results are stored"});
  }
  return out;
}

SheetTable read_worksheet(ZipPackage& package, const WorkbookContext& ctx, const std::string& part,
                          const std::string& sheet_name) {
  SheetHandler handler(ctx, part);
  parse_xml_part(package, part, handler);
  return build_sheet_table(ctx.source, sheet_name, std::move(handler.data), *ctx.limits, ctx.keep_hidden);
}

}  // namespace plansheet::detail
