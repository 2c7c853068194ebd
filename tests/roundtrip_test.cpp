// Round trip: plansheet reads its own workbooks back to the same plan (ids, sections, text, periods, RAG, ticks).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/convert.hpp"
#include "model/errors.hpp"

namespace fs = std::filesystem;
using namespace plansheet;

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("roundtrip: converting a converted workbook gives the same plan") {
  fs::path samples = fs::path(PLANSHEET_SOURCE_DIR) / "samples";
  fs::path dir = fs::temp_directory_path() / "plansheet-roundtrip-test";
  fs::create_directories(dir);
  int converted = 0;
  for (const auto& entry : fs::directory_iterator(samples)) {
    if (entry.path().extension() != ".txt") continue;
    CAPTURE(entry.path().string());
    fs::path book = dir / (entry.path().stem().string() + ".xlsx");
    Plan first;
    try {
      first = convert_file({entry.path().string(), book.string(), "", "", {}});
    } catch (const Error& e) {
      CHECK(e.code() == exit_input);  // the prose sample has no table
      continue;
    }
    Plan second = run(book.string(), read_file(book), {});
    ++converted;
    CHECK(second.title == first.title);
    CHECK(second.periods == first.periods);
    REQUIRE(second.actions.size() == first.actions.size());
    for (std::size_t i = 0; i < first.actions.size(); ++i) {
      const Action& a = first.actions[i];
      const Action& b = second.actions[i];
      CAPTURE(a.id);
      CHECK(b.id == a.id);
      CHECK(b.section == a.section);
      for (Role role : all_roles)
        if (is_text_role(role) && first.has_role(role)) CHECK(*b.text_of(role) == *a.text_of(role));
      CHECK(b.periods == a.periods);
      CHECK(b.targets == a.targets);
      CHECK(b.rag == a.rag);
    }
  }
  CHECK(converted == 4);
  fs::remove_all(dir);
}
