// content.xml of an OpenDocument spreadsheet as a stream of expat events to one grid per sheet (see
// read_content.hpp). Its automatic styles come before the sheets in the same part, so one pass reads both.
#include "load/ods/read_content.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iterator>
#include <cstdint>

#include "load/xlsx/read_style.hpp"
#include "load/xlsx/read_xml.hpp"
#include "load/xlsx/read_zip.hpp"
#include "model/errors.hpp"
#include "text/ascii.hpp"

namespace plansheet::detail {

namespace {

constexpr std::int64_t max_rows = 1 << 24;     // LibreOffice's largest sheet
constexpr std::int64_t max_columns = 1 << 14;

std::int64_t count_attr(XmlAttrs attrs, std::string_view name) {
  std::string_view v = xml_attr(attrs, name);
  std::int64_t out = 1;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  return ec == std::errc() ? std::clamp<std::int64_t>(out, 1, max_rows) : 1;
}

// style:style elements of the table-cell family: background and line-through, and the parent they inherit from.
class StyleReader {
 public:
  explicit StyleReader(OdsStyles& styles) : styles_(styles) {}
  // True when the event belonged to a style.
  bool start(std::string_view name, XmlAttrs attrs) {
    if (name == "style") {
      std::string_view family = xml_attr(attrs, "family");
      current_ = family == "table-cell" || family == "text" || family == "table"
                     ? std::string(xml_attr(attrs, "name"))
                     : std::string();
      if (!current_.empty()) styles_[current_] = {std::string(xml_attr(attrs, "parent-style-name")), {}, false, false, false};
      return true;
    }
    if (current_.empty()) return false;
    if (name == "table-properties" && xml_attr(attrs, "display") == "false") {
      styles_[current_].hidden_table = true;
    } else if (name == "table-cell-properties" && xml_has_attr(attrs, "background-color")) {
      OdsStyle& s = styles_[current_];
      s.has_fill = true;
      if (auto rgb = parse_rgb_hex(xml_attr(attrs, "background-color").substr(1))) s.fill_rag = rag_from_rgb(*rgb);
    } else if (name == "text-properties" &&
               (xml_has_attr(attrs, "text-line-through-style") || xml_has_attr(attrs, "text-line-through-type"))) {
      OdsStyle& s = styles_[current_];
      s.has_strike = true;
      std::string_view style = xml_attr(attrs, "text-line-through-style"), type = xml_attr(attrs, "text-line-through-type");
      s.strike = (!style.empty() && style != "none") || (!type.empty() && type != "none");
    }
    return true;
  }
  void end(std::string_view name) {
    if (name == "style") current_.clear();
  }

 private:
  OdsStyles& styles_;
  std::string current_;
};

class StylesOnly : public XmlHandler {
 public:
  explicit StylesOnly(OdsStyles& styles) : reader_(styles) {}
  void start(std::string_view name, XmlAttrs attrs) override { reader_.start(name, attrs); }
  void end(std::string_view name) override { reader_.end(name); }
  void text(std::string_view) override {}

 private:
  StyleReader reader_;
};

class ContentHandler : public XmlHandler {
 public:
  ContentHandler(std::string source, const OdsStyles& common, const Limits& limits)
      : source_(std::move(source)), styles_(common), style_reader_(styles_), limits_(limits) {}

  void start(std::string_view name, XmlAttrs attrs) override {
    if (skip_ > 0) {
      ++skip_;
      return;
    }
    if (!in_table_ && style_reader_.start(name, attrs)) return;
    if (name == "annotation" || name == "shapes" || name == "named-expressions") {
      skip_ = 1;
    } else if (name == "table" && !in_table_) {
      in_table_ = true;
      auto style = styles_.find(std::string(xml_attr(attrs, "style-name")));
      sheets.push_back({std::string(xml_attr(attrs, "name")), style != styles_.end() && style->second.hidden_table, {}});
      check_sheets(source_, sheets.size(), limits_);
      row_ = 0;
      column_ = 0;
      column_styles_.clear();
    } else if (!in_table_) {
      return;
    } else if (name == "table-column") {
      std::int64_t n = count_attr(attrs, "number-columns-repeated");
      std::string_view style = xml_attr(attrs, "default-cell-style-name");
      if (!style.empty() && column_ < max_columns) column_styles_.emplace_back(column_ + 1, std::string(style));
      else if (!column_styles_.empty() && !column_styles_.back().second.empty()) column_styles_.emplace_back(column_ + 1, "");
      if (xml_attr(attrs, "visibility") == "collapse" || xml_attr(attrs, "visibility") == "filter")
        if (column_ < max_columns)
          sheets.back().data.hidden_columns.emplace_back(static_cast<int>(column_ + 1),
                                                         static_cast<int>(std::min(column_ + n, max_columns)));
      column_ = std::min(column_ + n, max_columns + 1);
    } else if (name == "table-row") {
      row_repeat_ = count_attr(attrs, "number-rows-repeated");
      row_hidden_ = xml_attr(attrs, "visibility") == "collapse" || xml_attr(attrs, "visibility") == "filter";
      row_cells_.clear();
      row_merges_.clear();
      row_has_text_ = false;
      column_ = 0;
    } else if (name == "table-cell" || name == "covered-table-cell") {
      cell_repeat_ = count_attr(attrs, "number-columns-repeated");
      covered_ = name == "covered-table-cell";
      col_span_ = static_cast<int>(std::min<std::int64_t>(count_attr(attrs, "number-columns-spanned"), max_columns));
      row_span_ = static_cast<int>(count_attr(attrs, "number-rows-spanned"));
      std::string_view style = xml_attr(attrs, "style-name");
      cell_style_ = style.empty() ? column_style(column_ + 1) : std::string(style);
      value_ = xml_attr(attrs, "value-type") == "float" ? std::string(xml_attr(attrs, "value")) : std::string();
      cell_text_.clear();
      struck_text_.clear();
      kept_text_.clear();
      paragraphs_ = 0;
      in_cell_ = true;
      if (covered_) skip_ = 1;  // a covered cell's text is hidden under the merge
    } else if (in_cell_ && name == "p") {
      if (paragraphs_++ > 0) add("\n");
    } else if (in_cell_ && name == "s") {
      add(std::string(static_cast<std::size_t>(std::min<std::int64_t>(count_attr(attrs, "c"), 1000)), ' '));
    } else if (in_cell_ && name == "tab") {
      add(" ");
    } else if (in_cell_ && name == "line-break") {
      add("\n");
    } else if (in_cell_ && name == "span") {
      span_struck_.push_back(struck(std::string(xml_attr(attrs, "style-name"))));
    }
  }

  void end(std::string_view name) override {
    if (skip_ > 0) {
      if (--skip_ > 0 || !covered_) return;
    }
    if (!in_table_) {
      style_reader_.end(name);
      return;
    }
    if (name == "span" && !span_struck_.empty()) {
      span_struck_.pop_back();
    } else if (name == "table-cell" || name == "covered-table-cell") {
      end_cell();
    } else if (name == "table-row") {
      end_row();
    } else if (name == "table") {
      in_table_ = false;
    }
  }

  void text(std::string_view chars) override {
    if (skip_ > 0 || !in_cell_) return;
    add(chars);
  }

  std::vector<OdsSheet> sheets;

 private:
  void add(std::string_view chars) {
    cell_text_ += chars;
    bool is_struck = !span_struck_.empty() && span_struck_.back();
    (is_struck ? struck_text_ : kept_text_) += chars;
    expanded_ += chars.size();
    check_expanded(source_, expanded_, limits_);
  }

  // The style's own setting, else its parent's (a bounded walk: a loop of parents ends).
  const OdsStyle* resolve(std::string name, bool OdsStyle::*has) const {
    for (int hops = 0; hops < 16 && !name.empty(); ++hops) {
      auto it = styles_.find(name);
      if (it == styles_.end()) return nullptr;
      if (it->second.*has) return &it->second;
      name = it->second.parent;
    }
    return nullptr;
  }
  bool struck(const std::string& style) const {
    const OdsStyle* s = resolve(style, &OdsStyle::has_strike);
    return s != nullptr && s->strike;
  }

  std::string column_style(std::int64_t column) const {
    auto it = std::upper_bound(column_styles_.begin(), column_styles_.end(), column,
                               [](std::int64_t c, const auto& entry) { return c < entry.first; });
    return it == column_styles_.begin() ? std::string() : std::prev(it)->second;
  }

  void end_cell() {
    in_cell_ = false;
    const std::int64_t first = column_ + 1;
    column_ = std::min(column_ + cell_repeat_, max_columns + 1);
    if (covered_) return;
    const OdsStyle* fill = resolve(cell_style_, &OdsStyle::has_fill);
    SheetCell cell;
    cell.text = cell_text_;
    cell.fill_rag = fill != nullptr ? fill->fill_rag : std::string();
    const bool any_text = cell.text.find_first_not_of(" \n") != std::string::npos;
    if (struck(cell_style_) && any_text) {
      cell.all_struck = true;
    } else if (!struck_text_.empty() && kept_text_.find_first_not_of(" \n") != std::string::npos &&
               struck_text_.find_first_not_of(" \n") != std::string::npos) {
      cell.full = cell.text;
      cell.text = std::string(trim(kept_text_));
      cell.struck = std::string(trim(struck_text_));
    }
    // A colour alone repeated along a row is formatting, not a rating.
    if (!any_text && (cell.fill_rag.empty() || cell_repeat_ > 1)) return;
    if (first > max_columns)
      throw input_error(source_ + ": sheet '" + sheets.back().name + "' has a cell past column " +
                        std::to_string(max_columns) + "; delete the unused columns or export CSV");
    row_has_text_ = row_has_text_ || any_text;
    check_cells(source_, cells_ + static_cast<std::uint64_t>(cell_repeat_), limits_);
    count_copies(1, cell.text.size(), cell_repeat_);
    for (std::int64_t k = 0; k < cell_repeat_ && first + k <= max_columns; ++k) {
      cell.column = static_cast<int>(first + k);
      row_cells_.push_back(cell);
    }
    // A decimal shown as stored (General), for the lost-trailing-zero check.
    double value = 0;
    auto [p, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), value);
    if (!value_.empty() && ec == std::errc() && cell.text == value_ && std::isfinite(value) && value != std::floor(value)) {
      row_cells_.back().general_decimal = true;
      row_cells_.back().value = value;
    }
    if (col_span_ > 1 || row_span_ > 1) row_merges_.push_back({static_cast<int>(first), col_span_, row_span_});
  }

  // A cell (or a row of `cells` cells holding `bytes` of text) written once and repeated `repeat` times: the copies
  // beyond the first are counted before they are made, as cells and as text, so a few bytes of XML cannot unfold
  // to gigabytes.
  void count_copies(std::uint64_t cells, std::uint64_t bytes, std::int64_t repeat) {
    if (repeat <= 1 || cells == 0) return;
    const auto extra = static_cast<std::uint64_t>(repeat - 1);
    auto grow = [extra](std::uint64_t& total, std::uint64_t each) {
      const std::uint64_t more = each > UINT64_MAX / extra ? UINT64_MAX : each * extra;
      total = more > UINT64_MAX - total ? UINT64_MAX : total + more;
    };
    grow(copies_, cells);
    grow(copied_bytes_, bytes);
    check_repeated(source_, copies_, copied_bytes_, limits_);
    grow(expanded_, bytes);
    check_expanded(source_, expanded_, limits_);
  }

  void end_row() {
    const std::int64_t first = row_ + 1;
    row_ = std::min(row_ + row_repeat_, max_rows + 1);
    if (!row_has_text_) return;  // empty, or colours only: a repeated run of formatted rows is no content
    if (first > max_rows)
      throw input_error(source_ + ": sheet '" + sheets.back().name + "' has text past row " + std::to_string(max_rows) +
                        "; delete the unused rows or export CSV");
    cells_ += row_cells_.size() * static_cast<std::uint64_t>(row_repeat_);
    check_cells(source_, cells_, limits_);
    std::uint64_t row_text = 0;
    for (const SheetCell& c : row_cells_) row_text += c.text.size();
    count_copies(row_cells_.size(), row_text, row_repeat_);
    SheetData& data = sheets.back().data;
    for (std::int64_t k = 0; k < row_repeat_ && first + k <= max_rows; ++k) {
      const int line = static_cast<int>(first + k);
      data.rows.push_back({line, row_hidden_, row_cells_});
      for (const auto& m : row_merges_) data.merges.push_back({m.column, line, m.column + m.columns - 1, line + m.rows - 1});
    }
  }

  struct PendingMerge {
    int column, columns, rows;
  };

  std::string source_;
  OdsStyles styles_;
  StyleReader style_reader_;
  const Limits& limits_;
  int skip_ = 0, paragraphs_ = 0, col_span_ = 1, row_span_ = 1;
  bool in_table_ = false, in_cell_ = false, covered_ = false, row_hidden_ = false, row_has_text_ = false;
  std::int64_t row_ = 0, column_ = 0, row_repeat_ = 1, cell_repeat_ = 1;
  std::vector<std::pair<std::int64_t, std::string>> column_styles_;  // (first column, default cell style), ascending
  std::vector<SheetCell> row_cells_;
  std::vector<PendingMerge> row_merges_;
  std::vector<bool> span_struck_;
  std::string value_, cell_style_, cell_text_, struck_text_, kept_text_;
  std::uint64_t expanded_ = 0, cells_ = 0, copies_ = 0, copied_bytes_ = 0;
};

}  // namespace

void read_ods_styles(const std::string& source, std::string_view xml_part, std::string_view xml, OdsStyles& styles) {
  StylesOnly handler(styles);
  parse_xml_text(source, std::string(xml_part), xml, handler);
}

std::vector<OdsSheet> read_ods_content(ZipPackage& package, const OdsStyles& common, const Limits& limits) {
  ContentHandler handler(package.source(), common, limits);
  parse_xml_part(package, "content.xml", handler);
  return std::move(handler.sheets);
}

std::vector<OdsSheet> read_ods_content_xml(const std::string& source, std::string_view xml, const OdsStyles& common,
                                           const Limits& limits) {
  ContentHandler handler(source, common, limits);
  parse_xml_text(source, "content.xml", xml, handler);
  return std::move(handler.sheets);
}

}  // namespace plansheet::detail
