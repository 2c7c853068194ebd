// The column roles of an action table, one row each in role_table.cpp: the name the exports print, the label a
// workbook shows, the header words that name it, what its cells hold, prose or not, and how wide its column grows.
#pragma once

#include <array>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace plansheet {

struct Action;

// What a column of an action table means. The order here is the order of JSON keys in an action; a new role is
// an enumerator here and a row in role_table.cpp.
enum class Role {
  id,
  section,
  objective,
  action,
  lead,
  partners,
  start,
  end,
  timescale,
  stage,
  status,
  rag,
  update,
  target,  // one tick-matrix column; an action's ticks are `targets`
  period,  // one Gantt delivery-period column (its label is the period)
  extra,   // a column with no role: kept under its label in `extra`
  ignore,  // an empty or furniture column carrying nothing
};

// How a header label names a role. Labels are compared as lower-case words (detect/header_words.hpp): "ID #" is
// "id #", "Lead Officer/Team" is "lead officer team".
enum class LabelMatch {
  whole,            // the whole label: "who"
  whole_or_plural,  // the whole label, or it with an "s": "action", "actions"
  first_words,      // the label's first word(s): "rag" in "rag status"
  word,             // the word(s) anywhere, plural or not: "lead" in "lcc team leads"
};

struct Synonym {
  LabelMatch match = LabelMatch::whole;
  std::string_view words;
  double weight = 1;  // below 1 for a word that names the role only sometimes ("progress" for status)
};

// A role's header synonyms, written inline in its row (a fixed-size list, so the table stays a constant).
class Synonyms {
 public:
  static constexpr std::size_t capacity = 40;
  constexpr Synonyms() = default;
  constexpr Synonyms(std::initializer_list<Synonym> list) : count_(list.size()) {
    if (list.size() > capacity) throw "more synonyms than Synonyms::capacity";  // stops the build, never runs
    std::size_t i = 0;
    for (const Synonym& s : list) items_[i++] = s;
  }
  constexpr const Synonym* begin() const { return items_.data(); }
  constexpr const Synonym* end() const { return items_.data() + count_; }
  constexpr bool empty() const { return count_ == 0; }

 private:
  std::array<Synonym, capacity> items_{};
  std::size_t count_ = 0;
};

// Pseudo-counts of the kinds of cell (detect/cell_types.hpp) a column of the role holds before any of its cells
// are read, so a column with few rows still has a shape. Fields in CellKind order.
struct ContentPrior {
  double empty = 0;
  double id = 0;
  double tick = 0;
  double rag = 0;
  double timescale = 0;
  double numbers = 0;
  double short_text = 0;
  double medium_text = 0;
  double long_text = 0;
};

// What a role's column looks like, read by the column-role pass (detect/role_scores.cpp, where the scoring rule
// is written down): for each look, how much it speaks for the role (positive) or against it (negative) when all
// the column's filled cells look so; a column where half of them do gets half. A header word is worth 4 to 5.
struct ValueShape {
  double rag = 0;          // RAG ratings: "Green", "A/G", "Gwyrdd/Green"
  double status = 0;       // progress words: "In progress", "On hold", "Not started", "Complete"
  double repeated = 0;     // a small vocabulary used again and again (1 = one value in every row)
  double dated = 0;        // dates and periods: "Mar-26", "2025/26", "Q3 2025/26", "Ongoing"
  double ids = 0;          // action ids: "TR3", "2.1", "CAP-07"
  double numbers = 0;      // numbers, number lists and percentages: "1, 3", "45%"
  double initials = 0;     // officers' initials: "AH", "KW / AH"
  double lists = 0;        // lists of organisations or teams: "A, B and C", "A; B"
  double short_text = 0;   // one to three words
  double medium_text = 0;  // four to twelve words
  double long_text = 0;    // more: prose
};

struct RoleRow {
  Role role;
  std::string_view name;        // in the JSON, --roles, check --explain
  std::string_view also_named;  // a second name --roles accepts ("targets"), or ""
  std::string_view cell_name;   // how a repair names one of its cells; "" = by the column's own label
  std::string_view label;       // the workbook's header for the column when the source gave none
  std::string Action::*text;    // the action's one text of this role; null when the role holds none
  bool prose;                   // free text: a cell may be split across two, or spill into the next row
  double width_cap;             // the widest its workbook column grows before the text wraps
  ContentPrior content;         // pseudo-counts of cell kinds, for aligning the cells of damaged rows
  ValueShape shape;             // how its values look, for choosing a column's role
  int label_rank;               // breaks a tie between two roles' header words, lowest first; 0 = no synonyms
  Synonyms synonyms;
};

// Every role, in enum order (the order of JSON keys in an action).
extern const std::span<const Role> all_roles;

const RoleRow& role_row(Role role);
// The roles with header synonyms, in label_rank order.
std::span<const RoleRow* const> roles_by_label_rank();

std::string_view role_name(Role role);
std::optional<Role> role_from_name(std::string_view name);
// Roles whose value is one text per action (everything but target, period, extra, ignore).
bool is_text_role(Role role);
bool is_prose_role(Role role);
// How repairs and warnings name a cell of a column with this role and label: "lead", "targets", or the label.
std::string cell_role_name(Role role, std::string_view column_label);
// The header a workbook gives the role's column when the source named none, and the column's widest width.
std::string_view role_display_label(Role role);
double role_width_cap(Role role);

}  // namespace plansheet
