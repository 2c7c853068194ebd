// Tests for sniff: lines in, the cell separator (tabs, markdown pipes, runs of spaces, none) and its evidence out.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "detect/dialect.hpp"

using namespace plansheet;

TEST_CASE("sniff: the separator of a paste") {
  SUBCASE("tabs") {
    std::vector<std::string> lines = {"Action Plan", "", "ID\tAction\tLead", "T1\tPlant trees\tParks", "T2\tCut waste\tWaste"};
    Dialect d = sniff(lines);
    CHECK(d.separator == Separator::tab);
    CHECK(d.evidence == "3 of 4 non-blank lines hold tabs");
  }
  SUBCASE("a markdown table") {
    std::vector<std::string> lines = {"# Plan", "| ID | Action | Lead |", "|----|:------|---|", "| T1 | Plant trees | Parks |",
                                      "| T2 | Cut waste | Waste |"};
    Dialect d = sniff(lines);
    CHECK(d.separator == Separator::markdown);
    CHECK(d.evidence.find("markdown") != std::string::npos);
  }
  SUBCASE("pipes without a rule line are not a markdown table") {
    std::vector<std::string> lines = {"| ID | Action |", "| T1 | Plant trees |"};
    CHECK(sniff(lines).separator != Separator::markdown);
  }
  SUBCASE("runs of two or more spaces (a PDF copied as aligned text)") {
    std::vector<std::string> lines = {"ID    Action                 Lead", "T1    Plant trees on verges  Parks",
                                      "T2    Cut office waste       Facilities"};
    Dialect d = sniff(lines);
    CHECK(d.separator == Separator::spaces);
    CHECK(d.evidence == "3 of 3 non-blank lines hold runs of two or more spaces");
  }
  SUBCASE("tabs are trusted over spaces") {
    std::vector<std::string> lines = {"ID\tAction  with spaces", "T1\tPlant  trees", "a  b", "c  d", "e  f"};
    CHECK(sniff(lines).separator == Separator::tab);
  }
  SUBCASE("prose has no separator") {
    std::vector<std::string> lines = {"The council will plant trees.", "It will also cut waste."};
    Dialect d = sniff(lines);
    CHECK(d.separator == Separator::none);
    CHECK(d.evidence == "no tabs, markdown pipes or aligned columns found");
  }
  SUBCASE("blank input") {
    CHECK(sniff({}).separator == Separator::none);
    CHECK(sniff({"", "   "}).separator == Separator::none);
  }
  SUBCASE("names") {
    CHECK(std::string(separator_name(Separator::tab)) == "tab");
    CHECK(std::string(separator_name(Separator::markdown)) == "markdown");
    CHECK(std::string(separator_name(Separator::spaces)) == "spaces");
    CHECK(std::string(separator_name(Separator::none)) == "none");
  }
}
