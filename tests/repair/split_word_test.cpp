// Rule split-word: a word cut by a stray tab or space is joined again only where the joined form is a word and the
// pieces are not, or the document itself uses the joined word.
#include <doctest/doctest.h>

#include <string>

#include "repair/words.hpp"

using namespace plansheet;
using namespace plansheet::testing;

TEST_CASE("split-word: join_split glues a word cut by a stray tab") {
  Words w;
  bool glued = false;
  SUBCASE("inside a word") {
    CHECK(join_split("Waste Bra", "nch", w.lexicon, &glued) == "Waste Branch");
    CHECK(glued);
  }
  SUBCASE("a letter printed on both sides of the cut") {
    CHECK(join_split("Communiti", "ies", w.lexicon, &glued) == "Communities");
    w.use({"Workstream", "Workstream"});  // not in en_GB: known because the document's headings use it
    CHECK(join_split("Workstream", "m: Finance", w.lexicon, &glued) == "Workstream: Finance");
    CHECK(glued);
  }
  SUBCASE("a stray letter at the cut") {
    CHECK(join_split("Business ar", "nd Economy", w.lexicon, &glued) == "Business and Economy");
    CHECK(glued);
  }
  SUBCASE("between two words: a space, not a glued word") {
    CHECK(join_split("Resources", "and Waste", w.lexicon, &glued) == "Resources and Waste");
    CHECK_FALSE(glued);
    CHECK(join_split("every", "one of our tenants", w.lexicon, &glued) == "every one of our tenants");
    CHECK_FALSE(glued);
  }
  SUBCASE("both halves words, but the document uses the joined word") {
    w.use({"everyone"});
    CHECK(join_split("every", "one", w.lexicon, &glued) == "everyone");
    CHECK(glued);
  }
  SUBCASE("punctuation at the cut is never glued across") {
    CHECK(join_split("Transport,", "Waste", w.lexicon, &glued) == "Transport, Waste");
    CHECK(join_split("2025", "26", w.lexicon, &glued) == "2025 26");
  }
  SUBCASE("an empty side") {
    CHECK(join_split("", "Energy", w.lexicon) == "Energy");
    CHECK(join_split("Energy", "  ", w.lexicon) == "Energy");
  }
}

TEST_CASE("split-word: rejoin_split_words") {
  Words w;
  SUBCASE("neither half a word, the join is one") {
    CHECK(fixed(rejoin_split_words("install ele ctric chargers", w.lexicon)) == "install electric chargers");
  }
  SUBCASE("one half a word: only when the document uses the joined word") {
    CHECK_FALSE(rejoin_split_words("speed up deliver y of grants", w.lexicon));
    w.use({"delivery"});
    auto fix = rejoin_split_words("speed up deliver y of grants", w.lexicon);
    CHECK(fixed(fix) == "speed up delivery of grants");
    REQUIRE(fix);
    CHECK(fix->rule == RepairRule::split_word);
  }
  SUBCASE("two real words are never glued on dictionary evidence alone") {
    CHECK_FALSE(rejoin_split_words("every one of our tenants", w.lexicon));
    CHECK_FALSE(rejoin_split_words("a car park trial", w.lexicon));
  }
  SUBCASE("punctuation between the halves blocks a join") {
    CHECK_FALSE(rejoin_split_words("ele, ctric", w.lexicon));
  }
}
