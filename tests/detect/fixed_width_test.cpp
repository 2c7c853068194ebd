// Tests for the fixed-width column finder: fragments (line, start, text) in, the column grid out; and sniff's
// choice between fixed-width columns and cells split at runs of spaces.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "detect/dialect.hpp"
#include "detect/fixed_width.hpp"

using namespace plansheet;

namespace {

std::vector<Fragment> fragments_of(const std::vector<std::string>& lines) {
  std::vector<Fragment> out;
  for (std::size_t n = 0; n < lines.size(); ++n)
    for (Fragment& f : line_fragments(lines[n], static_cast<int>(n + 1))) out.push_back(std::move(f));
  return out;
}

}  // namespace

TEST_CASE("fixed width: a line's fragments") {
  std::vector<Fragment> f = line_fragments("  T1  Plant trees on   verges \xE2\x80\x93 north  Parks", 3);
  REQUIRE(f.size() == 4);
  CHECK(f[0].text == "T1");
  CHECK(f[0].start == 2);
  CHECK(f[0].end == 4);
  CHECK(f[1].text == "Plant trees on");
  CHECK(f[2].text == "verges \xE2\x80\x93 north");  // one character for the dash, not three bytes
  CHECK(f[2].end - f[2].start == 14);
  CHECK(f[3].start == 39);
  CHECK(f[3].line == 3);
}

TEST_CASE("fixed width: columns from the gutters shared by the lines") {
  const std::vector<std::string> lines = {
      "Tidewater Council climate plan, adopted by the full council in the spring",
      "Ref   Action                        Lead",
      "T1    Plant trees on the verges     Parks and",
      "      of the ring road.             Open Spaces",
      "T2    Cut office waste by half      Facilities",
      "T3    Fit meters in every school    Education",
      "      kitchen.",
  };
  ColumnGrid grid = find_columns(fragments_of(lines));
  REQUIRE(grid.size() == 3);
  CHECK(grid.left == std::vector<int>{0, 6, 36});
  CHECK(grid.usable());
  SUBCASE("the title across the columns is not a row of the grid") {
    CHECK(grid.candidate_lines == 6);
    CHECK(grid.fitting_lines == 6);
    CHECK(grid.crosses(line_fragments(lines[0], 1)[0]));
  }
  SUBCASE("a fragment belongs to the column it starts in") {
    CHECK(grid.column_at(6) == 1);
    CHECK(grid.column_at(40) == 2);
    CHECK(grid.column_at(0) == 0);
  }
}

TEST_CASE("fixed width: fragments placed by position, as a PDF reader would give them") {
  // No characters at all: words with their line and column, one column filled on only one line.
  std::vector<Fragment> f = {{1, 0, 3, "Ref"},   {1, 8, 14, "Action"}, {1, 30, 34, "Lead"}, {1, 44, 51, "Partner"},
                             {2, 0, 2, "A1"},    {2, 8, 20, "Warm homes"}, {2, 30, 37, "Housing"},
                             {3, 8, 18, "advice"},  {4, 0, 2, "A2"},  {4, 8, 22, "Green fleet"},
                             {4, 30, 35, "Fleet"},  {4, 44, 50, "Garage"}, {5, 0, 2, "A3"}, {5, 8, 16, "Tree map"},
                             {5, 30, 35, "Parks"}};
  ColumnGrid grid = find_columns(f);
  CHECK(grid.left == std::vector<int>{0, 8, 30, 44});
}

TEST_CASE("fixed width: ragged runs of spaces are no grid") {
  const std::vector<std::string> lines = {
      "Ref  Action  Lead  Target",
      "K1   Audit the depot heating system.  Fleet Services   2025",
      "K2  Review the canteen menu for lower carbon options.    Catering  2026",
      "K3    Publish the travel survey results online.  Travel Desk  2025",
      "K4  Ask staff about car sharing.   HR  2026",
  };
  CHECK_FALSE(find_columns(fragments_of(lines)).usable());
  CHECK(sniff(lines).separator == Separator::spaces);
}

TEST_CASE("sniff: aligned columns with wrapped cells are fixed-width text") {
  const std::vector<std::string> lines = {
      "Ref   Action                        Lead",        "T1    Plant trees on the verges     Parks and",
      "      of the ring road.             Open Spaces", "T2    Cut office waste by half      Facilities",
      "T3    Fit meters in every school    Education",   "      kitchen.",
  };
  Dialect d = sniff(lines);
  CHECK(d.separator == Separator::fixed);
  CHECK(d.evidence.find("3 columns starting at characters 1, 7, 37") != std::string::npos);
  CHECK(std::string(separator_name(Separator::fixed)) == "fixed-width");
}

TEST_CASE("fixed width: a key above the table does not close the gutter the action rows keep open") {
  // The key's terms run across the narrow gap after the ids, its colours stand inside the theme column, which
  // holds text on each theme's first action only: too few lines for the rough grid to see that column, so the key
  // lines stay in for the fine one, where they are 4 lines across the gap against 15 (the header and the action
  // rows) that keep it open.
  std::vector<std::string> lines = {
      "Progress key",
      "Well under way     Green",
      "Slipping a little  Amber",
      "Stuck or unfunded  Red",
      "Finished and closed  Blue",
      "",
      "No.  Theme                    Action                      Owner",
  };
  std::vector<std::vector<std::string>> actions;
  for (const char* theme : {"Water and flood defence", "Heat in public buildings", "Travel to work and school",
                            "Waste and reuse centres", "Food grown in the area", "Trees along the highways",
                            "Homes for older people"}) {
    const std::string id(1, theme[0]);
    actions.push_back({id + "1", theme, "Survey the four sites", "Estates"});
    actions.push_back({id + "2", "", "Pilot the scheme at two", "Facilities"});
  }
  auto pad = [](std::string s, std::size_t w) { return s + std::string(w > s.size() ? w - s.size() : 1, ' '); };
  for (const auto& a : actions) {
    lines.push_back(pad(a[0], 5) + pad(a[1], 25) + pad(a[2], 28) + a[3]);
    for (const char* more : {"community buildings", "and record the results", "in the annual report"})
      lines.push_back(std::string(30, ' ') + more);
  }
  const ColumnGrid grid = find_columns(fragments_of(lines));
  CAPTURE(grid.evidence);
  REQUIRE(grid.size() == 4);
  CHECK(grid.left[0] == 0);
  CHECK(grid.left[1] == 5);
  CHECK(grid.left[2] == 30);
  CHECK(grid.left[3] == 58);
}
