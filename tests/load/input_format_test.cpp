// Tests for the input format table: an input's kind from its first bytes, then its name; and the extensions
// batch picks up, which are every format's.
#include <doctest/doctest.h>

#include <string>

#include "load/input_format.hpp"

using namespace plansheet;

TEST_CASE("input_format: the kind from content first, then the name") {
  CHECK(detect_input_kind("plan.txt", std::string("PK\x03\x04rest", 8)) == InputKind::xlsx);
  CHECK(detect_input_kind("plan.csv", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1....") == InputKind::xls);
  CHECK(detect_input_kind("PLAN.CSV", "a,b\n") == InputKind::csv);
  CHECK(detect_input_kind("plan.tsv", "a\tb\n") == InputKind::paste);
  CHECK(detect_input_kind("plan.md", "| a | b |\n") == InputKind::paste);
  CHECK(detect_input_kind("-", "a\tb\n") == InputKind::paste);
  SUBCASE("a name that promises a workbook goes to that reader, whatever the bytes") {
    CHECK(detect_input_kind("plan.xlsx", "not a zip") == InputKind::xlsx);
    CHECK(detect_input_kind("plan.XLSM", "not a zip") == InputKind::xlsx);
    CHECK(detect_input_kind("plan.xls", "not OLE2") == InputKind::xls);
  }
  SUBCASE("a name no format claims is read as a paste") {
    CHECK(detect_input_kind("README", "a\tb\n") == InputKind::paste);
    CHECK(detect_input_kind("plan.xlsx.bak", "a\tb\n") == InputKind::paste);
  }
}

TEST_CASE("input_format: every row's extensions") {
  for (const InputFormat& format : input_formats()) {
    CHECK_FALSE(format.extensions.empty());
    CHECK_FALSE(format.description.empty());
    for (std::string_view ext : format.extensions) {
      CAPTURE(ext);
      CHECK(is_input_extension(ext));
      CHECK(detect_input_kind("plan" + std::string(ext), "") == format.kind);
    }
  }
  CHECK(is_input_extension(".TSV"));
  CHECK_FALSE(is_input_extension(".pages"));
  CHECK_FALSE(is_input_extension(""));
  CHECK(input_extensions_list() == ".txt, .tsv, .md, .csv, .xlsx, .xlsm, .xls, .ods, .docx or .pdf");
}
