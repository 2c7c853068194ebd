// Instantiates the action-id rule for the cell iterator of config.hpp.
#include "grammar/action_id_def.hpp"
#include "grammar/config.hpp"

namespace plansheet::grammar::parser {
BOOST_SPIRIT_INSTANTIATE(action_id_type, iterator_type, context_type)
}
