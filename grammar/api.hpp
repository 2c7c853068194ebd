// The grammars' facade: plain C++ in, plain C++ out, no Spirit X3 in sight.
// Each function parses one cell's text (already NFC-normalised, single-spaced, trimmed) and never throws.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plansheet::grammar {

// ---- action ids: "T1", "F1.1", "MG1.1", "1.1", "22", "4.1a", "EN2", "CE1.7", "A-12"
// An id is an optional upper-case prefix of up to four letters (and an optional '-'), dot-separated numbers of one
// to three digits, and an optional lower-case letter. Not ids: "2025-26", "Apr-25", "2030", "700,000", "1, 2".
struct ActionId {
  std::string id;    // the id as written ("F1.1")
  std::string rest;  // text glued after the id in the same cell, trimmed ("✓" in "50 ✓"); empty when none
};
// The whole cell is an id, or an id followed by a space and other text (returned in `rest`), or an id with a tick
// glyph glued to it ("50✓").
std::optional<ActionId> parse_action_id(std::string_view cell);
// The whole cell is exactly an id.
bool is_action_id(std::string_view cell);
// Split an id into its letter prefix and numeric parts: "MG1.10" -> {"MG", {1, 10}, ""}; "4.1a" -> {"", {4, 1}, "a"}.
struct IdParts {
  std::string prefix;
  std::vector<int> numbers;
  std::string suffix;
};
std::optional<IdParts> split_action_id(std::string_view id);

// ---- timescales: "Apr-25", "April 2025", "Sep-22", "2022-23", "2022/23", "FY2025/26", "2026", "2026-30",
// "Q3 2025/26", "31/03/2026", "Ongoing", "TBC", "none", "2023-24 2024-25" (revised), "2023 (to have ...)".
// Case-insensitive. Two-digit years are 20xx. A pair of consecutive years ("2026-27", "2026/2027") is a UK
// financial year; other pairs ("2026-30") are a run of calendar years. "Q3 2025" (no financial year) is a calendar
// quarter. Ranges "Apr-25 - Mar-27" and "2026 to 2030" span both ends; "by March 2026" reads as "March 2026".
// A note must follow " (" or a separator (" - ", ": ", ", "); any other trailing text makes the cell unparseable.
struct Timescale {
  enum class Kind {
    interval,  // a dated span: first_month..last_month
    ongoing,   // "Ongoing", "On-going", "Continuous"
    tbc,       // "TBC", "TBD", "To be confirmed"
    none,      // "none", "N/A", "-"
  };
  Kind kind = Kind::interval;
  // Absolute months (year * 12 + month - 1), inclusive, valid when kind == interval.
  // A financial year "2025-26" is April 2025 .. March 2026; a calendar year "2026" is Jan..Dec 2026;
  // a month "Apr-25" is that one month; a quarter "Q3 2025/26" is Oct..Dec 2025.
  int first_month = 0;
  int last_month = 0;
  bool financial = false;            // the value was written as a financial year (or quarter of one)
  std::vector<std::string> earlier;  // superseded values of a revised timescale ("2023-24" in "2023-24 2024-25")
  std::string note;                  // free text after the value ("(to have programme established)")
};
std::optional<Timescale> parse_timescale(std::string_view cell);

// A Gantt period header label: "2025-26", "2025/26", "FY25/26", "Q1 2025/26", "2025/26 Q1", "Q3 25/26", "Apr-25",
// "2026", "2025/26 Apr" (a month under its year).
struct PeriodLabel {
  std::string label;  // as written
  int first_month = 0;
  int last_month = 0;
};
std::optional<PeriodLabel> parse_period_label(std::string_view cell);
// A quarter with no year, as the second line of a Gantt header writes it under a year: "Q1", "Qtr 2",
// "Quarter 3" -> 1..4; nullopt for anything else (a year is then read from the label above it).
std::optional<int> parse_quarter_number(std::string_view cell);
// A month with no year, likewise: "Apr", "April", "Sept" -> 4, 4, 9. "2025/26 Apr" (the two lines read together)
// is a period label of that one month.
std::optional<int> parse_month_number(std::string_view cell);

// ---- RAG ratings: "Red", "Amber", "Green", "Blue", "Orange", "Yellow", "R", "A", "G", "A/G", "A/R", "R/A",
// "Complete(d)" (blue), the Welsh "Gwyrdd", "Oren" (amber), "Coch", "Glas" (blue), "Melyn" (yellow), and a word
// with its translation ("Gwyrdd/Green", "Oren / Amber": one colour, given once). "On track" is NOT a RAG word (it
// is status prose).
struct Rag {
  std::string word;    // the plan's own word, lower case ("amber", "orange", "yellow", "amber/green")
  std::string colour;  // canonical: "red", "amber", "green" or "blue" (two-colour ratings take the worse one)
  std::string explanation;  // what follows the word, as written ("- off track" in "Red - off track"), or ""
};
std::optional<Rag> parse_rag(std::string_view cell);
// A rating named alone, as a key names one: parse_rag with no explanation, or a letter beside its word ("G / Green",
// the word given).
std::optional<Rag> parse_rag_name(std::string_view text);

// ---- tick marks: a tick-matrix cell. true for a mark (✓ ✔ √ ☑ ✅ • ● * ~ + x X 4 1 Y Yes, or text ending in a
// tick glyph such as "182) ✓"), false for an empty cell or an explicit no ("No", "N", "-"), nullopt for anything
// else (prose, dates, numbers that are not marks such as "12").
std::optional<bool> parse_tick_cell(std::string_view cell);
// True when the text is a single tick glyph on its own (used to split "50 ✓"): ✓ ✔ √ ☑ ✅ • ● * ~ + x X.
// The OCR readings "4"/"1" and "Y"/"Yes" are marks only as a whole cell, so they are not tokens here.
bool is_tick_mark(std::string_view token);

// ---- section headings: "Workstream: Finance", "Theme 2: Transport", "Section 3 - Buildings", "Transport".
struct SectionHeading {
  std::string name;   // "Finance"
  std::string label;  // the dropped label, "Workstream:" (empty when none)
};
// Strips a heading label when there is one (a label word such as Workstream, Theme, Section, Priority area,
// Objective, with an optional number, then ':' or " - "; or a bare "1."); returns nullopt when the text has the
// shape of a sentence (ends with '.', '?' or '!', more than 12 words), has no letter, or is a label alone.
std::optional<SectionHeading> parse_section_heading(std::string_view cell);

}  // namespace plansheet::grammar
