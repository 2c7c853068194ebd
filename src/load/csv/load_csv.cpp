// Stage: CSV bytes to a RawTable. RFC 4180 quoting, the delimiter chosen by detect/csv_dialect.cpp (or a "sep="
// line), UTF-8 (BOM or not), UTF-16 with BOM, and a logged Windows-1252 fallback for bytes that are not UTF-8.
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "detect/csv_dialect.hpp"
#include "model/errors.hpp"
#include "load/load_spreadsheet.hpp"
#include "text/text_decoding.hpp"

namespace plansheet {

namespace {

// ---------------------------------------------------------------- decoding


// Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid (overlong, surrogate, truncated, > U+10FFFF).
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t len = 0;
  unsigned lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) len = 2;
  else if (c == 0xE0) { len = 3; lo = 0xA0; }
  else if (c >= 0xE1 && c <= 0xEC) len = 3;
  else if (c == 0xED) { len = 3; hi = 0x9F; }
  else if (c >= 0xEE && c <= 0xEF) len = 3;
  else if (c == 0xF0) { len = 4; lo = 0x90; }
  else if (c >= 0xF1 && c <= 0xF3) len = 4;
  else if (c == 0xF4) { len = 4; hi = 0x8F; }
  else return 0;
  if (i + len > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < len; ++k)
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  return len;
}

// Offset of the first byte that is not valid UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = utf8_sequence(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

std::string with_replacement_chars(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = utf8_sequence(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

int line_of(std::string_view s, std::size_t offset) {
  int line = 1;
  for (std::size_t i = 0; i < offset && i < s.size(); ++i) {
    if (s[i] == '\n') ++line;
    else if (s[i] == '\r' && !(i + 1 < s.size() && s[i + 1] == '\n')) ++line;
  }
  return line;
}

std::string_view line_around(std::string_view s, std::size_t offset) {
  std::size_t begin = s.find_last_of("\r\n", offset);
  begin = begin == std::string_view::npos ? 0 : begin + 1;
  std::size_t end = s.find_first_of("\r\n", offset);
  if (end == std::string_view::npos) end = s.size();
  return s.substr(begin, end - begin);
}

// ---------------------------------------------------------------- records

struct Field {
  std::string text;
  int line = 0;
};

struct Record {
  std::vector<Field> fields;
  int line = 0;
  std::size_t begin = 0;  // offsets of the record's text, without its line break
  std::size_t end = 0;
  bool unterminated_quote = false;  // re-read with quotes as plain characters
};

bool is_blank(const Record& r) {
  return std::all_of(r.fields.begin(), r.fields.end(), [](const Field& f) {
    return f.text.find_first_not_of(" \t") == std::string::npos;
  });
}

// RFC 4180 with the leniencies real exports need: CR, LF or CRLF line ends; spaces before an opening quote;
// text after a closing quote kept; a quote that never closes makes its record plain text to the end of the line.
std::vector<Record> parse_records(std::string_view text, char delim, std::size_t max_records) {
  std::vector<Record> out;
  std::size_t pos = 0;
  const std::size_t n = text.size();
  int line = 1;
  while (pos < n && out.size() < max_records) {
    Record rec;
    rec.line = line;
    rec.begin = pos;
    bool literal_quotes = false;
    const int start_line = line;
  restart:
    rec.fields.clear();
    for (;;) {
      Field field;
      field.line = line;
      std::size_t p = pos;
      while (p < n && text[p] == ' ') ++p;
      if (!literal_quotes && p < n && text[p] == '"') {
        std::size_t i = p + 1;
        int l = line;
        bool closed = false;
        while (i < n) {
          char c = text[i];
          if (c == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              field.text += '"';
              i += 2;
              continue;
            }
            closed = true;
            ++i;
            break;
          }
          if (c == '\r') {
            field.text += '\n';
            ++l;
            i += (i + 1 < n && text[i + 1] == '\n') ? 2 : 1;
            continue;
          }
          if (c == '\n') ++l;
          field.text += c;
          ++i;
        }
        if (!closed) {
          literal_quotes = true;
          rec.unterminated_quote = true;
          pos = rec.begin;
          line = start_line;
          goto restart;
        }
        line = l;
        while (i < n && text[i] != delim && text[i] != '\n' && text[i] != '\r') field.text += text[i++];
        pos = i;
      } else {
        std::size_t i = pos;
        while (i < n && text[i] != delim && text[i] != '\n' && text[i] != '\r') ++i;
        field.text.assign(text.substr(pos, i - pos));
        pos = i;
      }
      rec.fields.push_back(std::move(field));
      if (pos < n && text[pos] == delim) {
        ++pos;
        continue;
      }
      rec.end = pos;
      if (pos < n && text[pos] == '\r') {
        ++pos;
        if (pos < n && text[pos] == '\n') ++pos;
      } else if (pos < n && text[pos] == '\n') {
        ++pos;
      }
      ++line;
      break;
    }
    out.push_back(std::move(rec));
  }
  return out;
}

// The field count of each non-blank record among the first 50 read with `delim`: what the delimiter score takes.
std::vector<std::size_t> field_counts(std::string_view text, char delim) {
  std::vector<std::size_t> counts;
  for (const Record& r : parse_records(text, delim, 50))
    if (!is_blank(r)) counts.push_back(r.fields.size());
  return counts;
}

}  // namespace

RawTable load_csv(const std::string& source, std::string_view bytes) {
  RawTable table;
  table.source = source;
  table.records_delimited = true;

  std::string decoded;
  std::string_view text = bytes;
  if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    // Excel's "Unicode text" export is UTF-16 with a byte order mark.
    decoded = decode_utf16(bytes.substr(2), bytes[0] == '\xFF');
    text = decoded;
  } else if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    text = bytes.substr(3);
  }
  if (text.find('\0') != std::string_view::npos) {
    throw input_error(source + ": holds NUL bytes, so it is not a text CSV file (a workbook saved under a .csv "
                      "name?); export CSV again or pass the workbook itself");
  }
  if (std::size_t bad = first_invalid_utf8(text); bad != std::string_view::npos) {
    const int line = line_of(text, bad);
    std::string_view raw_line = line_around(text, bad);
    std::string before = with_replacement_chars(raw_line);
    std::string after = decode_windows_1252(raw_line);
    decoded = decode_windows_1252(text);
    text = decoded;
    table.repairs.push_back({RepairRule::encoding, {line}, "", "", before, after});
    table.warnings.push_back({{line}, "",
                              source + " is not valid UTF-8 (first at line " + std::to_string(line) +
                                  "); read it as Windows-1252 — check accented letters, dashes and '£' signs, or "
                                  "save the file as CSV UTF-8"});
  }

  // Excel writes (and honours) a first line "sep=;" naming the delimiter: it wins over sniffing.
  std::optional<char> declared;
  int first_line = 1;
  if (text.size() >= 5 && (text.substr(0, 4) == "sep=" || text.substr(0, 4) == "SEP=") &&
      (text.size() == 5 || text[5] == '\n' || text[5] == '\r')) {
    declared = text[4];
    std::size_t skip = 5;
    if (skip < text.size() && text[skip] == '\r') ++skip;
    if (skip < text.size() && text[skip] == '\n') ++skip;
    table.removed.push_back({1, std::string(text.substr(0, 5)), RemovalReason::furniture});
    text.remove_prefix(skip);
    first_line = 2;
  }

  // Dialect (detect/csv_dialect.cpp): the delimiter that splits the first records most consistently.
  char delim = declared.value_or(',');
  if (!declared) {
    std::array<std::vector<std::size_t>, csv_delimiters.size()> counts;
    for (std::size_t i = 0; i < csv_delimiters.size(); ++i) counts[i] = field_counts(text, csv_delimiters[i]);
    CsvDialect dialect = choose_csv_delimiter(counts);
    delim = dialect.delim;
    if (!dialect.warning.empty()) table.warnings.push_back({{}, "", dialect.warning, ""});
  }

  std::vector<Record> records = parse_records(text, delim, static_cast<std::size_t>(-1));
  if (first_line != 1) {
    for (Record& rec : records) {
      rec.line += first_line - 1;
      for (Field& f : rec.fields) f.line += first_line - 1;
    }
  }
  bool after_blank = false;
  for (Record& rec : records) {
    Row row;
    row.line = rec.line;
    row.raw.assign(text.substr(rec.begin, rec.end - rec.begin));
    row.page_break_before = after_blank;
    after_blank = is_blank(rec);
    for (std::size_t i = 0; i < rec.fields.size(); ++i) {
      Cell cell;
      cell.text = std::move(rec.fields[i].text);
      cell.pos.line = rec.fields[i].line;
      cell.pos.column = static_cast<int>(i) + 1;
      row.cells.push_back(std::move(cell));
    }
    if (rec.unterminated_quote) {
      table.warnings.push_back({{rec.line}, "",
                                "line " + std::to_string(rec.line) +
                                    ": a quote opens a field and never closes; read the line with its quotes as "
                                    "plain characters — check that row"});
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace plansheet
