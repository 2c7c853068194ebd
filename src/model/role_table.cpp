// The role table: one row per column role, read by every stage through the functions of role_table.hpp.
// A new role is a row here (and its enumerator in role_table.hpp, and its field in Action when it holds a text).
#include "model/role_table.hpp"

#include <algorithm>

#include "model/plan.hpp"

namespace plansheet {
namespace {

constexpr Synonym whole(std::string_view words, double weight = 1) { return {LabelMatch::whole, words, weight}; }
constexpr Synonym whole_or_plural(std::string_view words, double weight = 1) {
  return {LabelMatch::whole_or_plural, words, weight};
}
constexpr Synonym first_words(std::string_view words, double weight = 1) {
  return {LabelMatch::first_words, words, weight};
}
constexpr Synonym word(std::string_view words, double weight = 1) { return {LabelMatch::word, words, weight}; }

// Rows in enum order. Synonyms are English and Welsh (a bilingual label "Arweinydd / Lead" is read side by side,
// detect/header_words.cpp); a label's words are lower-case ASCII, so "Sgôr" is "sg r". Where two roles' words both
// match a label the header alone cannot choose: the column's values do (detect/role_scores.cpp), and label_rank
// breaks an exact tie: "RAG status" is rag (2) before status (7), "Lead partner" lead (9) before partners (10).
// A shape's weights are per unit share of the column's filled cells; a header word is worth 4 to 5 points.
constexpr RoleRow rows[] = {
    {.role = Role::id, .name = "id", .cell_name = "id", .label = "ID", .text = &Action::id, .prose = false,
     .width_cap = 14, .content = {.id = 3},
     .shape = {.rag = -1, .status = -1, .dated = -1, .ids = 3, .medium_text = -1.5, .long_text = -2},
     .label_rank = 1,
     .synonyms = {whole("action id"), whole("id"), whole("id #"), whole("id#"), whole("no"), whole("number"),
                  whole("ref"), whole("reference"), whole("action no"), whole("action number"), whole("action ref"),
                  whole("action reference"), whole("#"), whole("action #"), whole("item"), whole("item no"),
                  whole("ref no"), whole("action code"), whole("code"), whole("no #"), whole("action ref no"),
                  whole("reference number"), whole("ref number"), whole("project id"), whole("project ref"),
                  whole("id no"), whole("cyf"), whole("cyfeirnod"), whole("rhif"), whole("ref #")}},
    {.role = Role::section, .name = "section", .cell_name = "section", .label = "Section", .text = &Action::section,
     .prose = false, .width_cap = 30, .content = {.short_text = 2},
     .shape = {.rag = -2, .status = -1.5, .repeated = 1.5, .dated = -2, .ids = -1, .numbers = -1, .initials = -1,
               .short_text = 0.5, .medium_text = 0.3, .long_text = -1.5},
     .label_rank = 13,
     .synonyms = {word("theme"), word("workstream"), whole("section"), whole("category"), whole("sector"),
                  whole("topic"), whole("area"), word("priority area"), word("key area"), word("focus area"),
                  whole("work area"), whole("strand"), whole("pillar"), whole("programme"), whole("thema"),
                  whole("maes"), whole("adran"), whole("themau")}},
    {.role = Role::objective, .name = "objective", .cell_name = "objective", .label = "Objective",
     .text = &Action::objective, .prose = true, .width_cap = 40, .content = {.empty = 1, .numbers = 1, .short_text = 1},
     .shape = {.rag = -2, .status = -1.5, .dated = -1.5, .numbers = 1, .short_text = 0.3, .medium_text = 0.5},
     .label_rank = 11,
     .synonyms = {whole("objective"), whole("objectives"), first_words("strategic objective"), whole("outcome"),
                  whole("outcomes"), whole("aim"), whole("aims"), whole("priority"), whole("goal"), whole("goals"),
                  whole("strategic aim"), whole("strategic priority"), whole("amcan"), whole("amcanion"),
                  whole("nod")}},
    {.role = Role::action, .name = "action", .cell_name = "action", .label = "Action", .text = &Action::action,
     .prose = true, .width_cap = 60, .content = {.medium_text = 1, .long_text = 2},
     .shape = {.rag = -2.5, .status = -2, .repeated = -2, .dated = -2, .ids = -2, .initials = -2, .short_text = -1,
               .medium_text = 1.5, .long_text = 2.5},
     .label_rank = 12,
     .synonyms = {whole_or_plural("action"), whole_or_plural("action detail"), whole_or_plural("action description"),
                  whole_or_plural("project description"), whole_or_plural("description"), whole_or_plural("project"),
                  whole_or_plural("activity"), whole("activities"), whole_or_plural("what we will do"),
                  whole("what we ll do"), whole("what we are doing"), whole_or_plural("measure"),
                  whole_or_plural("intervention"), whole_or_plural("task"), whole_or_plural("action title"),
                  whole_or_plural("project name"), whole_or_plural("proposed action"), whole_or_plural("key action"),
                  word("description"), whole_or_plural("initiative"), whole_or_plural("commitment"),
                  whole("cam gweithredu"), whole("camau gweithredu"), whole("gweithred"), whole("gweithredu"),
                  whole("camau"), word("action", 0.6)}},
    {.role = Role::lead, .name = "lead", .cell_name = "lead", .label = "Lead", .text = &Action::lead, .prose = true,
     .width_cap = 30, .content = {.empty = 0.5, .short_text = 1, .medium_text = 1},
     .shape = {.rag = -2, .status = -2, .repeated = 0.5, .dated = -2, .ids = -1, .initials = 2, .lists = 0.3,
               .short_text = 0.8, .medium_text = 0.4, .long_text = -2},
     .label_rank = 9,
     .synonyms = {word("lead"), word("responsible"), word("owner"), whole("who"), whole("accountable"), word("team"),
                  whole("service"), whole("directorate"), whole("department"), word("officer"), whole("led by"),
                  whole("responsibility"), whole("delivered by"), whole("arweinydd"), word("swyddog"),
                  word("arweiniol"), whole("cyfrifol")}},
    {.role = Role::partners, .name = "partners", .cell_name = "partners", .label = "Partners",
     .text = &Action::partners, .prose = true, .width_cap = 40,
     .content = {.empty = 0.5, .short_text = 1, .medium_text = 1},
     .shape = {.rag = -2, .status = -2, .dated = -2, .ids = -1, .initials = -1, .lists = 1.2, .short_text = 0.4,
               .medium_text = 0.6, .long_text = -0.5},
     .label_rank = 10,
     .synonyms = {word("partner"), word("stakeholder"), word("supported by"), whole("support"), word("working with"),
                  whole("in partnership with"), whole("with"), word("collaborator"), word("partneriaid"),
                  whole("partneriaeth"), whole("working in partnership")}},
    {.role = Role::start, .name = "start", .cell_name = "start", .label = "Start", .text = &Action::start,
     .prose = false, .width_cap = 14, .content = {.empty = 1, .timescale = 2},
     .shape = {.rag = -2, .status = -1, .dated = 3, .medium_text = -1, .long_text = -2},
     .label_rank = 3,
     .synonyms = {whole("start"), whole("start date"), whole("from"), whole("begin"), whole("start year"),
                  whole("starts"), whole("commence"), whole("commencement"), whole("start by"), whole("dechrau"),
                  whole("dyddiad dechrau")}},
    {.role = Role::end, .name = "end", .cell_name = "end", .label = "End", .text = &Action::end, .prose = false,
     .width_cap = 14, .content = {.empty = 1, .timescale = 2},
     .shape = {.rag = -2, .status = -1, .dated = 3, .medium_text = -1, .long_text = -2},
     .label_rank = 4,
     .synonyms = {whole("end"), whole("end date"), whole("to"), whole("finish"), whole("finish date"),
                  whole("completion date"), whole("end year"), whole("ends"), whole("diwedd"), whole("gorffen"),
                  whole("dyddiad gorffen"), whole("dyddiad diwedd")}},
    {.role = Role::timescale, .name = "timescale", .cell_name = "timescale", .label = "Timescale",
     .text = &Action::timescale, .prose = false, .width_cap = 18, .content = {.empty = 1, .timescale = 2},
     .shape = {.rag = -2, .status = -1, .dated = 3.2, .medium_text = -1, .long_text = -2},  // one date column: a timescale
     .label_rank = 5,
     .synonyms = {word("timescale"), word("timeframe"), whole("time frame"), word("target date"), word("deadline"),
                  word("due date"), whole("due"), whole("due by"), whole("date due"), whole("date"), whole("when"),
                  whole("by when"), whole("delivery date"), whole("target year"), whole("completion"),
                  whole("completion by"), whole("complete by"), whole("target completion"), whole("timing"),
                  whole("timeline"), word("amserlen"), whole("dyddiad targed"), whole("dyddiad"), whole("erbyn")}},
    {.role = Role::stage, .name = "stage", .cell_name = "stage", .label = "Stage", .text = &Action::stage,
     .prose = true, .width_cap = 18, .content = {.empty = 1, .short_text = 2},
     .shape = {.rag = -1, .status = 1, .repeated = 1, .dated = -1, .short_text = 0.5, .long_text = -2},
     .label_rank = 6,
     .synonyms = {word("stage"), word("phase"), whole("cam")}},
    {.role = Role::status, .name = "status", .cell_name = "status", .label = "Status", .text = &Action::status,
     .prose = true, .width_cap = 18, .content = {.empty = 1, .short_text = 2},
     .shape = {.rag = 0.5, .status = 2.5, .repeated = 1, .dated = -1, .short_text = 0.3, .medium_text = -1.5,
               .long_text = -2.5},
     .label_rank = 7,
     .synonyms = {word("status"), word("statws"), word("progress", 0.6), word("cynnydd", 0.6),
                  whole("on track", 0.8), whole("state", 0.8)}},
    {.role = Role::rag, .name = "rag", .cell_name = "rag", .label = "RAG", .text = &Action::rag, .prose = false,
     .width_cap = 40, .content = {.empty = 1, .rag = 2},
     .shape = {.rag = 3.5, .status = -0.5, .dated = -2, .medium_text = -3.5, .long_text = -4},
     .label_rank = 2,
     .synonyms = {word("rag"), whole("rating"), whole("r a g")}},
    {.role = Role::update, .name = "update", .cell_name = "update", .label = "Update", .text = &Action::update,
     .prose = true, .width_cap = 55, .content = {.empty = 1, .medium_text = 1, .long_text = 1},
     .shape = {.rag = -2, .status = -1.5, .repeated = -1.5, .dated = -1, .ids = -2, .initials = -1,
               .short_text = -0.5, .medium_text = 1.5, .long_text = 2.5},
     .label_rank = 8,
     .synonyms = {word("update"), word("progress"), word("comment"), word("commentary"), whole("notes"),
                  whole("note"), whole("latest position"), word("position", 0.8), whole("remarks"),
                  whole("narrative"), word("diweddariad"), word("sylwadau"), word("cynnydd"),
                  whole("progress to date")}},
    {.role = Role::target, .name = "target", .also_named = "targets", .cell_name = "targets", .label = "target",
     .text = nullptr, .prose = false, .width_cap = 40, .content = {.empty = 2, .tick = 2}},
    {.role = Role::period, .name = "period", .also_named = "periods", .cell_name = "period", .label = "period",
     .text = nullptr, .prose = false, .width_cap = 40, .content = {.empty = 2, .tick = 1}},
    {.role = Role::extra, .name = "extra", .cell_name = "", .label = "extra", .text = nullptr, .prose = true,
     .width_cap = 40, .content = {.empty = 1, .short_text = 1, .medium_text = 1, .long_text = 1}},
    {.role = Role::ignore, .name = "ignore", .cell_name = "ignore", .label = "ignore", .text = nullptr,
     .prose = false, .width_cap = 40, .content = {.empty = 3}},
};

constexpr std::size_t role_count = std::size(rows);

constexpr bool rows_in_enum_order() {
  for (std::size_t i = 0; i < role_count; ++i)
    if (rows[i].role != static_cast<Role>(i)) return false;
  return true;
}
static_assert(rows_in_enum_order(), "the role table lists every role once, in enum order");

// Every role with synonyms has its own rank, so the order a label tries them in is never left to chance.
constexpr bool ranks_distinct() {
  for (const RoleRow& a : rows) {
    if ((a.label_rank > 0) == a.synonyms.empty()) return false;
    for (const RoleRow& b : rows)
      if (&a != &b && a.label_rank > 0 && a.label_rank == b.label_rank) return false;
  }
  return true;
}
static_assert(ranks_distinct(), "each role with header synonyms has a label_rank of its own, and only those do");

constexpr std::array<Role, role_count> role_list = [] {
  std::array<Role, role_count> out{};
  for (std::size_t i = 0; i < role_count; ++i) out[i] = rows[i].role;
  return out;
}();

constexpr std::size_t ranked_count =
    static_cast<std::size_t>(std::count_if(std::begin(rows), std::end(rows), [](const RoleRow& r) { return r.label_rank > 0; }));

constexpr std::array<const RoleRow*, ranked_count> ranked = [] {
  std::array<const RoleRow*, ranked_count> out{};
  std::size_t n = 0;
  for (const RoleRow& r : rows)
    if (r.label_rank > 0) out[n++] = &r;
  std::sort(out.begin(), out.end(), [](const RoleRow* a, const RoleRow* b) { return a->label_rank < b->label_rank; });
  return out;
}();

}  // namespace

const std::span<const Role> all_roles{role_list};

const RoleRow& role_row(Role role) { return rows[static_cast<std::size_t>(role)]; }

std::span<const RoleRow* const> roles_by_label_rank() { return ranked; }

std::string_view role_name(Role role) { return role_row(role).name; }

std::optional<Role> role_from_name(std::string_view name) {
  for (const RoleRow& row : rows)
    if (row.name == name) return row.role;
  for (const RoleRow& row : rows)
    if (!row.also_named.empty() && row.also_named == name) return row.role;
  return std::nullopt;
}

bool is_text_role(Role role) { return role_row(role).text != nullptr; }

bool is_prose_role(Role role) { return role_row(role).prose; }

std::string cell_role_name(Role role, std::string_view column_label) {
  std::string_view name = role_row(role).cell_name;
  return std::string(name.empty() ? column_label : name);
}

std::string_view role_display_label(Role role) { return role_row(role).label; }

double role_width_cap(Role role) { return role_row(role).width_cap; }

}  // namespace plansheet
