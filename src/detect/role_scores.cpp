// Column roles by evidence (see role_scores.hpp): the looks of a column's cells, the score of each role, and the
// assignment of roles to columns with the highest total score.
#include "detect/role_scores.hpp"

#include <algorithm>
#include <array>
#include <limits>

#include "detect/cell_types.hpp"
#include "grammar/api.hpp"
#include "text/ascii.hpp"

namespace plansheet::detail {
namespace {

// The words progress statuses are written in, English and Welsh: a cell made only of these ("In progress",
// "Not started", "On hold", "Some slippage", "Wedi cwblhau") is a status, whatever the plan's own vocabulary.
constexpr std::array<std::string_view, 88> status_words = {
    "a",          "achieved",  "agreed",     "ahead",     "and",       "ar",        "as",         "at",
    "awaiting",   "be",        "behind",     "business",  "cancelled", "change",    "closed",     "complete",
    "completed",  "concern",   "concerns",   "cwblhau",   "ddechrau",  "delay",     "delayed",    "delays",
    "delivered",  "development", "done",     "draft",     "due",       "embedded",  "fully",      "gwaith",
    "heb",        "hold",      "in",         "issue",     "issues",    "live",      "major",      "minor",
    "mostly",     "mynd",      "no",         "not",       "of",        "off",       "on",         "ongoing",
    "open",       "paused",    "partially",  "partly",    "pending",   "planned",   "planning",   "progress",
    "progressing", "proposed", "ready",      "rhagddo",   "risk",      "schedule",  "scoping",    "serious",
    "significant", "slippage", "some",       "started",   "stalled",   "superseded", "target",    "the",
    "to",         "track",     "trywydd",    "under",     "underway",  "usual",     "way",        "well",
    "wedi",       "y",         "yet",        "yn",        "oedi",      "risg",      "slipped",    "yr",
};

// The cell's words, lower case, letters only ("On-track." -> "on", "track").
std::vector<std::string> letter_words(std::string_view text) {
  std::vector<std::string> words(1);
  for (char c : text) {
    if (is_ascii_alpha(c))
      words.back() += ascii_lower(c);
    else if (!words.back().empty())
      words.emplace_back();
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

bool is_status_phrase(std::string_view text) {
  std::vector<std::string> words = letter_words(text);
  if (words.empty() || words.size() > 5) return false;
  // Connecting words alone ("to be", "on the") are not a status.
  bool core = false;
  for (const std::string& w : words) {
    if (std::find(status_words.begin(), status_words.end(), w) == status_words.end()) return false;
    core = core || w.size() > 3;
  }
  return core;
}

// A RAG rating ("Green", "Gwyrdd/Green"), or a short cell with a colour word in it ("Green (on track)*").
bool is_rag_cell(std::string_view text, unsigned kinds) {
  if (has_kind(kinds, CellKind::rag)) return true;
  std::vector<std::string> words = letter_words(text);
  if (words.empty() || words.size() > 4) return false;
  // Whole colour words only: the letter of an id ("B" in "B1") is no rating.
  for (const std::string& w : words)
    if (w.size() >= 3 && grammar::parse_rag(w)) return true;
  return false;
}

// Officers' initials: "AH", "KW / AH", "JB, MT & RS": two to four capitals, up to four of them.
bool is_initials(std::string_view text) {
  std::size_t tokens = 0, letters = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    char c = i < text.size() ? text[i] : ' ';
    if (is_ascii_upper(c)) {
      ++letters;
      continue;
    }
    if (c != ' ' && c != '/' && c != ',' && c != '&' && c != ';') return false;
    if (letters > 0) {
      if (letters < 2 || letters > 4) return false;
      ++tokens;
    }
    letters = 0;
  }
  return tokens >= 1 && tokens <= 4;
}

// A list of names: several short items joined by separators, not a sentence.
bool is_list(std::string_view text, std::size_t words) {
  if (words < 2 || words > 20 || text.back() == '.') return false;
  return text.find(',') != std::string_view::npos || text.find(';') != std::string_view::npos ||
         text.find(" & ") != std::string_view::npos || text.find(" and ") != std::string_view::npos ||
         text.find("\xE2\x80\xA2") != std::string_view::npos || text.find('\n') != std::string_view::npos;
}

bool is_percentage(std::string_view text) {
  return text.size() >= 2 && text.back() == '%' && is_ascii_digit(text[text.size() - 2]);
}

// Looks, each a share of the column's filled cells, against the role's shape (model/role_table.cpp).
double shape_sum(const ColumnLooks& l, const ValueShape& s) {
  return s.rag * l.rag + s.status * l.status + s.repeated * l.repeated + s.dated * l.dated + s.ids * l.ids +
         s.numbers * l.numbers + s.initials * l.initials + s.lists * l.lists + s.short_text * l.short_text +
         s.medium_text * l.medium_text + s.long_text * l.long_text;
}

constexpr double extra_score = 1.2;

}  // namespace

void LooksReader::add(std::string_view cell) {
  std::string_view t = trim(cell);
  if (t.empty()) return;
  ColumnLooks& c = counts_;
  ++c.filled;
  const unsigned kinds = cell_kinds(t);
  const std::size_t words = word_count(t);
  const bool rag = is_rag_cell(t, kinds);
  const bool dated = has_kind(kinds, CellKind::timescale);
  c.rag += rag;
  c.dated += dated;
  c.ids += has_kind(kinds, CellKind::id);
  c.numbers += has_kind(kinds, CellKind::numbers) || is_percentage(t);
  c.status += !dated && is_status_phrase(t);
  c.initials += !dated && !rag && is_initials(t);
  c.lists += !dated && !rag && is_list(t, words);
  c.short_text += has_kind(kinds, CellKind::short_text);
  c.medium_text += has_kind(kinds, CellKind::medium_text);
  c.long_text += has_kind(kinds, CellKind::long_text);
  if (words <= 5) {
    ++short_cells_;
    ++values_[ascii_lower(t)];
  }
  if (c.samples.size() < 3 && std::find(c.samples.begin(), c.samples.end(), t) == c.samples.end())
    c.samples.emplace_back(t.size() > 40 ? std::string(t.substr(0, 37)) + "..." : std::string(t));
}

ColumnLooks LooksReader::looks() const {
  ColumnLooks l = counts_;
  if (l.filled == 0) return l;
  const double n = static_cast<double>(l.filled);
  for (double* share : {&l.rag, &l.status, &l.dated, &l.ids, &l.numbers, &l.initials, &l.lists, &l.short_text,
                        &l.medium_text, &l.long_text})
    *share /= n;
  // Repetition: 1 when every short cell holds one value, 0 when all differ; measured on four or more cells, and
  // weighed by how many of the column's cells are short.
  if (short_cells_ >= 4) {
    const double distinct = static_cast<double>(values_.size());
    const double cells = static_cast<double>(short_cells_);
    l.repeated = (1.0 - (distinct - 1.0) / (cells - 1.0)) * cells / n;
  }
  return l;
}

bool is_assignable(Role role) {
  return role != Role::target && role != Role::period && role != Role::extra && role != Role::ignore;
}

// THE SCORING RULE. The score of role r for column c is
//     score(c, r) = header(c, r) + trust(c) * label_doubt(c) * sum over looks f of shape(r, f) * looks(c, f)
//   header(c, r)    how strongly c's label names r (header_words: 5 whole label, 4.5 first words, 4 a word inside
//                   it, times the synonym's weight; either side of a bilingual label), 0 when it does not;
//   looks(c, f)     the share of c's filled cells that look f (RAG word, status phrase, repeated vocabulary,
//                   date or period, id, number, initials, list of names, short, medium or long text);
//   shape(r, f)     the role table's weight of look f for role r (ValueShape): positive for, negative against;
//   trust(c)        min(1, filled cells / 3): one or two values say little;
//   label_doubt(c)  1/2 when c has a label that names no role (an unread label is evidence against every role).
// Keeping c under its own label (extra) scores 1.2. The assignment then gives each single-column role to at most
// one column so that the total score is highest (assign_roles): "Progress" over status words and "Comments" over
// prose both name update, but status scores higher on the first, so the second keeps update.
double score_role(const ColumnEvidence& column, Role role) {
  double header = 0;
  for (const NamedRole& n : column.named)
    if (n.role == role) header = std::max(header, n.strength);
  const ColumnLooks& l = column.looks;
  const double trust = std::min(1.0, static_cast<double>(l.filled) / 3.0);
  const double label_doubt = !column.label.empty() && column.named.empty() ? 0.5 : 1.0;
  return header + trust * label_doubt * shape_sum(l, role_row(role).shape);
}

double score_extra(const ColumnEvidence&) { return extra_score; }

std::vector<RoleChoice> assign_roles(const std::vector<ColumnEvidence>& columns) {
  std::vector<Role> roles;
  for (Role r : all_roles)
    if (is_assignable(r)) roles.push_back(r);
  const std::size_t n_roles = roles.size(), n_cols = columns.size();
  // gain: what giving role r to column c adds over keeping c as extra. A tiny tie-break gives the earlier role
  // the earlier column when columns read the same (two unlabelled prose columns: action, then update).
  std::vector<std::vector<double>> score(n_roles, std::vector<double>(n_cols));
  for (std::size_t r = 0; r < n_roles; ++r)
    for (std::size_t c = 0; c < n_cols; ++c) score[r][c] = score_role(columns[c], roles[r]);

  // Hungarian method (minimum cost) on roles x (columns + one "unassigned" slot per role), cost = -gain where
  // positive, else 0. O(roles^2 * (columns + roles)): linear in the table's width.
  const std::size_t m = n_cols + n_roles;
  auto cost = [&](std::size_t r, std::size_t j) {
    if (j >= n_cols) return 0.0;
    const double gain = score[r][j] - score_extra(columns[j]);
    if (gain <= 1e-3) return 0.0;
    return -(gain + 1e-6 * static_cast<double>(n_roles - r) / static_cast<double>(j + 1));
  };
  constexpr double inf = std::numeric_limits<double>::infinity();
  std::vector<double> u(n_roles + 1, 0), v(m + 1, 0);
  std::vector<std::size_t> p(m + 1, 0), way(m + 1, 0);  // p[j]: the role (1-based) in slot j
  for (std::size_t i = 1; i <= n_roles; ++i) {
    p[0] = i;
    std::size_t j0 = 0;
    std::vector<double> minv(m + 1, inf);
    std::vector<bool> used(m + 1, false);
    do {
      used[j0] = true;
      const std::size_t i0 = p[j0];
      double delta = inf;
      std::size_t j1 = 0;
      for (std::size_t j = 1; j <= m; ++j) {
        if (used[j]) continue;
        double cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
        if (cur < minv[j]) minv[j] = cur, way[j] = j0;
        if (minv[j] < delta) delta = minv[j], j1 = j;
      }
      for (std::size_t j = 0; j <= m; ++j) {
        if (used[j])
          u[p[j]] += delta, v[j] -= delta;
        else
          minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] != 0);
    do {
      const std::size_t j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 != 0);
  }

  std::vector<RoleChoice> out(n_cols);
  for (std::size_t c = 0; c < n_cols; ++c) {
    out[c].role = Role::extra;
    out[c].score = score_extra(columns[c]);
    const std::size_t r = p[c + 1];
    if (r != 0 && cost(r - 1, c) < 0) out[c] = {roles[r - 1], score[r - 1][c], Role::extra, 0};
    // The runner-up: the best other role, extra included.
    double best = -inf;
    for (std::size_t k = 0; k <= n_roles; ++k) {
      Role role = k < n_roles ? roles[k] : Role::extra;
      double s = k < n_roles ? score[k][c] : score_extra(columns[c]);
      if (role != out[c].role && s > best) best = s, out[c].runner_up = role;
    }
    out[c].runner_up_score = best;
  }
  return out;
}

}  // namespace plansheet::detail
