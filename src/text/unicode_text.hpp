// Unicode helpers over ICU (the one place that touches ICU): NFC, invisible and odd spaces, ligatures,
// mojibake, and confusable-letter skeletons. UTF-8 std::string in, UTF-8 std::string out; nothing throws.
// Every function that returns text returns valid UTF-8: an invalid input sequence comes out as U+FFFD.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace plansheet::text {

// NFC normal form.
std::string to_nfc(std::string_view utf8);

// Replace no-break, thin, figure and other Unicode spaces by ' ', drop zero-width characters (U+200B..U+200D,
// U+2060, U+FEFF, soft hyphen U+00AD, and the invisible direction marks U+200E/U+200F), expand ligatures
// (U+FB00..U+FB06: "ﬁ" -> "fi"). A zero-width joiner inside an emoji sequence is kept, so "👩‍🔬" stays one
// picture. Tabs and newlines are left alone. Returns the input unchanged when there is nothing to do.
std::string clean_invisibles(std::string_view utf8);

// Undo UTF-8 text that was decoded as Windows-1252 (or Latin-1) and encoded again ("â€™" -> "’", "Ã©" -> "é").
// Returns nullopt unless the text contains such a sequence and the repaired text is valid and shorter.
// Works per sequence, so correct characters next to broken ones are kept; text that went through the mistake
// twice ("Ã¢â‚¬â„¢") is repaired too. A two-byte sequence is only taken when it decodes to a Latin, Greek or
// Cyrillic character (so German "Fuß“" is left alone).
std::optional<std::string> repair_mojibake(std::string_view utf8);

// Invalid UTF-8 sequences replaced by U+FFFD; returns nullopt when the input is valid.
std::optional<std::string> repair_invalid_utf8(std::string_view bytes);

// True when the text holds a letter outside ASCII from the Cyrillic or Greek scripts.
bool has_cyrillic_or_greek(std::string_view utf8);

// Map each Cyrillic/Greek letter to the Latin letter it is confusable with (UTS #39 skeletons, upper-cased first so
// "тз" -> "ТЗ" -> "T3"); ASCII and every other character are left exactly as they are. Letters with no Latin
// look-alike are left unchanged. The case of the letter is kept where the look-alike has both cases
// ("Lоndon" with a Cyrillic 'о' -> "London", Greek 'Ι' -> 'I' not the skeleton's 'l'); a lower-case letter whose
// own skeleton is not ASCII takes its upper-case look-alike ("т" -> "T", "з" -> "3"). Only single ASCII letters
// or digits count as look-alikes ("Ы" -> "bl" is not one). Deciding when to call this is the caller's job.
std::string latin_lookalikes(std::string_view utf8);

// Case mapping (full Unicode) and a few predicates on single code points.
std::string to_upper(std::string_view utf8);
std::string to_lower(std::string_view utf8);
std::string fold_case(std::string_view utf8);  // full case folding, for case-insensitive keys ("Straße" ~ "STRASSE")
bool starts_lowercase(std::string_view utf8);  // first letter is lower case
bool starts_uppercase(std::string_view utf8);  // first letter is upper case

// Number of code points.
std::size_t length_in_chars(std::string_view utf8);

}  // namespace plansheet::text
