// The sheets of the workbook, one file each, in the order layout_workbook calls them: Actions (actions_sheet.cpp,
// its rows in actions_body.cpp), Summary, Repairs, Key. Each takes the plan and gives its Sheet of the model.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "xlsx/layout.hpp"
#include "xlsx/sheet_model.hpp"

namespace plansheet::xlsx::detail {

class ActionsBody;
class SheetBuilder;
class TouchedCells;

// Actions: the title block and header as cells, the rows below as a body made from the plan.
struct ActionsResult {
  Sheet sheet;
  ActionsGrid grid;
  std::shared_ptr<ActionsBody> body;
};
// Throws Error(exit_output) when the plan needs more columns than a sheet has.
ActionsResult layout_actions(const Plan& plan, const std::vector<RagWord>& vocabulary, const std::string& title,
                             int sheet_rows);
// Notes on the cells a repair changed, holding the text as it was before.
void add_repair_notes(const Plan& plan, ActionsResult& actions, const TouchedCells& touched);
// Dropdowns and RAG colour rules on the action rows; lists too long for a cell go on the hidden list sheet.
void add_validations(const Plan& plan, const std::vector<RagWord>& vocabulary, ActionsResult& actions,
                     SheetBuilder& lists);
// The body's texts made writable (with a warning for each cut) and the body attached to the sheet. Last.
void attach_actions_body(ActionsResult& actions, std::vector<Diagnostic>& warnings);

// Summary: actions counted by section and RAG colour, and by status and stage, as formulas over the Actions cells.
Sheet layout_summary(const Plan& plan, const std::vector<RagWord>& vocabulary, const ActionsGrid& grid,
                     const std::string& title);

// Repairs: every repair and warning (those in `layout_warnings` included, with the sheet's own when it goes on
// over continuation sheets), each linked to the Actions cell it touched.
Sheet layout_repairs(const Plan& plan, std::shared_ptr<const TouchedCells> touched,
                     std::vector<Diagnostic>& layout_warnings, const std::string& title, int sheet_rows);

// Key: the plan's own legends, then what the workbook's colours and marks mean.
Sheet layout_key(const Plan& plan, const std::vector<RagWord>& vocabulary, const std::string& title);

}  // namespace plansheet::xlsx::detail
