// Stage: tokenise a paste. Lines and their dialect in, a RawTable of rows of cells (with line and cell positions) out.
#pragma once

#include "load/paste/load_text.hpp"
#include "model/plan.hpp"
#include "detect/dialect.hpp"

namespace plansheet {

RawTable tokenise(const SourceText& text, const Dialect& dialect);

}  // namespace plansheet
