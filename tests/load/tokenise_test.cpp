// Tests for tokenise: lines and their dialect in, rows of cells (with line and column positions) out.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "load/paste/tokenise.hpp"

using namespace plansheet;

namespace {

RawTable tokens(std::vector<std::string> lines, Separator separator) {
  SourceText text;
  text.source = "p.txt";
  text.lines = std::move(lines);
  return tokenise(text, Dialect{separator, ""});
}

std::vector<std::string> texts(const Row& row) {
  std::vector<std::string> out;
  for (const Cell& c : row.cells) out.push_back(c.text);
  return out;
}

}  // namespace

TEST_CASE("tokenise: tab-separated rows") {
  RawTable t = tokens({"ID\tAction\tLead\t", "T1\t  Plant   trees \t\tParks", "", "", "T2\tCut waste"}, Separator::tab);
  REQUIRE(t.rows.size() == 3);
  SUBCASE("empty cells are kept, cell text is single-spaced and trimmed") {
    CHECK(texts(t.rows[0]) == std::vector<std::string>{"ID", "Action", "Lead", ""});
    CHECK(texts(t.rows[1]) == std::vector<std::string>{"T1", "Plant trees", "", "Parks"});
  }
  SUBCASE("positions: 1-based line and column, raw line kept") {
    CHECK(t.rows[1].line == 2);
    CHECK(t.rows[1].cells[3].pos.line == 2);
    CHECK(t.rows[1].cells[3].pos.column == 4);
    CHECK(source_cell_ref(t.sheet, t.rows[1].cells[3].pos).empty());  // a paste's cells have no sheet reference
    CHECK(t.rows[2].line == 5);
    CHECK(t.rows[1].raw == "T1\t  Plant   trees \t\tParks");
  }
  SUBCASE("blank lines make no rows but mark a page break on the next row") {
    CHECK_FALSE(t.rows[1].page_break_before);
    CHECK(t.rows[2].page_break_before);
  }
  SUBCASE("a line of empty cells counts as blank") {
    RawTable u = tokens({"A\tB", "\t\t", "C\tD"}, Separator::tab);
    REQUIRE(u.rows.size() == 2);
    CHECK(u.rows[1].page_break_before);
  }
}

TEST_CASE("tokenise: markdown tables") {
  RawTable t = tokens({"| ID | Action | Lead |", "|---|:---|---:|", "| T1 | Plant \\| prune trees | Parks |", "|  T2 |  | Waste|"},
                      Separator::markdown);
  REQUIRE(t.rows.size() == 3);
  SUBCASE("cells between pipes, escaped pipes kept as text") {
    CHECK(texts(t.rows[0]) == std::vector<std::string>{"ID", "Action", "Lead"});
    CHECK(texts(t.rows[1]) == std::vector<std::string>{"T1", "Plant | prune trees", "Parks"});
    CHECK(texts(t.rows[2]) == std::vector<std::string>{"T2", "", "Waste"});
  }
  SUBCASE("the rule line is removed and says why") {
    REQUIRE(t.removed.size() == 1);
    CHECK(t.removed[0].line == 2);
    CHECK(t.removed[0].reason == RemovalReason::markdown_rule);
    CHECK(t.rows[1].line == 3);
  }
  SUBCASE("a line outside the table is one cell") {
    RawTable u = tokens({"Action plan 2025", "| ID | Action |", "|--|--|"}, Separator::markdown);
    CHECK(texts(u.rows[0]) == std::vector<std::string>{"Action plan 2025"});
  }
}

TEST_CASE("tokenise: runs of spaces") {
  RawTable t = tokens({"  ID    Action                 Lead  ", "T1    Plant trees on verges  Parks"}, Separator::spaces);
  REQUIRE(t.rows.size() == 2);
  CHECK(texts(t.rows[0]) == std::vector<std::string>{"ID", "Action", "Lead"});
  CHECK(texts(t.rows[1]) == std::vector<std::string>{"T1", "Plant trees on verges", "Parks"});
}

TEST_CASE("tokenise: no separator gives one cell per line") {
  RawTable t = tokens({"The council   will plant trees."}, Separator::none);
  REQUIRE(t.rows.size() == 1);
  CHECK(texts(t.rows[0]) == std::vector<std::string>{"The council will plant trees."});
}

TEST_CASE("tokenise: decoding repairs and warnings are carried on") {
  SourceText text;
  text.source = "p.txt";
  text.lines = {"A\tB"};
  text.repairs.push_back({RepairRule::encoding_cp1252, {1}, "", "", "x", "y"});
  text.warnings.push_back({{}, "", "w"});
  RawTable t = tokenise(text, Dialect{Separator::tab, ""});
  CHECK(t.source == "p.txt");
  CHECK(t.repairs.size() == 1);
  CHECK(t.warnings.size() == 1);
}
