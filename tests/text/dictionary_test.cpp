// Tests for the word dictionary: what Debian's hunspell en_GB really answers about the fragments word-split repair
// asks about, punctuation and numbers, document words, and the fallback when no dictionary files exist.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "text/dictionary.hpp"

using plansheet::Dictionary;

namespace {

// A fresh empty directory under the system temp dir, removed again at scope exit.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    path_ = std::filesystem::temp_directory_path() /
            ("plansheet-dict-" + std::to_string(stamp) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

struct Fact {
  std::string word;
  bool known;
};

}  // namespace

TEST_CASE("dictionary: hunspell en_GB facts for word-split repair") {
  const Dictionary dict;
  REQUIRE(dict.has_dictionary());  // Debian package hunspell-en-gb
  // Recorded from hunspell 1.7.1 with hunspell-en-gb 1:7.5.0-1; several short fragments are real entries
  // (abbreviations, chemical symbols, single letters), so a split repair must not trust "both halves are words".
  const std::vector<Fact> facts = {
      {"and", true},          {"nd", false},           {"Nd", true},  // neodymium
      {"ar", false},          {"a", true},             {"ctions", false},
      {"Actions", true},      {"actions", true},       {"ACTIONS", true},
      {"Communities", true},  {"Communitiies", false}, {"Workstream", false},
      {"workstream", false},  {"Bra", true},           {"nch", false},
      {"ironment", false},    {"Environment", true},   {"ENVIRONMENT", true},
      {"ln", true},           {"In", true},            {"in", true},
      {"ing", false},         {"tion", false},         {"ion", true},
      {"ment", false},        {"itoring", false},      {"Monitoring", true},
      {"London", true},       {"london", false},       {"LONDON", true},
      {"organisation", true}, {"colour", true},        {"color", false},
      {"co-ordinate", true},  {"low-carbon", true},    {"net-zero", true},
      {"don’t", true},        {"Council’s", true},     {"café", true},
      {"CoUnCiL", false},     {"CO2", false},          {"EV", true},
  };
  for (const auto& fact : facts) {
    CAPTURE(fact.word);
    CHECK(dict.in_dictionary(fact.word) == fact.known);
    CHECK(dict.is_word(fact.word) == fact.known);
  }
}

TEST_CASE("dictionary: punctuation around a word is ignored") {
  const Dictionary dict;
  REQUIRE(dict.has_dictionary());
  for (std::string w : {"Actions.", "Actions,", "Actions:", "Actions;", "Actions!", "Actions?", "(Actions)", "[and]",
                        "\"and\"", "'and'", "“Communities”", "‘Environment’", "(Environment).", "«and»", "etc.",
                        "e.g.", "i.e."}) {
    CAPTURE(w);
    CHECK(dict.is_word(w));
    CHECK(dict.in_dictionary(w));
  }
  SUBCASE("the inside still has to be a word") {
    for (std::string w : {"(ctions)", "“nch”", "ironment.", "Workstream:"}) {
      CAPTURE(w);
      CHECK_FALSE(dict.is_word(w));
    }
  }
  SUBCASE("punctuation inside a word is not stripped") { CHECK_FALSE(dict.is_word("Act(ions")); }
  SUBCASE("etc is a word only with its full stop") {
    CHECK_FALSE(dict.is_word("etc"));
    CHECK(dict.is_word("etc."));
  }
}

TEST_CASE("dictionary: numbers are words") {
  const Dictionary dict;
  for (std::string w : {"12", "0", "-3", "3.5", "10,000", "50%", "£5m", "£1.2bn", "€40k", "2025/26", "10:30",
                        "2024-25", "1990s", "21st", "(12)", "5,"}) {
    CAPTURE(w);
    CHECK(dict.is_word(w));
  }
  SUBCASE("not numbers") {
    for (std::string w : {"12a4", "1..2", "£", "%", "-", "5,,000", "1/"}) {
      CAPTURE(w);
      CHECK_FALSE(dict.is_word(w));
    }
  }
}

TEST_CASE("dictionary: empty and punctuation-only text is no word") {
  const Dictionary dict;
  // Hunspell itself says yes to "" and to blanks.
  for (std::string w : {"", " ", "   ", "...", "—", "()", "“”", "-", "'"}) {
    CAPTURE(w);
    CHECK_FALSE(dict.is_word(w));
    CHECK_FALSE(dict.in_dictionary(w));
  }
}

TEST_CASE("dictionary: document words") {
  Dictionary dict;
  REQUIRE(dict.has_dictionary());
  CHECK_FALSE(dict.is_word("Workstream"));
  CHECK(dict.document_count("Workstream") == 0);

  dict.add_document_word("Workstream");
  dict.add_document_word("workstream,");
  dict.add_document_word("(WORKSTREAM)");

  SUBCASE("found in any case, with punctuation") {
    for (std::string w : {"Workstream", "workstream", "WORKSTREAM", "Workstream:", "“workstream”"}) {
      CAPTURE(w);
      CHECK(dict.is_word(w));
      CHECK(dict.document_count(w) == 3);
    }
  }
  SUBCASE("not part of in_dictionary") { CHECK_FALSE(dict.in_dictionary("Workstream")); }
  SUBCASE("other fragments stay unknown") { CHECK_FALSE(dict.is_word("Workstrea")); }
  SUBCASE("case folding is full Unicode") {
    dict.add_document_word("Straßenbahn");
    CHECK(dict.is_word("STRASSENBAHN"));
    CHECK(dict.document_count("straßenbahn") == 1);
  }
  SUBCASE("empty and punctuation-only words are not recorded") {
    dict.add_document_word("");
    dict.add_document_word("...");
    CHECK(dict.document_count("") == 0);
    CHECK_FALSE(dict.is_word("..."));
  }
}

TEST_CASE("dictionary: a missing dictionary falls back to document words") {
  const TempDir empty;
  Dictionary dict(empty.path().string());
  CHECK_FALSE(dict.has_dictionary());
  CHECK_FALSE(dict.is_word("and"));
  CHECK_FALSE(dict.in_dictionary("and"));
  CHECK(dict.is_word("2025/26"));  // numbers need no dictionary
  dict.add_document_word("and");
  CHECK(dict.is_word("And"));
  CHECK_FALSE(dict.in_dictionary("and"));

  SUBCASE("a directory that does not exist") {
    const Dictionary none((empty.path() / "no-such-dir").string());
    CHECK_FALSE(none.has_dictionary());
    CHECK_FALSE(none.is_word("Environment"));
  }
  SUBCASE("an empty en_GB pair is not a dictionary") {
    std::ofstream(empty.path() / "en_GB.aff").close();
    std::ofstream(empty.path() / "en_GB.dic").close();
    const Dictionary broken(empty.path().string());
    CHECK_FALSE(broken.has_dictionary());
  }
}

TEST_CASE("dictionary: a minimal en_US dictionary is used when en_GB is missing") {
  const TempDir dir;
  std::ofstream(dir.path() / "en_US.aff") << "SET UTF-8\n";
  std::ofstream(dir.path() / "en_US.dic") << "2\nplansheet\nworkbook\n";
  const Dictionary dict(dir.path().string());
  CHECK(dict.has_dictionary());
  CHECK(dict.is_word("workbook"));
  CHECK(dict.is_word("Plansheet"));  // hunspell accepts the capitalised form of a lower-case entry
  CHECK_FALSE(dict.is_word("and"));
}

TEST_CASE("dictionary: cached answers stay right and moves keep the state") {
  Dictionary dict;
  for (int i = 0; i < 3; ++i) {  // the second and third answers come from the cache
    CHECK(dict.is_word("Environment"));
    CHECK_FALSE(dict.is_word("ironment"));
  }
  dict.add_document_word("ironment");  // a document word is seen even after a cached "no" from hunspell
  CHECK(dict.is_word("ironment"));
  CHECK_FALSE(dict.in_dictionary("ironment"));

  Dictionary moved(std::move(dict));
  CHECK(moved.is_word("ironment"));
  CHECK(moved.document_count("ironment") == 1);
  Dictionary assigned(std::filesystem::temp_directory_path().string());
  assigned = std::move(moved);
  CHECK(assigned.has_dictionary());
  CHECK(assigned.is_word("Environment"));
}
