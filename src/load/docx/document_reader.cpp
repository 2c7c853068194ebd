// word/document.xml as a stream of expat events to the document's top-level tables (see document_reader.hpp).
// A table nested in a cell is read into that cell as lines; text boxes' fallback copies are skipped.
#include "load/docx/document_reader.hpp"

#include <array>
#include <algorithm>
#include <charconv>
#include <tuple>

#include "load/xlsx/read_style.hpp"
#include "load/xlsx/read_xml.hpp"
#include "load/xlsx/read_zip.hpp"
#include "model/errors.hpp"
#include "text/ascii.hpp"

namespace plansheet::detail {

namespace {

constexpr int max_table_depth = 32;

int int_attr(XmlAttrs attrs, std::string_view name, int absent) {
  std::string_view v = xml_attr(attrs, name);
  int out = absent;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  return ec == std::errc() ? out : absent;
}

// w:b, w:strike: present means on unless w:val says "0", "false" or "off".
bool toggle_on(XmlAttrs attrs) {
  std::string_view v = xml_attr(attrs, "val");
  return v != "0" && v != "false" && v != "off" && v != "none";
}

std::string roman(int n, bool upper) {
  static constexpr std::array<std::pair<int, std::string_view>, 13> table{{{1000, "m"}, {900, "cm"}, {500, "d"},
      {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}}};
  if (n < 1 || n > 3999) return std::to_string(n);
  std::string out;
  for (const auto& [value, digits] : table)
    while (n >= value) {
      out += digits;
      n -= value;
    }
  if (upper)
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string letters(int n, bool upper) {
  // Word writes aa, bbb after z: past a few letters a number reads better.
  if (n < 1 || n > 26 * 8) return std::to_string(n);
  return std::string(static_cast<std::size_t>((n - 1) / 26 + 1), static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26));
}

std::string format_number(const std::string& format, int n) {
  if (format == "lowerLetter") return letters(n, false);
  if (format == "upperLetter") return letters(n, true);
  if (format == "lowerRoman") return roman(n, false);
  if (format == "upperRoman") return roman(n, true);
  return std::to_string(n);
}

class DocumentHandler : public XmlHandler {
 public:
  DocumentHandler(std::string source, const DocFormats& formats, const Limits& limits)
      : source_(std::move(source)), formats_(formats), limits_(limits) {}

  void start(std::string_view name, XmlAttrs attrs) override {
    if (skip_depth_ > 0) {
      ++skip_depth_;
      return;
    }
    if (name == "Fallback" || name == "txbxContent" || name == "del" || name == "moveFrom" || name == "instrText" ||
        name == "pPrChange" || name == "rPrChange" || name == "tcPrChange" || name == "trPrChange" ||
        name == "tblPrChange" || name == "sectPr") {
      if (name == "del" || name == "moveFrom") ++body.deletions;
      skip_depth_ = 1;
      return;
    }
    if (name == "ins" || name == "moveTo") {
      ++body.insertions;
    } else if (name == "tbl") {
      if (++depth_ > max_table_depth)
        throw input_error(source_ + ": tables nested more than " + std::to_string(max_table_depth) +
                          " deep; this is no action plan Word writes; save the table alone in a new document");
      if (depth_ == 1) {
        body.tables.push_back({});
        body.tables.back().heading = last_heading_;
        last_heading_.clear();
      }
    } else if (depth_ == 1 && name == "tr") {
      body.tables.back().rows.push_back({});
      next_column_ = 1;
    } else if (depth_ == 1 && name == "gridBefore" && in_trpr_) {
      next_column_ += std::clamp(int_attr(attrs, "val", 0), 0, 16384);
    } else if (depth_ == 1 && name == "trPr") {
      in_trpr_ = true;
    } else if (depth_ == 1 && in_trpr_ && name == "tblHeader" && toggle_on(attrs)) {
      current_row().repeated_header = true;
    } else if (depth_ == 1 && in_trpr_ && name == "hidden" && toggle_on(attrs)) {
      current_row().hidden = true;
    } else if (depth_ == 1 && name == "tc") {
      if (body.tables.back().rows.empty()) body.tables.back().rows.push_back({});
      cell_ = {};
      cell_.column = next_column_;
      cell_lines_.clear();
      struck_lines_.clear();
      full_lines_.clear();
      cell_kept_ = cell_struck_ = false;
      in_cell_ = true;
    } else if (depth_ == 1 && in_cell_ && name == "tcPr") {
      in_tcpr_ = true;
    } else if (in_tcpr_ && name == "gridSpan") {
      cell_.span = std::clamp(int_attr(attrs, "val", 1), 1, 16384);
    } else if (in_tcpr_ && name == "vMerge") {
      cell_.vmerge = xml_attr(attrs, "val") == "restart" ? DocCell::VMerge::restart : DocCell::VMerge::next;
    } else if (in_tcpr_ && name == "shd") {
      if (auto rgb = parse_rgb_hex(xml_attr(attrs, "fill"))) cell_.fill_rag = rag_from_rgb(*rgb);
    } else if (name == "p") {
      para_ = {};
    } else if (name == "pPr") {
      in_ppr_ = true;
    } else if (in_ppr_ && !in_run_ && name == "pStyle") {
      const std::string style(xml_attr(attrs, "val"));
      auto it = formats_.heading_styles.find(style);
      if (it != formats_.heading_styles.end()) para_.style = it->second;
      auto numbering = formats_.style_numbering.find(style);
      if (numbering != formats_.style_numbering.end()) std::tie(para_.num_id, para_.ilvl) = numbering->second;
    } else if (in_ppr_ && !in_run_ && name == "outlineLvl") {
      if (para_.style.empty()) para_.style = "heading";
    } else if (in_ppr_ && name == "ilvl") {
      para_.ilvl = std::clamp(int_attr(attrs, "val", 0), 0, 8);
    } else if (in_ppr_ && name == "numId") {
      para_.num_id = std::string(xml_attr(attrs, "val"));
    } else if (name == "r") {
      in_run_ = true;
      run_bold_ = run_strike_ = false;
      run_text_.clear();
    } else if (in_run_ && (name == "b" || name == "bCs")) {
      if (name == "b") run_bold_ = toggle_on(attrs);
    } else if (in_run_ && (name == "strike" || name == "dstrike")) {
      run_strike_ = run_strike_ || toggle_on(attrs);
    } else if (in_run_ && name == "t") {
      in_t_ = true;
    } else if (in_run_ && (name == "br" || name == "cr")) {
      if (xml_attr(attrs, "type") != "page" && xml_attr(attrs, "type") != "column") run_text_ += '\n';
    } else if (in_run_ && (name == "tab" || name == "ptab")) {
      run_text_ += ' ';
    } else if (in_run_ && name == "noBreakHyphen") {
      run_text_ += '-';
    }
    // w:softHyphen is an optional break point, not text: nothing is added for it.
  }

  void end(std::string_view name) override {
    if (skip_depth_ > 0) {
      --skip_depth_;
      return;
    }
    if (name == "t") {
      in_t_ = false;
    } else if (name == "r") {
      in_run_ = false;
      end_run();
    } else if (name == "pPr") {
      in_ppr_ = false;
    } else if (name == "p") {
      end_paragraph();
    } else if (name == "trPr") {
      in_trpr_ = false;
    } else if (name == "tcPr") {
      in_tcpr_ = false;
    } else if (depth_ == 1 && name == "tc" && in_cell_) {
      in_cell_ = false;
      end_cell();
    } else if (name == "tbl") {
      --depth_;
    }
  }

  void text(std::string_view chars) override {
    if (skip_depth_ > 0 || !in_t_) return;
    run_text_ += chars;
    count(chars.size());
  }

  DocBody body;

 private:
  struct Paragraph {
    std::string kept, struck, full;
    bool any_kept = false, any_struck = false, all_bold = true, any_text = false;
    std::string style;  // "title", "heading" or ""
    std::string num_id;
    int ilvl = 0;
  };

  DocRow& current_row() {
    if (body.tables.back().rows.empty()) body.tables.back().rows.push_back({});
    return body.tables.back().rows.back();
  }

  void count(std::size_t bytes) {
    expanded_ += bytes;
    check_expanded(source_, expanded_, limits_);
  }

  void end_run() {
    bool blank = trim(run_text_).empty();
    if (run_strike_) {
      para_.struck += run_text_;
      para_.any_struck = para_.any_struck || !blank;
    } else {
      para_.kept += run_text_;
      para_.any_kept = para_.any_kept || !blank;
    }
    para_.full += run_text_;
    if (!blank) {
      para_.any_text = true;
      para_.all_bold = para_.all_bold && run_bold_;
    }
    run_text_.clear();
  }

  // The paragraph's list number or bullet as the reader sees it ("3.", "a)", "•").
  std::string list_label() {
    if (para_.num_id.empty() || para_.num_id == "0") return {};
    auto abstract = formats_.num_to_abstract.find(para_.num_id);
    if (abstract == formats_.num_to_abstract.end()) return {};
    auto levels = formats_.abstract_levels.find(abstract->second);
    if (levels == formats_.abstract_levels.end()) return {};
    auto level = levels->second.find(para_.ilvl);
    if (level == levels->second.end()) return {};
    if (level->second.format == "bullet") return "•";
    if (level->second.format == "none") return {};
    auto& counters = counters_[para_.num_id];
    counters[static_cast<std::size_t>(para_.ilvl)] =
        counters[static_cast<std::size_t>(para_.ilvl)] == 0 ? level->second.start : counters[static_cast<std::size_t>(para_.ilvl)] + 1;
    for (std::size_t deeper = static_cast<std::size_t>(para_.ilvl) + 1; deeper < counters.size(); ++deeper) counters[deeper] = 0;
    std::string out;
    const std::string& pattern = level->second.text;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
        int lvl = pattern[i + 1] - '1';
        auto other = levels->second.find(lvl);
        int n = counters[static_cast<std::size_t>(lvl)];
        if (n == 0 && other != levels->second.end()) n = other->second.start;
        out += format_number(other != levels->second.end() ? other->second.format : "decimal", n);
        ++i;
      } else {
        out += pattern[i];
      }
    }
    return out;
  }

  void end_paragraph() {
    std::string label = list_label();
    auto with_label = [&label](const std::string& text) { return label.empty() ? text : label + " " + text; };
    if (in_cell_) {
      cell_lines_.push_back(with_label(para_.any_kept || !para_.any_struck ? para_.kept : std::string()));
      struck_lines_.push_back(para_.any_kept ? para_.struck : std::string());
      full_lines_.push_back(with_label(para_.full));
      cell_kept_ = cell_kept_ || para_.any_kept;
      cell_struck_ = cell_struck_ || para_.any_struck;
      if (para_.any_struck && !para_.any_kept) all_struck_lines_.push_back(with_label(para_.struck));
      return;
    }
    if (depth_ > 0) return;
    std::string text(trim(para_.kept));
    if (text.empty()) return;
    if (body.title.empty() && para_.style == "title") body.title = text;
    if (!para_.style.empty() || (para_.all_bold && para_.any_text && text.size() <= 200)) last_heading_ = text;
    else if (text.size() > 200) last_heading_.clear();
    if (first_heading_.empty() && para_.style == "heading") first_heading_ = text;
  }

  static std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& line : lines) {
      std::string_view t = trim(line);
      if (t.empty()) continue;
      if (!out.empty()) out += '\n';
      out += t;
    }
    return out;
  }

  void end_cell() {
    if (cell_struck_ && cell_kept_) {
      cell_.text = join_lines(cell_lines_);
      cell_.struck = join_lines(struck_lines_);
      cell_.full = join_lines(full_lines_);
    } else if (cell_struck_) {
      cell_.text = join_lines(all_struck_lines_);
      cell_.all_struck = true;
    } else {
      cell_.text = join_lines(cell_lines_);
    }
    all_struck_lines_.clear();
    next_column_ = cell_.column + cell_.span;
    // Word's own tables stop at 63 columns; a sheet's width is the most any limit allows.
    const std::uint64_t widest = std::min<std::uint64_t>(limits_.columns, 16384);
    if (static_cast<std::uint64_t>(next_column_) > widest + 1)
      refuse_over_limit(source_, "a table row " + std::to_string(next_column_ - 1) + " columns wide",
                        std::to_string(widest) + " columns", "columns", "--max-columns");
    if (!cell_.text.empty()) check_cells(source_, ++cells_, limits_);
    current_row().cells.push_back(std::move(cell_));
  }

  std::string source_;
  const DocFormats& formats_;
  const Limits& limits_;
  int skip_depth_ = 0, depth_ = 0, next_column_ = 1;
  bool in_trpr_ = false, in_tcpr_ = false, in_cell_ = false, in_ppr_ = false, in_run_ = false, in_t_ = false;
  bool run_bold_ = false, run_strike_ = false, cell_kept_ = false, cell_struck_ = false;
  std::string run_text_, last_heading_;
  Paragraph para_;
  DocCell cell_;
  std::vector<std::string> cell_lines_, struck_lines_, full_lines_, all_struck_lines_;
  std::map<std::string, std::array<int, 9>> counters_;
  std::uint64_t expanded_ = 0, cells_ = 0;

 public:
  std::string first_heading_;
};

class StylesHandler : public XmlHandler {
 public:
  explicit StylesHandler(DocFormats& formats) : formats_(formats) {}
  void start(std::string_view name, XmlAttrs attrs) override {
    if (name == "style") {
      id_ = std::string(xml_attr(attrs, "styleId"));
      paragraph_ = xml_attr(attrs, "type") == "paragraph";
    } else if (name == "name" && paragraph_ && !id_.empty()) {
      std::string n = ascii_lower(xml_attr(attrs, "val"));
      if (n == "title") formats_.heading_styles[id_] = "title";
      else if (n.rfind("heading", 0) == 0 && n != "heading") formats_.heading_styles[id_] = "heading";
    } else if (name == "outlineLvl" && paragraph_ && !id_.empty() && !formats_.heading_styles.count(id_)) {
      formats_.heading_styles[id_] = "heading";
    } else if (name == "numId" && paragraph_ && !id_.empty()) {
      formats_.style_numbering[id_].first = std::string(xml_attr(attrs, "val"));
    } else if (name == "ilvl" && paragraph_ && !id_.empty()) {
      formats_.style_numbering[id_].second = std::clamp(int_attr(attrs, "val", 0), 0, 8);
    }
  }
  void end(std::string_view name) override {
    if (name == "style") id_.clear();
  }
  void text(std::string_view) override {}

 private:
  DocFormats& formats_;
  std::string id_;
  bool paragraph_ = false;
};

class NumberingHandler : public XmlHandler {
 public:
  explicit NumberingHandler(DocFormats& formats) : formats_(formats) {}
  void start(std::string_view name, XmlAttrs attrs) override {
    if (name == "abstractNum") {
      abstract_ = std::string(xml_attr(attrs, "abstractNumId"));
    } else if (name == "lvl" && !abstract_.empty()) {
      level_ = std::clamp(int_attr(attrs, "ilvl", 0), 0, 8);
      formats_.abstract_levels[abstract_][level_] = {};
    } else if (level_ >= 0 && name == "numFmt") {
      formats_.abstract_levels[abstract_][level_].format = std::string(xml_attr(attrs, "val"));
    } else if (level_ >= 0 && name == "lvlText") {
      formats_.abstract_levels[abstract_][level_].text = std::string(xml_attr(attrs, "val"));
    } else if (level_ >= 0 && name == "start") {
      formats_.abstract_levels[abstract_][level_].start = std::clamp(int_attr(attrs, "val", 1), 0, 1'000'000);
    } else if (name == "num") {
      num_ = std::string(xml_attr(attrs, "numId"));
    } else if (name == "abstractNumId" && !num_.empty()) {
      formats_.num_to_abstract[num_] = std::string(xml_attr(attrs, "val"));
    }
  }
  void end(std::string_view name) override {
    if (name == "abstractNum") abstract_.clear();
    else if (name == "lvl") level_ = -1;
    else if (name == "num") num_.clear();
  }
  void text(std::string_view) override {}

 private:
  DocFormats& formats_;
  std::string abstract_, num_;
  int level_ = -1;
};

DocBody finish(DocumentHandler& handler) {
  DocBody out = std::move(handler.body);
  if (out.title.empty()) out.title = handler.first_heading_;
  return out;
}

}  // namespace

DocFormats read_doc_formats(ZipPackage& package) {
  DocFormats formats;
  if (package.has("word/styles.xml")) {
    StylesHandler styles(formats);
    parse_xml_part(package, "word/styles.xml", styles);
  }
  if (package.has("word/numbering.xml")) {
    NumberingHandler numbering(formats);
    parse_xml_part(package, "word/numbering.xml", numbering);
  }
  return formats;
}

DocBody read_document(ZipPackage& package, const std::string& part, const DocFormats& formats, const Limits& limits) {
  DocumentHandler handler(package.source(), formats, limits);
  parse_xml_part(package, part, handler);
  return finish(handler);
}

DocBody read_document_xml(const std::string& source, std::string_view xml, const DocFormats& formats,
                          const Limits& limits) {
  DocumentHandler handler(source, formats, limits);
  parse_xml_text(source, "word/document.xml", xml, handler);
  return finish(handler);
}

}  // namespace plansheet::detail
