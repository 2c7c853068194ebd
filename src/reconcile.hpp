// Stage: reconcile draft actions into a Plan. Section names rebuilt from their heading rows, ids repaired and checked
// in sequence, every text cell cleaned of extraction damage (split words, homoglyphs, markup, OCR confusions, text
// lost at a cell edge), tick marks read as booleans, RAG words read; every change a Repair, every doubt a warning.
#pragma once

#include "dictionary.hpp"
#include "model.hpp"
#include "reassemble.hpp"
#include "roles.hpp"

namespace plansheet {

Plan reconcile(const RawTable& table, const TableLayout& layout, Reassembled drafts, Dictionary& dictionary);

}  // namespace plansheet
