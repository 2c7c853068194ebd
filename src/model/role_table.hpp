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
};

// A role's header synonyms, written inline in its row (a fixed-size list, so the table stays a constant).
class Synonyms {
 public:
  static constexpr std::size_t capacity = 24;
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

struct RoleRow {
  Role role;
  std::string_view name;        // in the JSON, --roles, check --explain
  std::string_view also_named;  // a second name --roles accepts ("targets"), or ""
  std::string_view cell_name;   // how a repair names one of its cells; "" = by the column's own label
  std::string_view label;       // the workbook's header for the column when the source gave none
  std::string Action::*text;    // the action's one text of this role; null when the role holds none
  bool prose;                   // free text: a cell may be split across two, or spill into the next row
  double width_cap;             // the widest its workbook column grows before the text wraps
  ContentPrior content;
  int label_rank;               // header labels try the roles in this order, lowest first; 0 = no synonyms
  Synonyms synonyms;
};

// Every role, in enum order (the order of JSON keys in an action).
extern const std::span<const Role> all_roles;

const RoleRow& role_row(Role role);
// The roles with header synonyms, in the order a header label tries them.
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
