// Instantiates the RAG rule for the cell iterator of config.hpp.
#include "grammar/config.hpp"
#include "grammar/rag_def.hpp"

namespace plansheet::grammar::parser {
BOOST_SPIRIT_INSTANTIATE(rag_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(rag_words_type, iterator_type, context_type)
}
