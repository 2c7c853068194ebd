// Tests for `plansheet batch`: temporary folders of sample plans, prose and broken files in; the converted files,
// the report rows (CSV and XLSX) and the exit code out. Also the report and progress formatting on their own.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "app/batch.hpp"
#include "app/batch_report.hpp"
#include "model/errors.hpp"
#include "app/progress.hpp"
#include "load/input_format.hpp"

using namespace plansheet;
namespace fs = std::filesystem;

namespace {

const fs::path samples = fs::path(PLANSHEET_SOURCE_DIR) / "samples";
const fs::path kent = samples / "kent-medway-energy-low-emissions-plan.txt";
const fs::path leics = samples / "leicestershire-2050-net-zero-action-plan.txt";
const fs::path cambs = samples / "cambridgeshire-climate-strategy-targets-matrix.txt";
const fs::path prose = samples / "leicestershire-can-demonstrator-prose.txt";

// A fresh folder under the system temporary folder, removed with everything in it at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    static std::atomic<int> counter{0};
    path = fs::temp_directory_path() / ("plansheet-batch-test-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(counter.fetch_add(1)));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

void put(const fs::path& target, const fs::path& from) {
  fs::create_directories(target.parent_path());
  fs::copy_file(from, target, fs::copy_options::overwrite_existing);
}

void write_text(const fs::path& target, const std::string& text) {
  fs::create_directories(target.parent_path());
  std::ofstream(target, std::ios::binary) << text;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> csv_lines(const fs::path& p) {
  std::vector<std::string> lines;
  std::istringstream in(slurp(p));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

// The report row of one input: "file,output,actions,repairs,warnings,result,..." (first fields only).
std::string row_for(const std::vector<std::string>& lines, const std::string& file) {
  for (const std::string& l : lines)
    if (l.rfind(file + ",", 0) == 0 || l.rfind("\"" + file, 0) == 0) return l;
  return "";
}

std::vector<std::string> files_under(const fs::path& dir) {
  std::vector<std::string> found;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) found.push_back(fs::relative(e.path(), dir).string());
  std::sort(found.begin(), found.end());
  return found;
}

BatchRequest request_for(std::vector<std::string> inputs, const fs::path& out, int jobs, bool json = true) {
  BatchRequest r;
  r.inputs = std::move(inputs);
  r.out_dir = out.string();
  r.jobs = jobs;
  r.json = json;
  r.quiet = true;
  return r;
}

}  // namespace

TEST_CASE("batch: collecting inputs") {
  TempDir dir;
  put(dir.path / "b.txt", kent);
  put(dir.path / "a" / "deep" / "er" / "plan.TSV", kent);
  put(dir.path / "a" / "z.csv", kent);
  write_text(dir.path / "notes.pages", "not a table format batch reads");
  write_text(dir.path / "a" / "README", "no extension");
  write_text(dir.path / "a" / "picture.png", "binary");

  SUBCASE("recursion into subfolders, supported extensions only, in path order") {
    std::vector<BatchInput> found = collect_batch_inputs({dir.path.string()});
    std::vector<std::string> relative;
    for (const BatchInput& in : found) relative.push_back(in.relative);
    CHECK(relative == std::vector<std::string>{"a/deep/er/plan.TSV", "a/z.csv", "b.txt"});
    CHECK(found[0].path == (dir.path / "a/deep/er/plan.TSV").string());
  }
  SUBCASE("a file named directly is kept, whatever its extension, relative to its own folder") {
    std::vector<BatchInput> found = collect_batch_inputs({(dir.path / "a" / "README").string(), (dir.path / "b.txt").string()});
    REQUIRE(found.size() == 2);
    CHECK(found[0].relative == "README");
    CHECK(found[1].relative == "b.txt");
  }
  SUBCASE("an empty folder gives nothing, and run_batch says there is nothing to do") {
    TempDir empty, out;
    CHECK(collect_batch_inputs({empty.path.string()}).empty());
    try {
      run_batch(request_for({empty.path.string()}, out.path, 1));
      FAIL("run_batch accepted an empty folder");
    } catch (const Error& e) {
      CHECK(e.code() == exit_input);
      CHECK(std::string(e.what()).find("no .txt") != std::string::npos);
    }
  }
}

TEST_CASE("batch: picks up every extension convert reads, as the format convert reads it as") {
  TempDir dir;
  std::vector<std::string> expected;
  for (const InputFormat& format : input_formats())
    for (std::string_view ext : format.extensions) {
      const std::string name = "plan" + std::string(ext);
      write_text(dir.path / name, "Ref\tAction\n");
      expected.push_back(name);
      CAPTURE(name);
      CHECK(detect_input_kind(name, "Ref\tAction\n") == format.kind);
    }
  std::sort(expected.begin(), expected.end());
  // The two lists that once disagreed (.xlsm in convert's only, .tsv and .md in batch's only) are one.
  CHECK(expected == std::vector<std::string>{"plan.csv", "plan.docx", "plan.md", "plan.ods", "plan.pdf", "plan.tsv",
                                             "plan.txt", "plan.xls", "plan.xlsm", "plan.xlsx"});
  std::vector<std::string> found;
  for (const BatchInput& in : collect_batch_inputs({dir.path.string()})) found.push_back(in.relative);
  CHECK(found == expected);
}

TEST_CASE("batch: bad files in the middle do not stop the rest") {
  TempDir in, out;
  put(in.path / "1-kent.txt", kent);
  put(in.path / "2-prose.txt", prose);                 // no action table: skipped
  write_text(in.path / "3-empty.txt", "");             // nothing at all: skipped
  static constexpr char binary[] = "\x00\x01\x02\xff\xfe PK\x03\x04 garbage";
  write_text(in.path / "4-binary.txt", std::string(binary, sizeof binary - 1));  // NULs inside: size by hand
  put(in.path / "sub" / "5-leics.txt", leics);
  const std::string missing = (in.path / "gone" / "missing.txt").string();  // unreadable: skipped

  for (int jobs : {1, 2}) {
    CAPTURE(jobs);
    TempDir o;
    int code = run_batch(request_for({in.path.string(), missing}, o.path, jobs));
    CHECK(code == exit_doubts);
    CHECK(fs::exists(o.path / "1-kent.xlsx"));
    CHECK(fs::exists(o.path / "1-kent.json"));
    CHECK(fs::exists(o.path / "sub" / "5-leics.xlsx"));
    CHECK(fs::exists(o.path / "sub" / "5-leics.json"));
    CHECK_FALSE(fs::exists(o.path / "2-prose.xlsx"));
    CHECK_FALSE(fs::exists(o.path / "3-empty.xlsx"));

    std::vector<std::string> rows = csv_lines(o.path / "batch-report.csv");
    REQUIRE(rows.size() == 7);
    CHECK(rows[0] == "file,output,actions,repairs,warnings,result,message");
    // Rows keep the order the inputs were found in, whatever order the workers finished in.
    CHECK(rows[1].rfind((in.path / "1-kent.txt").string() + ",1-kent.xlsx,24,0,0,converted,", 0) == 0);
    CHECK(row_for(rows, (in.path / "2-prose.txt").string()).find(",,0,0,0,skipped,") != std::string::npos);
    CHECK(row_for(rows, (in.path / "2-prose.txt").string()).find("no action table") != std::string::npos);
    CHECK(row_for(rows, (in.path / "3-empty.txt").string()).find("skipped") != std::string::npos);
    CHECK(row_for(rows, (in.path / "4-binary.txt").string()).find("skipped") != std::string::npos);
    CHECK(row_for(rows, (in.path / "sub/5-leics.txt").string()).find(",sub/5-leics.xlsx,38,") != std::string::npos);
    CHECK(row_for(rows, missing).find("cannot read") != std::string::npos);
    CHECK(rows[6].rfind(missing + ",", 0) == 0);
    CHECK(fs::file_size(o.path / "batch-report.xlsx") > 0);
  }
}

TEST_CASE("batch: exit code and report when every file converts") {
  TempDir in, out;
  put(in.path / "kent.txt", kent);
  put(in.path / "x" / "cambs.txt", cambs);
  CHECK(run_batch(request_for({in.path.string()}, out.path, 2, false)) == exit_ok);
  CHECK(files_under(out.path) == std::vector<std::string>{"batch-report.csv", "batch-report.xlsx", "kent.xlsx", "x/cambs.xlsx"});
  std::vector<std::string> rows = csv_lines(out.path / "batch-report.csv");
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].find(",kent.xlsx,24,0,0,converted,") != std::string::npos);
  CHECK(rows[2].find(",x/cambs.xlsx,56,") != std::string::npos);
  CHECK(rows[2].find(",converted,") != std::string::npos);
}

TEST_CASE("batch: -j1 and -j2 write the same files") {
  // Workbooks are stamped with the time they were made unless SOURCE_DATE_EPOCH fixes it.
  const char* old_epoch = std::getenv("SOURCE_DATE_EPOCH");
  const std::string kept = old_epoch ? old_epoch : "";
  ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  struct Restore {
    bool had;
    std::string value;
    ~Restore() {
      if (had) ::setenv("SOURCE_DATE_EPOCH", value.c_str(), 1);
      else ::unsetenv("SOURCE_DATE_EPOCH");
    }
  } restore{old_epoch != nullptr, kept};
  TempDir in, one, two;
  put(in.path / "a.txt", kent);
  put(in.path / "b.txt", leics);
  put(in.path / "c" / "d.txt", cambs);
  put(in.path / "c" / "e.txt", prose);
  put(in.path / "f.txt", samples / "leicestershire-carbon-reduction-programme-2023.txt");
  CHECK(run_batch(request_for({in.path.string()}, one.path, 1)) == exit_doubts);
  CHECK(run_batch(request_for({in.path.string()}, two.path, 2)) == exit_doubts);
  std::vector<std::string> names = files_under(one.path);
  REQUIRE(names == files_under(two.path));
  CHECK(names.size() == 10);  // 4 workbooks, 4 JSON exports, 2 reports
  for (const std::string& name : names) {
    CAPTURE(name);
    CHECK(slurp(one.path / name) == slurp(two.path / name));
  }
}

TEST_CASE("batch: output names") {
  TempDir in, out;
  SUBCASE("two inputs that would share a workbook name: the later in path order keeps its extension") {
    put(in.path / "plan.txt", kent);
    put(in.path / "plan.tsv", kent);
    CHECK(run_batch(request_for({in.path.string()}, out.path, 2)) == exit_ok);
    CHECK(fs::exists(out.path / "plan.xlsx"));
    CHECK(fs::exists(out.path / "plan.txt.xlsx"));
    CHECK(fs::exists(out.path / "plan.txt.json"));
    CHECK_FALSE(fs::exists(out.path / "plan.tsv.xlsx"));
  }
  SUBCASE("an input called batch-report does not overwrite the report") {
    put(in.path / "batch-report.txt", kent);
    CHECK(run_batch(request_for({in.path.string()}, out.path, 1)) == exit_ok);
    CHECK(fs::exists(out.path / "batch-report.txt.xlsx"));
    CHECK(csv_lines(out.path / "batch-report.csv")[1].find(",batch-report.txt.xlsx,") != std::string::npos);
  }
  SUBCASE("the same name from three folders: the third is refused, the others converted") {
    TempDir second, third;
    put(in.path / "plan.txt", kent);
    put(second.path / "plan.txt", leics);
    put(third.path / "plan.txt", cambs);
    CHECK(run_batch(request_for({in.path.string(), second.path.string(), third.path.string()}, out.path, 2)) ==
          exit_doubts);
    std::vector<std::string> rows = csv_lines(out.path / "batch-report.csv");
    REQUIRE(rows.size() == 4);
    CHECK(rows[1].find(",plan.xlsx,24,") != std::string::npos);
    CHECK(rows[2].find(",plan.txt.xlsx,38,") != std::string::npos);
    CHECK(rows[3].find(",failed,") != std::string::npos);
    CHECK(rows[3].find("already taken by " + (second.path / "plan.txt").string()) != std::string::npos);
  }
  SUBCASE("an output folder inside the input folder is not read back on the next run") {
    put(in.path / "plan.txt", kent);
    const fs::path inside = in.path / "out";
    CHECK(run_batch(request_for({in.path.string()}, inside, 1)) == exit_ok);
    CHECK(run_batch(request_for({in.path.string()}, inside, 1)) == exit_ok);
    CHECK(csv_lines(inside / "batch-report.csv").size() == 2);
  }
}

TEST_CASE("batch report: CSV, table and workbook") {
  std::vector<BatchResult> rows = {
      {"in/a,b.txt", "a,b.xlsx", 3, 1, 0, "converted", ""},
      {"in/=sum.txt", "", 0, 0, 0, "skipped", "in/=sum.txt: no action table found \"here\""},
      {"odd", "", 0, 0, 0, "failed", "internal error: boom"},
  };
  SUBCASE("CSV quotes commas and quotes and neutralises formulas") {
    std::string csv = batch_report_csv(rows);
    CHECK(csv ==
          "file,output,actions,repairs,warnings,result,message\r\n"
          "\"in/a,b.txt\",\"a,b.xlsx\",3,1,0,converted,\r\n"
          "in/=sum.txt,,0,0,0,skipped,\"in/=sum.txt: no action table found \"\"here\"\"\"\r\n"
          "odd,,0,0,0,failed,internal error: boom\r\n");
  }
  SUBCASE("the printed table has a row per file and the reasons below, each naming its file once") {
    std::string table = batch_report_table(rows);
    CHECK(table.find("file         actions  repairs  warnings  result\n") == 0);
    CHECK(table.find("in/a,b.txt         3        1         0  converted\n") != std::string::npos);
    CHECK(table.find("skipped: in/=sum.txt: no action table found") != std::string::npos);
    CHECK(table.find("failed: odd: internal error: boom") != std::string::npos);
  }
  SUBCASE("the workbook is written, and an unwritable place is an output error") {
    TempDir dir;
    write_batch_report_xlsx(rows, (dir.path / "r.xlsx").string());
    CHECK(fs::file_size(dir.path / "r.xlsx") > 1000);
    CHECK(files_under(dir.path) == std::vector<std::string>{"r.xlsx"});  // no temporary left behind
    try {
      write_batch_report_xlsx(rows, (dir.path / "no" / "such" / "r.xlsx").string());
      FAIL("wrote into a missing folder");
    } catch (const Error& e) {
      CHECK(e.code() == exit_output);
      CHECK(std::string(e.what()).find("r.xlsx") != std::string::npos);
    }
  }
}

TEST_CASE("progress: bar text and elapsed time") {
  SUBCASE("elapsed time as m:ss or h:mm:ss") {
    CHECK(format_elapsed(0) == "0:00");
    CHECK(format_elapsed(65.9) == "1:05");
    CHECK(format_elapsed(3723) == "1:02:03");
  }
  SUBCASE("the bar fills with files done and shows the counts") {
    std::FILE* sink = std::tmpfile();
    REQUIRE(sink);
    Progress p(sink, 8, false);
    p.update(2, 57);
    std::string bar = p.bar_text();
    CHECK(bar.rfind("[######..................] 2/8 files  57 actions  0:00  ", 0) == 0);
    CHECK(bar.find("files/s") != std::string::npos);
    p.note("[1/8] a line");
    p.finish();
    std::rewind(sink);
    char buffer[64] = {};
    CHECK(std::fgets(buffer, sizeof buffer, sink) != nullptr);
    CHECK(std::string(buffer) == "[1/8] a line\n");  // not a terminal: plain lines, no bar, no escapes
    std::fclose(sink);
  }
}
