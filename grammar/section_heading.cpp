// Instantiates the heading-label rule for the cell iterator of config.hpp.
#include "grammar/config.hpp"
#include "grammar/section_heading_def.hpp"

namespace plansheet::grammar::parser {
BOOST_SPIRIT_INSTANTIATE(heading_label_type, iterator_type, context_type)
}
