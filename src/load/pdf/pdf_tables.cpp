// Tables told apart in a PDF's laid-out lines (see pdf_tables.hpp): header rows after prose, the rows under each
// weighed for ids and role names, headers printed again joined to their table.
#include "load/pdf/pdf_tables.hpp"

#include <algorithm>
#include <optional>

#include "detect/fixed_width.hpp"
#include "detect/header_words.hpp"
#include "detect/passes.hpp"
#include "detect/sheet_choice.hpp"
#include "text/ascii.hpp"
#include "text/text_span.hpp"

namespace plansheet::detail {
namespace {

enum class Kind { blank, prose, row, single };

// A header cell: a short label, no id and no sentence ("Amount (GBP)", "Awarded by").
bool label_cell(const Fragment& f) {
  if (f.text.size() > 40 || is_id_like(f.text) || ends_sentence(f.text)) return false;
  return std::count(f.text.begin(), f.text.end(), ' ') < 5;
}

std::string joined(const std::vector<Fragment>& frags, std::string_view separator) {
  std::string out;
  for (const Fragment& f : frags) out.append(out.empty() ? "" : separator).append(f.text);
  return out;
}

int role_words(const std::vector<Fragment>& frags) {
  int n = 0;
  for (const Fragment& f : frags) n += role_from_label(f.text).has_value();
  return n;
}

// A key's heading row ("RAG rating | Meaning"): the key is read with the plan. A header naming two column roles
// ("Ref | Action | RAG") is a plan's, whatever else it names.
bool key_heading(const std::vector<Fragment>& frags) {
  if (role_words(frags) >= 2) return false;
  return legend_heading_kind(joined(frags, " ")).has_value() ||
         std::any_of(frags.begin(), frags.end(), [](const Fragment& f) { return legend_heading_kind(f.text).has_value(); });
}

struct Segment {
  std::size_t begin = 0, end = 0;  // 0-based lines [begin, end)
  std::string header, key;
  int rows = 0, ids = 0, roles = 0;
};

}  // namespace

std::vector<PdfTable> find_pdf_tables(const std::vector<std::string>& lines) {
  std::vector<std::vector<Fragment>> frags(lines.size());
  std::vector<Fragment> all;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    frags[i] = line_fragments(lines[i], static_cast<int>(i + 1));
    all.insert(all.end(), frags[i].begin(), frags[i].end());
  }
  const ColumnGrid grid = find_columns(all);
  std::vector<Fragment>().swap(all);
  if (!grid.usable() || grid.size() < 2) return {};
  std::vector<Kind> kind(lines.size(), Kind::blank);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (frags[i].empty()) continue;
    const bool crossing = std::any_of(frags[i].begin(), frags[i].end(), [&](const Fragment& f) { return grid.crosses(f); });
    kind[i] = crossing ? Kind::prose : frags[i].size() >= 2 ? Kind::row : Kind::single;
  }
  // Header rows: rows of labels after a line of one cell (prose across the columns, a heading), or the text's
  // first row.
  std::vector<std::size_t> starts;
  bool after_text = true;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (kind[i] == Kind::prose || kind[i] == Kind::single) after_text = true;
    if (kind[i] != Kind::row) continue;
    const auto& f = frags[i];
    if (after_text && std::all_of(f.begin(), f.end(), label_cell) && !key_heading(f)) starts.push_back(i);
    after_text = false;
  }
  if (starts.size() < 2) return {};
  // A later header's own heading or prose above it goes with it: the lines of one cell at the table's left edge
  // (or blank) just above it. A piece of a wrapped cell further right ends the walk: it is the row above's.
  auto intro = [&](std::size_t header, std::size_t floor) {
    std::size_t begin = header;
    while (begin > floor + 1 && (kind[begin - 1] == Kind::blank ||
                                 (frags[begin - 1].size() == 1 && grid.column_at(frags[begin - 1].front().start) == 0)))
      --begin;
    return begin;
  };
  std::vector<Segment> segments;
  int all_ids = 0;
  for (std::size_t s = 0; s < starts.size(); ++s) {
    Segment seg;
    seg.begin = segments.empty() ? starts[s] : segments.back().end;
    seg.end = s + 1 < starts.size() ? intro(starts[s + 1], starts[s]) : lines.size();
    seg.header = joined(frags[starts[s]], " | ");
    seg.key = fold_whitespace(ascii_lower(seg.header));
    seg.roles = role_words(frags[starts[s]]);
    for (std::size_t i = seg.begin; i < seg.end; ++i) {
      if (kind[i] != Kind::row) continue;
      ++seg.rows;
      seg.ids += is_id_like(frags[i].front().text);
    }
    all_ids += seg.ids;
    segments.push_back(std::move(seg));
  }
  // A segment is another table when its header is new and its rows change the evidence: ids after a table
  // without (or the reverse, where the text has ids), or a header naming two column roles (another plan's).
  std::vector<PdfTable> tables;
  std::vector<std::string> keys;
  std::vector<int> ids;
  std::size_t current = 0;
  for (std::size_t s = 0; s < segments.size(); ++s) {
    const Segment& seg = segments[s];
    const auto same = std::find(keys.begin(), keys.end(), seg.key);
    if (same != keys.end()) {
      current = static_cast<std::size_t>(same - keys.begin());  // its header printed again
    } else if (s == 0 || seg.roles >= 2 || (all_ids >= 2 && (seg.ids == 0) != (ids[current] == 0))) {
      tables.push_back({seg.header, static_cast<int>(starts[s] + 1), {}, 0});
      keys.push_back(seg.key);
      ids.push_back(0);
      current = tables.size() - 1;
    }
    ids[current] += seg.ids;
    PdfTable& t = tables[current];
    const int first = static_cast<int>(seg.begin + 1), last = static_cast<int>(seg.end);
    if (!t.ranges.empty() && t.ranges.back().second + 1 == first) t.ranges.back().second = last;
    else t.ranges.emplace_back(first, last);
    t.rows += seg.rows;
  }
  if (tables.size() < 2) return {};
  return tables;
}

std::string table_text(const std::vector<std::string>& lines, const std::vector<PdfTable>& tables, std::size_t chosen,
                       std::vector<std::pair<int, std::string>>& left_out) {
  std::vector<bool> other(lines.size(), false);
  for (std::size_t t = 0; t < tables.size(); ++t) {
    if (t == chosen) continue;
    for (const auto& [first, last] : tables[t].ranges)
      for (int line = first; line <= last && line <= static_cast<int>(lines.size()); ++line)
        other[static_cast<std::size_t>(line - 1)] = true;
  }
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (other[i]) {
      const std::string text = fold_whitespace(lines[i]);
      if (!text.empty()) left_out.emplace_back(static_cast<int>(i + 1), text);
    } else {
      out += lines[i];
    }
    out += '\n';
  }
  return out;
}

}  // namespace plansheet::detail
