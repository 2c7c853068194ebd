// Instantiates the timescale rules for the cell iterator of config.hpp.
#include "grammar/config.hpp"
#include "grammar/timescale_def.hpp"

namespace plansheet::grammar::parser {
BOOST_SPIRIT_INSTANTIATE(timescale_value_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(dated_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(timescale_note_type, iterator_type, context_type)
}  // namespace plansheet::grammar::parser

namespace plansheet::grammar {
unsigned month_named(std::string_view folded) {
  const unsigned* month = parser::month_name.find(std::string(folded));
  return month ? *month : 0;
}
}  // namespace plansheet::grammar
