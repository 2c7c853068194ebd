// Stage: an old binary Excel (.xls) file to a RawTable of the sheet holding the action table, through libfreexl.
// Values only: freexl does not expose fills, fonts, merges or hidden rows, and a warning says so.
#include <freexl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "model/errors.hpp"
#include "load/load_spreadsheet.hpp"
#include "load/number_format.hpp"
#include "detect/sheet_choice.hpp"
#include "load/sheet_grid.hpp"

namespace plansheet {

namespace {

using namespace detail;

std::string freexl_reason(int code) {
  switch (code) {
    case FREEXL_FILE_NOT_FOUND: return "the file cannot be opened";
    case FREEXL_INSUFFICIENT_MEMORY: return "out of memory";
    case FREEXL_INVALID_CFBF_HEADER: return "no OLE2 compound-file header";
    case FREEXL_CFBF_READ_ERROR:
    case FREEXL_CFBF_SEEK_ERROR: return "the file is truncated or damaged";
    case FREEXL_CFBF_INVALID_SIGNATURE:
    case FREEXL_CFBF_INVALID_SECTOR_SIZE:
    case FREEXL_CFBF_EMPTY_FAT_CHAIN:
    case FREEXL_CFBF_ILLEGAL_FAT_ENTRY:
    case FREEXL_INVALID_MINI_STREAM:
    case FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY: return "its compound-file structure is damaged";
    case FREEXL_BIFF_INVALID_BOF:
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND: return "it holds no Excel workbook stream";
    case FREEXL_BIFF_INVALID_SST:
    case FREEXL_BIFF_ILLEGAL_SST_INDEX: return "its string table is damaged";
    case FREEXL_UNSUPPORTED_CHARSET:
    case FREEXL_INVALID_CHARACTER: return "its text is in a character set that cannot be read";
    case FREEXL_CRAFTED_FILE: return "it is severely corrupted (possibly crafted)";
    default: return "freexl error " + std::to_string(code);
  }
}

struct Handle {
  const void* h = nullptr;
  ~Handle() {
    if (h != nullptr) freexl_close(h);
  }
};

std::string normalise_breaks(std::string s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      if (!(i + 1 < s.size() && s[i + 1] == '\n')) out += '\n';
      continue;
    }
    out += s[i];
  }
  return out;
}

struct XlsSheet {
  RawTable table;
  std::vector<DecimalCell> decimals;
};

// What the sheets read so far hold, counted as they are read so a workbook over a limit stops at once, not after
// every sheet is in memory.
struct ReadCounts {
  std::uint64_t cells = 0, text = 0;
};

XlsSheet read_sheet(const void* handle, const std::string& source, unsigned short index, const std::string& name,
                    const Limits& limits, ReadCounts& counts) {
  XlsSheet out;
  out.table.source = source;
  out.table.records_delimited = true;
  out.table.sheet = name;
  int rc = freexl_select_active_worksheet(handle, index);
  unsigned int rows = 0;
  unsigned short columns = 0;
  if (rc == FREEXL_OK) rc = freexl_worksheet_dimensions(handle, &rows, &columns);
  if (rc != FREEXL_OK) {
    throw input_error(source + ": sheet '" + name + "' cannot be read (" + freexl_reason(rc) +
                      "); re-save the workbook as .xlsx or export CSV");
  }
  // freexl reports the row and column counts (not the last index as its header comment says).
  std::vector<std::vector<std::string>> grid;
  std::vector<std::vector<char>> decimal;
  std::vector<std::vector<double>> values;
  unsigned short width = 0;
  int previous_line = 0;
  for (unsigned int r = 0; r < rows; ++r) {
    Row row;
    row.line = static_cast<int>(r) + 1;
    bool any = false;
    std::vector<std::pair<std::size_t, double>> row_decimals;
    for (unsigned short c = 0; c < columns; ++c) {
      FreeXL_CellValue v;
      if (freexl_get_cell_value(handle, r, c, &v) != FREEXL_OK) continue;
      std::string text;
      switch (v.type) {
        case FREEXL_CELL_INT: text = std::to_string(v.value.int_value); break;
        case FREEXL_CELL_DOUBLE:
          text = general_number(v.value.double_value);
          if (v.value.double_value != static_cast<double>(static_cast<long long>(v.value.double_value)))
            row_decimals.emplace_back(c, v.value.double_value);
          break;
        case FREEXL_CELL_TEXT:
        case FREEXL_CELL_SST_TEXT:
        case FREEXL_CELL_DATE:
        case FREEXL_CELL_DATETIME:
        case FREEXL_CELL_TIME:
          if (v.value.text_value != nullptr) text = normalise_breaks(v.value.text_value);
          break;
        default: break;
      }
      if (text.empty()) continue;
      check_cells(source, ++counts.cells, limits);
      check_expanded(source, counts.text += text.size(), limits);
      any = true;
      if (row.cells.size() <= c) row.cells.resize(static_cast<std::size_t>(c) + 1);
      row.cells[c].text = std::move(text);
      width = std::max<unsigned short>(width, static_cast<unsigned short>(c + 1));
    }
    if (!any) continue;
    row.page_break_before = previous_line > 0 && row.line > previous_line + 1;
    previous_line = row.line;
    for (const auto& [c, value] : row_decimals) out.decimals.push_back({out.table.rows.size(), c, value});
    out.table.rows.push_back(std::move(row));
  }
  for (Row& row : out.table.rows) {
    row.cells.resize(width);
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      Cell& cell = row.cells[c];
      cell.pos.line = row.line;
      cell.pos.column = static_cast<int>(c) + 1;
    }
    row.raw = join_cells(row);
  }
  return out;
}

// ---------------------------------------------------------------- isolation
// libfreexl 1.0.6 can crash (invalid free) on damaged files, so the workbook is read in a child process that
// sends the table back through a pipe; a crash or a hang there becomes one error line here.

constexpr int child_seconds = 120;

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}
void put_str(std::string& out, const std::string& s) {
  put_u32(out, static_cast<std::uint32_t>(s.size()));
  out += s;
}

struct Reader {
  std::string_view in;
  std::size_t at = 0;
  bool ok = true;
  std::uint32_t u32() {
    if (at + 4 > in.size()) {
      ok = false;
      return 0;
    }
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(in[at + static_cast<std::size_t>(i)])) << (8 * i);
    at += 4;
    return v;
  }
  int i32() { return static_cast<int>(u32()); }
  std::string str() {
    std::uint32_t n = u32();
    if (!ok || at + n > in.size()) {
      ok = false;
      return {};
    }
    std::string s(in.substr(at, n));
    at += n;
    return s;
  }
};

// Only the fields read_sheet and load_xls fill are carried.
std::string encode_table(const RawTable& t) {
  std::string out = "T";
  put_str(out, t.source);
  put_str(out, t.sheet);
  put_u32(out, static_cast<std::uint32_t>(t.rows.size()));
  for (const Row& r : t.rows) {
    put_u32(out, static_cast<std::uint32_t>(r.line));
    put_u32(out, r.page_break_before ? 1 : 0);
    put_str(out, r.raw);
    put_u32(out, static_cast<std::uint32_t>(r.cells.size()));
    for (const Cell& c : r.cells) put_str(out, c.text);
  }
  put_u32(out, static_cast<std::uint32_t>(t.warnings.size()));
  for (const Diagnostic& d : t.warnings) {
    put_u32(out, static_cast<std::uint32_t>(d.pos.line));
    put_u32(out, static_cast<std::uint32_t>(d.pos.column));
    put_str(out, d.message);
  }
  return out;
}

std::optional<RawTable> decode_table(Reader& in) {
  RawTable t;
  t.source = in.str();
  t.sheet = in.str();
  std::uint32_t rows = in.u32();
  for (std::uint32_t i = 0; in.ok && i < rows; ++i) {
    Row r;
    r.line = in.i32();
    r.page_break_before = in.u32() != 0;
    r.raw = in.str();
    std::uint32_t cells = in.u32();
    for (std::uint32_t c = 0; in.ok && c < cells; ++c) {
      Cell cell;
      cell.text = in.str();
      cell.pos.line = r.line;
      cell.pos.column = static_cast<int>(c) + 1;
      r.cells.push_back(std::move(cell));
    }
    t.rows.push_back(std::move(r));
  }
  std::uint32_t warnings = in.u32();
  for (std::uint32_t i = 0; in.ok && i < warnings; ++i) {
    Diagnostic d;
    d.pos.line = in.i32();
    d.pos.column = in.i32();
    d.message = in.str();
    t.warnings.push_back(std::move(d));
  }
  if (!in.ok) return std::nullopt;
  return t;
}

RawTable read_workbook(const std::string& source, const std::optional<std::string>& sheet, const Limits& limits);

[[noreturn]] void fail_damaged(const std::string& source, const std::string& why) {
  throw input_error(source + ": not a readable XLS workbook (" + why +
                    "); re-save it from Excel as .xlsx or export CSV");
}

RawTable read_isolated(const std::string& source, const std::optional<std::string>& sheet, const Limits& limits) {
  int fds[2];
  if (pipe(fds) != 0) throw input_error(source + ": cannot create a pipe to read the .xls file (" + std::strerror(errno) + ")");
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    throw input_error(source + ": cannot start the .xls reader (" + std::strerror(errno) + ")");
  }
  if (pid == 0) {
    close(fds[0]);
    // A crash here must end only this child, not run handlers the parent installed (test runners, crash reports).
    for (int sig : {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL}) signal(sig, SIG_DFL);
    std::string out;
    try {
      out = encode_table(read_workbook(source, sheet, limits));
    } catch (const Error& e) {
      out = "E";
      put_u32(out, static_cast<std::uint32_t>(e.code()));
      put_str(out, e.what());
    } catch (const std::exception& e) {
      out = "E";
      put_u32(out, static_cast<std::uint32_t>(exit_input));
      put_str(out, source + ": " + e.what());
    }
    std::size_t sent = 0;
    while (sent < out.size()) {
      ssize_t n = write(fds[1], out.data() + sent, out.size() - sent);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) _exit(2);
      sent += static_cast<std::size_t>(n);
    }
    close(fds[1]);
    _exit(0);
  }
  close(fds[1]);
  std::string data;
  bool timed_out = false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(child_seconds);
  char buffer[65536];
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    int ready = poll(&p, 1, static_cast<int>(left));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) {
      timed_out = ready == 0;
      break;
    }
    ssize_t n = read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    data.append(buffer, static_cast<std::size_t>(n));
  }
  close(fds[0]);
  if (timed_out) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) fail_damaged(source, "the XLS reader did not finish within " + std::to_string(child_seconds) + " s");
  if (WIFSIGNALED(status) || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || data.empty()) {
    fail_damaged(source, "the file is damaged: the XLS reader stopped on it");
  }
  Reader in{data};
  in.at = 1;
  if (data[0] == 'E') {
    auto code = static_cast<ExitCode>(in.u32());
    std::string message = in.str();
    if (!in.ok) fail_damaged(source, "the XLS reader sent a damaged reply");
    throw Error(code, message);
  }
  std::optional<RawTable> table = decode_table(in);
  if (!table) fail_damaged(source, "the XLS reader sent a damaged reply");
  return std::move(*table);
}

}  // namespace

RawTable load_xls(const std::string& source, const std::optional<std::string>& sheet, const Limits& limits) {
  if (source == "-") {
    throw usage_error("-: an .xls workbook cannot be read from standard input; pass its file name");
  }
  return read_isolated(source, sheet, limits);
}

namespace {

RawTable read_workbook(const std::string& source, const std::optional<std::string>& sheet, const Limits& limits) {
  Handle handle;
  int rc = freexl_open(source.c_str(), &handle.h);
  if (rc != FREEXL_OK) {
    throw input_error(source + ": not a readable XLS workbook (" + freexl_reason(rc) +
                      "); re-save it from Excel as .xlsx or export CSV");
  }
  unsigned int info = 0;
  if (freexl_get_info(handle.h, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK && info == FREEXL_BIFF_OBFUSCATED) {
    throw input_error(source + ": the workbook is password-protected; remove the password in Excel and save again");
  }
  unsigned int count = 0;
  freexl_get_info(handle.h, FREEXL_BIFF_SHEET_COUNT, &count);
  check_sheets(source, count, limits);
  std::vector<std::string> names;
  for (unsigned int i = 0; i < count && i < 65535; ++i) {
    const char* name = nullptr;
    if (freexl_get_worksheet_name(handle.h, static_cast<unsigned short>(i), &name) == FREEXL_OK && name != nullptr)
      names.emplace_back(name);
    else
      names.push_back("Sheet" + std::to_string(i + 1));
  }
  if (names.empty()) {
    throw input_error(source + ": the workbook has no worksheet; save the action table on a worksheet, or export CSV");
  }
  const std::string formatting_warning =
      source + " is an old .xls workbook: only cell values are read, not fill colours (RAG), struck-through text, "
               "merged cells, hidden rows or columns, or number formats (dates show as YYYY-MM-DD); save it as .xlsx "
               "to keep them";

  ReadCounts counts;
  auto finish = [&](XlsSheet s) {
    warn_lost_trailing_zeros(s.table, s.decimals);
    s.table.warnings.push_back({{}, "", formatting_warning});
    return std::move(s.table);
  };

  if (sheet) {
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == *sheet) return finish(read_sheet(handle.h, source, static_cast<unsigned short>(i), names[i], limits, counts));
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "'" : ", '") + n + "'";
    throw usage_error(source + ": no sheet named '" + *sheet + "'; the worksheets are " + list +
                      "; pass one of them to --sheet");
  }

  std::vector<SheetScore> scores;
  std::optional<XlsSheet> best;
  std::size_t best_index = 0;
  for (std::size_t i = 0; i < names.size(); ++i) {
    XlsSheet s = read_sheet(handle.h, source, static_cast<unsigned short>(i), names[i], limits, counts);
    scores.push_back(score_sheet(s.table, names[i], false));
    if (best_sheet(scores) == i) {
      best = std::move(s);
      best_index = i;
    }
  }
  RawTable table = finish(std::move(*best));
  note_sheet_choice(table, scores, best_index);
  return table;
}

}  // namespace

}  // namespace plansheet
