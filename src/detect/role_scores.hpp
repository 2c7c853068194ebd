// Column roles by evidence, for pass 5 (column_roles.cpp): what a column's values look like, read cell by cell;
// the score of every role for every column from its header words and its looks; and the one assignment of roles
// to columns with the highest total. Takes labels and cell texts; gives each column a role, its score and the
// runner-up. The rule is written down at score_role in role_scores.cpp.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "detect/header_words.hpp"
#include "model/role_table.hpp"

namespace plansheet::detail {

// What a column's filled cells look like: each field is the share of them that look so (0..1); the fields are
// those of ValueShape in model/role_table.hpp.
struct ColumnLooks {
  std::size_t filled = 0;
  double rag = 0, status = 0, repeated = 0, dated = 0, ids = 0, numbers = 0, initials = 0, lists = 0;
  double short_text = 0, medium_text = 0, long_text = 0;
  std::vector<std::string> samples;  // its first three different values, shortened, for check --explain
};

// Reads one column's cells one at a time (cost linear in the cells).
class LooksReader {
 public:
  void add(std::string_view cell);
  ColumnLooks looks() const;

 private:
  ColumnLooks counts_;                           // counts, divided by filled in looks()
  std::size_t short_cells_ = 0;                  // cells of five words or fewer, whose repetition is measured
  std::map<std::string, std::size_t> values_;    // those cells' values, lower case
};

// One column as the assignment sees it.
struct ColumnEvidence {
  std::string label;              // the header label as read (a group label joined over its sub-label)
  std::vector<NamedRole> named;   // the roles the label names
  ColumnLooks looks;
};

// The score of a role for a column (score_role), and of keeping it under its own label (extra).
double score_role(const ColumnEvidence& column, Role role);
double score_extra(const ColumnEvidence& column);

struct RoleChoice {
  Role role = Role::extra;
  double score = 0;
  Role runner_up = Role::extra;  // the best other role for this column
  double runner_up_score = 0;
};

// One role per column: each single-column role goes to at most one column, so that the sum of the chosen scores
// is highest; a column no role beats extra on stays extra.
std::vector<RoleChoice> assign_roles(const std::vector<ColumnEvidence>& columns);

// The roles a column can be given by assignment: the roles one column holds (not target, period, extra, ignore).
bool is_assignable(Role role);

}  // namespace plansheet::detail
