// Tests for the tick-matrix grammar: every glyph and OCR reading of a tick is a mark, blank cells are false,
// a glyph after junk is still a mark, and prose, dates and numbers are neither.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "grammar/api.hpp"

using plansheet::grammar::is_tick_mark;
using plansheet::grammar::parse_tick_cell;

TEST_CASE("grammar tick: marks are true") {
  for (std::string input : {"✓", "✔", "√", "☑", "✅", "*", "~", "+", "•", "x", "X", "4", "1", "Y", "y", "Yes",
                            "YES", "182) ✓", "✓ ✓", "✓✓", " ✓ ", "✓\xEF\xB8\x8F", "●"}) {
    SUBCASE(input.c_str()) {
      CAPTURE(input);
      CHECK(parse_tick_cell(input) == std::optional<bool>(true));
    }
  }
}

TEST_CASE("grammar tick: blank and explicit no are false") {
  for (std::string input : {"", " ", "   ", "\t", "No", "no", "N", "-", "–"}) {
    SUBCASE(input.c_str()) {
      CAPTURE(input);
      CHECK(parse_tick_cell(input) == std::optional<bool>(false));
    }
  }
}

TEST_CASE("grammar tick: prose, dates and numbers are not tick cells") {
  for (std::string input : {"Some prose here", "2025-26", "12", "2030", "41", "✗", "Total +", "box x", "Yesterday",
                            "Apr-25", "In progress"}) {
    SUBCASE(input.c_str()) {
      CAPTURE(input);
      CHECK(parse_tick_cell(input) == std::nullopt);
    }
  }
}

TEST_CASE("grammar tick: a lone glyph is a tick mark token") {
  for (std::string input : {"✓", "✔", "√", "☑", "✅", "•", "*", "~", "+", "x", "X"}) {
    SUBCASE(input.c_str()) {
      CAPTURE(input);
      CHECK(is_tick_mark(input));
    }
  }
  // Digits and words are tick readings only as a whole cell, never as a token split off other text.
  for (std::string input : {"4", "1", "Y", "Yes", "", "✓ x", "182) ✓", "12", "ok"}) {
    SUBCASE(("not " + input).c_str()) {
      CAPTURE(input);
      CHECK_FALSE(is_tick_mark(input));
    }
  }
}
