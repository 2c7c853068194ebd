// Cell styles of an XLSX workbook: theme palette, fills mapped to RAG words, struck-through fonts, number formats.
// Takes the XML of theme1.xml and styles.xml; returns a StyleTable indexed by a cell's `s` attribute.
#include "load/xlsx/read_style.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "load/number_format.hpp"
#include "load/xlsx/read_xml.hpp"

namespace plansheet::detail {

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

int to_int(std::string_view s, int fallback) {
  int value = fallback;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return ec == std::errc() ? value : fallback;
}

double to_double(std::string_view s) {
  // std::from_chars for double is available in libstdc++ 11+.
  double value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return ec == std::errc() ? value : 0.0;
}

struct Hsl {
  double h = 0;  // degrees
  double s = 0;
  double l = 0;
};

Hsl to_hsl(Rgb c) {
  double r = c.r / 255.0, g = c.g / 255.0, b = c.b / 255.0;
  double mx = std::max({r, g, b}), mn = std::min({r, g, b});
  Hsl out;
  out.l = (mx + mn) / 2;
  double d = mx - mn;
  if (d <= 1e-9) return out;
  out.s = out.l > 0.5 ? d / (2 - mx - mn) : d / (mx + mn);
  if (mx == r) out.h = std::fmod((g - b) / d + 6, 6.0);
  else if (mx == g) out.h = (b - r) / d + 2;
  else out.h = (r - g) / d + 4;
  out.h *= 60;
  return out;
}

double hue_to_channel(double p, double q, double t) {
  if (t < 0) t += 1;
  if (t > 1) t -= 1;
  if (t < 1.0 / 6) return p + (q - p) * 6 * t;
  if (t < 1.0 / 2) return q;
  if (t < 2.0 / 3) return p + (q - p) * (2.0 / 3 - t) * 6;
  return p;
}

Rgb from_hsl(Hsl c) {
  auto channel = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  if (c.s <= 1e-9) return {channel(c.l), channel(c.l), channel(c.l)};
  double q = c.l < 0.5 ? c.l * (1 + c.s) : c.l + c.s - c.l * c.s;
  double p = 2 * c.l - q;
  double h = c.h / 360;
  return {channel(hue_to_channel(p, q, h + 1.0 / 3)), channel(hue_to_channel(p, q, h)),
          channel(hue_to_channel(p, q, h - 1.0 / 3))};
}

// A <color>/<fgColor> element's attributes resolved to RGB (rgb, theme+tint, or indexed); nullopt for "auto".
std::optional<Rgb> resolve_colour(XmlAttrs attrs, const ThemePalette& theme, const std::vector<Rgb>& indexed) {
  std::optional<Rgb> base;
  if (xml_has_attr(attrs, "rgb")) {
    base = parse_rgb_hex(xml_attr(attrs, "rgb"));
  } else if (xml_has_attr(attrs, "theme")) {
    int index = to_int(xml_attr(attrs, "theme"), -1);
    if (index >= 0 && index < static_cast<int>(theme.size())) base = theme[static_cast<std::size_t>(index)];
  } else if (xml_has_attr(attrs, "indexed")) {
    base = indexed_colour(to_int(xml_attr(attrs, "indexed"), -1), indexed);
  }
  if (base && xml_has_attr(attrs, "tint")) base = apply_tint(*base, to_double(xml_attr(attrs, "tint")));
  return base;
}

// styles.xml: numFmts, fonts (strike), fills (solid fgColor), indexedColors, cellXfs.
class StylesHandler : public XmlHandler {
 public:
  explicit StylesHandler(const ThemePalette& theme) : theme_(theme) {}

  void start(std::string_view name, XmlAttrs attrs) override {
    if (name == "numFmt") {
      table.custom_formats[to_int(xml_attr(attrs, "numFmtId"), -1)] = std::string(xml_attr(attrs, "formatCode"));
    } else if (name == "fonts") {
      in_fonts_ = true;
    } else if (name == "font" && in_fonts_) {
      font_strike_.push_back(false);
    } else if (name == "strike" && in_fonts_ && !font_strike_.empty()) {
      font_strike_.back() = xml_bool_attr(attrs, "val", true);
    } else if (name == "fills") {
      in_fills_ = true;
    } else if (name == "fill" && in_fills_) {
      fills_.emplace_back();
      solid_ = false;
    } else if (name == "patternFill" && in_fills_) {
      // Only a solid fill shows its foreground colour as a block; "none" and the gray125 default are no fill.
      std::string_view type = xml_attr(attrs, "patternType");
      solid_ = type == "solid";
    } else if (name == "fgColor" && in_fills_ && solid_ && !fills_.empty()) {
      pending_fill_attrs_.clear();
      for (int i = 0; attrs[i] != nullptr && attrs[i + 1] != nullptr; i += 2) {
        pending_fill_attrs_.emplace_back(attrs[i], attrs[i + 1]);
      }
      fill_index_.push_back(fills_.size() - 1);
      fill_attrs_.push_back(pending_fill_attrs_);
    } else if (name == "indexedColors") {
      in_indexed_ = true;
    } else if (name == "rgbColor" && in_indexed_) {
      custom_indexed_.push_back(parse_rgb_hex(xml_attr(attrs, "rgb")).value_or(Rgb{}));
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_) {
      RawXf xf;
      xf.num_fmt = to_int(xml_attr(attrs, "numFmtId"), 0);
      xf.font = to_int(xml_attr(attrs, "fontId"), 0);
      xf.fill = to_int(xml_attr(attrs, "fillId"), 0);
      xfs_.push_back(xf);
    }
  }

  void end(std::string_view name) override {
    if (name == "fonts") in_fonts_ = false;
    else if (name == "fills") in_fills_ = false;
    else if (name == "indexedColors") in_indexed_ = false;
    else if (name == "cellXfs") in_cell_xfs_ = false;
  }

  void text(std::string_view) override {}

  // Colours are resolved at the end because <colors><indexedColors> comes after <fills> in styles.xml.
  void finish() {
    for (std::size_t i = 0; i < fill_index_.size(); ++i) {
      std::vector<const char*> attrs;
      for (const auto& [k, v] : fill_attrs_[i]) {
        attrs.push_back(k.c_str());
        attrs.push_back(v.c_str());
      }
      attrs.push_back(nullptr);
      attrs.push_back(nullptr);
      if (auto rgb = resolve_colour(attrs.data(), theme_, custom_indexed_)) fills_[fill_index_[i]] = rag_from_rgb(*rgb);
    }
    for (const RawXf& xf : xfs_) {
      CellStyle style;
      style.num_fmt_id = xf.num_fmt;
      if (xf.fill >= 0 && static_cast<std::size_t>(xf.fill) < fills_.size()) style.fill_rag = fills_[static_cast<std::size_t>(xf.fill)];
      if (xf.font >= 0 && static_cast<std::size_t>(xf.font) < font_strike_.size())
        style.strike = font_strike_[static_cast<std::size_t>(xf.font)];
      table.xfs.push_back(style);
    }
  }

  StyleTable table;

 private:
  struct RawXf {
    int num_fmt = 0;
    int font = 0;
    int fill = 0;
  };
  const ThemePalette& theme_;
  bool in_fonts_ = false, in_fills_ = false, in_indexed_ = false, in_cell_xfs_ = false, solid_ = false;
  std::vector<bool> font_strike_;
  std::vector<std::string> fills_;  // RAG word per fill
  std::vector<std::pair<std::string, std::string>> pending_fill_attrs_;
  std::vector<std::size_t> fill_index_;
  std::vector<std::vector<std::pair<std::string, std::string>>> fill_attrs_;
  std::vector<Rgb> custom_indexed_;
  std::vector<RawXf> xfs_;
};

// theme1.xml: <a:clrScheme> children dk1, lt1, dk2, lt2, accent1..6, hlink, folHlink, each holding an
// <a:srgbClr val="..."/> or <a:sysClr lastClr="..."/>.
class ThemeHandler : public XmlHandler {
 public:
  void start(std::string_view name, XmlAttrs attrs) override {
    if (name == "clrScheme") {
      in_scheme_ = true;
      return;
    }
    if (!in_scheme_) return;
    static constexpr std::array<std::string_view, 12> slots = {"lt1", "dk1", "lt2", "dk2", "accent1", "accent2",
                                                               "accent3", "accent4", "accent5", "accent6",
                                                               "hlink", "folHlink"};
    auto it = std::find(slots.begin(), slots.end(), name);
    if (it != slots.end()) {
      slot_ = static_cast<int>(it - slots.begin());
    } else if (slot_ >= 0 && (name == "srgbClr" || name == "sysClr")) {
      auto rgb = parse_rgb_hex(name == "srgbClr" ? xml_attr(attrs, "val") : xml_attr(attrs, "lastClr"));
      if (rgb) palette[static_cast<std::size_t>(slot_)] = *rgb;
      slot_ = -1;
    }
  }
  void end(std::string_view name) override {
    if (name == "clrScheme") in_scheme_ = false;
  }
  void text(std::string_view) override {}

  ThemePalette palette = default_theme();

 private:
  bool in_scheme_ = false;
  int slot_ = -1;
};

}  // namespace

std::optional<Rgb> parse_rgb_hex(std::string_view hex) {
  if (hex.size() == 8) hex.remove_prefix(2);
  if (hex.size() != 6) return std::nullopt;
  int v[6];
  for (std::size_t i = 0; i < 6; ++i) {
    v[i] = hex_digit(hex[i]);
    if (v[i] < 0) return std::nullopt;
  }
  return Rgb{v[0] * 16 + v[1], v[2] * 16 + v[3], v[4] * 16 + v[5]};
}

Rgb apply_tint(Rgb colour, double tint) {
  if (tint == 0) return colour;
  Hsl hsl = to_hsl(colour);
  hsl.l = tint < 0 ? hsl.l * (1 + tint) : hsl.l * (1 - tint) + tint;
  return from_hsl(hsl);
}

// Thresholds, in HSL:
// - lightness above 0.90: white and the very light tints used for table banding (Excel's 80% tints land at
//   about 0.90-0.95), which are decoration, not ratings. Excel's own "Good"/"Bad"/"Neutral" fills (C6EFCE,
//   FFC7CE, FFEB9C) sit at 0.80-0.89 and do count.
// - lightness below 0.12: black and near-black.
// - saturation below 0.25: greys (including theme greys like A5A5A5 and 44546A's lighter tints).
// Then the nearest hue band: red 330-15, amber 15-65 (orange and yellow: plans use both for "amber"), green
// 65-170, blue 170-260 (many plans use blue for "complete"). Purple and magenta (260-330) carry no rating.
std::string rag_from_rgb(Rgb colour) {
  Hsl c = to_hsl(colour);
  if (c.l > 0.90 || c.l < 0.12 || c.s < 0.25) return "";
  if (c.h >= 330 || c.h < 15) return "red";
  if (c.h < 65) return "amber";
  if (c.h < 170) return "green";
  if (c.h < 260) return "blue";
  return "";
}

ThemePalette default_theme() {
  return {Rgb{0xFF, 0xFF, 0xFF}, Rgb{0, 0, 0},          Rgb{0xE7, 0xE6, 0xE6}, Rgb{0x44, 0x54, 0x6A},
          Rgb{0x44, 0x72, 0xC4}, Rgb{0xED, 0x7D, 0x31}, Rgb{0xA5, 0xA5, 0xA5}, Rgb{0xFF, 0xC0, 0x00},
          Rgb{0x5B, 0x9B, 0xD5}, Rgb{0x70, 0xAD, 0x47}, Rgb{0x05, 0x63, 0xC1}, Rgb{0x95, 0x4F, 0x72}};
}

ThemePalette parse_theme(const std::string& source, std::string_view theme_xml) {
  ThemeHandler handler;
  parse_xml_text(source, "xl/theme/theme1.xml", theme_xml, handler);
  return handler.palette;
}

std::optional<Rgb> indexed_colour(int index, const std::vector<Rgb>& custom_palette) {
  static constexpr std::array<unsigned, 64> palette = {
      0x000000, 0xFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0xFF00FF, 0x00FFFF, 0x000000, 0xFFFFFF,
      0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0xFF00FF, 0x00FFFF, 0x800000, 0x008000, 0x000080, 0x808000,
      0x800080, 0x008080, 0xC0C0C0, 0x808080, 0x9999FF, 0x993366, 0xFFFFCC, 0xCCFFFF, 0x660066, 0xFF8080,
      0x0066CC, 0xCCCCFF, 0x000080, 0xFF00FF, 0xFFFF00, 0x00FFFF, 0x800080, 0x800000, 0x008080, 0x0000FF,
      0x00CCFF, 0xCCFFFF, 0xCCFFCC, 0xFFFF99, 0x99CCFF, 0xFF99CC, 0xCC99FF, 0xFFCC99, 0x3366FF, 0x33CCCC,
      0x99CC00, 0xFFCC00, 0xFF9900, 0xFF6600, 0x666699, 0x969696, 0x003366, 0x339966, 0x003300, 0x333300,
      0x993300, 0x993366, 0x333399, 0x333333};
  if (index < 0) return std::nullopt;
  auto i = static_cast<std::size_t>(index);
  if (i < custom_palette.size()) return custom_palette[i];
  if (i >= palette.size()) return std::nullopt;
  unsigned v = palette[i];
  return Rgb{static_cast<int>((v >> 16) & 0xFF), static_cast<int>((v >> 8) & 0xFF), static_cast<int>(v & 0xFF)};
}

const CellStyle& StyleTable::style(int index) const {
  static const CellStyle none;
  if (index < 0 || static_cast<std::size_t>(index) >= xfs.size()) return none;
  return xfs[static_cast<std::size_t>(index)];
}

std::string StyleTable::format_code(int num_fmt_id) const {
  if (auto it = custom_formats.find(num_fmt_id); it != custom_formats.end()) return it->second;
  return builtin_format_code(num_fmt_id);
}

StyleTable parse_styles(const std::string& source, std::string_view styles_xml, const ThemePalette& theme) {
  StylesHandler handler(theme);
  parse_xml_text(source, "xl/styles.xml", styles_xml, handler);
  handler.finish();
  return std::move(handler.table);
}

}  // namespace plansheet::detail
