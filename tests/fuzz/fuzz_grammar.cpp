// libFuzzer target: one cell's text through every grammar of grammar/api.hpp. The cell is prepared as the
// grammars' contract asks (valid UTF-8, NFC, single-spaced, trimmed); the grammars must never crash, hang or
// throw, and what they return must come from the cell.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include "grammar/api.hpp"
#include "text/unicode_text.hpp"

using namespace plansheet;

namespace {

std::string single_spaced(std::string_view text) {
  std::string out;
  for (char c : text) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  const std::string cell = single_spaced(text::to_nfc(raw));
  try {
    if (auto id = grammar::parse_action_id(cell)) {
      if (id->id.empty() || cell.find(id->id) == std::string::npos)
        fuzz::fail("parse_action_id: id not taken from the cell", cell + " -> " + id->id);
      if (!grammar::split_action_id(id->id)) fuzz::fail("split_action_id refuses a parsed id", id->id);
      if (id->rest.empty() != grammar::is_action_id(cell))
        fuzz::fail("is_action_id disagrees with parse_action_id", cell);
    }
    (void)grammar::parse_timescale(cell);
    (void)grammar::parse_period_label(cell);
    if (auto rag = grammar::parse_rag(cell)) {
      const std::string& c = rag->colour;
      if (c != "red" && c != "amber" && c != "green" && c != "blue") fuzz::fail("parse_rag: colour outside the four", cell + " -> " + c);
    }
    (void)grammar::parse_tick_cell(cell);
    (void)grammar::is_tick_mark(cell);
    // A heading name may be cleaned (label and punctuation dropped): only crashes and hangs matter here.
    (void)grammar::parse_section_heading(cell);
  } catch (const std::exception& e) {
    fuzz::fail("a grammar threw", e.what());
  }
  return 0;
}
