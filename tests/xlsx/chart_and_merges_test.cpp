// Tests of what the writer makes of the Summary chart and of merged ranges: a laid-out model in, the parts of the
// written file read back out (the chart's own copy of its counts, its labels and alt text; merges in both modes).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>
#include <vector>

#include <unistd.h>

#include "load/xlsx/read_zip.hpp"
#include "workbook/sample_plans.hpp"
#include "xlsx/layout.hpp"
#include "xlsx/write_model.hpp"

using namespace plansheet;
namespace fs = std::filesystem;

namespace {

struct Folder {
  fs::path path = fs::temp_directory_path() / ("plansheet_chart_test_" + std::to_string(::getpid()));
  Folder() { fs::create_directories(path); }
  ~Folder() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string part(const fs::path& xlsx, const std::string& name) {
  std::ifstream in(xlsx, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  detail::ZipPackage zip(xlsx.string(), bytes);
  return zip.read(name);
}

// The numbers of each <c:numCache> in a chart part, series by series.
std::vector<std::vector<double>> cached_numbers(const std::string& chart) {
  std::vector<std::vector<double>> out;
  const std::regex cache("<c:numCache>(.*?)</c:numCache>");
  const std::regex value("<c:v>([^<]*)</c:v>");
  for (auto it = std::sregex_iterator(chart.begin(), chart.end(), cache); it != std::sregex_iterator(); ++it) {
    const std::string body = (*it)[1];
    out.emplace_back();
    for (auto v = std::sregex_iterator(body.begin(), body.end(), value); v != std::sregex_iterator(); ++v)
      out.back().push_back(std::stod((*v)[1]));
  }
  return out;
}

}  // namespace

TEST_CASE("xlsx_writer: the Summary chart holds the sheet's counts, labels its bars and has alt text") {
  Folder dir;
  const Plan plan = test_plans::rag_plan();
  for (const bool constant_memory : {false, true}) {
    CAPTURE(constant_memory);
    xlsx::WorkbookModel model = xlsx::layout_workbook(plan);
    model.constant_memory = constant_memory;
    const fs::path out = dir.path / "chart.xlsx";
    xlsx::write_model(model, out.string());
    const std::string chart = part(out, "xl/charts/chart1.xml");
    // libxlsxwriter would cache formula cells as 0 (and nothing in constant-memory mode): the copy is the cells'.
    const xlsx::Sheet& summary = *xlsx::find_sheet(model, "Summary");
    const xlsx::Chart& spec = summary.charts.at(0);
    const auto cached = cached_numbers(chart);
    REQUIRE(cached.size() == spec.series.size());
    double sum = 0;
    for (std::size_t s = 0; s < cached.size(); ++s) {
      const xlsx::Range& r = spec.series[s].values;
      REQUIRE(cached[s].size() == static_cast<std::size_t>(r.last_row - r.first_row + 1));
      for (int row = r.first_row; row <= r.last_row; ++row) {
        const double want = xlsx::find_cell(summary, row, r.first_col)->number;
        CHECK(cached[s][static_cast<std::size_t>(row - r.first_row)] == want);
        sum += want;
      }
    }
    CHECK(sum == static_cast<double>(plan.actions.size()));
    CHECK(chart.find("<c:dLbls>") != std::string::npos);
    CHECK(chart.find("formatCode=\"0;-0;;@\"") != std::string::npos);  // no label on an empty bar
    const std::string drawing = part(out, "xl/drawings/drawing1.xml");
    CHECK(drawing.find("descr=\"Stacked bar chart of the actions in each of 3 sections by RAG rating") != std::string::npos);
  }
}

TEST_CASE("xlsx_writer: merged ranges survive constant-memory mode (written while their row is open)") {
  Folder dir;
  const Plan plan = test_plans::gantt_plan();
  std::vector<std::string> merges[2];
  for (const bool constant_memory : {false, true}) {
    xlsx::WorkbookModel model = xlsx::layout_workbook(plan, xlsx::Body::stream);
    model.constant_memory = constant_memory;
    REQUIRE(model.sheets[0].merges.size() >= 2);  // the title and the source line at least
    const fs::path out = dir.path / "merges.xlsx";
    xlsx::write_model(model, out.string());
    const std::string sheet = part(out, "xl/worksheets/sheet1.xml");
    const std::regex merge("<mergeCell ref=\"([A-Z0-9:]+)\"/>");
    for (auto it = std::sregex_iterator(sheet.begin(), sheet.end(), merge); it != std::sregex_iterator(); ++it)
      merges[constant_memory].push_back((*it)[1]);
    CAPTURE(constant_memory);
    CHECK(merges[constant_memory].size() == model.sheets[0].merges.size());
    // The title's text is in its first cell, once.
    CHECK(sheet.find("<c r=\"A1\"") != std::string::npos);
  }
  CHECK(merges[1] == merges[0]);
}

TEST_CASE("xlsx_layout: a plan of constant-memory size keeps its merged title block") {
  // The threshold itself (constant_memory_rows) is checked by layout; here the mode is what matters: every merge
  // the standard mode writes is written in constant-memory mode too, over continuation sheets as well.
  Folder dir;
  const Plan plan = test_plans::long_plan(40);
  xlsx::WorkbookModel model = xlsx::layout_workbook(plan, xlsx::Body::stream, 20);
  model.constant_memory = true;
  const fs::path out = dir.path / "long.xlsx";
  xlsx::write_model(model, out.string());
  for (const std::string sheet : {"sheet1", "sheet2"}) {
    CAPTURE(sheet);
    const std::string xml = part(out, "xl/worksheets/" + sheet + ".xml");
    CHECK(xml.find("<mergeCell ref=\"A1:") != std::string::npos);
  }
}
