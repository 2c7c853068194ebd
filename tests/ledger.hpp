// Test-only helpers (header-only: CMake compiles tests/*_test.cpp only): reading fixtures and samples, checking a
// whole-pipeline damage fixture against its .expect.json, and the no-loss ledger that accounts for every character.
#pragma once

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "plan_json.hpp"
#include "load/paste/load_text.hpp"
#include "model/plan.hpp"
#include "load/normalise.hpp"
#include "pipeline.hpp"

namespace plansheet::testing {

namespace fs = std::filesystem;

inline fs::path source_dir() { return fs::path(PLANSHEET_SOURCE_DIR); }
inline fs::path fixture_dir(const std::string& stage) { return source_dir() / "tests" / "fixtures" / stage; }

inline std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path.string());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Every `<quirk>.input` of a fixture folder, in name order.
inline std::vector<fs::path> fixture_inputs(const std::string& stage) {
  std::vector<fs::path> found;
  for (const auto& entry : fs::directory_iterator(fixture_dir(stage)))
    if (entry.path().extension() == ".input") found.push_back(entry.path());
  std::sort(found.begin(), found.end());
  return found;
}

inline fs::path expect_path(const fs::path& input) {
  fs::path p = input;
  p.replace_extension(".expect.json");
  return p;
}

// The whole pipeline on a paste file, as `plansheet convert` runs it.
inline Plan run_file(const fs::path& path) {
  return run(path.filename().string(), read_file(path), Options{});
}

// ---------------------------------------------------------------- damage fixtures

// True when every key of `want` is in `got` with an equal value ("contains" checks a substring of "message").
inline bool json_subset(const nlohmann::ordered_json& want, const nlohmann::ordered_json& got) {
  for (auto it = want.begin(); it != want.end(); ++it) {
    if (it.key() == "contains") {
      if (!got.contains("message") || got["message"].get<std::string>().find(it.value().get<std::string>()) == std::string::npos)
        return false;
      continue;
    }
    if (!got.contains(it.key()) || got[it.key()] != it.value()) return false;
  }
  return true;
}

inline std::string dump_list(const nlohmann::ordered_json& list) {
  std::string out;
  for (const auto& item : list) out += "\n    " + item.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  return out.empty() ? "\n    (none)" : out;
}

// Runs a fixture through the pipeline and checks it against `<quirk>.expect.json`:
//   actions     every action, in order, with the listed fields equal (fields not listed are not checked)
//   columns     the roles of the exported columns, in order
//   repairs     each must match one logged repair (rule, line, action, role, before, after as listed)
//   no_repairs  none may match a logged repair
//   removed     each must match one removed entry (line, reason, text)
//   warnings    each must match one warning (line, action, and "contains" for part of the message)
inline void check_fixture(const fs::path& input) {
  const std::string name = input.filename().string();
  CAPTURE(name);
  const auto expect = nlohmann::ordered_json::parse(read_file(expect_path(input)));
  const Plan plan = run_file(input);
  const nlohmann::ordered_json got = plan_to_json(plan);

  if (expect.contains("columns")) {
    std::string roles, want;
    for (const auto& c : got["columns"]) roles += c["role"].get<std::string>() + " ";
    for (const auto& c : expect["columns"]) want += c.get<std::string>() + " ";
    CHECK(roles == want);
  }
  if (expect.contains("actions")) {
    const auto& want = expect["actions"];
    const auto& have = got["actions"];
    CHECK_MESSAGE(have.size() == want.size(), "actions:" << dump_list(have));
    for (std::size_t i = 0; i < std::min(want.size(), have.size()); ++i)
      for (auto it = want[i].begin(); it != want[i].end(); ++it) {
        const std::string field = it.key();
        const std::string id = want[i].value("id", "");
        CAPTURE(id);
        CAPTURE(field);
        CHECK_MESSAGE(have[i].contains(field), "action " << id << " has no '" << field << "': " << have[i].dump());
        if (have[i].contains(field)) CHECK(have[i][field].dump() == it.value().dump());
      }
  }
  auto expect_matches = [&](const char* key, const char* got_key, bool wanted) {
    if (!expect.contains(key)) return;
    for (const auto& want : expect[key]) {
      bool found = std::any_of(got[got_key].begin(), got[got_key].end(),
                               [&](const auto& g) { return json_subset(want, g); });
      if (wanted)
        CHECK_MESSAGE(found, std::string(key) << ": none matches " << want.dump() << "; logged:" << dump_list(got[got_key]));
      else
        CHECK_MESSAGE(!found, std::string(key) << ": one matches " << want.dump() << "; logged:" << dump_list(got[got_key]));
    }
  };
  expect_matches("repairs", "repairs", true);
  expect_matches("no_repairs", "repairs", false);
  expect_matches("removed", "removed", true);
  expect_matches("warnings", "warnings", true);
}

inline void check_fixtures(const std::string& stage) {
  const auto inputs = fixture_inputs(stage);
  REQUIRE(inputs.size() >= 3);
  for (const fs::path& input : inputs) {
    const std::string name = input.stem().string();
    SUBCASE(name.c_str()) { check_fixture(input); }
  }
}

// ---------------------------------------------------------------- the no-loss ledger

// Code points of UTF-8 text, whitespace left out and ASCII letters folded to lower case (the JSON writes RAG
// words in lower case; a change of case loses nothing).
inline std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : 4;
    char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k < len && i + static_cast<std::size_t>(k) < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
    i += static_cast<std::size_t>(len);
    bool space = cp <= 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
                 cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    if (space) continue;
    if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    out.push_back(cp);
  }
  return out;
}

using CharCounts = std::map<char32_t, int>;

inline void add_text(CharCounts& counts, std::string_view text) {
  for (char32_t cp : code_points(text)) ++counts[cp];
}

inline std::string show_code_point(char32_t cp) {
  std::string utf8;
  auto put = [&](unsigned v) { utf8 += static_cast<char>(v); };
  if (cp < 0x80) {
    put(cp);
  } else if (cp < 0x800) {
    put(0xC0 | (cp >> 6)), put(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    put(0xE0 | (cp >> 12)), put(0x80 | ((cp >> 6) & 0x3F)), put(0x80 | (cp & 0x3F));
  } else {
    put(0xF0 | (cp >> 18)), put(0x80 | ((cp >> 12) & 0x3F)), put(0x80 | ((cp >> 6) & 0x3F)), put(0x80 | (cp & 0x3F));
  }
  return fmt::format("'{}' (U+{:04X})", utf8, static_cast<unsigned>(cp));
}

// The input as the pipeline reads it: decoded and normalised lines (line i is source line i + 1).
inline std::vector<std::string> ledger_lines(std::string_view bytes) {
  SourceText text = load_text("ledger", bytes);
  normalise(text);
  return text.lines;
}

// Accounts for every non-whitespace character of the input, block by block. A block is the run of source lines
// from one action's first line up to the next action's first line (the lines before the first action form the
// preamble block). A block's characters must be found, as a multiset, in what the Plan says those lines became:
//   preamble  title, legend entries, column labels, and the section of the first action (its heading row);
//   an action its id, every text field, its extra values, and the next action's section (the heading row between);
//   any block the `before` of repairs and the text of removed entries logged on its lines.
// Repairs and removals logged on line 0 (whole-file decoding) count for any block. Returns "" when everything is
// accounted for, else one line per block naming the missing characters and the lines that hold them.
inline std::string unaccounted(const std::vector<std::string>& lines, const Plan& plan) {
  std::vector<const Action*> actions;
  for (const Action& a : plan.actions) actions.push_back(&a);
  std::stable_sort(actions.begin(), actions.end(), [](const Action* a, const Action* b) { return a->line < b->line; });

  struct Block {
    int first = 1, last = 0;  // source lines, inclusive
    std::string label;
    CharCounts need, have;
  };
  std::vector<Block> blocks;
  const int line_count = static_cast<int>(lines.size());
  auto block_end = [&](std::size_t k) { return k < actions.size() ? actions[k]->line - 1 : line_count; };

  Block preamble{1, block_end(0), "before the first action", {}, {}};
  if (plan.title) add_text(preamble.have, *plan.title);
  for (const LegendEntry& e : plan.legend) add_text(preamble.have, e.text);
  for (const Column& c : plan.columns) add_text(preamble.have, c.label);
  if (!actions.empty()) add_text(preamble.have, actions[0]->section);
  blocks.push_back(std::move(preamble));
  for (std::size_t k = 0; k < actions.size(); ++k) {
    const Action& a = *actions[k];
    Block b{a.line, block_end(k + 1), "action " + a.id, {}, {}};
    for (Role role : all_roles)
      if (is_text_role(role)) add_text(b.have, *a.text_of(role));
    for (const auto& [label, text] : a.extra) add_text(b.have, text);
    if (k + 1 < actions.size()) add_text(b.have, actions[k + 1]->section);
    blocks.push_back(std::move(b));
  }

  CharCounts whole_file;
  auto block_of = [&](int line) -> Block* {
    for (Block& b : blocks)
      if (line >= b.first && line <= b.last) return &b;
    return nullptr;
  };
  for (const Repair& r : plan.repairs) {
    Block* b = r.pos.line > 0 ? block_of(r.pos.line) : nullptr;
    add_text(b ? b->have : whole_file, r.before);
  }
  for (const Removal& r : plan.removed) {
    Block* b = r.line > 0 ? block_of(r.line) : nullptr;
    add_text(b ? b->have : whole_file, r.text);
  }
  for (Block& b : blocks)
    for (int line = b.first; line <= b.last && line <= line_count; ++line) add_text(b.need, lines[static_cast<std::size_t>(line - 1)]);

  std::string report;
  for (Block& b : blocks) {
    std::vector<std::string> missing;
    for (const auto& [cp, n] : b.need) {
      int short_by = n - b.have[cp];
      if (short_by > 0 && whole_file[cp] > 0) {
        int take = std::min(short_by, whole_file[cp]);
        whole_file[cp] -= take;
        short_by -= take;
      }
      if (short_by <= 0) continue;
      std::string where;
      for (int line = b.first; line <= b.last; ++line) {
        auto cps = code_points(lines[static_cast<std::size_t>(line - 1)]);
        if (std::find(cps.begin(), cps.end(), cp) != cps.end()) where += fmt::format("{}{}", where.empty() ? "" : ",", line);
      }
      missing.push_back(fmt::format("{} x{} (line {})", show_code_point(cp), short_by, where));
    }
    if (!missing.empty()) {
      std::string list;
      for (std::size_t m = 0; m < missing.size() && m < 12; ++m) list += (list.empty() ? "" : ", ") + missing[m];
      if (missing.size() > 12) list += fmt::format(" and {} more", missing.size() - 12);
      report += fmt::format("lines {}-{} ({}): {}\n", b.first, b.last, b.label, list);
    }
  }
  return report;
}

}  // namespace plansheet::testing
