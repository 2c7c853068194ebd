// The command line (CONTRACT.md). Arguments in, outputs written and an exit code out; every error one line on
// stderr saying what, where and what to do.
#include "app/cli.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/batch.hpp"
#include "app/convert.hpp"
#include "model/errors.hpp"
#include "model/limits.hpp"
#include "app/output_files.hpp"
#include "app/profile.hpp"
#include "app/reading_options.hpp"
#include "load/input_format.hpp"
#include "serve/server.hpp"
#include "text/text_span.hpp"

namespace fs = std::filesystem;

namespace plansheet {
namespace {

constexpr const char* help_usage = R"(plansheet - clean action-plan tables into officer-ready XLSX workbooks

usage:
  plansheet convert INPUT [-o OUT.xlsx] [--json OUT.json] [--csv OUT.csv] [options]
  plansheet check   INPUT... [--explain] [options]
  plansheet batch   INPUT_DIR|FILES... -d OUT_DIR [-j N] [--json] [options]
  plansheet serve   [--port 8080] [--host 127.0.0.1] [--open] [--max-upload 50M] [--workers N] [--queue N]
                    [--time-limit 60]   a local web page and JSON API over the same reading (README: serve)
  plansheet --help | --version

)";

// After the input formats, which come from the one table in load/input_format.
constexpr const char* help_options = R"(A file with another name is read as a pasted table; from a folder, batch picks up only these.
Without -o, convert writes output/<input stem>.xlsx.

options:
  -o, --output FILE    workbook to write (convert)
      --json FILE      also write the JSON export (convert; - for standard output); with batch: a .json
                       beside each workbook
      --csv FILE       also write a CSV export (convert; - for standard output)
  -d, --dir DIR        output folder (batch)
  -j, --jobs N         files converted at once (batch; default: all cores)
      --sheet NAME     the sheet holding the table (spreadsheets); repeated: several sheets as one plan
      --table N        read only the Nth table of a Word document or a PDF
      --pages A-B      read only these pages of a PDF (e.g. 3-7, or 4)
      --header-row N   the line (or sheet row) of the table's header
      --header-rows A-B  a header over several lines (or sheet rows), e.g. 5-6
      --table-start CELL the table's top-left cell, e.g. C6 (a line number for a text input)
      --roles SPEC     column roles by position, e.g. 1=id,2=action,3=lead,7=ignore
      --section-column N  the column that names each action's section
      --map SPEC       status words' ratings, winning over the plan's key and the usual scale, e.g.
                       "status:On track=green,At risk=amber" (repeatable)
      --periods A..B   the Gantt period grid, e.g. 2025-26..2029-30
      --force          convert a table that reads as no action plan (no column of action text)
      --keep-hidden    read a workbook's hidden rows and columns (left out by default: taken as private)
      --profile FILE   reading choices saved as JSON, e.g. {"roles": "1=id,2=action"} (see README);
                       flags given on the command line win
      --write-profile FILE  (check) write the detected choices as a profile, a start for --profile
      --grid KIND      fy (April-March, default), quarter, year or month
      --as-at DATE     the day the workbook's Gantt marks as now and counts overdue from, YYYY-MM-DD
                       (default: today, or SOURCE_DATE_EPOCH's day when set)
      --paper SIZE     a4 or a3: the paper the workbook prints on (default: A4 where the text prints
                       at 8 pt or more, else A3)
      --strict         exit 1 when there are warnings (doubts) to review
      --explain        (check) print how each line that is no action row was read, and the flags that
                       reproduce the detection
  -q, --quiet          no summary line on success

)";

// After the roles, which come from the role table.
constexpr const char* help_exit_codes = R"(exit codes: 0 done; 1 done with doubts (--strict) or a batch file skipped; 2 bad usage;
            3 unreadable or unusable input; 4 output could not be written
)";

// A size as the flags take it: 512M, 1M, 64K, or bytes.
std::string flag_size(std::uint64_t bytes) {
  for (auto [shift, unit] : {std::pair{30, 'G'}, std::pair{20, 'M'}, std::pair{10, 'K'}})
    if (bytes >= (1ull << shift) && bytes % (1ull << shift) == 0) return fmt::format("{}{}", bytes >> shift, unit);
  return std::to_string(bytes);
}

// The limits' flags, with the defaults of model/limits.hpp.
std::string limits_help() {
  const Limits d;
  return fmt::format(
      "limits (an input over one is refused at once, exit 3; SIZE takes K, M or G, e.g. 64M):\n"
      "      --max-input-size SIZE     the input file (default {})\n"
      "      --max-expanded-size SIZE  the text of all cells once unfolded: a workbook's shared string counts once per\n"
      "                                cell that uses it, a paste's text once (default {})\n"
      "      --max-cells N             non-empty cells (default {})\n"
      "      --max-columns N           filled cells in one row (default {}, a workbook sheet's width)\n"
      "      --max-line-length SIZE    one line of a text input, or one cell (default {})\n"
      "      --max-sheets N            sheets in a workbook (default {})\n"
      "      --max-repeated-cells N    copies of cells an OpenDocument sheet's repeats unfold (default {})\n"
      "      --max-repeated-size SIZE  the text of those copies (default {})\n\n",
      flag_size(d.input_bytes), flag_size(d.expanded_bytes), d.cells, d.columns, flag_size(d.line_bytes), d.sheets,
      d.repeated_cells, flag_size(d.repeated_bytes));
}

std::string help_text() {
  std::string text = help_usage;
  text += "INPUT (a workbook is known by its first bytes, whatever its name):\n";
  for (const InputFormat& format : input_formats()) {
    std::string extensions;
    for (std::string_view ext : format.extensions) extensions += (extensions.empty() ? "" : " ") + std::string(ext);
    text += fmt::format("  {:<15} {}\n", extensions, format.description);
  }
  return text + help_options + limits_help() + "roles: " + role_names(" ") + "\n" + help_exit_codes;
}

struct Arguments {
  std::string command;
  std::vector<std::string> inputs;
  std::string output, json, csv, dir, write_profile;
  int jobs = 0;
  bool json_flag = false, strict = false, explain = false, quiet = false;
  Options options;
};

Arguments parse_arguments(int argc, char** argv) {
  Arguments args;
  std::vector<std::string> words(argv + 1, argv + argc);
  if (words.empty()) throw usage_error("no command given; try 'plansheet convert FILE' or 'plansheet --help'");
  args.command = words[0];
  if (args.command != "convert" && args.command != "check" && args.command != "batch")
    throw usage_error(fmt::format("unknown command '{}'; the commands are convert, check and batch (see --help)", args.command));
  // A profile's choices first, so that the flags given on the command line win over them.
  for (std::size_t i = 1; i < words.size(); ++i)
    if (words[i] == "--profile") {
      if (i + 1 >= words.size()) throw usage_error("--profile needs a value (see 'plansheet --help')");
      apply_profile(words[i + 1], args.options);
    }
  // A flag that may be repeated, given on the command line, replaces the profile's values rather than adding.
  for (std::size_t i = 1; i < words.size(); ++i) {
    if (words[i] == "--sheet") {
      args.options.sheet.reset();
      args.options.more_sheets.clear();
    } else if (words[i] == "--map") {
      args.options.status_map.clear();
    }
  }
  for (std::size_t i = 1; i < words.size(); ++i) {
    const std::string& w = words[i];
    auto value = [&]() -> const std::string& {
      if (i + 1 >= words.size()) throw usage_error(fmt::format("{} needs a value (see 'plansheet --help')", w));
      return words[++i];
    };
    if (w == "-o" || w == "--output") args.output = value();
    else if (w == "--json") {
      if (args.command == "batch") args.json_flag = true;
      else args.json = value();
    } else if (w == "--csv") args.csv = value();
    else if (w == "-d" || w == "--dir") args.dir = value();
    else if (w == "-j" || w == "--jobs") args.jobs = parse_int(w, value());
    else if (w.size() > 2 && w.rfind("-j", 0) == 0) args.jobs = parse_int("-j", w.substr(2));  // "-j2"
    else if (w == "--profile") value();  // applied above
    else if (w == "--write-profile") args.write_profile = value();
    else if (w == "--paper") {
      args.options.paper = value();
      if (args.options.paper != "a4" && args.options.paper != "a3")
        throw usage_error(fmt::format("--paper takes a4 or a3, not '{}'", args.options.paper));
    } else if (apply_reading_option(w, value, args.options)) continue;
    else if (w == "--strict") args.strict = true;
    else if (w == "--explain") args.explain = true;
    else if (w == "-q" || w == "--quiet") args.quiet = true;
    else if (w.size() > 1 && w[0] == '-' && w != "-")
      throw usage_error(fmt::format("unknown option '{}' for {} (see 'plansheet --help')", w, args.command));
    else args.inputs.push_back(w);
  }
  if (args.inputs.empty()) throw usage_error(fmt::format("{} needs an input file (or - for standard input)", args.command));
  if (args.command == "convert" && args.inputs.size() > 1)
    throw usage_error("convert takes one input; use 'plansheet batch FILES... -d OUT_DIR' for several");
  if (!args.write_profile.empty() && (args.command != "check" || args.inputs.size() != 1))
    throw usage_error("--write-profile goes with check and one input: plansheet check INPUT --explain --write-profile FILE");
  if (args.command == "batch" && args.dir.empty())
    throw usage_error("batch needs an output folder: -d OUT_DIR");
  return args;
}

std::string summary(const Plan& plan) {
  std::vector<std::string> sections;
  for (const Action& a : plan.actions)
    if (!a.section.empty() && (sections.empty() || sections.back() != a.section)) sections.push_back(a.section);
  return fmt::format("{} actions{}, {} repairs, {} warnings", plan.actions.size(),
                     sections.empty() ? "" : fmt::format(" in {} sections", sections.size()), plan.repairs.size(),
                     plan.doubt_count());
}

int run_convert(const Arguments& args) {
  ConvertRequest request{args.inputs[0], args.output, args.json, args.csv, args.options};
  if (request.xlsx_out.empty()) {
    request.xlsx_out = default_output_path(request.input);
    std::error_code ec;
    fs::create_directories(fs::path(request.xlsx_out).parent_path(), ec);
  }
  Plan plan = convert_file(request);
  // With an export on standard output, the summary goes to standard error, out of the data's way.
  const bool data_on_stdout = request.json_out == "-" || request.csv_out == "-";
  if (!args.quiet)
    std::fprintf(data_on_stdout ? stderr : stdout, "%s\n",
                 fmt::format("{}: {} -> {}", request.input, summary(plan), request.xlsx_out).c_str());
  if (args.strict && plan.doubt_count() > 0) {
    std::fprintf(stderr, "%s\n", fmt::format("{}: {} warnings to review (--strict); see the Repairs sheet or 'plansheet check {}'",
                                             request.input, plan.doubt_count(), request.input).c_str());
    return exit_doubts;
  }
  return exit_ok;
}

void print_check(const std::string& input, const Plan& plan, const RunTrace& trace, bool explain) {
  std::string out = fmt::format("{}\n  input: {}{}\n", input, trace.input_kind,
                                trace.dialect_evidence.empty() ? "" : " - " + trace.dialect_evidence);
  out += fmt::format("  title: {}\n", plan.title ? *plan.title : "(none)");
  if (!plan.sheet.empty()) out += fmt::format("  sheet: {}\n", plan.sheet);
  out += "  columns:\n";
  for (std::size_t c = 0; c < trace.column_reasons.size(); ++c) {
    out += "    " + trace.column_reasons[c] + "\n";
    // --explain: what the column holds, so a wrong role is seen at a glance.
    if (explain && c < trace.column_samples.size() && !trace.column_samples[c].empty())
      out += "         e.g. " + trace.column_samples[c] + "\n";
  }
  std::vector<std::pair<std::string, int>> sections;
  for (const Action& a : plan.actions) {
    if (sections.empty() || sections.back().first != a.section) sections.emplace_back(a.section, 0);
    ++sections.back().second;
  }
  if (!(sections.size() == 1 && sections[0].first.empty())) {
    out += "  sections:\n";
    for (const auto& [name, count] : sections) out += fmt::format("    {} ({})\n", name.empty() ? "(none)" : name, count);
  }
  out += fmt::format("  actions: {}\n", plan.actions.size());
  if (!plan.periods.empty()) out += fmt::format("  periods: {} .. {}\n", plan.periods.front(), plan.periods.back());
  std::map<std::string_view, int> by_rule;  // by name, as printed
  for (const Repair& r : plan.repairs) ++by_rule[rule_name(r.rule)];
  std::string rules;
  for (const auto& [rule, n] : by_rule) rules += fmt::format("{}{} {}", rules.empty() ? "" : ", ", rule, n);
  out += fmt::format("  repairs: {}{}\n", plan.repairs.size(), rules.empty() ? "" : " (" + rules + ")");
  for (const Repair& r : plan.repairs)
    out += fmt::format("    line {} {} {} [{}]: '{}' -> '{}'\n", r.pos.line, r.action_id.empty() ? "-" : r.action_id,
                       r.role.empty() ? "-" : r.role, rule_name(r.rule), r.before.substr(0, 70), r.after.substr(0, 70));
  out += fmt::format("  warnings: {}\n", plan.doubt_count());
  for (const Diagnostic& d : plan.warnings) out += fmt::format("    {}{}\n", d.note ? "note: " : "", d.message);
  if (explain) {
    // The value maps in force: what each status word or code is read as, and where that reading came from.
    std::string maps;
    for (const LegendEntry& e : plan.legend) {
      if (e.defines.empty() || (e.kind != LegendKind::status && e.kind != LegendKind::rag)) continue;
      const bool given = e.text.find("(given by --map") != std::string::npos;
      const bool usual = e.text.find("(the usual meaning") != std::string::npos;
      for (const auto& [term, meaning] : e.defines)
        maps += fmt::format("    {} {} = {} ({})\n", legend_kind_name(e.kind), term, meaning,
                            given ? "--map on the command line"
                            : usual ? "built-in"
                                    : e.line > 0 ? fmt::format("the plan's key, line {}", e.line) : "the plan's key");
    }
    if (!maps.empty()) out += "  value maps:\n" + maps;
  }
  if (explain && !trace.line_readings.empty()) {
    out += "  lines not read as action rows:\n";
    for (const std::string& r : trace.line_readings) out += "    " + r + "\n";
  }
  if (explain) {
    std::string flags;
    for (const std::string& f : trace.flags) {
      // A value holding a space is quoted, so that the line runs as printed.
      const std::size_t space = f.find(' ');
      const bool quote = space != std::string::npos && f.find(' ', space + 1) != std::string::npos;
      flags += " " + (quote ? f.substr(0, space) + " \"" + f.substr(space + 1) + "\"" : f);
    }
    out += fmt::format("  detected as: plansheet convert {}{}\n", input, flags);
  }
  std::fputs(out.c_str(), stdout);
}

int run_check(const Arguments& args) {
  int worst = exit_ok;
  for (const std::string& input : args.inputs) {
    try {
      RunTrace trace;
      Plan plan = run(input, read_input(input, args.options.limits.input_bytes), args.options, &trace);
      print_check(input, plan, trace, args.explain);
      if (!args.write_profile.empty()) {
        refuse_to_overwrite_inputs(args.write_profile, {input});
        write_file_atomically(args.write_profile, profile_text(trace.flags));
      }
      if (args.strict && plan.doubt_count() > 0) worst = std::max(worst, static_cast<int>(exit_doubts));
    } catch (const Error& e) {
      std::fprintf(stderr, "plansheet: %s\n", e.what());
      worst = std::max(worst, static_cast<int>(e.code()));
    }
  }
  return worst;
}

}  // namespace

int cli_main(int argc, char** argv) {
  if (argc > 1) {
    std::string first = argv[1];
    if (first == "--version" || first == "-V") {
      std::puts("plansheet " PLANSHEET_VERSION);
      return exit_ok;
    }
    if (first == "--help" || first == "-h" || first == "help") {
      std::fputs(help_text().c_str(), stdout);
      return exit_ok;
    }
  }
  try {
    if (argc > 1 && std::string(argv[1]) == "serve") return serve::serve_main({argv + 2, argv + argc});
    Arguments args = parse_arguments(argc, argv);
    if (args.command == "convert") return run_convert(args);
    if (args.command == "check") return run_check(args);
    BatchRequest batch{args.inputs, args.dir, args.jobs, args.json_flag, args.options};
    batch.quiet = args.quiet;
    return run_batch(batch);
  } catch (const Error& e) {
    std::fprintf(stderr, "plansheet: %s\n", e.what());
    return e.code();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "plansheet: internal error: %s; please report it with the input file\n", e.what());
    return exit_input;
  }
}

}  // namespace plansheet
