// Byte decoders shared by the loaders: UTF-16 and Windows-1252 to UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace plansheet {

// UTF-16 (without its BOM) to UTF-8; an unpaired surrogate or an odd trailing byte becomes U+FFFD and is counted.
std::string decode_utf16(std::string_view bytes, bool little_endian, int* replaced = nullptr);

// Windows-1252 to UTF-8: 0x80..0x9F are its punctuation (the five undefined bytes map to the C1 controls, as
// Latin-1 would), the rest of the high half is Latin-1.
std::string decode_windows_1252(std::string_view bytes);

}  // namespace plansheet
