// Stage: reconcile draft actions into a Plan. Section names rebuilt from their heading rows, ids repaired and checked
// in sequence, every text cell cleaned of extraction damage (split words, homoglyphs, markup, OCR confusions, text
// lost at a cell edge), tick marks read as booleans, RAG words read; every change a Repair, every doubt a warning.
#pragma once

#include "text/dictionary.hpp"
#include "model/plan.hpp"
#include "reassemble/reassemble.hpp"
#include "detect/layout.hpp"

namespace plansheet {

Plan reconcile(const RawTable& table, const TableLayout& layout, Reassembled drafts, Dictionary& dictionary);

}  // namespace plansheet
