// Rule line-end-hyphen: a word hyphenated at a line end comes back whole where the evidence says it is one word;
// a compound keeps its hyphen, and a suspended hyphen ("small- and medium-sized") stays as written.
#include <doctest/doctest.h>

#include <string>

#include "repair/clean_text.hpp"
#include "repair/words.hpp"

using namespace plansheet;
using namespace plansheet::testing;

namespace {

std::string fixed(std::string_view text, const Lexicon& lexicon) {
  auto fix = rejoin_line_end_hyphens(text, lexicon);
  return fix ? fix->text : std::string(text);
}

}  // namespace

TEST_CASE("line-end-hyphen: a word broken at a line end is written whole") {
  Words w;
  SUBCASE("the whole word is a dictionary word and its second part is none") {
    CHECK(fixed("Launch the commu- nity energy fund.", w.lexicon) == "Launch the community energy fund.");
    CHECK(fixed("Run the Pro- ject board quarterly", w.lexicon) == "Run the Project board quarterly");
  }
  SUBCASE("neither part is a word: the parts of one long word") {
    CHECK(fixed("Plan the electri- fication of the depot.", w.lexicon) == "Plan the electrification of the depot.");
  }
  SUBCASE("punctuation around the word stays where it was") {
    CHECK(fixed("(insu- lation), then glazing", w.lexicon) == "(insulation), then glazing");
  }
  SUBCASE("the change is logged under its own rule") {
    auto fix = rejoin_line_end_hyphens("a neigh- bourhood plan", w.lexicon);
    REQUIRE(fix);
    CHECK(fix->rule == RepairRule::line_end_hyphen);
  }
}

TEST_CASE("line-end-hyphen: a hyphen that belongs to the text stays") {
  Words w;
  SUBCASE("a suspended hyphen before and, or, to") {
    for (const char* text : {"Support small- and medium-sized firms", "pre- or post-works surveys",
                             "one- to two-year leases"}) {
      CAPTURE(text);
      CHECK_FALSE(rejoin_line_end_hyphens(text, w.lexicon));
    }
  }
  SUBCASE("two words stay as written: the hyphen may be a dash") {
    CHECK_FALSE(rejoin_line_end_hyphens("our assets- including the depot", w.lexicon));
    CHECK_FALSE(rejoin_line_end_hyphens("a carbon- neutral fleet", w.lexicon));
  }
  SUBCASE("the document's own hyphenated form wins over the whole word") {
    w.use({"co-ordinate", "co-ordinate"});
    CHECK(fixed("We will co- ordinate the works", w.lexicon) == "We will co-ordinate the works");
  }
  SUBCASE("a dash between words, a capital after the hyphen or a hyphen alone is no line-end break") {
    for (const char* text : {"Phase 1 - Design", "Stage 2- Delivery", "North- East area", "2025- 26"}) {
      CAPTURE(text);
      CHECK_FALSE(rejoin_line_end_hyphens(text, w.lexicon));
    }
  }
}
