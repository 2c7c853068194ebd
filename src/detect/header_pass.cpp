// Pass 4, header: the rows and the header row in; which rows are the header (with a line of sub-labels under it
// or a group label over it), the table's width, and each column's label and the role that label names out.
#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "detect/cell_types.hpp"
#include "detect/header_words.hpp"
#include "detect/passes.hpp"
#include "grammar/api.hpp"
#include "text/ascii.hpp"
#include "text/text_span.hpp"

namespace plansheet::detail {
namespace {

std::size_t non_empty_cells(const Row& row) {
  std::size_t n = 0;
  for (const Cell& c : row.cells) n += !c.text.empty();
  return n;
}

struct HeaderLines {
  std::vector<std::string> top, sub;  // per cell position: the header line's labels, and a second line's
  HeaderRead read;
};

// The header's lines: the header row, a line of sub-labels under it, a group row over it. Sets the layout's
// header_begin and body_begin and sets the header rows aside.
HeaderLines header_lines(const std::vector<Row>& rows, const std::optional<std::size_t>& header_row,
                         const std::optional<std::size_t>& header_last, TableLayout& layout) {
  HeaderLines h;
  std::vector<std::string>& top = h.top;
  std::vector<std::string>& sub = h.sub;
  std::string& group_label = h.read.group_label;
  std::size_t& pre_header_end = h.read.pre_header_end;
  std::size_t body_begin = 0;
  if (header_row) {
    const std::size_t header = *header_row;
    layout.header_begin = header;
    pre_header_end = header;
    for (const Cell& c : rows[header].cells) top.push_back(c.text);
    body_begin = header + 1;
  }
  if (header_row && header_last && *header_last > *header_row) {
    // --header-rows A-B: the lines before B joined cell by cell ("Budget" over "(£k)"), B the sub-labels.
    for (std::size_t r = *header_row + 1; r < *header_last; ++r) {
      top.resize(std::max(top.size(), rows[r].cells.size()));
      for (std::size_t c = 0; c < rows[r].cells.size(); ++c)
        if (!rows[r].cells[c].text.empty()) top[c] += (top[c].empty() ? "" : " ") + rows[r].cells[c].text;
    }
    for (const Cell& c : rows[*header_last].cells) sub.push_back(c.text);
    body_begin = *header_last + 1;
  } else if (header_row && header_last) {
    // --header-rows A-A: one line, as given.
  } else if (header_row) {
    const std::size_t header = *header_row;
    // A second header line: sub-labels under a spanning label (Start/End under Timescale, 2025-26 ... under
    // Delivery Period), recognised by being mostly labels or period labels and not starting with an id.
    if (body_begin < rows.size() && !first_cell_is_id(rows[body_begin], 0) && !rows[body_begin].page_break_before) {
      const Row& next = rows[body_begin];
      std::size_t labels = 0, filled = non_empty_cells(next);
      for (const Cell& c : next.cells)
        if (!c.text.empty() && (role_from_label(c.text) || grammar::parse_period_label(c.text) ||
                                grammar::parse_quarter_number(c.text) || grammar::parse_month_number(c.text)))
          ++labels;
      if (filled >= 2 && labels * 2 >= filled && labels >= 2) {
        for (const Cell& c : next.cells) sub.push_back(c.text);
        ++body_begin;
      }
    }
    // A group row just above the header ("TARGETS" over a tick matrix): one or two short cells in a wide row.
    if (header > 0 && !rows[header].page_break_before) {
      const Row& above = rows[header - 1];
      std::size_t filled = non_empty_cells(above);
      if (above.cells.size() >= 3 && filled >= 1 && filled <= 2) {
        bool short_cells = true;
        for (const Cell& c : above.cells)
          if (!c.text.empty()) {
            short_cells = short_cells && word_count(c.text) <= 3;
            if (group_label.empty()) group_label = c.text;
          }
        if (short_cells) {
          pre_header_end = header - 1;
          layout.header_begin = header - 1;
          layout.removed.push_back({above.line, fold_whitespace(above.raw), RemovalReason::header_group});
        } else {
          group_label.clear();
        }
      }
    }
  } else {
    // Headerless: the body starts at the first id row.
    while (body_begin < rows.size() && !first_cell_is_id(rows[body_begin], 0)) ++body_begin;
    pre_header_end = body_begin;
    layout.header_begin = body_begin;
  }
  layout.body_begin = body_begin;
  for (std::size_t r = layout.header_begin; r < body_begin; ++r)
    if (r >= pre_header_end && (!header_row || r != layout.header_begin || group_label.empty()))
      layout.removed.push_back({rows[r].line, fold_whitespace(rows[r].raw), RemovalReason::header});
  return h;
}

// Width: the header's, widened only where most body rows carry content further (a column with no label); rows
// with an extra cell are damaged rows (a stray tab), not a wider table.
std::size_t table_width(const std::vector<Row>& rows, bool has_header, const HeaderLines& h, std::size_t body_begin) {
  std::size_t width = std::max(h.top.size(), h.sub.size());
  std::vector<std::size_t> reach;  // per body row: one past its last filled cell
  for (std::size_t r = body_begin; r < rows.size(); ++r) {
    const auto& cells = rows[r].cells;
    std::size_t last = 0;
    for (std::size_t c = 0; c < cells.size(); ++c)
      if (!cells[c].text.empty()) last = c + 1;
    if (last > 0) reach.push_back(last);
  }
  std::sort(reach.begin(), reach.end(), std::greater<>());
  std::size_t widest = width;
  if (!reach.empty()) {
    std::size_t quorum = has_header ? reach.size() / 2 + 1 : 1;
    widest = reach[std::min(reach.size(), quorum) - 1];
  }
  return std::max(width, widest);
}

// A Gantt period written on the header's second line: a period of its own ("Q3 25/26" under "Delivery period"),
// or a bare quarter or month under its year ("Q1" or "Apr" under "2025/26"), labelled as the two lines read
// together, year first ("2025/26 Q1", "2025/26 Apr"). nullopt when the sub-label is no period.
std::optional<std::string> sub_period_label(const std::string& span, const std::string& sub) {
  if (grammar::parse_period_label(sub)) return sub;
  if (!(grammar::parse_quarter_number(sub) || grammar::parse_month_number(sub)) || !grammar::parse_period_label(span))
    return std::nullopt;
  std::string joined = std::string(trim(span)) + " " + std::string(trim(sub));
  if (!grammar::parse_period_label(joined)) return std::nullopt;
  return joined;
}

// Labels and roles from the header; a spanning top label carries over empty top cells that have sub-labels.
void label_columns(const std::vector<std::string>& top, const std::vector<std::string>& sub, TableLayout& layout) {
  const std::size_t width = top.size();
  layout.columns.resize(width);
  std::string span;
  for (std::size_t c = 0; c < width; ++c) {
    ColumnSpec& col = layout.columns[c];
    std::string own = split_embedded_legend(top[c], layout.legend);
    if (!own.empty())
      span = own;
    else if (sub[c].empty())
      span.clear();
    if (!sub[c].empty()) {
      if (auto period = sub_period_label(span, sub[c])) {
        col.role = Role::period;
        col.reason = fmt::format("period label '{}' under '{}'", sub[c], span);
        col.label = std::move(*period);
        continue;
      }
      col.label = span.empty() ? sub[c] : span + " / " + sub[c];
      col.group = span;
      if (auto role = role_from_label(sub[c])) {
        col.role = *role;
        col.reason = fmt::format("header '{}'", sub[c]);
        continue;
      }
    } else {
      col.label = own;
    }
    if (!own.empty() && grammar::parse_period_label(own)) {
      col.role = Role::period;
      col.reason = fmt::format("period label '{}'", own);
    } else if (auto role = role_from_label(own.empty() ? span : own)) {
      col.role = *role;
      col.reason = fmt::format("header '{}'", own.empty() ? span : own);
    } else {
      col.role = Role::extra;
      col.reason = own.empty() ? "no header label" : fmt::format("header '{}' names no role", own);
    }
  }
}

}  // namespace

HeaderRead read_header(const std::vector<Row>& rows, const TableRegion& region, TableLayout& layout) {
  HeaderLines h = header_lines(rows, region.header_row, region.header_last, layout);
  const std::size_t width = table_width(rows, region.header_row.has_value(), h, layout.body_begin);
  layout.header_width = std::max(h.top.size(), h.sub.size());
  h.top.resize(width);
  h.sub.resize(width);
  label_columns(h.top, h.sub, layout);
  return h.read;
}

}  // namespace plansheet::detail
