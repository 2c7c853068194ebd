// Pass 1 for CSV (see csv_dialect.hpp): candidates , ; tab | scored by field-count consistency over the first
// records, the CSV loader supplying the counts from its own record reader.
#include "detect/csv_dialect.hpp"

#include <map>

namespace plansheet {
namespace {

std::string delim_name(char d) {
  switch (d) {
    case '\t': return "tab";
    case ',': return "','";
    case ';': return "';'";
    default: return std::string("'") + d + "'";
  }
}

}  // namespace

DelimiterScore score_delimiter(char delim, const std::vector<std::size_t>& field_counts) {
  DelimiterScore s;
  s.delim = delim;
  std::map<std::size_t, std::size_t> counts;
  std::size_t total = 0;
  for (std::size_t fields : field_counts) {
    ++counts[fields];
    ++total;
  }
  std::size_t best = 0;
  for (const auto& [fields, count] : counts) {
    if (count >= best) {
      best = count;
      s.fields = fields;
    }
  }
  if (total > 0 && s.fields > 1) s.consistency = static_cast<double>(best) / static_cast<double>(total);
  return s;
}

CsvDialect choose_csv_delimiter(const std::array<std::vector<std::size_t>, csv_delimiters.size()>& field_counts) {
  std::array<DelimiterScore, csv_delimiters.size()> scores;
  for (std::size_t i = 0; i < scores.size(); ++i) scores[i] = score_delimiter(csv_delimiters[i], field_counts[i]);
  std::size_t best = 0;
  for (std::size_t i = 1; i < scores.size(); ++i) {
    const auto& a = scores[i];
    const auto& b = scores[best];
    if (a.consistency > b.consistency || (a.consistency == b.consistency && a.fields > b.fields)) best = i;
  }
  CsvDialect dialect;
  dialect.delim = scores[best].delim;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    if (i == best || scores[i].fields != scores[best].fields || scores[i].consistency < scores[best].consistency - 1e-9) continue;
    if (scores[best].fields > 1) {
      dialect.warning = "both " + delim_name(dialect.delim) + " and " + delim_name(scores[i].delim) +
                        " split the rows into " + std::to_string(scores[best].fields) + " fields; read with " +
                        delim_name(dialect.delim) + " — re-export the CSV with one delimiter if columns look wrong";
    }
    break;
  }
  return dialect;
}

}  // namespace plansheet
