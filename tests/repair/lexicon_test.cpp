// The Lexicon the rules trust: dictionary words, numbers, and words the document uses twice; bare words.
#include <doctest/doctest.h>

#include "repair/words.hpp"

using namespace plansheet;
using namespace plansheet::testing;

TEST_CASE("lexicon: bare_word and the lexicon") {
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
