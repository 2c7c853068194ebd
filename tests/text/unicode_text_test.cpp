// Tests for the Unicode helpers: each function on good and bad input, plus the fixture pairs in
// tests/fixtures/unicode/<function>_<quirk>.input|.expect.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "text/unicode_text.hpp"

namespace text = plansheet::text;
using namespace std::string_literals;

namespace {

bool is_valid_utf8(const std::string& s) { return !text::repair_invalid_utf8(s).has_value(); }

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::filesystem::path> fixture_inputs(const std::string& prefix) {
  std::vector<std::filesystem::path> found;
  const std::filesystem::path dir = std::filesystem::path(PLANSHEET_SOURCE_DIR) / "tests" / "fixtures" / "unicode";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".input" && name.rfind(prefix, 0) == 0) found.push_back(entry.path());
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace

TEST_CASE("unicode_text: to_nfc composes and keeps valid text") {
  SUBCASE("combining acute composes") { CHECK(text::to_nfc("cafe\u0301") == "caf\u00e9"); }
  SUBCASE("already composed text is unchanged") { CHECK(text::to_nfc("café “Net Zero”") == "café “Net Zero”"); }
  SUBCASE("two marks are reordered canonically and composed") {
    // a + dot below + circumflex -> ậ (U+1EAD) whatever order the marks came in.
    CHECK(text::to_nfc("a\u0302\u0323") == "\u1ead");
    CHECK(text::to_nfc("a\u0323\u0302") == "\u1ead");
  }
  SUBCASE("Hangul jamo compose") { CHECK(text::to_nfc("\u1100\u1161") == "\uac00"); }
  SUBCASE("compatibility characters are not folded (NFC, not NFKC)") {
    CHECK(text::to_nfc("\ufb01") == "\ufb01");
    CHECK(text::to_nfc("CO\u2082") == "CO\u2082");
  }
  SUBCASE("empty") { CHECK(text::to_nfc("") == ""); }
  SUBCASE("4-byte emoji pass through") { CHECK(text::to_nfc("🌱 plan") == "🌱 plan"); }
  SUBCASE("invalid UTF-8 becomes U+FFFD and the result is valid") {
    const std::string out = text::to_nfc("e\xCC\x81 \xFF end");
    CHECK(out == "\u00e9 \ufffd end");
    CHECK(is_valid_utf8(out));
  }
}

TEST_CASE("unicode_text: clean_invisibles") {
  struct Case {
    std::string input, expect;
  };
  const std::vector<Case> cases = {
      {"Net\u00a0Zero", "Net Zero"},                 // no-break space
      {"10\u2009000\u202ft", "10 000 t"},            // thin and narrow no-break spaces
      {"\u2007\u2007 5", "   5"},                    // figure spaces
      {"a\u3000b\u205fc\u1680d", "a b c d"},         // ideographic, math and ogham spaces
      {"net\u200bzero", "netzero"},                  // zero-width space
      {"\ufeffTitle", "Title"},                      // byte-order mark at the start
      {"co\u00adordinate", "coordinate"},            // soft hyphen
      {"word\u2060joiner\u200c\u200e\u200f", "wordjoiner"},
      {"\ufb01nance \ufb02eet \ufb00ort", "finance fleet ffort"},
      {"\ufb03ce \ufb04e \ufb05 \ufb06", "ffice ffle st st"},
      {"zero\u200dwidth joiner", "zerowidth joiner"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.input);
    CHECK(text::clean_invisibles(c.input) == c.expect);
  }
  SUBCASE("tabs and newlines are kept") { CHECK(text::clean_invisibles("a\tb\nc\r\nd") == "a\tb\nc\r\nd"); }
  SUBCASE("line separator U+2028 is not a space") { CHECK(text::clean_invisibles("a\u2028b") == "a\u2028b"); }
  SUBCASE("plain text is unchanged") {
    const std::string plain = "Deliver the EV Charging Strategy – by Mar-26 (£5m) 🌱";
    CHECK(text::clean_invisibles(plain) == plain);
  }
  SUBCASE("joiner inside an emoji sequence is kept") {
    const std::string scientist = "\U0001F469\u200d\U0001F52C";  // 👩‍🔬
    CHECK(text::clean_invisibles(scientist) == scientist);
    const std::string family = "\U0001F468\U0001F3FD\u200d\U0001F469";  // skin-tone modifier before the joiner
    CHECK(text::clean_invisibles(family) == family);
  }
  SUBCASE("empty") { CHECK(text::clean_invisibles("") == ""); }
  SUBCASE("invalid UTF-8 becomes U+FFFD") { CHECK(text::clean_invisibles("a\xC3(b\u00a0") == "a\ufffd(b "); }
}

TEST_CASE("unicode_text: repair_mojibake repairs") {
  struct Case {
    std::string input, expect;
  };
  const std::vector<Case> cases = {
      {"Itâ€™s", "It’s"},
      {"cafÃ©", "café"},
      {"2020â€“2025", "2020–2025"},
      {"Â£5m", "£5m"},
      {"â€œNet Zeroâ€\u009d", "“Net Zero”"},  // ” is 0x9D, undefined in Windows-1252, kept as U+009D
      {"â€¢ item", "• item"},
      {"20Â°C", "20°C"},
      {"Â½ of fleet", "½ of fleet"},
      {"â‚¬10", "€10"},
      {"Net\u00c2\u00a0Zero", "Net\u00a0Zero"},                // no-break space
      {"it\u00e2\u0080\u0099s", "it’s"},                       // Latin-1 reading: C1 controls
      {"ðŸŒ± growth", "🌱 growth"},                            // 4-byte emoji
      {"ï»¿Title", "\ufeffTitle"},                             // byte-order mark
      {"ÐŸÑ€Ð¸Ð²ÐµÑ‚", "Привет"},                               // Cyrillic
      {"MÅ‚ynarski", "Młynarski"},                             // Polish ł after a capital, then lower case
      {"Ã¢â‚¬â„¢", "’"},                                       // went through the mistake twice
      {"It’s fine and cafÃ©", "It’s fine and café"},           // correct text next to broken text is kept
      {"e\u00cc\u0081", "e\u0301"},                            // decomposed accent (Latin-1 reading)
      {"\u00c3\u00a0 la carte", "\u00e0 la carte"},             // à is C3 A0: its second byte reads as no-break space
  };
  for (const auto& c : cases) {
    CAPTURE(c.input);
    const auto repaired = text::repair_mojibake(c.input);
    REQUIRE(repaired.has_value());
    CHECK(*repaired == c.expect);
    CHECK(is_valid_utf8(*repaired));
    CHECK(text::length_in_chars(*repaired) < text::length_in_chars(c.input));
  }
}

TEST_CASE("unicode_text: repair_mojibake leaves real text alone") {
  const std::vector<std::string> clean = {
      "",
      "plain ASCII text, 100% fine",
      "café “quoted” – £5 naïve",
      "Straße and Fuß“ in German quotes",  // ß then “ would decode to an NKo letter
      "CAFÉ” in capitals",                 // É then ” would decode to ɔ
      "Ça va? ÀÉÎÕÜ",
      "Ã",           // a lead character alone
      "â€",          // a sequence cut short
      "Â€",          // would decode to a C1 control
      "🌱 emoji, Привет, ΝΟ2",
  };
  for (const auto& s : clean) {
    CAPTURE(s);
    CHECK_FALSE(text::repair_mojibake(s).has_value());
  }
  SUBCASE("invalid bytes alone are not mojibake") { CHECK_FALSE(text::repair_mojibake("abc\xFF").has_value()); }
  SUBCASE("invalid bytes next to mojibake come out as U+FFFD") {
    CHECK(text::repair_mojibake("Itâ€™s\xFF") == std::optional<std::string>("It’s\ufffd"));
  }
}

TEST_CASE("unicode_text: repair_invalid_utf8") {
  struct Case {
    std::string input, expect;
  };
  const std::vector<Case> cases = {
      {"abc\xFF", "abc\ufffd"},
      {"\xC3", "\ufffd"},                              // truncated at the end
      {"\xC3(", "\ufffd("},                            // bad continuation
      {"\xE2\x80", "\ufffd"},                          // truncated 3-byte: one maximal subpart, one U+FFFD
      {"\xC0\xAF", "\ufffd\ufffd"},                    // overlong '/'
      {"\xED\xA0\x80", "\ufffd\ufffd\ufffd"},          // UTF-16 surrogate
      {"\xF4\x90\x80\x80", "\ufffd\ufffd\ufffd\ufffd"},  // above U+10FFFF
      {"\x80 lone", "\ufffd lone"},                    // stray continuation byte
      {"caf\xE9", "caf\ufffd"},                        // Latin-1 é
  };
  for (const auto& c : cases) {
    CAPTURE(c.input);
    CHECK(text::repair_invalid_utf8(c.input) == std::optional<std::string>(c.expect));
  }
  SUBCASE("valid text gives nullopt") {
    for (std::string s : {""s, "ascii"s, "café"s, "🌱"s, "\U0010FFFF"s, "€"s}) {
      CAPTURE(s);
      CHECK_FALSE(text::repair_invalid_utf8(s).has_value());
    }
  }
  SUBCASE("NUL bytes are valid") { CHECK_FALSE(text::repair_invalid_utf8("a\0b"s).has_value()); }
}

TEST_CASE("unicode_text: has_cyrillic_or_greek") {
  CHECK(text::has_cyrillic_or_greek("тз"));
  CHECK(text::has_cyrillic_or_greek("Apr-25 ТВС"));
  CHECK(text::has_cyrillic_or_greek("ΝΟ2"));
  CHECK(text::has_cyrillic_or_greek("Lоndon"));  // one Cyrillic о
  CHECK_FALSE(text::has_cyrillic_or_greek("London"));
  CHECK_FALSE(text::has_cyrillic_or_greek(""));
  CHECK_FALSE(text::has_cyrillic_or_greek("café naïve £5 – 🌱"));
  CHECK_FALSE(text::has_cyrillic_or_greek("5 µg"));  // micro sign is not Greek script
  CHECK_FALSE(text::has_cyrillic_or_greek("\xFF\xFE"));
}

TEST_CASE("unicode_text: latin_lookalikes") {
  struct Case {
    std::string input, expect;
  };
  const std::vector<Case> cases = {
      {"тз", "T3"},  // lower-case skeletons are small capitals; the capitals' look-alikes are used
      {"Т4", "T4"},
      {"В4", "B4"},
      {"ТВС", "TBC"},
      {"Аpr-25", "Apr-25"},   // Cyrillic А
      {"Lоndon", "London"},   // Cyrillic lower-case о keeps its case
      {"ΝΟ2", "NO2"},         // Greek
      {"ΙΟ", "IO"},           // Greek capital iota is 'I', not the skeleton's 'l'
      {"αβγ", "aBy"},         // β's skeleton is not ASCII, its capital Β is 'B'
      {"λΛ", "λΛ"},           // no ASCII look-alike in either case
      {"Ыы", "Ыы"},           // skeleton "bl" is not one letter
      {"Привет", "ПpиBeT"},   // a real word is still mapped letter by letter
      {"ДЖ", "ДЖ"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.input);
    CHECK(text::latin_lookalikes(c.input) == c.expect);
  }
  SUBCASE("ASCII ids are never touched") {
    for (std::string id : {"I10"s, "O2"s, "l1"s, "0O"s, "Il1|"s, "rn m"s, "T3 B4 TBC"s}) {
      CAPTURE(id);
      CHECK(text::latin_lookalikes(id) == id);
    }
  }
  SUBCASE("other scripts and symbols are left alone") {
    const std::string other = "café – £5 🌱 中文 µ";
    CHECK(text::latin_lookalikes(other) == other);
  }
  SUBCASE("combining marks stay after the mapped letter") {
    CHECK(text::latin_lookalikes("е\u0301") == "e\u0301");
  }
  SUBCASE("empty") { CHECK(text::latin_lookalikes("") == ""); }
  SUBCASE("invalid UTF-8 becomes U+FFFD") { CHECK(text::latin_lookalikes("Т\xFF") == "T\ufffd"); }
}

TEST_CASE("unicode_text: case mapping") {
  SUBCASE("to_upper is full Unicode") {
    CHECK(text::to_upper("straße") == "STRASSE");
    CHECK(text::to_upper("café tз") == "CAFÉ TЗ");
    CHECK(text::to_upper("id") == "ID");  // root locale, no Turkish dotted İ
  }
  SUBCASE("to_lower") {
    CHECK(text::to_lower("CAFÉ ΝΟ2") == "café νο2");
    CHECK(text::to_lower("I10") == "i10");
  }
  SUBCASE("fold_case makes case-insensitive keys") {
    CHECK(text::fold_case("Straße") == text::fold_case("STRASSE"));
    CHECK(text::fold_case("Actions") == text::fold_case("ACTIONS"));
    CHECK(text::fold_case("Actions") != text::fold_case("Action"));
  }
  SUBCASE("empty, emoji and invalid input") {
    CHECK(text::to_upper("") == "");
    CHECK(text::to_lower("🌱A") == "🌱a");
    CHECK(text::to_upper("a\xFF") == "A\ufffd");
  }
}

TEST_CASE("unicode_text: starts_lowercase and starts_uppercase") {
  CHECK(text::starts_lowercase("and the council"));
  CHECK_FALSE(text::starts_uppercase("and the council"));
  CHECK(text::starts_uppercase("Deliver"));
  CHECK_FALSE(text::starts_lowercase("Deliver"));
  CHECK(text::starts_lowercase("(a) item"));     // skips punctuation to the first letter
  CHECK(text::starts_uppercase("1. Review"));    // skips digits
  CHECK(text::starts_lowercase("étude"));
  CHECK(text::starts_uppercase("Écoles"));
  CHECK(text::starts_uppercase("ǅ"));            // title-case digraph counts as upper
  CHECK(text::starts_lowercase("тз"));
  SUBCASE("no letter at all") {
    for (std::string s : {""s, "123"s, "– 🌱"s, "中文"s, "\xFF"s}) {
      CAPTURE(s);
      CHECK_FALSE(text::starts_lowercase(s));
      CHECK_FALSE(text::starts_uppercase(s));
    }
  }
}

TEST_CASE("unicode_text: length_in_chars") {
  CHECK(text::length_in_chars("") == 0);
  CHECK(text::length_in_chars("abc") == 3);
  CHECK(text::length_in_chars("café") == 4);
  CHECK(text::length_in_chars("cafe\u0301") == 5);  // code points, not graphemes
  CHECK(text::length_in_chars("🌱£") == 2);
  CHECK(text::length_in_chars("a\xFF\xC3") == 3);  // each invalid sequence counts once
}

TEST_CASE("unicode_text: fixtures") {
  const auto check_fixtures = [](const std::string& prefix, auto apply) {
    const auto inputs = fixture_inputs(prefix);
    REQUIRE_FALSE(inputs.empty());
    for (const auto& input_path : inputs) {
      auto expect_path = input_path;
      expect_path.replace_extension(".expect");
      CAPTURE(input_path.filename().string());
      REQUIRE(std::filesystem::exists(expect_path));
      const std::string input = read_file(input_path);
      const std::string expect = read_file(expect_path);
      CHECK(apply(input) == expect);
    }
  };
  SUBCASE("mojibake") {
    check_fixtures("mojibake_", [](const std::string& s) { return text::repair_mojibake(s).value_or(s); });
  }
  SUBCASE("invisibles") {
    check_fixtures("invisibles_", [](const std::string& s) { return text::clean_invisibles(s); });
  }
  SUBCASE("lookalikes") {
    check_fixtures("lookalikes_", [](const std::string& s) { return text::latin_lookalikes(s); });
  }
}
