// The Actions sheet's parts shared by actions_sheet.cpp (columns, widths, title block, header, notes, dropdowns)
// and actions_body.cpp (what each action's row holds, made from the plan whenever the writer asks).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/plan.hpp"
#include "schedule.hpp"
#include "xlsx/sheet_model.hpp"

namespace plansheet::xlsx::detail {

// What one action shows in one column (ticks, RAG and text; the Gantt cells are blank): a view of a whole string
// of the plan (so it ends at a NUL, as the writer needs), or of `scratch` when the text is made here (a RAG word
// trimmed, with its first letter capitalised).
std::string_view cell_text(const Action& a, const ActionsColumn& c, std::string& scratch);
// The style of a text column's cells: narrow columns are centred, except the ids.
Style text_style(const ActionsColumn& c, double width);
// The style of a column's cells on the action rows (the Gantt columns choose per cell).
Style body_style(const ActionsColumn& c, double width);
// The note text for repairs on one cell, oldest first.
void append_note(std::string& note, const Repair& r);

// Action cells the writer must not get as they are (invalid UTF-8, or perhaps over a cell's limit), as
// (action index, column).
using SuspectCells = std::vector<std::pair<std::size_t, int>>;

// The Actions body: one row per action, its section in its own column. Made row by row from the
// plan whenever asked, so a large plan's sheet is never held whole: the writer streams it, and layout_workbook
// (Body::cells) keeps it as cells for tests.
class ActionsBody final : public RowSource {
 public:
  ActionsBody(const Plan& plan, const ActionsGrid& grid, const std::vector<double>& widths, SuspectCells suspects);

  int first_row() const override { return first_row_; }

  // A repair whose note goes on body cell (row, col). Called in the order of plan.repairs.
  void add_note(int row, int col, std::size_t repair) { notes_.push_back({row, col, repair}); }

  // Texts that cannot go to the writer as they are: invalid UTF-8 is repaired, and text over a cell's limit is cut
  // with a warning saying where. Runs once, after the notes are known and before any row is written.
  void fix_texts(const ActionsGrid& grid, std::vector<Diagnostic>& warnings);

  void each_row(const std::function<void(const RowView&)>& take) const override;

 private:
  struct Column {
    ActionsColumn spec;
    double width;
    Style style;
    bool links;  // an address in its text makes the cell a link
    bool dates;  // Start, End, Timescale: a date written as one becomes a real date
  };
  struct Note {
    int row;
    int col;
    std::size_t repair;
  };
  struct Fixed {
    int row;
    int col;
    bool note;  // the cell's note, not its text
    std::string text;
    std::size_t action;  // the action on the row (or after the band), for the warning; past the end when none
  };

  static std::size_t action_at(const ActionsGrid& grid, int row);

  const Plan& plan_;
  int first_row_;
  int last_col_;
  SheetSplit split_;
  SuspectCells suspects_;
  std::vector<Column> columns_;
  std::vector<Note> notes_;
  std::vector<Fixed> fixed_;
  std::vector<GridPeriod> grid_periods_;  // the periods' months, for the delivery dates
};

}  // namespace plansheet::xlsx::detail
