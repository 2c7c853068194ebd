// Reading parts of an XLSX (zip) package from memory with libzip, with limits that stop zip bombs.
// Every failure becomes Error(exit_input) with one line naming the file and the part.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

struct zip;

namespace plansheet::detail {

// Limits on what one workbook may expand to. A real action plan is a few MiB at most; the caps are far above
// that but far below what would exhaust memory.
struct ZipLimits {
  std::uint64_t max_total = 512ull << 20;  // all parts read, decompressed
  std::uint64_t max_part = 256ull << 20;   // one part, decompressed
  std::uint64_t max_ratio = 200;           // decompressed : compressed, checked once a part passes ratio_floor
  std::uint64_t ratio_floor = 1ull << 20;  // small parts may compress extremely well (runs of empty cells)
};

class ZipPackage {
 public:
  // `source` names the file in messages. The bytes must outlive the package.
  ZipPackage(std::string source, std::string_view bytes, ZipLimits limits = {});
  ~ZipPackage();
  ZipPackage(const ZipPackage&) = delete;
  ZipPackage& operator=(const ZipPackage&) = delete;

  // True when the package holds the part (part names are case-insensitive in OPC; no leading '/').
  bool has(const std::string& part) const;
  // The whole part, decompressed (for small parts: rels, workbook, styles, theme).
  std::string read(const std::string& part);
  // The part in decompressed chunks, for streaming parsers (worksheets, shared strings).
  void stream(const std::string& part, const std::function<void(std::string_view)>& sink);

  const std::string& source() const { return source_; }

 private:
  std::string source_;
  ZipLimits limits_;
  zip* archive_ = nullptr;
  std::uint64_t total_read_ = 0;
};

// Resolve a relationship target against the folder of the part that owns the .rels ("xl/workbook.xml" +
// "worksheets/sheet1.xml" -> "xl/worksheets/sheet1.xml"; "/xl/x.xml" -> "xl/x.xml"; ".." segments applied).
std::string resolve_part(const std::string& owner_part, const std::string& target);

}  // namespace plansheet::detail
