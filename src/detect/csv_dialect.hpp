// Pass 1 for CSV: which delimiter splits the rows. Takes the field counts each candidate delimiter gives the
// first records; gives the delimiter, and a warning when two candidates split the rows equally well.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace plansheet {

// The candidates, in the order that wins a tie.
inline constexpr std::array<char, 4> csv_delimiters = {',', ';', '\t', '|'};

struct DelimiterScore {
  char delim = ',';
  double consistency = 0;  // share of non-blank records with the most common field count (0 when that count is 1)
  std::size_t fields = 0;  // the most common field count
};

// Score a delimiter by how consistently it splits the first records: the share of non-blank records with the
// modal field count, counting only a mode above one field (a delimiter that never splits scores 0).
// `field_counts`: the field count of each non-blank record, in order.
DelimiterScore score_delimiter(char delim, const std::vector<std::size_t>& field_counts);

struct CsvDialect {
  char delim = ',';
  std::string warning;  // two delimiters split the rows into as many fields: which one was read, and what to do
};

// The most consistent delimiter wins; a tie goes to more fields, then to the order of csv_delimiters.
// `field_counts[i]`: what score_delimiter takes, for csv_delimiters[i].
CsvDialect choose_csv_delimiter(const std::array<std::vector<std::size_t>, csv_delimiters.size()>& field_counts);

}  // namespace plansheet
