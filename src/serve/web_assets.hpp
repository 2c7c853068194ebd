// The page's files (web/), compiled into the binary: the server never reads a file to serve the page.
// The table is written at build time by web/embed.cmake.
#pragma once

#include <span>
#include <string_view>

namespace plansheet::serve {

struct WebAsset {
  std::string_view path;          // "/", "/app.js", "/style.css"
  std::string_view content_type;  // "text/html; charset=utf-8", ...
  std::string_view body;
};

std::span<const WebAsset> web_assets();

}  // namespace plansheet::serve
