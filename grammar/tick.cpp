// Instantiates the tick rules for the cell iterator of config.hpp.
#include "grammar/config.hpp"
#include "grammar/tick_def.hpp"

namespace plansheet::grammar::parser {
BOOST_SPIRIT_INSTANTIATE(tick_cell_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(tick_mark_type, iterator_type, context_type)
}  // namespace plansheet::grammar::parser
