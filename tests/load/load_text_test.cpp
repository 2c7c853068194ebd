// Tests for load_text: bytes of a paste in (UTF-8 with or without BOM, UTF-16 LE/BE, CRLF/LF/CR, invalid UTF-8),
// valid UTF-8 lines out, with each decoding repair logged.
#include <doctest/doctest.h>

#include <string>

#include "load/paste/load_text.hpp"
#include "text/unicode_text.hpp"

using namespace plansheet;
using namespace std::string_literals;

namespace {

// UTF-16 of an ASCII-or-BMP UTF-8 string, with or without a byte-order mark.
std::string utf16(const std::u16string& text, bool little_endian, bool bom) {
  std::string out;
  auto put = [&](char16_t u) {
    char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    out += little_endian ? lo : hi;
    out += little_endian ? hi : lo;
  };
  if (bom) put(0xFEFF);
  for (char16_t u : text) put(u);
  return out;
}

bool valid_utf8(const std::string& s) { return !text::repair_invalid_utf8(s).has_value(); }

}  // namespace

TEST_CASE("load_text: line endings") {
  SUBCASE("LF, with a final newline giving no empty last line") {
    auto t = load_text("p.txt", "ID\tAction\nT1\tPlant trees\n");
    CHECK(t.lines == std::vector<std::string>{"ID\tAction", "T1\tPlant trees"});
    CHECK(t.repairs.empty());
  }
  SUBCASE("CRLF") {
    auto t = load_text("p.txt", "ID\tAction\r\nT1\tPlant trees\r\n");
    CHECK(t.lines == std::vector<std::string>{"ID\tAction", "T1\tPlant trees"});
  }
  SUBCASE("lone CR (old Mac clipboard)") {
    auto t = load_text("p.txt", "ID\tAction\rT1\tPlant trees\r");
    CHECK(t.lines == std::vector<std::string>{"ID\tAction", "T1\tPlant trees"});
  }
  SUBCASE("mixed endings and blank lines keep line numbers") {
    const std::string input = "Title\r\n\r\nID\tAction\nT1\tPlant trees\rT2\tCut waste";
    CAPTURE(input);
    auto t = load_text("p.txt", input);
    CHECK(t.lines == std::vector<std::string>{"Title", "", "ID\tAction", "T1\tPlant trees", "T2\tCut waste"});
  }
  SUBCASE("no final newline") {
    auto t = load_text("p.txt", "ID\tAction");
    CHECK(t.lines == std::vector<std::string>{"ID\tAction"});
  }
  SUBCASE("the source name is kept") { CHECK(load_text("plans/a.txt", "x").source == "plans/a.txt"); }
}

TEST_CASE("load_text: byte-order marks and UTF-16") {
  SUBCASE("a UTF-8 BOM is dropped") {
    auto t = load_text("p.txt", "\xEF\xBB\xBFID\tAction\nT1\tCaf\xC3\xA9\n");
    CHECK(t.lines == std::vector<std::string>{"ID\tAction", "T1\tCaf\u00e9"});
  }
  SUBCASE("UTF-16 LE with BOM (the Windows clipboard)") {
    const std::string bytes = utf16(u"ID\tAction\r\nT1\tCaf\u00e9 \u2013 \u2713\r\n", true, true);
    auto t = load_text("p.txt", bytes);
    CHECK(t.lines == std::vector<std::string>{"ID\tAction", "T1\tCaf\u00e9 \u2013 \u2713"});
    CHECK(t.repairs.empty());
    CHECK(t.warnings.empty());
  }
  SUBCASE("UTF-16 BE with BOM") {
    const std::string bytes = utf16(u"Ref\tLead\nB\u0032\tEstates\n", false, true);
    auto t = load_text("p.txt", bytes);
    CHECK(t.lines == std::vector<std::string>{"Ref\tLead", "B2\tEstates"});
  }
  SUBCASE("UTF-16 LE without BOM is recognised and the guess reported") {
    const std::string bytes = utf16(u"ID\tAction\nT1\tPlant trees on verges\n", true, false);
    auto t = load_text("p.txt", bytes);
    CHECK(t.lines == std::vector<std::string>{"ID\tAction", "T1\tPlant trees on verges"});
    REQUIRE(t.warnings.size() == 1);
    CHECK(t.warnings[0].message.find("UTF-16 LE") != std::string::npos);
  }
  SUBCASE("a surrogate pair decodes to one code point") {
    const std::string bytes = utf16(u"T1\t\U0001F331 trees", true, true);
    CHECK(load_text("p.txt", bytes).lines == std::vector<std::string>{"T1\t\U0001F331 trees"});
  }
  SUBCASE("an unpaired surrogate becomes U+FFFD and is logged") {
    std::u16string text = u"T1\tab";
    text.insert(text.begin() + 4, char16_t(0xD800));
    auto t = load_text("p.txt", utf16(text, true, true));
    REQUIRE(t.lines.size() == 1);
    CHECK(t.lines[0] == "T1\ta\ufffdb");
    REQUIRE(t.repairs.size() == 1);
    CHECK(t.repairs[0].rule == RepairRule::encoding);
  }
}

TEST_CASE("load_text: invalid UTF-8 is repaired and logged, never fatal") {
  SUBCASE("Windows-1252 bytes are decoded as such") {
    const std::string input = "ID\tAction\nT1\tReview the council\x92s \x93green\x94 fleet \x96 phase 2\n";
    CAPTURE(input);
    auto t = load_text("p.txt", input);
    REQUIRE(t.lines.size() == 2);
    CHECK(t.lines[1] == "T1\tReview the council\u2019s \u201cgreen\u201d fleet \u2013 phase 2");
    REQUIRE(t.repairs.size() == 1);
    CHECK(t.repairs[0].rule == RepairRule::encoding_cp1252);
    CHECK(t.repairs[0].pos.line == 2);
    CHECK(t.repairs[0].before == "T1\\x09Review the council\\x92s \\x93green\\x94 fleet \\x96 phase 2");
    CHECK(t.repairs[0].after == t.lines[1]);
  }
  SUBCASE("Latin-1 accents") {
    auto t = load_text("p.txt", "T1\tCaf\xE9 recycling\n");
    CHECK(t.lines[0] == "T1\tCaf\u00e9 recycling");
  }
  SUBCASE("bytes undefined in Windows-1252 become U+FFFD") {
    auto t = load_text("p.txt", "T1\tbad \x81 byte\n");
    CHECK(t.lines[0] == "T1\tbad \ufffd byte");
    REQUIRE(t.repairs.size() == 1);
    CHECK(t.repairs[0].rule == RepairRule::invalid_utf8);
  }
  SUBCASE("a truncated UTF-8 sequence at the end of a line") {
    auto t = load_text("p.txt", "T1\tPlant trees \xE2\x80\nT2\tok\n");
    CHECK(valid_utf8(t.lines[0]));
    CHECK(t.lines[1] == "T2\tok");
    CHECK(t.repairs.size() == 1);
  }
  SUBCASE("only the damaged line is touched") {
    auto t = load_text("p.txt", "A\u00e9\nB\xE9\nC\n");
    CHECK(t.lines == std::vector<std::string>{"A\u00e9", "B\u00e9", "C"});
    REQUIRE(t.repairs.size() == 1);
    CHECK(t.repairs[0].pos.line == 2);
  }
  SUBCASE("NUL bytes are dropped with a warning") {
    auto t = load_text("p.txt", "T1\tPlant\0 trees\n"s);
    CHECK(t.lines[0] == "T1\tPlant trees");
    REQUIRE(t.warnings.size() == 1);
    CHECK(t.warnings[0].message.find("NUL") != std::string::npos);
  }
}
