// Tests for the cell-level text repairs: each rule changes text only where the evidence says the change undoes
// extraction damage (the result is a word and the original was not), and leaves the authors' wording alone.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "repair/clean_text.hpp"
#include "text/dictionary.hpp"

using namespace plansheet;

namespace {

struct Words {
  Dictionary dictionary;
  Lexicon lexicon{dictionary};
  // Words the document being cleaned uses (each call counts one use).
  void use(std::initializer_list<const char*> words) {
    for (const char* w : words) dictionary.add_document_word(w);
    lexicon.document_changed();
  }
};

std::string fixed(const std::optional<TextFix>& fix) { return fix ? fix->text : "<unchanged>"; }

}  // namespace

TEST_CASE("clean_text: join_split glues a word cut by a stray tab") {
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

TEST_CASE("clean_text: strip_markup") {
  SUBCASE("HTML tags") {
    const std::string input = "Deliver the <b>Warm Homes</b> programme";
    CAPTURE(input);
    auto fix = strip_markup(input);
    REQUIRE(fix);
    CHECK(fix->text == "Deliver the Warm Homes programme");
    CHECK(fix->rule == RepairRule::markup);
  }
  SUBCASE("a block tag keeps the words apart") { CHECK(fixed(strip_markup("first line<br/>second line")) == "first line second line"); }
  SUBCASE("tags with attributes") {
    CHECK(fixed(strip_markup("Review <span class=\"x\">heating</span> tariffs")) == "Review heating tariffs");
  }
  SUBCASE("markdown links keep their text") {
    CHECK(fixed(strip_markup("See [the dashboard](https://example.org/d) online")) == "See the dashboard online");
    CHECK(fixed(strip_markup("found online [here](#).")) == "found online here.");
  }
  SUBCASE("markdown escapes") { CHECK(fixed(strip_markup("\\*all\\* net\\_zero \\#tag")) == "*all* net_zero #tag"); }
  SUBCASE("text that only looks like markup is left alone") {
    CHECK_FALSE(strip_markup("emissions < 5% and > 2%"));
    CHECK_FALSE(strip_markup("cost [estimate] (2025)"));
    CHECK_FALSE(strip_markup("a \\ b"));
  }
  SUBCASE("the words touching removed markup are reported") {
    std::vector<std::size_t> damaged;
    auto fix = strip_markup("net ze <b>Eo</b> 0 carbon", &damaged);
    REQUIRE(fix);
    CHECK(fix->text == "net ze Eo 0 carbon");
    CHECK(std::find(damaged.begin(), damaged.end(), std::size_t{2}) != damaged.end());
  }
}

TEST_CASE("clean_text: drop_stray_leading_letter") {
  Words w;
  CHECK(fixed(drop_stray_leading_letter("n In progress", w.lexicon)) == "In progress");
  CHECK(fixed(drop_stray_leading_letter("t Discovery", w.lexicon)) == "Discovery");
  SUBCASE("a real one-letter word stays") {
    CHECK_FALSE(drop_stray_leading_letter("a Plan for schools", w.lexicon));
  }
  SUBCASE("a letter before a lower-case word is not a stray") { CHECK_FALSE(drop_stray_leading_letter("x marks", w.lexicon)); }
  SUBCASE("too short") { CHECK_FALSE(drop_stray_leading_letter("n A", w.lexicon)); }
}

TEST_CASE("clean_text: fix_ocr_confusions fires only where the original is not a word") {
  Words w;
  SUBCASE("confusions inside words") {
    CHECK(fixed(fix_ocr_confusions("energy rnanagement", w.lexicon)) == "energy management");
    CHECK(fixed(fix_ocr_confusions("a g0al for schools", w.lexicon)) == "a goal for schools");
    CHECK(fixed(fix_ocr_confusions("the c1imate charter", w.lexicon)) == "the climate charter");
    // "ln" is in en_GB (the logarithm), so "ln progress" is left to the column-vocabulary rule in reconcile.
    CHECK_FALSE(fix_ocr_confusions("ln progress", w.lexicon));
  }
  SUBCASE("real words with a look-alike reading stay") {
    for (const char* text : {"modern boilers", "clean air", "close the barn", "clear the corn", "turn it off"}) {
      CAPTURE(text);
      CHECK_FALSE(fix_ocr_confusions(text, w.lexicon));
    }
  }
  SUBCASE("codes with digits stay") {
    for (const char* text : {"LTP4", "CO2 levels", "5G masts", "scope 1 and 2", "PM10"}) {
      CAPTURE(text);
      CHECK_FALSE(fix_ocr_confusions(text, w.lexicon));
    }
  }
  SUBCASE("the readings of a token") {
    auto readings = ocr_readings("ln");
    CHECK(std::find(readings.begin(), readings.end(), std::string("In")) != readings.end());
    CHECK(ocr_readings("0ngoing").empty());  // a digit at a word edge is not a misread letter
  }
}

TEST_CASE("clean_text: rejoin_split_words") {
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

TEST_CASE("clean_text: fix_homoglyph_words") {
  SUBCASE("Cyrillic letters inside Latin words") {
    auto fix = fix_homoglyph_words("a \u0441limate fund for \u0440arish projects");
    REQUIRE(fix);
    CHECK(fix->text == "a climate fund for parish projects");
    CHECK(fix->rule == RepairRule::homoglyph);
  }
  SUBCASE("a whole Cyrillic look-alike word") { CHECK(fixed(fix_homoglyph_words("\u0422\u0412\u0421")) == "TBC"); }
  SUBCASE("Greek capitals") { CHECK(fixed(fix_homoglyph_words("\u039d\u039f2 levels")) == "NO2 levels"); }
  SUBCASE("real Cyrillic or Greek words are kept") {
    CHECK_FALSE(fix_homoglyph_words("\u0416\u0438\u043b\u043e\u0439"));  // Жилой: Ж has no Latin look-alike
    CHECK_FALSE(fix_homoglyph_words("plain ASCII text"));
  }
}

TEST_CASE("clean_text: bare_word and the lexicon") {
  CHECK(bare_word("(LTP4).") == "LTP4");
  CHECK(bare_word("Workstream:") == "Workstream");
  CHECK(bare_word("\u201cgreen\u201d") == "\u201cgreen\u201d");  // non-ASCII punctuation is kept as part of the word
  Words w;
  CHECK(w.lexicon.known("Branch"));
  CHECK(w.lexicon.known("2025-26"));
  CHECK(w.lexicon.known("a"));
  CHECK_FALSE(w.lexicon.known("n"));
  CHECK_FALSE(w.lexicon.known("nch"));
  SUBCASE("a document word counts once used twice; attested once used once") {
    w.use({"Netzero"});
    CHECK_FALSE(w.lexicon.known("Netzero"));
    CHECK(w.lexicon.attested("Netzero"));
    w.use({"Netzero"});
    CHECK(w.lexicon.known("Netzero"));
  }
}
