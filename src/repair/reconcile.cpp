// Stage: reconcile draft actions into a Plan (see reconcile.hpp). Rules run from the most certain (a tab inside a
// word) to the least (a phrase restored from the document's own wording); each one logs what it changed.
#include "repair/reconcile.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>

#include "repair/clean_text.hpp"
#include "repair/fill_down.hpp"
#include "repair/repeated_roles.hpp"
#include "repair/value_maps.hpp"
#include "grammar/api.hpp"
#include "text/text_span.hpp"
#include "text/unicode_text.hpp"

namespace plansheet {
namespace {

// Columns of dates and ratings: their values are a small vocabulary, not words.
bool date_or_rating(Role role) {
  return role == Role::start || role == Role::end || role == Role::timescale || role == Role::rag;
}

// The rating word differs from the cell beyond case, spacing and the letter form ("G", "A/G"): "Complete" is
// blue, "Gwyrdd / Green" green.
bool rating_reworded(std::string_view cell, std::string_view word) {
  std::string letters, want;
  bool a_word = false;  // a run of two letters or more: more than the letter form
  std::size_t run = 0;
  for (char c : cell) {
    run = is_ascii_alpha(c) ? run + 1 : 0;
    if (run > 0) letters += ascii_lower(c);
    a_word = a_word || run >= 2;
  }
  for (char c : word)
    if (is_ascii_alpha(c)) want += c;
  return a_word && letters != want;
}

class Reconciler {
 public:
  Reconciler(const RawTable& table, const TableLayout& layout, Reassembled& drafts, Dictionary& dictionary)
      : table_(table), layout_(layout), drafts_(drafts), dictionary_(dictionary), lexicon_(dictionary) {}

  Plan run() {
    plan_.source = table_.source;
    plan_.sheet = table_.sheet;
    plan_.parts = table_.parts;
    plan_.title = layout_.title;
    // A title pasted with its emphasis ("**Net Zero Plan**") is the words alone.
    if (plan_.title)
      if (auto plain = strip_markup(*plan_.title)) {
        log(plain->rule, layout_.title_line, "", "title", *plan_.title, plain->text);
        plan_.title = plain->text;
      }
    plan_.legend = layout_.legend;
    plan_.hidden_columns = table_.hidden_columns;
    // Which columns the source hid, looked up once: a per-cell search would cost cells x hidden columns.
    const std::set<std::string> hidden(table_.hidden_columns.begin(), table_.hidden_columns.end());
    for (const ColumnSpec& c : layout_.columns) column_hidden_.push_back(hidden.count(c.label) > 0);
    column_repeats_role_ = columns_repeating_a_role(layout_.columns, plan_.warnings);
    for (std::size_t c = 0; c < layout_.columns.size(); ++c)
      if (layout_.columns[c].role != Role::ignore)
        plan_.columns.push_back({column_repeats_role_[c] ? Role::extra : layout_.columns[c].role, layout_.columns[c].label});
    learn_document_words();
    maps_ = learn_value_maps(plan_.legend);
    count_column_values();
    build_sections();
    for (DraftAction& draft : drafts_.actions) repair_cell_splits(draft);
    plan_.actions.reserve(drafts_.actions.size());  // a growing vector would briefly hold its actions twice
    for (std::size_t i = 0; i < drafts_.actions.size(); ++i) plan_.actions.push_back(build_action(drafts_.actions[i], i));
    // The document-level rules, in order, once every action is built: each reads the whole plan. Lost text is
    // restored before a column's vocabulary is counted, and ids and values are checked as they finally stand.
    static constexpr std::array document_rules = {
        &Reconciler::fill_down,
        &Reconciler::restore_lost_text,
        &Reconciler::keep_empty_sections,
        &Reconciler::restore_vocabulary_misreadings,
        &Reconciler::rate_status,
        &Reconciler::check_id_sequences,
        &Reconciler::flag_categorical_variants,
    };
    for (auto rule : document_rules) (this->*rule)();
    return std::move(plan_);
  }

 private:
  void log(RepairRule rule, int line, const std::string& id, const std::string& role, std::string before,
           std::string after) {
    // A word-level fix in a long cell is shown as the words it changed; moved text is shown whole.
    if (before.size() > 80 && !rule_info(rule).shown_whole) std::tie(before, after) = changed_span(before, after);
    plan_.repairs.push_back({rule, {line}, id, role, std::move(before), std::move(after)});
  }
  void warn(int line, const std::string& id, std::string message) {
    plan_.warnings.push_back({{line}, id, std::move(message)});
  }

  void learn_document_words() {
    auto learn = [&](std::string_view text) {
      std::size_t i = 0;
      while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        std::size_t start = i;
        while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
        std::string_view b = bare_word(text.substr(start, i - start));
        if (!b.empty()) dictionary_.add_document_word(b);
      }
    };
    // Words of the text columns; ids, dates, ratings and marks are not words.
    for (const DraftAction& d : drafts_.actions)
      for (std::size_t c = 0; c < d.cells.size() && c < layout_.columns.size(); ++c)
        if (is_prose_role(layout_.columns[c].role)) learn(d.cells[c]);
    // A heading's words at the edges between its cells may be fragments of one word split by a tab ("a" | "nd"):
    // they are not evidence of words the document uses.
    for (const HeadingRow& h : drafts_.headings)
      for (std::size_t i = 0; i < h.cells.size(); ++i) {
        std::vector<std::string> words = split_words(h.cells[i]);
        for (std::size_t k = 0; k < words.size(); ++k) {
          // A word closed by punctuation before the tab ("Workstream:") is whole.
          bool closed = !words[k].empty() && (words[k].back() == ':' || words[k].back() == ')');
          bool split_edge = (k == 0 && i > 0) || (k + 1 == words.size() && i + 1 < h.cells.size() && !closed);
          std::string_view b = bare_word(words[k]);
          if (!split_edge && !b.empty()) dictionary_.add_document_word(b);
        }
      }
  }

  // A heading row's cells joined back into one name: a cell repeated by a merged heading is dropped, cells split
  // by a stray tab are rejoined, and a label such as "Workstream:" is set aside.
  void build_sections() {
    for (const HeadingRow& heading : drafts_.headings) {
      std::vector<std::string> cells;
      bool repeated = false;
      for (std::string c : heading.cells) {
        if (auto plain = strip_markup(c)) {
          log(RepairRule::markup, heading.line, "", "section", c, plain->text);
          c = plain->text;
        }
        if (!cells.empty() && cells.back() == c) {
          repeated = true;
          continue;
        }
        cells.push_back(c);
      }
      std::string name = cells.empty() ? "" : cells[0];
      bool glued_any = false;
      for (std::size_t i = 1; i < cells.size(); ++i) {
        bool glued = false;
        name = join_split(name, cells[i], lexicon_, &glued);
        glued_any = glued_any || glued;
      }
      std::string before = join(heading.cells, "\t");
      std::string label;
      if (auto parsed = grammar::parse_section_heading(name); parsed && !parsed->name.empty()) {
        label = parsed->label;
        name = parsed->name;
      }
      if (!label.empty()) plan_.removed.push_back({heading.line, label, RemovalReason::section_label});
      // Whatever else the heading grammar left off the name (a closing ':' or a numbering "3.") is kept too.
      std::string joined_cells = join(cells, " ");
      if (label.empty() && name != joined_cells && !repeated && heading.cells.size() == 1)
        plan_.removed.push_back({heading.line, joined_cells, RemovalReason::section_heading_as_written});
      if (repeated) log(RepairRule::misplaced_text, heading.line, "", "section", before, name);
      else if (heading.cells.size() > 1) log(RepairRule::split_word, heading.line, "", "section", before, name);
      (void)glued_any;
      section_names_.push_back(name);
    }
  }

  // Splits that cross a cell boundary: a tab inside one slot (two cells the alignment merged), and a word cut by the
  // tab between two neighbouring text cells ("...Waste Bra" | "nch District councils").
  void repair_cell_splits(DraftAction& draft) {
    const std::string id = draft.cells[id_column()];
    for (std::size_t c = 0; c < draft.cells.size(); ++c) {
      std::string& cell = draft.cells[c];
      if (cell.find('\t') == std::string::npos) continue;
      std::string before = cell;
      std::vector<std::string> pieces;
      std::size_t start = 0;
      while (true) {
        std::size_t tab = cell.find('\t', start);
        pieces.push_back(cell.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
      }
      std::string joined = pieces[0];
      for (std::size_t i = 1; i < pieces.size(); ++i) joined = join_split(joined, pieces[i], lexicon_);
      cell = joined;
      auto [from, to] = changed_span(before, cell);
      log(RepairRule::split_word, draft.line, id, cell_role_name(layout_.columns[c]), from, to);
    }
    for (std::size_t c = 0; c + 1 < draft.cells.size(); ++c) {
      if (!is_prose_role(layout_.columns[c].role) || !is_prose_role(layout_.columns[c + 1].role)) continue;
      std::string& left = draft.cells[c];
      std::string& right = draft.cells[c + 1];
      if (left.empty() || right.empty()) continue;
      std::vector<std::string> lw = split_words(left), rw = split_words(right);
      const std::string& a = lw.back();
      std::string b(bare_word(rw.front()));
      if (b.empty() || !is_ascii_alpha(a.back()) || rw.front().find(b) != 0) continue;
      // The joined word must be a word, the right-hand piece must not be one, and when the left-hand piece is a
      // word on its own ("Bra") the document must use the joined word elsewhere.
      bool a_word = lexicon_.known(a);
      if (lexicon_.known(b) || !lexicon_.known(a + b) || (a_word && !lexicon_.used_in_document(a + b))) continue;
      std::string left_before = left, right_before = right;
      left = fold_whitespace(left + b);
      right = fold_whitespace(std::string_view(right).substr(b.size()));
      log(RepairRule::split_word, draft.line, id, cell_role_name(layout_.columns[c]), a + "\t" + b, a + b);
      log(RepairRule::misplaced_text, draft.line, id, cell_role_name(layout_.columns[c + 1]), right_before, right);
    }
  }

  // How often each value stands in each date or rating column: a value the column repeats is its vocabulary, not a
  // stray mark.
  void count_column_values() {
    column_values_.assign(layout_.columns.size(), {});
    for (const DraftAction& d : drafts_.actions)
      for (std::size_t c = 0; c < d.cells.size() && c < layout_.columns.size(); ++c)
        if (date_or_rating(layout_.columns[c].role) && !d.cells[c].empty())
          ++column_values_[c][std::string(trim(d.cells[c]))];
  }

  // The value is data of its column: it repeats there, or the plan's key defines it ("S = within a year").
  bool column_vocabulary(std::size_t column, const std::string& text) const {
    if (column < column_values_.size()) {
      auto found = column_values_[column].find(std::string(trim(text)));
      if (found != column_values_[column].end() && found->second >= 2) return true;
    }
    return maps_.codes.count(value_key(text)) > 0;
  }

  std::size_t id_column() const {
    int c = column_of(layout_, Role::id);
    return c < 0 ? 0 : static_cast<std::size_t>(c);
  }

  // A phrase damaged around removed markup, restored from the same phrase elsewhere in the document:
  // "net ze <b>Eo</b> 0 carbon" -> "net zero carbon" because the document says "net zero carbon".
  std::optional<std::string> restore_phrase(const std::vector<std::string>& words, std::vector<std::size_t> damaged) {
    if (damaged.empty()) return std::nullopt;
    std::sort(damaged.begin(), damaged.end());
    std::size_t first = damaged.front(), last = damaged.back();
    auto garbled = [&](const std::string& w) {
      std::string_view b = bare_word(w);
      return b.empty() || !lexicon_.known(b) || (b.size() <= 2 && !lexicon_.known(std::string(b) + "x") &&
                                                 std::all_of(b.begin(), b.end(), [](char ch) { return is_ascii_digit(ch); }));
    };
    while (first > 0 && garbled(words[first - 1])) --first;
    while (last + 1 < words.size() && garbled(words[last + 1])) ++last;
    if (first == 0 || last + 1 >= words.size()) return std::nullopt;
    std::string left = ascii_lower(bare_word(words[first - 1])), right = ascii_lower(bare_word(words[last + 1]));
    std::string stem = ascii_lower(bare_word(words[first]));
    if (stem.size() < 2) return std::nullopt;
    if (phrase_index_.empty()) index_phrases();
    std::set<std::string> candidates;
    auto found = phrase_index_.find(left + '\t' + right);
    if (found != phrase_index_.end())
      for (const std::string& middle : found->second)
        if (ascii_lower(middle).rfind(stem, 0) == 0 && lexicon_.known(middle)) candidates.insert(middle);
    if (candidates.size() != 1) return std::nullopt;
    std::vector<std::string> out(words.begin(), words.begin() + static_cast<long>(first));
    out.push_back(*candidates.begin());
    out.insert(out.end(), words.begin() + static_cast<long>(last) + 1, words.end());
    return join(out, " ");
  }

  // Every "a X b" of the document, as "a<TAB>b" -> the words X found between them (lower-case a and b), built once.
  void index_phrases() {
    for (const DraftAction& d : drafts_.actions)
      for (const std::string& cell : d.cells) {
        std::vector<std::string> words = split_words(fold_whitespace(cell));
        for (std::size_t k = 1; k + 1 < words.size(); ++k)
        phrase_index_[ascii_lower(bare_word(words[k - 1])) + '\t' + ascii_lower(bare_word(words[k + 1]))].insert(
            std::string(bare_word(words[k])));
      }
    phrase_index_[""];  // marks the index as built, even for a document without phrases
  }

  std::string clean_cell(std::string text, Role role, std::size_t column, int line, const std::string& id,
                         const std::string& role_label) {
    auto apply = [&](std::optional<TextFix> fix) {
      if (!fix || fix->text == text) return;
      log(fix->rule, line, id, role_label, text, fix->text);
      text = std::move(fix->text);
    };
    std::vector<std::size_t> damaged;
    bool unbalanced = false;
    if (auto fix = strip_markup(text, &damaged, &unbalanced)) {
      std::vector<std::string> words = split_words(fix->text);
      bool garbled = std::any_of(damaged.begin(), damaged.end(), [&](std::size_t w) {
        return w < words.size() && !lexicon_.known(bare_word(words[w]));
      });
      if (auto restored = restore_phrase(words, damaged)) {
        fix->text = *restored;
      } else if (garbled || unbalanced) {
        warn(line, id, fmt::format("line {}: markup removed from the {} text; the words around it may be garbled: '{}'",
                                   line, role_label, fix->text.substr(0, 80)));
      }
      apply(std::move(fix));
    }
    for (const CellRule& rule : cell_rules())
      if (rule.applies_to(role) && !(rule.spares_vocabulary && column_vocabulary(column, text)))
        apply(rule.fn(text, role, lexicon_));
    return text;
  }

  // The Latin reading of an id written with Cyrillic or Greek letters. A look-alike letter may stand for a letter
  // or a digit ("О" for O or 0, "З" for 3 or Z): of the readings that are ids, the one that continues the ids
  // around it wins ("Т1О" between T9 and T11 is T10).
  std::string resolve_lookalike_id(const std::string& raw, std::size_t index) {
    std::vector<std::string> readings = lookalike_id_readings(raw);
    auto neighbour = [&](std::ptrdiff_t offset) -> std::optional<grammar::IdParts> {
      std::ptrdiff_t k = static_cast<std::ptrdiff_t>(index) + offset;
      if (k < 0 || k >= static_cast<std::ptrdiff_t>(drafts_.actions.size())) return std::nullopt;
      return grammar::split_action_id(text::latin_lookalikes(drafts_.actions[static_cast<std::size_t>(k)].cells[id_column()]));
    };
    auto before = neighbour(-1), after = neighbour(1);
    auto fit = [&](const std::string& reading) {
      auto parts = grammar::split_action_id(reading);
      if (!parts) return -1;
      int score = 0;
      for (const auto& n : {before, after}) {
        if (!n || n->prefix != parts->prefix) continue;
        score += 2;
        if (n->numbers.size() == parts->numbers.size() && !parts->numbers.empty()) {
          int gap = parts->numbers.back() - n->numbers.back();
          if ((&n == &before && gap == 1) || (&n == &after && gap == -1)) score += 3;
        }
      }
      return score;
    };
    std::string best = readings.front();  // the plain look-alike reading, when nothing fits better
    int best_fit = fit(best);
    for (const std::string& r : readings)
      if (int f = fit(r); f > best_fit) best = r, best_fit = f;
    return best;
  }

  Action build_action(DraftAction& draft, std::size_t index) {
    Action action;
    action.line = draft.line;
    const std::size_t id_col = id_column();
    // The id first: Cyrillic or Greek look-alikes become Latin ("тз" -> "T3").
    std::string raw_id = draft.cells[id_col];
    action.id = raw_id;
    if (text::has_cyrillic_or_greek(raw_id)) {
      std::string mapped = resolve_lookalike_id(raw_id, index);
      if (grammar::is_action_id(mapped) || mapped != raw_id) {
        action.id = mapped;
        log(RepairRule::homoglyph, draft.line, mapped, "id", raw_id, mapped);
        if (!grammar::is_action_id(mapped))
          warn(draft.line, mapped, fmt::format("line {}: id '{}' read as '{}', which is not an id shape", draft.line, raw_id, mapped));
      }
    }
    if (draft.heading >= 0) action.section = section_names_[static_cast<std::size_t>(draft.heading)];
    std::string marks;  // the glyphs of tick and Gantt cells, read as booleans and periods
    for (std::size_t c = 0; c < layout_.columns.size() && c < draft.cells.size(); ++c) {
      const ColumnSpec& column = layout_.columns[c];
      if (c == id_col) continue;
      const std::string& cell = draft.cells[c];
      if (column.role == Role::ignore) {
        // A column with no label and (almost) no content: what little it holds is kept under extra; one the user
        // named ignore (--roles N=ignore) is left out, as asked.
        if (!cell.empty() && column.reason != "--roles") action.extra.emplace_back(fmt::format("Column {}", c + 1), cell);
        continue;
      }
      if (column.role == Role::target) {
        auto tick = grammar::parse_tick_cell(cell);
        if (!tick && !cell.empty()) {
          warn(draft.line, action.id, fmt::format("line {}: '{}' in tick column '{}' is not a tick mark; read as not "
                                                  "ticked", draft.line, cell, column.label));
          plan_.removed.push_back({draft.line, cell, RemovalReason::not_a_tick_mark});
        }
        action.targets.push_back(tick.value_or(false));
        if (tick.value_or(false)) marks += (marks.empty() ? "" : " ") + cell;
        continue;
      }
      if (column.role == Role::period) {
        if (!cell.empty()) {
          action.periods.push_back(column.label);  // an explicit Gantt mark
          marks += (marks.empty() ? "" : " ") + cell;
        }
        continue;
      }
      std::string text = clean_cell(cell, column.role, c, draft.line, action.id, cell_role_name(column));
      if (column.role == Role::extra || column_hidden_[c] || column_repeats_role_[c]) {
        // A whole-text column the workbook wrote is filled only where the text differed from its reading.
        if (text.empty() && column.label.ends_with(as_written_suffix)) continue;
        action.extra.emplace_back(column.label, text);
        continue;
      }
      if (column.role == Role::rag) {
        if (auto rag = grammar::parse_rag(text)) {
          action.rag = rag->word;
          action.rag_colour = rag->colour;
          // The rating is the word; what the authors wrote after it ("Red - off track") stays with it, whole, and
          // so does a word the rating names in other words ("Complete", "Gwyrdd/Green").
          if (!rag->explanation.empty() || rating_reworded(text, rag->word))
            action.extra.emplace_back(column.label + std::string(as_written_suffix), text);
          if (!rag->explanation.empty()) {
            plan_.warnings.push_back({{draft.line}, action.id,
                                      fmt::format("line {}: the RAG cell '{}' is rated {}; the whole text is kept "
                                                  "under extra as '{} (as written)'",
                                                  draft.line, text, rag->word, column.label),
                                      "", true});
          }
        } else if (!text.empty()) {
          warn(draft.line, action.id, fmt::format("line {}: '{}' in the RAG column is not a RAG rating; kept under "
                                                  "extra", draft.line, text));
          action.extra.emplace_back(column.label, text);
        }
        continue;
      }
      if (column.role == Role::section) {
        action.section = text;
        continue;
      }
      if (std::string* slot = action.text_of(column.role)) *slot = text;
    }
    if (!marks.empty()) plan_.removed.push_back({draft.line, marks, RemovalReason::tick_and_period_marks});
    return action;
  }

  // A theme column written once per theme is filled down (fill_down.hpp).
  void fill_down() { fill_down_sections(drafts_, layout_, plan_); }

  // A status column with no RAG column beside it is rated through the plan's key or the usual scale (value_maps.hpp).
  void rate_status() { rate_by_status(plan_, maps_); }

  // Text lost at the start of a lead or partners cell ("ironment and Waste Branch"), restored from the same
  // words in another action's cell of that column ("Environment and Waste Branch").
  void restore_lost_text() {
    for (Role role : {Role::lead, Role::partners}) {
      for (Action& action : plan_.actions) {
        std::string* text = action.text_of(role);
        if (!text || text->empty()) continue;
        std::vector<std::string> words = split_words(*text);
        std::string first(bare_word(words[0]));
        if (first.size() < 3 || lexicon_.known(first) || words[0] != first) continue;
        std::set<std::string> candidates;
        for (const Action& other : plan_.actions) {
          if (&other == &action) continue;
          std::vector<std::string> ow = split_words(*other.text_of(role));
          for (std::size_t k = 0; k < ow.size(); ++k) {
            const std::string& w = ow[k];
            if (w.size() <= first.size() || w.compare(w.size() - first.size(), first.size(), first) != 0) continue;
            std::size_t follow = std::min<std::size_t>(2, words.size() - 1);
            bool same = k + follow < ow.size();
            for (std::size_t f = 1; same && f <= follow; ++f) same = ow[k + f] == words[f];
            if (same && follow > 0 && lexicon_.known(w)) candidates.insert(w);
          }
        }
        if (candidates.size() != 1) continue;
        std::string before = *text;
        words[0] = *candidates.begin();
        *text = join(words, " ");
        log(RepairRule::lost_text, action.line, action.id, std::string(role_name(role)), first, words[0]);
        (void)before;
      }
    }
  }

  // A heading with no action under it (the last line of a paste, or two headings in a row) is kept as a removal
  // with a warning, so an officer sees it and nothing the authors wrote disappears.
  void keep_empty_sections() {
    // A heading counts as used when an action carries its name (a section column can override a heading row).
    std::vector<bool> used(drafts_.headings.size(), false);
    for (std::size_t i = 0; i < drafts_.actions.size() && i < plan_.actions.size(); ++i) {
      int h = drafts_.actions[i].heading;
      if (h >= 0 && plan_.actions[i].section == section_names_[static_cast<std::size_t>(h)])
        used[static_cast<std::size_t>(h)] = true;
    }
    for (std::size_t h = 0; h < drafts_.headings.size(); ++h) {
      if (used[h]) continue;
      const HeadingRow& heading = drafts_.headings[h];
      plan_.removed.push_back({heading.line, join(heading.cells, " "), RemovalReason::empty_section});
      warn(heading.line, "", fmt::format("line {}: section '{}' has no actions under it", heading.line, section_names_[h]));
    }
  }

  // A status or stage value seen once that is an OCR misreading of a value the column uses repeatedly
  // ("ln progress" beside many "In progress") takes that value.
  void restore_vocabulary_misreadings() {
    for (Role role : {Role::status, Role::stage}) {
      std::map<std::string, int> counts;
      for (const Action& a : plan_.actions)
        if (!a.text_of(role)->empty()) ++counts[*a.text_of(role)];
      for (Action& a : plan_.actions) {
        std::string& value = *a.text_of(role);
        if (value.empty() || counts[value] != 1) continue;
        std::set<std::string> matches;
        for (const std::string& reading : ocr_readings(value))
          if (auto it = counts.find(reading); it != counts.end() && it->second >= 2) matches.insert(reading);
        if (matches.size() != 1) continue;
        log(RepairRule::ocr, a.line, a.id, std::string(role_name(role)), value, *matches.begin());
        value = *matches.begin();
      }
    }
  }

  // Within each section: ids that repeat, go backwards or skip a number are worth an officer's look.
  void check_id_sequences() {
    std::map<std::string, int> seen;
    // The highest number seen so far per id stem ("MG1." -> 3 after MG1.3), within the current section.
    std::map<std::string, int> highest;
    std::string prev_section;
    for (const Action& a : plan_.actions) {
      if (++seen[a.id] == 2) warn(a.line, a.id, fmt::format("line {}: id {} is used by more than one action", a.line, a.id));
      if (a.section != prev_section) highest.clear();
      prev_section = a.section;
      auto parts = grammar::split_action_id(a.id);
      if (!parts || parts->numbers.empty()) continue;
      std::string stem = parts->prefix;
      for (std::size_t k = 0; k + 1 < parts->numbers.size(); ++k) stem += std::to_string(parts->numbers[k]) + ".";
      int now = parts->numbers.back();
      auto it = highest.find(stem);
      if (it != highest.end()) {
        if (now < it->second)
          warn(a.line, a.id, fmt::format("line {}: id {} comes after a higher number in its section", a.line, a.id));
        else if (now > it->second + 1 && parts->suffix.empty())
          warn(a.line, a.id, fmt::format("line {}: ids jump to {} (numbers between are missing)", a.line, a.id));
      }
      highest[stem] = std::max(now, it == highest.end() ? now : it->second);
    }
  }

  // Status and stage values that differ only by case, spacing or punctuation are flagged, not changed: the
  // authors may mean them as written.
  void flag_categorical_variants() {
    for (Role role : {Role::status, Role::stage}) {
      std::map<std::string, std::map<std::string, int>> by_key;
      for (const Action& a : plan_.actions) {
        const std::string* v = a.text_of(role);
        if (!v || v->empty()) continue;
        std::string key;
        for (char c : ascii_lower(*v))
          if (is_ascii_alpha(c) || is_ascii_digit(c)) key += c;
        ++by_key[key][*v];
      }
      for (const auto& [key, variants] : by_key) {
        if (variants.size() < 2) continue;
        std::string list;
        for (const auto& [text, count] : variants) list += fmt::format("{}'{}' ({})", list.empty() ? "" : ", ", text, count);
        warn(0, "", fmt::format("{} values differ only in case or punctuation: {}", role_name(role), list));
      }
    }
  }

  const RawTable& table_;
  const TableLayout& layout_;
  Reassembled& drafts_;
  Dictionary& dictionary_;
  Lexicon lexicon_;
  Plan plan_;
  std::vector<std::string> section_names_;
  std::vector<bool> column_hidden_;  // by layout column: hidden in the source spreadsheet
  std::vector<bool> column_repeats_role_;  // by layout column: a column before it has its one-value role
  std::map<std::string, std::set<std::string>> phrase_index_;
  ValueMaps maps_;
  std::vector<std::map<std::string, int>> column_values_;  // per column: date or rating value -> how often it stands there
};

// The logs joined in order, in one allocation; the ones this stage owns are moved and emptied, so a large paste's
// logs are never held twice.
template <typename T>
std::vector<T> in_pipeline_order(std::initializer_list<const std::vector<T>*> copied,
                                 std::initializer_list<std::vector<T>*> moved) {
  std::size_t size = 0;
  for (const std::vector<T>* log : copied) size += log->size();
  for (const std::vector<T>* log : moved) size += log->size();
  std::vector<T> all;
  all.reserve(size);
  for (const std::vector<T>* log : copied) all.insert(all.end(), log->begin(), log->end());
  for (std::vector<T>* log : moved) {
    all.insert(all.end(), std::make_move_iterator(log->begin()), std::make_move_iterator(log->end()));
    std::vector<T>().swap(*log);
  }
  return all;
}

}  // namespace

Plan reconcile(const RawTable& table, const TableLayout& layout, Reassembled drafts, Dictionary& dictionary) {
  Plan plan = Reconciler(table, layout, drafts, dictionary).run();
  // Earlier stages' logs come first, in pipeline order.
  plan.repairs = in_pipeline_order({&table.repairs}, {&drafts.repairs, &plan.repairs});
  plan.warnings = in_pipeline_order({&table.warnings, &layout.warnings}, {&drafts.warnings, &plan.warnings});
  plan.removed = in_pipeline_order({&table.removed, &layout.removed}, {&drafts.removed, &plan.removed});
  return plan;
}

}  // namespace plansheet
