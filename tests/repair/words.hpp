// What the cell-level rule tests share: a dictionary and a Lexicon over it, with the words the document uses, and
// the text of a fix (or "<unchanged>").
#pragma once

#include <initializer_list>
#include <optional>
#include <string>

#include "repair/clean_text.hpp"
#include "text/dictionary.hpp"

namespace plansheet::testing {

struct Words {
  Dictionary dictionary;
  Lexicon lexicon{dictionary};
  // Words the document being cleaned uses (each call counts one use).
  void use(std::initializer_list<const char*> words) {
    for (const char* w : words) dictionary.add_document_word(w);
    lexicon.document_changed();
  }
};

inline std::string fixed(const std::optional<TextFix>& fix) { return fix ? fix->text : "<unchanged>"; }

}  // namespace plansheet::testing
