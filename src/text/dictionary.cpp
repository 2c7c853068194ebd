// Word knowledge over hunspell: a word (UTF-8) in, "is it a real word" out, from the en_GB dictionary plus the
// words of the document being cleaned. A missing dictionary leaves only the document's words; nothing throws.
#include "text/dictionary.hpp"

#include <hunspell/hunspell.hxx>

#include <filesystem>
#include <mutex>
#include <system_error>
#include <unordered_map>

#include "text/unicode_text.hpp"

namespace plansheet {
namespace {

// Hunspell prints to stderr and keeps going when a file is missing; check first so that a missing dictionary is
// silent and reported only through has_dictionary().
bool readable_file(const std::filesystem::path& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) > 0 && !ec;
}

// Hunspell objects share one case table with a plain reference count, freed by the last one destroyed: creating
// and destroying them must not overlap between threads.
std::mutex& hunspell_lifetime_mutex() {
  static std::mutex mutex;
  return mutex;
}

struct HunspellDeleter {
  void operator()(Hunspell* h) const {
    std::lock_guard<std::mutex> lock(hunspell_lifetime_mutex());
    delete h;
  }
};
using HunspellPtr = std::unique_ptr<Hunspell, HunspellDeleter>;

HunspellPtr open_hunspell(const std::string& dir) {
  for (const char* name : {"en_GB", "en_US"}) {
    const std::filesystem::path base = std::filesystem::path(dir) / name;
    const std::filesystem::path aff = base.string() + ".aff";
    const std::filesystem::path dic = base.string() + ".dic";
    if (readable_file(aff) && readable_file(dic)) {
      std::lock_guard<std::mutex> lock(hunspell_lifetime_mutex());
      return HunspellPtr(new Hunspell(aff.c_str(), dic.c_str()));
    }
  }
  return nullptr;
}

// Hunspell wants words in the dictionary's own encoding. Debian's English dictionaries are UTF-8; an ISO8859-1
// one gets Latin-1 bytes; any other 8-bit encoding can only be asked about ASCII words.
enum class dictionary_encoding { utf8, latin1, other };

dictionary_encoding encoding_of(Hunspell& hunspell) {
  const std::string& name = hunspell.get_dict_encoding();
  if (name == "UTF-8" || name == "utf-8" || name == "UTF8") return dictionary_encoding::utf8;
  if (name == "ISO8859-1" || name == "ISO-8859-1" || name == "iso8859-1") return dictionary_encoding::latin1;
  return dictionary_encoding::other;
}

std::optional<std::string> to_dictionary_encoding(std::string_view utf8, dictionary_encoding encoding) {
  if (encoding == dictionary_encoding::utf8) return std::string(utf8);
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto byte = static_cast<unsigned char>(utf8[i]);
    if (byte < 0x80) {
      out.push_back(static_cast<char>(byte));
    } else if (encoding == dictionary_encoding::latin1 && (byte == 0xC2 || byte == 0xC3) && i + 1 < utf8.size()) {
      // Two-byte sequences C2/C3 xx are exactly U+0080..U+00FF.
      const auto next = static_cast<unsigned char>(utf8[++i]);
      out.push_back(static_cast<char>(((byte & 0x03u) << 6) | (next & 0x3Fu)));
    } else {
      return std::nullopt;
    }
  }
  return out;
}

bool has_prefix(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool has_suffix(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Opening and closing marks that are never part of a word. Trailing '.' is handled apart, because "etc." and
// "e.g." are words only with their full stop.
constexpr std::string_view leading_marks[] = {"\"", "'", "(", "[", "{", "<", "*", "\xE2\x80\x9C" /*“*/,
                                              "\xE2\x80\x98" /*‘*/, "\xE2\x80\x9E" /*„*/, "\xC2\xAB" /*«*/,
                                              "\xE2\x80\xB9" /*‹*/};
constexpr std::string_view trailing_marks[] = {"\"", "'", ")", "]", "}", ">", "*", ":", ",", ";", "!", "?",
                                               "\xE2\x80\x9D" /*”*/, "\xE2\x80\x99" /*’*/, "\xC2\xBB" /*»*/,
                                               "\xE2\x80\xBA" /*›*/};

std::string_view strip_marks(std::string_view word, bool keep_full_stops) {
  // Most words start and end with a letter or digit: nothing to strip.
  auto plain = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  if (!word.empty() && plain(word.front()) && plain(word.back())) return word;
  for (bool changed = true; changed && !word.empty();) {
    changed = false;
    for (std::string_view mark : leading_marks) {
      if (has_prefix(word, mark)) {
        word.remove_prefix(mark.size());
        changed = true;
      }
    }
    for (std::string_view mark : trailing_marks) {
      if (has_suffix(word, mark)) {
        word.remove_suffix(mark.size());
        changed = true;
      }
    }
    if (!keep_full_stops && has_suffix(word, ".")) {
      word.remove_suffix(1);
      changed = true;
    }
  }
  return word;
}

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// An ASCII letter or digit, or any non-ASCII byte (letters of other scripts; hunspell decides about those).
bool has_word_char(std::string_view w) {
  for (char c : w) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80 || is_ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  }
  return false;
}

// Numbers as they appear in plans: "12", "-3", "£5m", "£1.2bn", "10,000", "50%", "2025/26", "1990s", "21st".
bool is_number(std::string_view w) {
  for (std::string_view sign : {"+", "-", "\xE2\x88\x92" /*−*/}) {
    if (has_prefix(w, sign)) {
      w.remove_prefix(sign.size());
      break;
    }
  }
  for (std::string_view currency : {"\xC2\xA3" /*£*/, "$", "\xE2\x82\xAC" /*€*/}) {
    if (has_prefix(w, currency)) {
      w.remove_prefix(currency.size());
      break;
    }
  }
  for (std::string_view unit : {"%", "bn", "BN", "k", "K", "m", "M", "st", "nd", "rd", "th", "s"}) {
    if (has_suffix(w, unit)) {
      w.remove_suffix(unit.size());
      break;
    }
  }
  if (w.empty() || !is_ascii_digit(w.front()) || !is_ascii_digit(w.back())) return false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (is_ascii_digit(w[i])) continue;
    const bool separator = w[i] == '.' || w[i] == ',' || w[i] == '/' || w[i] == ':' || w[i] == '-';
    if (!separator || !is_ascii_digit(w[i + 1])) return false;  // w.back() is a digit, so w[i + 1] exists
  }
  return true;
}

}  // namespace

struct Dictionary::Impl {
  HunspellPtr hunspell;
  dictionary_encoding encoding = dictionary_encoding::utf8;
  std::unordered_map<std::string, int> document_words;  // keyed by text::fold_case
  // Repair stages ask about the same fragments over and over; hunspell's affix search is the slow part.
  mutable std::unordered_map<std::string, bool> spelled;

  bool spell(std::string_view word) const {
    // Hunspell accepts "" and blanks; a word needs at least one letter or digit.
    if (!has_word_char(word)) return false;
    const std::string key(word);
    if (const auto found = spelled.find(key); found != spelled.end()) return found->second;
    bool ok = false;
    if (hunspell) {
      if (const auto encoded = to_dictionary_encoding(word, encoding)) ok = hunspell->spell(*encoded);
    }
    spelled.emplace(key, ok);
    return ok;
  }

  bool known(std::string_view word, bool with_document) const {
    if (with_document && is_number(word)) return true;
    return spell(word) || (with_document && document_words.count(text::fold_case(word)) != 0);
  }

  bool accepts(std::string_view word, bool with_document) const {
    // "etc." is a word with its full stop and "Actions." without it: ask with the stops first, then without.
    const std::string_view with_stops = strip_marks(word, true);
    if (with_stops.empty()) return false;
    if (known(with_stops, with_document)) return true;
    const std::string_view bare = strip_marks(with_stops, false);
    return !bare.empty() && bare != with_stops && known(bare, with_document);
  }
};

Dictionary::Dictionary(std::string dir) : impl_(std::make_unique<Impl>()) {
  impl_->hunspell = open_hunspell(dir);
  if (impl_->hunspell) impl_->encoding = encoding_of(*impl_->hunspell);
}

Dictionary::~Dictionary() = default;
Dictionary::Dictionary(Dictionary&&) noexcept = default;
Dictionary& Dictionary::operator=(Dictionary&&) noexcept = default;

bool Dictionary::is_word(std::string_view word) const { return impl_ && impl_->accepts(word, true); }

bool Dictionary::in_dictionary(std::string_view word) const { return impl_ && impl_->accepts(word, false); }

void Dictionary::add_document_word(std::string_view word) {
  if (!impl_) return;
  const std::string_view bare = strip_marks(word, false);
  if (bare.empty()) return;
  ++impl_->document_words[text::fold_case(bare)];
}

std::vector<std::pair<std::string, int>> Dictionary::document_words() const {
  if (!impl_) return {};
  return {impl_->document_words.begin(), impl_->document_words.end()};
}

void Dictionary::clear_document_words() {
  if (impl_) impl_->document_words.clear();
}

int Dictionary::document_count(std::string_view word) const {
  if (!impl_) return 0;
  const auto found = impl_->document_words.find(text::fold_case(strip_marks(word, false)));
  return found == impl_->document_words.end() ? 0 : found->second;
}

bool Dictionary::has_dictionary() const { return impl_ && impl_->hunspell; }

}  // namespace plansheet
