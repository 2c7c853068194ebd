// The text of XLSX string cells: shared strings (<si>) and inline strings (<is>), with their runs, so a
// struck-through run can be told from the rest. Takes expat events; gives one RichText per string.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "load/xlsx/read_xml.hpp"

namespace plansheet::detail {

// OOXML's _xHHHH_ escapes decoded and CR LF / CR turned into LF.
std::string decode_cell_text(std::string_view s);

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

}  // namespace plansheet::detail
