// Small UTF-8 string helpers shared by the repair stages: whitespace folding, tokens, and the changed span of an edit.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/ascii.hpp"

namespace plansheet {

// Hashes a std::string key by its string_view, so unordered containers (with std::equal_to<> as equality) can be
// searched with a string_view and no copy.
struct ViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Trim and fold every run of whitespace to one space.
std::string fold_whitespace(std::string_view s);
// Split on single spaces of an already folded string.
std::vector<std::string> split_words(std::string_view folded);
std::string join(const std::vector<std::string>& parts, std::string_view separator);
bool ends_sentence(std::string_view s);   // last non-space char is . ! ? or a closing quote/bracket after one
// The part of `before` and `after` that differs, widened to whole words, so a repair shows "Bra\tnch" -> "Branch"
// rather than two whole lines.
std::pair<std::string, std::string> changed_span(std::string_view before, std::string_view after);

}  // namespace plansheet
