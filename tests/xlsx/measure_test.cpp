// Tests of the text measures: UTF-8 in, UTF-16 lengths, wrapped lines, cuts and valid UTF-8 out.
#include <doctest/doctest.h>

#include <string>

#include "xlsx/measure.hpp"

using namespace plansheet;
using namespace plansheet::xlsx;

TEST_CASE("xlsx_layout: text measures") {
  SUBCASE("wrapped lines") {
    CHECK(detail::wrapped_lines("", 20) == 1);
    CHECK(detail::wrapped_lines("short", 20) == 1);
    CHECK(detail::wrapped_lines("one two three four five six seven eight nine ten", 12) >= 4);
    CHECK(detail::wrapped_lines("line one\nline two", 60) == 2);
    CHECK(detail::wrapped_lines(std::string(100, 'x'), 11) == 10);  // an unbroken word breaks anywhere
  }
  SUBCASE("UTF-16 length counts astral characters twice") {
    CHECK(detail::utf16_length("T3") == 2);
    CHECK(detail::utf16_length("\u0442\u0437") == 2);
    CHECK(detail::utf16_length("\U0001F600") == 2);
  }
  SUBCASE("cutting never splits a character") {
    const std::string s = std::string(10, 'a') + "\U0001F600\U0001F600";
    const std::string cut = detail::cut_to_limit(s + std::string(100, 'b'), 60);
    CHECK(detail::utf16_length(cut) <= 60);
    CHECK(detail::valid_utf8(cut) == cut);
  }
  SUBCASE("invalid UTF-8 becomes U+FFFD") {
    CHECK(detail::valid_utf8("ab\xff" "c") == "ab\uFFFD" "c");
    CHECK(detail::valid_utf8("\xe2\x82") == "\uFFFD\uFFFD");
    CHECK(detail::valid_utf8("caf\xc3\xa9") == "caf\xc3\xa9");
    // A lead byte above F4 starts no character, whatever follows it: each byte is one U+FFFD.
    CHECK(detail::valid_utf8("a\xf8\x80\x80z") == "a\uFFFD\uFFFD\uFFFDz");
    CHECK_FALSE(detail::is_valid_utf8("\xf8\x80\x80"));
  }
}
