// Tests for the plan's value vocabularies: what a key's definitions teach (status ratings, codes), the usual status
// scale, and a status column rated through them in the whole pipeline (the legend names each mapping once).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "ledger.hpp"
#include "repair/value_maps.hpp"

using namespace plansheet;
using namespace plansheet::testing;

namespace {

LegendEntry entry(std::string text, std::vector<std::pair<std::string, std::string>> defines) {
  return {LegendKind::note, std::move(text), "", 0, std::move(defines)};
}

Plan run_lines(const std::vector<std::string>& lines) {
  std::string bytes;
  for (const std::string& l : lines) bytes += l + "\n";
  return run("paste.txt", bytes, Options{});
}

}  // namespace

TEST_CASE("value maps: a key's definitions rate status words both ways round") {
  ValueMaps maps = learn_value_maps({entry("Moving = Green", {{"Moving", "Green"}}),
                                     entry("Amber/Green | Slight slip", {{"Amber/Green", "Slight slip"}}),
                                     entry("Wedi gorffen / Finished = Blue", {{"Wedi gorffen / Finished", "Blue"}})});
  REQUIRE(maps.status_rating.count("moving"));
  CHECK(maps.status_rating.at("moving").colour == "green");
  SUBCASE("a two-colour rating keeps the plan's word") {
    REQUIRE(maps.status_rating.count("slight slip"));
    CHECK(maps.status_rating.at("slight slip").word == "amber/green");
    CHECK(maps.status_rating.at("slight slip").colour == "amber");
  }
  SUBCASE("a bilingual term is known by either half") {
    CHECK(maps.status_rating.count("wedi gorffen / finished"));
    CHECK(maps.status_rating.count("finished"));
    CHECK(maps.status_rating.count("wedi gorffen"));
  }
  CHECK(maps.codes.empty());
}

TEST_CASE("value maps: definitions of anything but a rating are codes") {
  ValueMaps maps = learn_value_maps({entry("Q = quick win; Z = capital bid", {{"Q", "quick win"}, {"Z", "capital bid"}})});
  CHECK(maps.codes.count("q"));
  CHECK(maps.codes.count("z"));
  CHECK(maps.status_rating.empty());
}

TEST_CASE("value maps: the usual scale") {
  bool known = false;
  auto green = usual_status_rating("On Track", known);
  REQUIRE(green);
  CHECK(green->colour == "green");
  CHECK(known);
  CHECK_FALSE(usual_status_rating("Not started", known));
  CHECK(known);
  CHECK_FALSE(usual_status_rating("In progress", known));
  CHECK_FALSE(known);
}

TEST_CASE("value maps: a status column rated by the usual scale names each mapping once in the legend") {
  Plan plan = run_lines({"Ref\tAction\tStatus", "U1\tRetrofit the museum\tOn track", "U2\tGreen the car park\tOn track",
                         "U3\tReuse office furniture\tOff track"});
  REQUIRE(plan.actions.size() == 3);
  CHECK(plan.actions[0].rag == "green");
  CHECK(plan.actions[1].rag == "green");
  CHECK(plan.actions[2].rag == "red");
  CHECK(plan.actions[0].status == "On track");
  std::vector<std::string> status_entries;
  for (const LegendEntry& e : plan.legend)
    if (e.kind == LegendKind::status) status_entries.push_back(e.text);
  REQUIRE(status_entries.size() == 2);
  CHECK(status_entries[0].rfind("On track = green", 0) == 0);
  CHECK(status_entries[1].rfind("Off track = red", 0) == 0);
}

TEST_CASE("value maps: a plan with its own RAG column is not re-rated from its status") {
  Plan plan = run_lines({"Ref\tAction\tStatus\tRAG", "V1\tRetrofit the museum\tOn track\tAmber",
                         "V2\tGreen the car park\tOff track\tRed", "V3\tReuse office furniture\tOn track\tGreen"});
  REQUIRE(plan.actions.size() == 3);
  CHECK(plan.actions[0].rag == "amber");
  for (const LegendEntry& e : plan.legend) CHECK(e.kind != LegendKind::status);
}

TEST_CASE("value maps: a key after the table keeps the no-loss ledger whole") {
  const std::string bytes =
      "Ref\tAction\tStatus\nX1\tPlant street trees\tMoving\nX2\tShare council vans\tBlocked\n\nMoving = Green, Blocked = "
      "Red\n";
  Plan plan = run("paste.txt", bytes, Options{});
  CHECK(plan.actions.size() == 2);
  CHECK(unaccounted(ledger_lines(bytes), plan) == "");
}
