// Links in the authors' text: a cell's text in, the first web address or e-mail address in it out, as a link
// target ("https://...", "mailto:..."), so the cell opens it while its text stays exactly as written.
#pragma once

#include <string>
#include <string_view>

namespace plansheet::xlsx::detail {

// Excel keeps at most this many links on a sheet; cells past it keep their text without one.
inline constexpr int max_links_per_sheet = 65530;

// "" when the text holds no address a link can be made of (none, or one longer than Excel takes).
std::string find_link(std::string_view text);

}  // namespace plansheet::xlsx::detail
