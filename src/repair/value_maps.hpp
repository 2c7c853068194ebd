// The plan's value vocabularies: its key's definitions (legend entries) in; which status words mean which RAG
// rating and which codes the key defines ("S" = within a year) out, completed by the usual status scale.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/api.hpp"
#include "model/plan.hpp"

namespace plansheet {

// A value as it is compared with a key's term: lower case, single-spaced, without closing punctuation.
std::string value_key(std::string_view text);

struct ValueMaps {
  // value_key(status word) -> the rating the key gives it ("on track" -> green; "minor slippage" -> amber/green).
  std::map<std::string, grammar::Rag> status_rating;
  // value_key(term) -> the entry's text, for every term the key defines that is not a rating word ("s", "m").
  std::map<std::string, std::string> codes;
  // value_key(status word) -> the key line that gave its rating, so each mapping used is named once.
  std::map<std::string, std::string> status_source;
};

// What the plan's key defines. A definition with a rating on one side and words on the other gives those words
// that rating ("On track = Green", "Green | On track"); a bilingual side gives both halves ("Ar y trywydd iawn /
// On track"). A definition of anything else records its term as a code.
ValueMaps learn_value_maps(const std::vector<LegendEntry>& legend);

// The rating a status word has on the usual scale when the plan gives no key: "On track" green, "At risk" amber,
// "Off track" red, "Complete" blue. `known` is set for a word of the scale with no colour ("Not started").
std::optional<grammar::Rag> usual_status_rating(std::string_view status, bool& known);

// A status column read as RAG where the plan has no RAG column: through the plan's key, or the usual scale when
// every status the column uses belongs to it. Each action keeps `status` as written and gains `rag`; the plan
// gains a RAG column after the status column; each mapping used is named once (a legend entry for the usual scale,
// a note for the plan's key), and a status the key leaves out is a warning.
void rate_by_status(Plan& plan, const ValueMaps& maps);

}  // namespace plansheet
