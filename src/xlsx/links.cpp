// Links in the authors' text (see links.hpp): one pass over the text, looking for "http://", "https://", "www."
// and name@domain.tld; the address ends at the first character an address cannot hold, or at trailing punctuation.
#include "xlsx/links.hpp"

#include "text/ascii.hpp"

namespace plansheet::xlsx::detail {

namespace {

// Excel refuses longer link targets.
constexpr std::size_t max_link = 255;

bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || is_ascii_digit(c); }
bool address_char(char c) {
  return is_ascii_alnum(c) || std::string_view("-._~:/?#[]@!$&'*+,;=%").find(c) != std::string_view::npos;
}
bool mailbox_char(char c) { return is_ascii_alnum(c) || std::string_view("._%+-").find(c) != std::string_view::npos; }

// The address from `from`, without the punctuation that ends a sentence or a list after it.
std::string_view address_at(std::string_view text, std::size_t from) {
  std::size_t end = from;
  while (end < text.size() && address_char(text[end])) ++end;
  while (end > from && std::string_view(".,;:!?'").find(text[end - 1]) != std::string_view::npos) --end;
  return text.substr(from, end - from);
}

bool starts_word(std::string_view text, std::size_t at) { return at == 0 || !address_char(text[at - 1]); }

// `text` opens with `lower` (written in lower case) in any case: compared in place, as every word of every prose
// cell starting with h or w is tried.
bool opens_with(std::string_view text, std::string_view lower) {
  if (text.size() < lower.size()) return false;
  for (std::size_t k = 0; k < lower.size(); ++k)
    if (ascii_lower(text[k]) != lower[k]) return false;
  return true;
}

}  // namespace

std::string find_link(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == 'h' || c == 'H') && starts_word(text, i)) {
      const std::string_view rest = text.substr(i);
      for (std::string_view scheme : {"http://", "https://"})
        if (rest.size() > scheme.size() + 3 && opens_with(rest, scheme)) {
          const std::string_view url = address_at(text, i);
          if (url.size() > scheme.size() + 3 && url.size() <= max_link) return std::string(url);
        }
    } else if ((c == 'w' || c == 'W') && starts_word(text, i) && opens_with(text.substr(i), "www.")) {
      const std::string_view url = address_at(text, i);
      if (url.size() > 7 && url.find('.', 4) != std::string_view::npos && url.size() + 8 <= max_link)
        return "http://" + std::string(url);
    } else if (c == '@' && i > 0) {
      std::size_t start = i;
      while (start > 0 && mailbox_char(text[start - 1])) --start;
      std::size_t end = i + 1;
      while (end < text.size() && (is_ascii_alnum(text[end]) || text[end] == '-' || text[end] == '.')) ++end;
      while (end > i + 1 && text[end - 1] == '.') --end;
      const std::string_view domain = text.substr(i + 1, end - i - 1);
      const std::size_t dot = domain.rfind('.');
      if (start < i && dot != std::string_view::npos && dot > 0 && domain.size() - dot > 2 && end - start + 7 <= max_link)
        return "mailto:" + std::string(text.substr(start, end - start));
    }
  }
  return "";
}

}  // namespace plansheet::xlsx::detail
