// Tests of xlsx_writer: a Plan or sheet model in, an .xlsx file out. Byte-identical output for the same plan,
// SOURCE_DATE_EPOCH honoured, no half-written or temporary file left on failure, one-line exit-4 errors.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include <unistd.h>

#include "errors.hpp"
#include "workbook/sample_plans.hpp"
#include "xlsx_layout.hpp"
#include "xlsx_write_model.hpp"
#include "xlsx_writer.hpp"

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
  SUBCASE("without SOURCE_DATE_EPOCH: a fixed date") {
    EnvGuard env("SOURCE_DATE_EPOCH", nullptr);
    xlsx::write_workbook(test_plans::rag_plan(), (dir.path / "a.xlsx").string());
    xlsx::write_workbook(test_plans::rag_plan(), (dir.path / "b.xlsx").string());
    CHECK(slurp(dir.path / "a.xlsx") == slurp(dir.path / "b.xlsx"));
    CHECK(xlsx::workbook_created_time() == 1704067200);
  }
  SUBCASE("SOURCE_DATE_EPOCH sets the creation time, and only it") {
    std::string plain, dated;
    {
      EnvGuard env("SOURCE_DATE_EPOCH", nullptr);
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
  SUBCASE("a malformed SOURCE_DATE_EPOCH is ignored") {
    EnvGuard env("SOURCE_DATE_EPOCH", "yesterday");
    CHECK(xlsx::workbook_created_time() == 1704067200);
  }
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
