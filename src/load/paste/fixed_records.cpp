// Fixed-width records: lines and their column grid in, rows out. A long cell wraps onto the next lines in its
// own column, so a record is rebuilt line by line: a line continues the record above when it has nothing in the
// id column, every column it fills was filled on the line above (cells are printed from the record's first line
// down), and at least one of its fragments is a wrap (its first word would not have fitted on the line above) or
// a list item. Anything else starts a row of its own; a line whose text runs across columns (a title, a heading,
// a key) is a row by itself.
#include "load/paste/fixed_records.hpp"

#include <fmt/format.h>

#include "text/ascii.hpp"
#include "text/utf8.hpp"

namespace plansheet {
namespace {

bool id_like(std::string_view t) {
  if (t.empty() || t.size() > 12 || t.find(' ') != std::string_view::npos) return false;
  for (char c : t)
    if (is_ascii_digit(c)) return true;
  return false;
}

bool is_list_item(std::string_view t) {
  for (std::string_view bullet : {"\xE2\x80\xA2 ", "- ", "* ", "\xE2\x97\xA6 ", "\xE2\x96\xAA ", "\xC2\xB7 "})
    if (t.substr(0, bullet.size()) == bullet) return true;
  return false;
}

// The id column: the leftmost column whose fragments are mostly short single tokens with a digit in them.
std::size_t anchor_column(const std::vector<std::vector<Fragment>>& lines, const ColumnGrid& grid) {
  std::vector<int> total(grid.size(), 0), ids(grid.size(), 0);
  for (const auto& frags : lines)
    for (const Fragment& f : frags) {
      if (grid.crosses(f)) continue;
      const std::size_t c = grid.column_at(f.start);
      ++total[c];
      ids[c] += id_like(f.text);
    }
  for (std::size_t c = 0; c < grid.size(); ++c)
    if (ids[c] >= 2 && ids[c] * 5 >= total[c] * 3) return c;
  return 0;
}

struct Record {
  bool open = false;
  int first_line = 0;
  bool page_break = false;
  std::string raw;
  std::vector<std::string> cells;
  std::vector<int> cell_line;
  std::vector<int> above_end;  // where the column's text ended on the record's last line; -1 when it had none
  // Each cell a wrapped line extended: its text on the record's first line and each piece joined, as the paste
  // reader's `continuation` repair writes it ("first || second || third"), and the lines the pieces came from.
  std::vector<std::string> joined;
  std::vector<int> joined_first, joined_last;
};

class Reader {
 public:
  Reader(const ColumnGrid& grid, std::size_t anchor, RawTable& table) : grid_(grid), anchor_(anchor), table_(table) {}

  void blank() {
    flush();
    pending_break_ = true;
  }

  void line(int line_no, const std::string& raw, const std::vector<Fragment>& frags) {
    bool crossing = false;
    for (const Fragment& f : frags) crossing |= grid_.crosses(f);
    if (crossing) {
      // Not a table row: its fragments go to the columns they start in, with no trailing empty cells.
      flush();
      start(line_no, raw, frags);
      std::size_t used = 1;
      for (std::size_t c = 0; c < rec_.cells.size(); ++c)
        if (!rec_.cells[c].empty()) used = c + 1;
      rec_.cells.resize(used);
      flush();
      return;
    }
    if (continues(frags)) {
      ++continued_;
      rec_.raw += "\n" + raw;
      std::fill(rec_.above_end.begin(), rec_.above_end.end(), -1);
      add(line_no, frags, true);
      return;
    }
    flush();
    start(line_no, raw, frags);
  }

  void flush() {
    if (!rec_.open) return;
    Row row;
    row.line = rec_.first_line;
    row.raw = std::move(rec_.raw);
    row.page_break_before = rec_.page_break;
    // Each wrapped cell joined is logged, tied to its record's id (the anchor column's text) and its column.
    const std::string id = anchor_ < rec_.cells.size() && id_like(rec_.cells[anchor_]) ? rec_.cells[anchor_] : "";
    for (std::size_t c = 0; c < rec_.joined_first.size(); ++c)
      if (rec_.joined_first[c] > 0)
        table_.repairs.push_back({RepairRule::continuation, {rec_.joined_first[c], static_cast<int>(c + 1)}, id, "",
                                  std::move(rec_.joined[c]), rec_.cells[c],
                                  rec_.joined_last[c] > rec_.joined_first[c] ? rec_.joined_last[c] : 0});
    for (std::size_t c = 0; c < rec_.cells.size(); ++c) {
      Cell cell;
      cell.text = std::move(rec_.cells[c]);
      cell.pos.line = rec_.cell_line[c] ? rec_.cell_line[c] : rec_.first_line;
      cell.pos.column = static_cast<int>(c + 1);
      row.cells.push_back(std::move(cell));
    }
    table_.rows.push_back(std::move(row));
    rec_ = Record{};
  }

  int continued() const { return continued_; }

 private:
  void start(int line_no, const std::string& raw, const std::vector<Fragment>& frags) {
    rec_.open = true;
    rec_.first_line = line_no;
    rec_.page_break = pending_break_;
    pending_break_ = false;
    rec_.raw = raw;
    rec_.cells.assign(grid_.size(), "");
    rec_.cell_line.assign(grid_.size(), 0);
    rec_.above_end.assign(grid_.size(), -1);
    add(line_no, frags, false);
  }

  void add(int line_no, const std::vector<Fragment>& frags, bool wrapped) {
    for (const Fragment& f : frags) {
      const std::size_t c = grid_.column_at(f.start);
      if (rec_.cells[c].empty()) rec_.cell_line[c] = line_no;
      if (wrapped) note_join(c, line_no, f.text);
      append_fragment(rec_.cells[c], f.text);
      rec_.above_end[c] = f.end;
    }
  }

  // A continuation line's piece joins cell `c`: the cell's text so far opens its log the first time.
  void note_join(std::size_t c, int line_no, std::string_view piece) {
    if (rec_.joined.empty()) {
      rec_.joined.assign(grid_.size(), "");
      rec_.joined_first.assign(grid_.size(), 0);
      rec_.joined_last.assign(grid_.size(), 0);
    }
    if (rec_.joined_first[c] == 0) {
      rec_.joined[c] = rec_.cells[c];
      rec_.joined_first[c] = line_no;
    }
    rec_.joined[c].append(" || ").append(piece);
    rec_.joined_last[c] = line_no;
  }

  bool continues(const std::vector<Fragment>& frags) const {
    if (!rec_.open) return false;
    bool wrapped = false;
    for (const Fragment& f : frags) {
      const std::size_t c = grid_.column_at(f.start);
      if (c == anchor_ || rec_.above_end[c] < 0) return false;
      const std::size_t space = f.text.find(' ');
      const int first_word = utf8::code_points(std::string_view(f.text).substr(0, space));
      // The word clearly had room on the line above (an eighth of the column spare, for proportional fonts
      // placed by character): this line starts something new.
      const int room = grid_.width[c] - grid_.width[c] / 8;
      wrapped |= is_list_item(f.text) || rec_.above_end[c] - grid_.left[c] + 1 + first_word > room;
    }
    return wrapped;
  }

  const ColumnGrid& grid_;
  std::size_t anchor_;
  RawTable& table_;
  Record rec_;
  bool pending_break_ = false;
  int continued_ = 0;
};

}  // namespace

void append_fragment(std::string& cell, std::string_view fragment) {
  const bool word_part = cell.size() >= 2 && cell.back() == '-' && is_ascii_alpha(cell[cell.size() - 2]) &&
                         !fragment.empty() && is_ascii_lower(fragment.front());
  if (!cell.empty() && !word_part) cell += ' ';
  cell += fragment;
}

void read_fixed_width(const SourceText& text, const ColumnGrid& grid, RawTable& table) {
  std::vector<std::vector<Fragment>> lines;
  lines.reserve(text.lines.size());
  for (std::size_t n = 0; n < text.lines.size(); ++n) lines.push_back(line_fragments(text.lines[n], static_cast<int>(n + 1)));
  const std::size_t anchor = anchor_column(lines, grid);
  Reader reader(grid, anchor, table);
  for (std::size_t n = 0; n < lines.size(); ++n) {
    if (lines[n].empty())
      reader.blank();
    else
      reader.line(static_cast<int>(n + 1), text.lines[n], lines[n]);
  }
  reader.flush();
  table.warnings.push_back({{}, "",
                            fmt::format("read as fixed-width text: {}; {} wrapped line(s) joined to the row above, "
                                        "column {} taken as the one that starts a row",
                                        grid.evidence, reader.continued(), anchor + 1),
                            "", true});
}

}  // namespace plansheet
