// End to end against the hand-checked gold (tests/fixtures/gold/, copied from the shared gold): every gold action's
// every field equals ours after the same folding as the acceptance scorer (NFC, typographic quotes and dashes,
// whitespace; lead/partners list separators; RAG case), no action is missing and none is extra.
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "model/errors.hpp"
#include "ledger.hpp"
#include "text/unicode_text.hpp"

using namespace plansheet;
using namespace plansheet::testing;
using json = nlohmann::ordered_json;

namespace {

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
    s.replace(pos, from.size(), to);
  return s;
}

std::string trim_spaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

// score.py's norm(): a value to comparable text.
std::string fold(const json& v) {
  if (v.is_null()) return "";
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number()) return v.dump();
  if (v.is_array()) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? "|" : "") + fold(v[i]);
    return out;
  }
  std::string s = text::to_nfc(v.get<std::string>());
  for (auto [from, to] : {std::pair{"\u2018", "'"}, {"\u2019", "'"}, {"\u201c", "\""}, {"\u201d", "\""}, {"\u2013", "-"},
                          {"\u2014", "-"}, {"\u00a0", " "}})
    s = replace_all(s, from, to);
  s = std::regex_replace(s, std::regex("\\s+"), " ");
  return trim_spaces(s);
}

std::string fold_role(const std::string& role, const json& v) {
  std::string s = fold(v);
  if (role == "lead" || role == "partners") {
    s = replace_all(replace_all(replace_all(s, ";", " "), "\n", " "), "\u2022", " ");
    s = fold(json(s));
  }
  if (role == "rag")
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

void check_against_gold(const std::string& sample, const std::string& gold_file) {
  CAPTURE(sample);
  const json gold = json::parse(read_file(fixture_dir("gold") / gold_file));
  const json ours = plan_to_json(run_file(source_dir() / "samples" / sample));

  std::map<std::string, std::vector<json>> by_id;
  for (const json& a : ours["actions"]) by_id[fold(a["id"])].push_back(a);
  for (const json& g : gold["actions"]) {
    const std::string id = fold(g["id"]);
    CAPTURE(id);
    auto& candidates = by_id[id];
    REQUIRE_MESSAGE(!candidates.empty(), "gold action " << id << " is missing");
    const json o = candidates.front();
    candidates.erase(candidates.begin());
    for (auto it = g.begin(); it != g.end(); ++it) {
      const std::string role = it.key();
      CAPTURE(role);
      if (role == "targets") {
        REQUIRE(o.contains("targets"));
        CHECK(o["targets"] == it.value());
        continue;
      }
      CHECK(fold_role(role, o.contains(role) ? o[role] : json()) == fold_role(role, it.value()));
    }
  }
  for (const auto& [id, rest] : by_id) CHECK_MESSAGE(rest.empty(), "action " << id << " is not in the gold");
  if (gold.contains("title")) CHECK(ours["title"] == gold["title"]);
}

}  // namespace

TEST_CASE("samples: leicestershire 2050 net zero action plan (gold 000)") {
  check_against_gold("leicestershire-2050-net-zero-action-plan.txt", "000_c6d6f98fc07e78d5.json");
}

TEST_CASE("samples: leicestershire carbon reduction programme 2023 (gold 001)") {
  check_against_gold("leicestershire-carbon-reduction-programme-2023.txt", "001_c9542ef99ac075f4.json");
}

TEST_CASE("samples: cambridgeshire targets matrix (gold 003)") {
  check_against_gold("cambridgeshire-climate-strategy-targets-matrix.txt", "003_899c2d34bbda78f4.json");
}

TEST_CASE("samples: kent and medway energy and low emissions plan (gold 004)") {
  check_against_gold("kent-medway-energy-low-emissions-plan.txt", "004_eb38290c2e13c4fa.json");
}

TEST_CASE("samples: the prose sample has no action table (gold 002)") {
  const json gold = json::parse(read_file(fixture_dir("gold") / "002_cc6e1f757c64f764.json"));
  CHECK(gold["actions"].empty());
  const fs::path path = source_dir() / "samples" / "leicestershire-can-demonstrator-prose.txt";
  try {
    run_file(path);
    FAIL("run() accepted prose as a table");
  } catch (const Error& e) {
    CHECK(e.code() == exit_input);
    const std::string message = e.what();
    CHECK(message.find("no action table found") != std::string::npos);
    CHECK(message.find('\n') == std::string::npos);
  }
}
