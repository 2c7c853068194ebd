// Pass 6b, the key after the table: the rows after the last action in; the plan's key read from them (a "Key"
// heading, "On track = Green, At risk = Amber" definitions, two-cell rows "Green | On track") as legend entries,
// and those rows set aside so that no key line becomes an action, a heading or a continuation, out.
// Also the reading of one key line into the terms it defines, shared with pass 6 (the key before the table).
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "detect/cell_types.hpp"
#include "detect/header_words.hpp"
#include "detect/passes.hpp"
#include "grammar/api.hpp"
#include "text/text_span.hpp"

namespace plansheet::detail {
namespace {

// A term of a key is a word or a short phrase, twice as long when bilingual ("Ar y trywydd iawn / On track"); its
// meaning a phrase or a sentence. Longer text is prose, not a key.
constexpr std::size_t max_term_words = 4;
constexpr std::size_t max_meaning_words = 30;

bool term_sized(std::string_view term) {
  return word_count(term) <= (term.find('/') == std::string_view::npos ? max_term_words : 2 * max_term_words);
}

struct Piece {
  std::string text;
  char separator = 0;  // the ';' or ',' that ended the piece, 0 for the last
};

// The text cut at ';' and ',' outside brackets: "S = short term (within 12 months, roughly); M = ..."
std::vector<Piece> split_pieces(std::string_view text) {
  std::vector<Piece> pieces;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '(' || c == '[') ++depth;
    if ((c == ')' || c == ']') && depth > 0) --depth;
    if (depth == 0 && (c == ';' || c == ',')) {
      pieces.push_back({std::string(trim(text.substr(start, i - start))), c});
      start = i + 1;
    }
  }
  pieces.push_back({std::string(trim(text.substr(start))), 0});
  return pieces;
}

struct Cell {
  std::size_t column;
  std::string text;
};

std::vector<Cell> filled_cells(const Row& row) {
  std::vector<Cell> cells;
  for (std::size_t c = 0; c < row.cells.size(); ++c) {
    std::string t = fold_whitespace(row.cells[c].text);
    if (!t.empty()) cells.push_back({c, std::move(t)});
  }
  return cells;
}

bool short_heading(std::string_view text) { return word_count(text) <= 5 && !ends_sentence(text); }

// "Progressing well – Green", "Red - stalled": a dash defines a term as '=' does, when one side names a RAG
// colour on its own; otherwise a dash is only punctuation ("Phase 2 - design").
std::optional<std::pair<std::string, std::string>> dash_definition(std::string_view piece) {
  for (std::string_view dash : {" – ", " — ", " - "}) {
    const std::size_t at = piece.find(dash);
    if (at == std::string_view::npos) continue;
    std::string term(trim(piece.substr(0, at))), meaning(trim(piece.substr(at + dash.size())));
    if (term.empty() || meaning.empty() || !term_sized(term)) return std::nullopt;
    if (!grammar::parse_rag_name(term) && !grammar::parse_rag_name(meaning)) return std::nullopt;
    return std::pair{std::move(term), std::move(meaning)};
  }
  return std::nullopt;
}

}  // namespace

KeyLine read_key_line(std::string_view line) {
  KeyLine out;
  std::string text = fold_whitespace(line);
  std::string_view body = text;
  // "Key to timescales: S = ..." / "Status key: On track = Green": a label naming a key, then what it defines.
  std::size_t colon = body.find(':');
  std::size_t equals = body.find('=');
  if (colon != std::string_view::npos && (equals == std::string_view::npos || colon < equals)) {
    std::string label(trim(body.substr(0, colon)));
    auto kind = legend_heading_kind(label + ":");
    if (!kind || label.empty()) return out;
    out.heading = label + ":";
    out.heading_kind = *kind;
    body = trim(body.substr(colon + 1));
  }
  char before = 0;  // the separator before the current piece
  for (const Piece& piece : split_pieces(body)) {
    std::size_t eq = piece.text.find('=');
    if (eq == std::string::npos && out.defines.empty()) {
      if (auto dashed = dash_definition(piece.text)) {
        out.defines.push_back(std::move(*dashed));
        before = piece.separator;
        continue;
      }
    }
    if (eq == std::string::npos) {
      // Text before the first definition makes the line something else; text after one continues its meaning
      // ("Amber = some delay, being managed").
      if (out.defines.empty()) return {out.heading, out.heading_kind, {}};
      out.defines.back().second += std::string(1, before) + " " + piece.text;
    } else {
      std::string term(trim(std::string_view(piece.text).substr(0, eq)));
      std::string meaning(trim(std::string_view(piece.text).substr(eq + 1)));
      if (term.empty() || !term_sized(term)) return {out.heading, out.heading_kind, {}};
      out.defines.emplace_back(std::move(term), std::move(meaning));
    }
    before = piece.separator;
  }
  for (const auto& [term, meaning] : out.defines)
    if (meaning.empty() || word_count(meaning) > max_meaning_words) return {out.heading, out.heading_kind, {}};
  return out;
}

LegendKind legend_entry_kind(const std::vector<std::pair<std::string, std::string>>& defines,
                             std::optional<LegendKind> block_kind, std::string& colour) {
  colour.clear();
  bool term_colour = false, meaning_colour = false;
  for (const auto& [term, meaning] : defines) {
    auto t = grammar::parse_rag_name(term), m = grammar::parse_rag_name(meaning);
    if (t && !m) term_colour = true;
    if (m && !t) meaning_colour = true;
    if (defines.size() == 1) colour = t ? t->colour : m ? m->colour : "";
  }
  if (meaning_colour && !term_colour) return LegendKind::status;  // "On track = Green": a status word's colour
  if (term_colour) return LegendKind::rag;                // "Green = on track": what a colour means
  return block_kind.value_or(LegendKind::note);
}

void read_key_after_table(const std::vector<Row>& rows, TableLayout& layout) {
  int id_col = column_of(layout, Role::id);
  if (id_col < 0) return;
  std::optional<std::size_t> last_action;
  for (std::size_t r = layout.body_begin; r < rows.size(); ++r)
    if (first_cell_is_id(rows[r], static_cast<std::size_t>(id_col))) last_action = r;
  if (!last_action) return;
  std::optional<LegendKind> block;  // the kind of the key being read, none when no key is open
  for (std::size_t r = *last_action + 1; r < rows.size(); ++r) {
    const Row& row = rows[r];
    std::vector<Cell> cells = filled_cells(row);
    if (cells.empty() || row.hidden) continue;  // a blank row neither opens nor closes a key
    std::vector<std::string> texts;
    for (const Cell& c : cells) texts.push_back(c.text);
    if (is_totals_line(texts)) {  // a totals row is set aside by reassembly, never a key line
      block.reset();
      continue;
    }
    auto take = [&](LegendEntry entry) {
      entry.line = row.line;
      layout.legend.push_back(std::move(entry));
      layout.key_rows.push_back(r);
    };
    if (cells.size() == 1) {
      const std::string& text = cells[0].text;
      // "Key", "Allwedd / Key", "RAG status key": opens a key.
      if (auto kind = legend_heading_kind(text); kind && short_heading(text) && text.find('=') == std::string::npos) {
        block = kind;
        take({LegendKind::heading, text, "", 0, {}});
        continue;
      }
      KeyLine key = read_key_line(text);
      if (key.heading_kind) block = key.heading_kind;
      // Definitions stand alone when there are several, or a label names them, or a key is open; one lone
      // definition must be short ("X = activity planned in this period").
      bool lone_short = key.defines.size() == 1 && word_count(key.defines[0].first) <= 3 && word_count(text) <= 12;
      if (!key.defines.empty() && (key.defines.size() >= 2 || !key.heading.empty() || block || lone_short)) {
        std::string colour;
        LegendKind kind = legend_entry_kind(key.defines, block, colour);
        if (!block) block = kind;
        take({kind, text, colour, 0, std::move(key.defines)});
        continue;
      }
      // "Gantt key: X marks the periods in which the action is delivered": a labelled note.
      if (!key.heading.empty() && text.size() > key.heading.size()) {
        take({key.heading_kind.value_or(LegendKind::note), text, "", 0, {}});
        continue;
      }
    } else if (cells.size() == 2 && cells[0].column == 0) {
      // "Green | On track", "S | Short term (within a year)": a two-cell row is a key row inside an open key,
      // or when one of its cells names a RAG colour.
      const std::string& term = cells[0].text;
      const std::string& meaning = cells[1].text;
      bool named = grammar::parse_rag_name(term) || grammar::parse_rag_name(meaning);
      if ((named || block) && term_sized(term) && word_count(meaning) <= max_meaning_words) {
        std::vector<std::pair<std::string, std::string>> defines = {{term, meaning}};
        std::string colour;
        LegendKind kind = legend_entry_kind(defines, block, colour);
        if (!block) block = kind;
        take({kind, term + " " + meaning, colour, 0, std::move(defines)});
        continue;
      }
    }
    block.reset();  // any other row closes the key
  }
}

}  // namespace plansheet::detail

namespace plansheet {
bool is_key_row(const TableLayout& layout, std::size_t row) {
  return std::binary_search(layout.key_rows.begin(), layout.key_rows.end(), row);
}
}  // namespace plansheet
