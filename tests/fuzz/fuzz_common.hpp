// Checks every fuzz target makes on what the pipeline returns: a Plan in, nothing out; a broken promise aborts
// with a one-line reason, which libFuzzer reports as a crash and saves the input for.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "export/emit_json.hpp"
#include "model/errors.hpp"
#include "model/plan.hpp"
#include "pipeline.hpp"
#include "xlsx/layout.hpp"

namespace plansheet::fuzz {

// The no-loss ledger is checked on every input unless PLANSHEET_FUZZ_LEDGER=0: CI's one-minute runs guard against
// crashes, undefined behaviour, hangs and broken errors or JSON, while the ledger's findings on random bytes come
// from longer runs and become regression inputs (tests/fuzz/regressions/) that the test suite replays strictly.
inline bool ledger_checked() {
  static const bool on = [] {
    const char* v = std::getenv("PLANSHEET_FUZZ_LEDGER");
    return v == nullptr || std::string_view(v) != "0";
  }();
  return on;
}

[[noreturn]] inline void fail(std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "\n==plansheet-fuzz== %.*s: %.*s\n", static_cast<int>(what.size()), what.data(),
               static_cast<int>(detail.size()), detail.data());
  std::abort();
}

// An Error is an expected outcome, but its message must be one line and its code one the contract gives.
inline void check_error(const Error& e, ExitCode expected) {
  const std::string message = e.what();
  if (message.empty()) fail("empty error message", "");
  if (message.find_first_of("\r\n") != std::string::npos) fail("error message is not one line", message);
  if (e.code() != expected) fail("unexpected exit code " + std::to_string(e.code()), message);
}

// The JSON export parses back and has the contract's top-level shape; the workbook can be laid out.
inline void check_outputs(const Plan& plan) {
  const std::string text = emit_json(plan);
  nlohmann::json parsed;
  try {
    parsed = nlohmann::json::parse(text);
  } catch (const std::exception& e) {
    fail("JSON export does not parse", e.what());
  }
  if (!parsed.is_object() || !parsed["actions"].is_array() || parsed["actions"].size() != plan.actions.size())
    fail("JSON export lacks its actions", text.substr(0, 200));
  try {
    (void)xlsx::layout_workbook(plan);
  } catch (const Error& e) {
    check_error(e, exit_output);  // only a plan larger than a sheet may refuse
  }
}

// The whole pipeline on one input, as the CLI runs it: the plan when it converts (its exports checked), nothing
// when the input is refused (the refusal checked).
inline std::optional<Plan> run_checked(const std::string& name, std::string_view bytes) {
  Plan plan;
  try {
    plan = run(name, bytes, Options{});
  } catch (const Error& e) {
    check_error(e, exit_input);
    return std::nullopt;
  }
  check_outputs(plan);
  return plan;
}

}  // namespace plansheet::fuzz
