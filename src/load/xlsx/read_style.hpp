// Cell styles of an XLSX workbook: theme palette, fills mapped to RAG words, struck-through fonts, number formats.
// Takes the XML of xl/theme/theme1.xml and xl/styles.xml; returns a table indexed by a cell's `s` attribute.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plansheet::detail {

struct Rgb {
  int r = 0;
  int g = 0;
  int b = 0;
  bool operator==(const Rgb&) const = default;
};

// "FFFF0000" (ARGB; the alpha byte is ignored as Excel does) or "FF0000".
std::optional<Rgb> parse_rgb_hex(std::string_view hex);
// Excel's tint: negative darkens, positive lightens, applied to HSL lightness (ECMA-376 18.8.19).
Rgb apply_tint(Rgb colour, double tint);
// "red", "amber", "green", "blue", or "" for a colour that carries no rating (see the thresholds in the .cpp).
std::string rag_from_rgb(Rgb colour);

// The theme palette in the order `theme="N"` indexes it: lt1, dk1, lt2, dk2, accent1..6, hlink, folHlink.
// (Excel swaps the first two pairs relative to their order in theme1.xml.)
using ThemePalette = std::array<Rgb, 12>;
ThemePalette default_theme();  // the Office 2013+ palette, for workbooks without a theme part
ThemePalette parse_theme(const std::string& source, std::string_view theme_xml);

// The default 64-colour palette of `indexed="N"` (N 64/65 are the system foreground/background: none).
std::optional<Rgb> indexed_colour(int index, const std::vector<Rgb>& custom_palette);

struct CellStyle {
  int num_fmt_id = 0;
  std::string fill_rag;  // RAG word of a solid fill, "" when none or not a rating colour
  bool strike = false;   // the cell's font is struck through
};

struct StyleTable {
  std::vector<CellStyle> xfs;               // cellXfs, indexed by the cell's `s`
  std::map<int, std::string> custom_formats;  // numFmtId -> formatCode

  const CellStyle& style(int index) const;
  // The format code of a number format id: custom first, then the built-in table; "" for General or unknown.
  std::string format_code(int num_fmt_id) const;
};

StyleTable parse_styles(const std::string& source, std::string_view styles_xml, const ThemePalette& theme);

}  // namespace plansheet::detail
