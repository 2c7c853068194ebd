// Tests of xlsx_writer: a Plan or sheet model in, an .xlsx file out. Byte-identical output for the same plan,
// SOURCE_DATE_EPOCH honoured, streamed rows written exactly as rows kept as cells (in both libxlsxwriter modes),
// no half-written or temporary file left on failure, one-line exit-4 errors.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include <unistd.h>

#include "model/errors.hpp"
#include "pipeline.hpp"
#include "workbook/sample_plans.hpp"
#include "load/xlsx/read_zip.hpp"
#include "xlsx/layout.hpp"
#include "xlsx/write_model.hpp"
#include "xlsx/writer.hpp"

namespace fs = std::filesystem;
using namespace plansheet;

namespace {

// A fresh folder under the system temp dir, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("plansheet_xlsx_writer_test_" + std::to_string(::getpid()) + "_" +
                                        std::to_string(counter()++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  static int& counter() {
    static int n = 0;
    return n;
  }
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::size_t entries(const fs::path& dir) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

// Sets or clears an environment variable for the scope of a test, restoring it after.
struct EnvGuard {
  std::string name;
  std::optional<std::string> old;
  EnvGuard(std::string n, const char* value) : name(std::move(n)) {
    if (const char* v = std::getenv(name.c_str())) old = v;
    if (value) ::setenv(name.c_str(), value, 1);
    else ::unsetenv(name.c_str());
  }
  ~EnvGuard() {
    if (old) ::setenv(name.c_str(), old->c_str(), 1);
    else ::unsetenv(name.c_str());
  }
};

// One part of a written workbook, decompressed.
std::string part_of(const fs::path& xlsx, const std::string& part) {
  const std::string bytes = slurp(xlsx);
  detail::ZipPackage zip(xlsx.string(), bytes);
  return zip.read(part);
}

}  // namespace

TEST_CASE("xlsx_writer: writes a workbook and leaves nothing else behind") {
  TempDir dir;
  for (const auto& [name, plan] : test_plans::all_plans()) {
    CAPTURE(name);
    const fs::path out = dir.path / (name + ".xlsx");
    xlsx::write_workbook(plan, out.string());
    const std::string bytes = slurp(out);
    REQUIRE(bytes.size() > 1000);
    CHECK(bytes.compare(0, 2, "PK") == 0);  // a zip container
  }
  CHECK(entries(dir.path) == test_plans::all_plans().size());  // no temporary files left
}

TEST_CASE("xlsx_writer: the same plan gives byte-identical files") {
  TempDir dir;
  SUBCASE("without SOURCE_DATE_EPOCH: created now") {
    EnvGuard env("SOURCE_DATE_EPOCH", nullptr);
    const std::time_t before = std::time(nullptr);
    const std::time_t created = xlsx::workbook_created_time();
    CHECK(created >= before);
    CHECK(created <= std::time(nullptr));
  }
  SUBCASE("SOURCE_DATE_EPOCH=0: the same plan gives the same bytes") {
    EnvGuard env("SOURCE_DATE_EPOCH", "0");
    CHECK(xlsx::workbook_created_time() == 1);  // libxlsxwriter reads 0 as "now"
    xlsx::write_workbook(test_plans::rag_plan(), (dir.path / "a.xlsx").string());
    xlsx::write_workbook(test_plans::rag_plan(), (dir.path / "b.xlsx").string());
    CHECK(slurp(dir.path / "a.xlsx") == slurp(dir.path / "b.xlsx"));
  }
  SUBCASE("SOURCE_DATE_EPOCH sets the creation time, and only it") {
    std::string plain, dated;
    {
      EnvGuard env("SOURCE_DATE_EPOCH", "1400000000");
      xlsx::write_workbook(test_plans::gantt_plan(), (dir.path / "plain.xlsx").string());
    }
    {
      EnvGuard env("SOURCE_DATE_EPOCH", "1500000000");
      CHECK(xlsx::workbook_created_time() == 1500000000);
      xlsx::write_workbook(test_plans::gantt_plan(), (dir.path / "dated1.xlsx").string());
      xlsx::write_workbook(test_plans::gantt_plan(), (dir.path / "dated2.xlsx").string());
    }
    CHECK(slurp(dir.path / "dated1.xlsx") == slurp(dir.path / "dated2.xlsx"));
    CHECK(slurp(dir.path / "plain.xlsx") != slurp(dir.path / "dated1.xlsx"));
  }
  SUBCASE("a malformed SOURCE_DATE_EPOCH is ignored: created now") {
    EnvGuard env("SOURCE_DATE_EPOCH", "yesterday");
    CHECK(xlsx::workbook_created_time() >= 1704067200);
  }
}

TEST_CASE("xlsx_writer: the plan's own key goes round: read back, the workbook gives the same entries") {
  TempDir dir;
  Plan plan = test_plans::rag_plan();
  plan.legend = {
      {LegendKind::note, "Figures in brackets are tonnes of CO2e saved a year", "", 3, {}},
      {LegendKind::heading, "Colour code used in this tracker", "", 5, {}},
      {LegendKind::rag, "Purple = paused by members", "purple", 6, {{"Purple", "paused by members"}}},
      {LegendKind::status, "Scoping = Amber, Agreed = Green", "", 7, {{"Scoping", "Amber"}, {"Agreed", "Green"}}},
      {LegendKind::gantt, "X marks a quarter of delivery", "", 8, {{"X", "a quarter of delivery"}}},
      {LegendKind::stage, "Feasibility (costed options)", "", 9, {}},
  };
  const fs::path book = dir.path / "keyed.xlsx";
  xlsx::write_workbook(plan, book.string());
  const Plan back = plansheet::run(book.string(), slurp(book), Options{});
  REQUIRE(back.legend.size() == plan.legend.size());
  for (std::size_t i = 0; i < plan.legend.size(); ++i) {
    CAPTURE(plan.legend[i].text);
    CHECK(back.legend[i].kind == plan.legend[i].kind);
    CHECK(back.legend[i].text == plan.legend[i].text);
    CHECK(back.legend[i].colour == plan.legend[i].colour);
    CHECK(back.legend[i].defines == plan.legend[i].defines);
  }
  // The workbook's own colour key is the workbook's, never the plan's.
  for (const LegendEntry& e : back.legend) CHECK(e.text.find("recolours the cell") == std::string::npos);
  SUBCASE("a plan without a key of its own reads back without one") {
    plan.legend.clear();
    xlsx::write_workbook(plan, book.string());
    CHECK(plansheet::run(book.string(), slurp(book), Options{}).legend.empty());
  }
}

TEST_CASE("xlsx_writer: rows streamed from the plan give the same file as rows kept as cells") {
  TempDir dir;
  EnvGuard env("SOURCE_DATE_EPOCH", "0");
  for (const auto& [name, plan] : test_plans::all_plans()) {
    for (const bool constant_memory : {false, true}) {
      CAPTURE(name);
      CAPTURE(constant_memory);
      xlsx::WorkbookModel cells = xlsx::layout_workbook(plan, xlsx::Body::cells);
      xlsx::WorkbookModel stream = xlsx::layout_workbook(plan, xlsx::Body::stream);
      cells.constant_memory = stream.constant_memory = constant_memory;
      // The streamed model holds no row of the Actions body: that is what keeps a large plan's memory flat.
      const xlsx::Sheet& actions = stream.sheets[0];
      if (!plan.actions.empty()) {
        REQUIRE(actions.body);
        CHECK(std::all_of(actions.cells.begin(), actions.cells.end(),
                          [&](const xlsx::SheetCell& c) { return c.row < actions.body->first_row(); }));
      }
      CHECK_FALSE(cells.sheets[0].body);
      xlsx::write_model(cells, (dir.path / "cells.xlsx").string());
      xlsx::write_model(stream, (dir.path / "stream.xlsx").string());
      CHECK(slurp(dir.path / "cells.xlsx") == slurp(dir.path / "stream.xlsx"));
    }
  }
  // And write_workbook is the streamed path.
  xlsx::write_model(xlsx::layout_workbook(test_plans::gantt_plan()), (dir.path / "model.xlsx").string());
  xlsx::write_workbook(test_plans::gantt_plan(), (dir.path / "plan.xlsx").string());
  CHECK(slurp(dir.path / "model.xlsx") == slurp(dir.path / "plan.xlsx"));
}

TEST_CASE("xlsx_writer: the actions are an Excel Table, or a filtered range in constant-memory mode") {
  TempDir dir;
  const Plan plan = test_plans::gantt_plan();
  xlsx::WorkbookModel model = xlsx::layout_workbook(plan, xlsx::Body::stream);
  const std::string last = xlsx::cell_ref(model.actions.last_row, static_cast<int>(model.actions.columns.size()) - 1);
  const std::string range = xlsx::cell_ref(model.actions.header_row, 0) + ":" + last;
  SUBCASE("standard mode: the table, its columns named from the header, banded rows; ids without error marks") {
    xlsx::write_model(model, (dir.path / "a.xlsx").string());
    const std::string table = part_of(dir.path / "a.xlsx", "xl/tables/table1.xml");
    CHECK(table.find("name=\"ActionTable\"") != std::string::npos);
    CHECK(table.find("ref=\"" + range + "\"") != std::string::npos);
    CHECK(table.find("<tableColumn id=\"1\" name=\"Section\"/>") != std::string::npos);
    CHECK(table.find("showRowStripes=\"1\"") != std::string::npos);
    const std::string sheet = part_of(dir.path / "a.xlsx", "xl/worksheets/sheet1.xml");
    CHECK(sheet.find("<autoFilter") == std::string::npos);  // the table has its own
    CHECK(sheet.find("numberStoredAsText=\"1\"") != std::string::npos);
  }
  SUBCASE("constant-memory mode (no tables there): the autofilter over the same range, sections on every row") {
    model.constant_memory = true;
    xlsx::write_model(model, (dir.path / "b.xlsx").string());
    const std::string sheet = part_of(dir.path / "b.xlsx", "xl/worksheets/sheet1.xml");
    CHECK(sheet.find("<autoFilter ref=\"" + range + "\"") != std::string::npos);
    CHECK(sheet.find("<t>Transport</t>") != std::string::npos);
  }
}

TEST_CASE("xlsx_writer: a sheet too long goes on over continuation sheets with the title and header repeated") {
  // Sheets of 20 rows stand in for Excel's 1,048,576 (see xlsx_layout's test of the same plan).
  TempDir dir;
  const Plan plan = test_plans::long_plan(40);
  for (const bool constant_memory : {false, true}) {
    CAPTURE(constant_memory);
    xlsx::WorkbookModel cells = xlsx::layout_workbook(plan, xlsx::Body::cells, 20);
    xlsx::WorkbookModel stream = xlsx::layout_workbook(plan, xlsx::Body::stream, 20);
    cells.constant_memory = stream.constant_memory = constant_memory;
    const fs::path out = dir.path / "long.xlsx";
    xlsx::write_model(stream, out.string());
    xlsx::write_model(cells, (dir.path / "cells.xlsx").string());
    CHECK(slurp(out) == slurp(dir.path / "cells.xlsx"));

    // The continuation sheets follow their sheet, in order.
    const std::string book = part_of(out, "xl/workbook.xml");
    std::vector<std::string> names;
    for (auto at = book.find("<sheet name=\""); at != std::string::npos; at = book.find("<sheet name=\"", at + 1))
      names.push_back(book.substr(at + 13, book.find('"', at + 13) - at - 13));
    const int actions_parts = stream.actions.split.part_of(stream.actions.last_row) + 1;
    REQUIRE(actions_parts >= 3);
    REQUIRE(names.size() >= static_cast<std::size_t>(actions_parts) + 4);
    CHECK(names[0] == "Actions");
    CHECK(names[1] == "Actions (2)");
    CHECK(names[static_cast<std::size_t>(actions_parts)] == "Summary");
    CHECK(names[static_cast<std::size_t>(actions_parts) + 1] == "Repairs");
    CHECK(names[static_cast<std::size_t>(actions_parts) + 2] == "Repairs (2)");

    // No Actions or Repairs sheet holds a row past the short sheet's last; a continuation has the header, its
    // dropdowns, colour rules and filter, and the action that starts it.
    for (std::size_t k = 1; k <= names.size(); ++k) {
      if (names[k - 1].rfind("Actions", 0) != 0 && names[k - 1].rfind("Repairs", 0) != 0) continue;
      const std::string sheet = part_of(out, "xl/worksheets/sheet" + std::to_string(k) + ".xml");
      CAPTURE(names[k - 1]);
      const bool continued = k < names.size() && names[k].find(" (") != std::string::npos &&
                             names[k].compare(0, 7, names[k - 1], 0, 7) == 0;
      if (continued) CHECK(sheet.find("<row r=\"20\"") != std::string::npos);  // a full sheet before the next
      CHECK(sheet.find("<row r=\"21\"") == std::string::npos);
    }
    const std::string second = part_of(out, "xl/worksheets/sheet2.xml");
    CHECK((second.find("<autoFilter") != std::string::npos || second.find("<tablePart") != std::string::npos));
    CHECK(second.find("<dataValidation ") != std::string::npos);
    CHECK(second.find("<conditionalFormatting") != std::string::npos);
    const std::string strings = constant_memory ? second : part_of(out, "xl/sharedStrings.xml");
    CHECK(strings.find("Project Description") != std::string::npos);
    CHECK(strings.find(">A20<") != std::string::npos);
  }
}

TEST_CASE("xlsx_writer: a RAG word with spaces around it is written trimmed and capitalised") {
  TempDir dir;
  Plan plan = test_plans::rag_plan();
  plan.actions[1].rag = "  orange \t";
  xlsx::write_workbook(plan, (dir.path / "r.xlsx").string());
  const std::string strings = part_of(dir.path / "r.xlsx", "xl/sharedStrings.xml");
  CHECK(strings.find("<t>Orange</t>") != std::string::npos);
  CHECK(strings.find("orange \t") == std::string::npos);
  CHECK(strings.find("Orange \t") == std::string::npos);
}

TEST_CASE("xlsx_writer: failures are one-line exit-4 errors and never leave a half-written file") {
  TempDir dir;
  SUBCASE("a folder that does not exist") {
    const std::string path = (dir.path / "missing" / "plan.xlsx").string();
    try {
      xlsx::write_workbook(test_plans::gantt_plan(), path);
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.code() == exit_output);
      const std::string msg = e.what();
      CHECK(msg.find(path) != std::string::npos);
      CHECK(msg.find('\n') == std::string::npos);
      CHECK(msg.find("folder") != std::string::npos);
    }
    CHECK_FALSE(fs::exists(path));
  }
  SUBCASE("a path that is a folder") {
    try {
      xlsx::write_workbook(test_plans::gantt_plan(), dir.path.string());
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.code() == exit_output);
      CHECK(std::string(e.what()).find("is a folder") != std::string::npos);
    }
  }
  SUBCASE("a library failure mid-way keeps the old workbook and removes the temporary file") {
    const fs::path out = dir.path / "plan.xlsx";
    xlsx::write_workbook(test_plans::rag_plan(), out.string());
    const std::string before = slurp(out);
    xlsx::WorkbookModel bad = xlsx::layout_workbook(test_plans::gantt_plan());
    bad.sheets[1].name = "Summary[1]";  // Excel forbids [ ] in sheet names
    try {
      xlsx::write_model(bad, out.string());
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.code() == exit_output);
      const std::string msg = e.what();
      CHECK(msg.find("Summary[1]") != std::string::npos);
      CHECK(msg.find('\n') == std::string::npos);
    }
    CHECK(slurp(out) == before);
    CHECK(entries(dir.path) == 1);
  }
  SUBCASE("a cell the library refuses names the cell") {
    xlsx::WorkbookModel bad = xlsx::layout_workbook(test_plans::rag_plan());
    bad.sheets[0].cells.front().text = std::string(40000, 'x');  // bypasses the layout's limit on purpose
    try {
      xlsx::write_model(bad, (dir.path / "x.xlsx").string());
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(std::string(e.what()).find("Actions!") != std::string::npos);
    }
    CHECK(entries(dir.path) == 0);
  }
}
