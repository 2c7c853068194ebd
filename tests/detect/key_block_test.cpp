// Tests for the plan's key read after the table (pass 6b) and for one key line read as what it defines: the key
// rows join the legend with their lines and are set aside, and what is no key (prose, an action's wrap) is left.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "detect/dialect.hpp"
#include "detect/layout.hpp"
#include "detect/passes.hpp"
#include "load/paste/load_text.hpp"
#include "load/paste/tokenise.hpp"

using namespace plansheet;

namespace {

struct Read {
  RawTable table;
  TableLayout layout;
};

Read read(std::vector<std::string> lines) {
  SourceText text;
  text.source = "p.txt";
  text.lines = std::move(lines);
  Read r;
  r.table = tokenise(text, sniff(text.lines));
  r.layout = detect_layout(r.table, Options{});
  return r;
}

const std::vector<std::string> table = {"Ref\tAction\tLead\tProgress", "A1\tPlant hedges on the ring road\tParks\tMoving",
                                        "A2\tFit solar film to library windows\tLibraries\tBlocked",
                                        "A3\tTrain caretakers in heating controls\tFacilities\tMoving"};

std::vector<std::string> with(std::vector<std::string> tail) {
  std::vector<std::string> lines = table;
  lines.insert(lines.end(), tail.begin(), tail.end());
  return lines;
}

}  // namespace

TEST_CASE("key block: one key line gives the terms it defines") {
  SUBCASE("status words given colours, with a label before them") {
    detail::KeyLine key = detail::read_key_line("Progress key: Moving = Green; Blocked = Red");
    CHECK(key.heading == "Progress key:");
    REQUIRE(key.defines.size() == 2);
    CHECK(key.defines[0] == std::pair<std::string, std::string>{"Moving", "Green"});
    CHECK(key.defines[1] == std::pair<std::string, std::string>{"Blocked", "Red"});
  }
  SUBCASE("a comma inside a meaning continues it") {
    detail::KeyLine key = detail::read_key_line("A = some delay, being managed; R = stopped (no budget, no staff)");
    REQUIRE(key.defines.size() == 2);
    CHECK(key.defines[0].second == "some delay, being managed");
    CHECK(key.defines[1].second == "stopped (no budget, no staff)");
  }
  SUBCASE("a dash defines as '=' does when one side names a colour alone") {
    detail::KeyLine key = detail::read_key_line("Moving steadily \u2013 Green");
    REQUIRE(key.defines.size() == 1);
    CHECK(key.defines[0] == std::pair<std::string, std::string>{"Moving steadily", "Green"});
    key = detail::read_key_line("Red - stalled, waiting for funding");
    REQUIRE(key.defines.size() == 1);
    CHECK(key.defines[0] == std::pair<std::string, std::string>{"Red", "stalled, waiting for funding"});
    // A dash between words that name no colour is punctuation.
    CHECK(detail::read_key_line("Phase two - detailed design").defines.empty());
    CHECK(detail::read_key_line("Depot roof \u2013 solar panels fitted").defines.empty());
  }
  SUBCASE("prose with an equals sign in it is no key") {
    CHECK(detail::read_key_line("We expect that one tonne = 1000 kg of savings").defines.empty());
    CHECK(detail::read_key_line("Savings to date: none yet").defines.empty());
  }
}

TEST_CASE("key block: a key under the table joins the legend and its rows are set aside") {
  SUBCASE("one line of definitions after a blank line") {
    Read r = read(with({"", "Moving = Green, Blocked = Red"}));
    REQUIRE(!r.layout.legend.empty());
    const LegendEntry& e = r.layout.legend.back();
    CHECK(e.kind == LegendKind::status);
    CHECK(e.line == 6);
    CHECK(e.defines.size() == 2);
    // A blank line is no row of its own (it marks a break before the next), so the key line is row 4.
    CHECK(r.layout.key_rows == std::vector<std::size_t>{4});
    CHECK(is_key_row(r.layout, 4));
    CHECK_FALSE(is_key_row(r.layout, 3));
  }
  SUBCASE("a bilingual heading and two-cell rows") {
    Read r = read(with({"Allwedd / Key", "Gwyrdd / Green\tAr amser / On time", "Coch / Red\tWedi stopio / Stopped"}));
    REQUIRE(r.layout.legend.size() >= 3);
    const auto& legend = r.layout.legend;
    CHECK(legend[legend.size() - 3].kind == LegendKind::heading);
    CHECK(legend[legend.size() - 2].kind == LegendKind::rag);
    CHECK(legend[legend.size() - 2].colour == "green");
    CHECK(legend.back().defines == std::vector<std::pair<std::string, std::string>>{{"Coch / Red", "Wedi stopio / Stopped"}});
    CHECK(r.layout.key_rows.size() == 3);
  }
  SUBCASE("a sign-off after the table is no key") {
    Read r = read(with({"", "Thanks, the climate team"}));
    CHECK(r.layout.key_rows.empty());
  }
  SUBCASE("two cells of an action's wrap are no key without a key heading or a colour") {
    Read r = read(with({"\tand the bypass verges\tHighways"}));
    CHECK(r.layout.key_rows.empty());
  }
}
