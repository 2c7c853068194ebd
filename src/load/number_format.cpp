// Spreadsheet numbers to the text a reader sees: Excel number formats (dates, fixed decimals, percentages) and
// the shortest faithful text for General. Takes a value and a format code; returns UTF-8 text.
#include "load/number_format.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <vector>

namespace plansheet::detail {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// The first section of a format code (sections are separated by ';' outside quotes and brackets).
std::string_view section(std::string_view code, std::size_t wanted) {
  std::size_t start = 0, index = 0;
  bool quoted = false, bracket = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '\\' && !quoted) {
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && c == '[') {
      bracket = true;
    } else if (!quoted && c == ']') {
      bracket = false;
    } else if (!quoted && !bracket && c == ';') {
      if (index == wanted) return code.substr(start, i - start);
      ++index;
      start = i + 1;
    }
  }
  return index == wanted ? code.substr(start) : std::string_view();
}

// ---------------------------------------------------------------- calendar

struct Civil {
  long long year;
  unsigned month;
  unsigned day;
};

// Howard Hinnant's civil_from_days: days since 1970-01-01 to a proleptic Gregorian date.
Civil civil_from_days(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long y = static_cast<long long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

long long days_from_civil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

struct DateTime {
  Civil date{1900, 1, 1};
  long long unix_days = 0;
  int hour = 0, minute = 0, second = 0, millis = 0;
  bool has_time = false;
};

DateTime from_serial(double serial, bool date1904) {
  DateTime out;
  // Round to the millisecond first so 0.999999 of a day does not show as 23:59:59.
  long long total_ms = std::llround(serial * 86400000.0);
  long long days = total_ms >= 0 ? total_ms / 86400000 : -((-total_ms + 86399999) / 86400000);
  long long ms = total_ms - days * 86400000;
  out.has_time = ms != 0;
  out.hour = static_cast<int>(ms / 3600000);
  out.minute = static_cast<int>(ms / 60000 % 60);
  out.second = static_cast<int>(ms / 1000 % 60);
  out.millis = static_cast<int>(ms % 1000);
  if (date1904) {
    out.unix_days = days_from_civil(1904, 1, 1) + days;
  } else if (days == 60) {
    // Excel keeps Lotus 1-2-3's fictitious 29 February 1900.
    out.date = {1900, 2, 29};
    out.unix_days = days_from_civil(1900, 3, 1) - 1;
    return out;
  } else {
    out.unix_days = days_from_civil(1899, 12, days < 60 ? 31 : 30) + days;
  }
  out.date = civil_from_days(out.unix_days);
  return out;
}

std::string two(long long v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%02lld", v);
  return buf;
}

std::string iso(const DateTime& dt) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", dt.date.year, dt.date.month, dt.date.day);
  std::string out = buf;
  if (dt.has_time) out += " " + two(dt.hour) + ":" + two(dt.minute);
  return out;
}

constexpr std::array<const char*, 12> month_names = {"January", "February", "March",     "April",   "May",      "June",
                                                     "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<const char*, 7> day_names = {"Sunday", "Monday", "Tuesday", "Wednesday",
                                                  "Thursday", "Friday", "Saturday"};

// ---------------------------------------------------------------- date format tokens

enum class Tk { literal, year, month, day, hour, minute, second, ampm, subsecond, elapsed_hours, elapsed_minutes, elapsed_seconds, month_or_minute };

struct Token {
  Tk kind = Tk::literal;
  std::size_t width = 0;
  std::string text;  // literal text, or "AM/PM" / "A/P"
};

std::vector<Token> tokenise_date(std::string_view code) {
  std::vector<Token> out;
  auto literal = [&out](std::string_view s) {
    if (!out.empty() && out.back().kind == Tk::literal) out.back().text += s;
    else out.push_back({Tk::literal, 0, std::string(s)});
  };
  auto last_kind = [&out]() {
    for (auto it = out.rbegin(); it != out.rend(); ++it)
      if (it->kind != Tk::literal) return it->kind;
    return Tk::literal;
  };
  for (std::size_t i = 0; i < code.size();) {
    char c = code[i];
    char lc = lower(c);
    auto run = [&](char letter) {
      std::size_t n = 0;
      while (i + n < code.size() && lower(code[i + n]) == letter) ++n;
      i += n;
      return n;
    };
    if (c == '"') {
      auto close = code.find('"', i + 1);
      if (close == std::string_view::npos) close = code.size();
      literal(code.substr(i + 1, close - i - 1));
      i = close + 1;
    } else if (c == '\\' && i + 1 < code.size()) {
      literal(code.substr(i + 1, 1));
      i += 2;
    } else if (c == '_' && i + 1 < code.size()) {
      literal(" ");
      i += 2;
    } else if (c == '*' && i + 1 < code.size()) {
      i += 2;
    } else if (c == '[') {
      auto close = code.find(']', i);
      if (close == std::string_view::npos) close = code.size();
      std::string inner;
      for (char ch : code.substr(i + 1, close - i - 1)) inner += lower(ch);
      if (!inner.empty() && inner.find_first_not_of('h') == std::string::npos) out.push_back({Tk::elapsed_hours, inner.size(), {}});
      else if (!inner.empty() && inner.find_first_not_of('m') == std::string::npos) out.push_back({Tk::elapsed_minutes, inner.size(), {}});
      else if (!inner.empty() && inner.find_first_not_of('s') == std::string::npos) out.push_back({Tk::elapsed_seconds, inner.size(), {}});
      // Anything else in brackets is a locale ([$-809]), colour ([Red]) or condition: not shown.
      i = close + 1;
    } else if (lc == 'y') {
      out.push_back({Tk::year, run('y'), {}});
    } else if (lc == 'e') {
      ++i;
      out.push_back({Tk::year, 4, {}});
    } else if (lc == 'd') {
      out.push_back({Tk::day, run('d'), {}});
    } else if (lc == 'h') {
      out.push_back({Tk::hour, run('h'), {}});
    } else if (lc == 's') {
      out.push_back({Tk::second, run('s'), {}});
    } else if (lc == 'm') {
      out.push_back({Tk::month_or_minute, run('m'), {}});
    } else if (lc == 'a' && code.substr(i).size() >= 5 && lower(code[i + 1]) == 'm' && code[i + 2] == '/' &&
               lower(code[i + 3]) == 'p' && lower(code[i + 4]) == 'm') {
      out.push_back({Tk::ampm, 5, "AM/PM"});
      i += 5;
    } else if (lc == 'a' && code.substr(i).size() >= 3 && code[i + 1] == '/' && lower(code[i + 2]) == 'p') {
      out.push_back({Tk::ampm, 3, "A/P"});
      i += 3;
    } else if (c == '0' && (last_kind() == Tk::second || last_kind() == Tk::elapsed_seconds) && !out.empty() &&
               out.back().kind == Tk::literal && !out.back().text.empty() && out.back().text.back() == '.') {
      out.push_back({Tk::subsecond, run('0'), {}});
    } else {
      literal(code.substr(i, 1));
      ++i;
    }
  }
  // "m" is minutes right after an hour or right before a second, months otherwise.
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (out[k].kind != Tk::month_or_minute) continue;
    Tk before = Tk::literal, after = Tk::literal;
    for (std::size_t j = k; j-- > 0;)
      if (out[j].kind != Tk::literal) { before = out[j].kind; break; }
    for (std::size_t j = k + 1; j < out.size(); ++j)
      if (out[j].kind != Tk::literal) { after = out[j].kind; break; }
    bool minute = before == Tk::hour || before == Tk::elapsed_hours || after == Tk::second || after == Tk::elapsed_seconds;
    out[k].kind = minute && out[k].width <= 2 ? Tk::minute : Tk::month;
  }
  return out;
}

std::string render_date(const DateTime& dt, const std::vector<Token>& tokens, double serial) {
  bool twelve_hour = false;
  for (const auto& t : tokens) twelve_hour = twelve_hour || t.kind == Tk::ampm;
  std::string out;
  const auto weekday = static_cast<std::size_t>(((dt.unix_days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
  for (const auto& t : tokens) {
    switch (t.kind) {
      case Tk::literal: out += t.text; break;
      case Tk::year:
        out += t.width <= 2 ? two(dt.date.year % 100) : std::to_string(dt.date.year);
        break;
      case Tk::month: {
        const std::string name = month_names[dt.date.month - 1];
        if (t.width == 1) out += std::to_string(dt.date.month);
        else if (t.width == 2) out += two(dt.date.month);
        else if (t.width == 3) out += name.substr(0, 3);
        else if (t.width == 4) out += name;
        else out += name.substr(0, 1);
        break;
      }
      case Tk::day: {
        const std::string name = day_names[weekday];
        if (t.width == 1) out += std::to_string(dt.date.day);
        else if (t.width == 2) out += two(dt.date.day);
        else if (t.width == 3) out += name.substr(0, 3);
        else out += name;
        break;
      }
      case Tk::hour: {
        int h = dt.hour;
        if (twelve_hour) h = h % 12 == 0 ? 12 : h % 12;
        out += t.width >= 2 ? two(h) : std::to_string(h);
        break;
      }
      case Tk::minute: out += t.width >= 2 ? two(dt.minute) : std::to_string(dt.minute); break;
      case Tk::second: out += t.width >= 2 ? two(dt.second) : std::to_string(dt.second); break;
      case Tk::subsecond: {
        std::string ms = std::to_string(1000 + dt.millis).substr(1);
        out += ms.substr(0, std::min<std::size_t>(t.width, 3));
        break;
      }
      case Tk::ampm:
        if (t.width == 5) out += dt.hour < 12 ? "AM" : "PM";
        else out += dt.hour < 12 ? "A" : "P";
        break;
      case Tk::elapsed_hours: out += std::to_string(std::llround(std::floor(serial * 24))); break;
      case Tk::elapsed_minutes: out += std::to_string(std::llround(std::floor(serial * 1440))); break;
      case Tk::elapsed_seconds: out += std::to_string(std::llround(std::floor(serial * 86400))); break;
      case Tk::month_or_minute: break;
    }
  }
  return out;
}

// ---------------------------------------------------------------- plain numbers

std::string with_thousands(const std::string& digits) {
  std::string out;
  std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    out += digits[i];
    if (i + 1 < n && (n - i - 1) % 3 == 0) out += ',';
  }
  return out;
}

}  // namespace

std::string builtin_format_code(int id) {
  switch (id) {
    case 1: return "0";
    case 2: return "0.00";
    case 3: return "#,##0";
    case 4: return "#,##0.00";
    case 9: return "0%";
    case 10: return "0.00%";
    case 11: return "0.00E+00";
    case 12: return "# ?/?";
    case 13: return "# ?\?/?\?";
    case 14: return "dd/mm/yyyy";
    case 15: return "d-mmm-yy";
    case 16: return "d-mmm";
    case 17: return "mmm-yy";
    case 18: return "h:mm AM/PM";
    case 19: return "h:mm:ss AM/PM";
    case 20: return "h:mm";
    case 21: return "h:mm:ss";
    case 22: return "dd/mm/yyyy hh:mm";
    case 37: return "#,##0 ;(#,##0)";
    case 38: return "#,##0 ;[Red](#,##0)";
    case 39: return "#,##0.00;(#,##0.00)";
    case 40: return "#,##0.00;[Red](#,##0.00)";
    case 45: return "mm:ss";
    case 46: return "[h]:mm:ss";
    case 47: return "mm:ss.0";
    case 48: return "##0.0E+0";
    case 49: return "@";
    default: return "";
  }
}

bool is_date_format(int id, std::string_view code) {
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)) return true;
  std::string_view first = section(code, 0);
  std::string lowered;
  for (char c : first) lowered += lower(c);
  if (lowered.find("general") != std::string::npos) return false;
  bool quoted = false, bracket = false;
  for (std::size_t i = 0; i < first.size(); ++i) {
    char c = first[i];
    if (c == '\\' || c == '_' || c == '*') {
      ++i;
      continue;
    }
    if (c == '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c == '[') {
      // Elapsed-time brackets ([h], [mm]) make a time format; locale and colour brackets do not.
      char next = i + 1 < first.size() ? lower(first[i + 1]) : '\0';
      if (next == 'h' || next == 'm' || next == 's') return true;
      bracket = true;
    } else if (c == ']') bracket = false;
    else if (!bracket) {
      char lc = lower(c);
      if (lc == 'd' || lc == 'm' || lc == 'y' || lc == 'h' || lc == 's' || lc == 'e') {
        if (lc == 'e' && (first.find('0') != std::string_view::npos || first.find('#') != std::string_view::npos))
          continue;  // the exponent of "0.00E+00"
        return true;
      }
    }
  }
  return false;
}

std::string general_number(double value) {
  if (!std::isfinite(value)) return "#NUM!";
  if (value == 0) return "0";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", value);
  std::string out = buf;
  if (auto e = out.find('e'); e != std::string::npos) out[e] = 'E';
  return out;
}

std::string format_date(double serial, std::string_view code, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial > 2958465.0) return general_number(serial);  // past 9999-12-31
  DateTime dt = from_serial(serial, date1904);
  std::vector<Token> tokens = tokenise_date(section(code, 0));
  bool any = false;
  for (const auto& t : tokens) any = any || t.kind != Tk::literal;
  if (!any) return iso(dt);
  // A numeric month before a numeric day (US "m/d/yyyy") would be read back as day/month by every UK reader of
  // the plan, so such dates are written in ISO form instead.
  int numeric_month = -1, numeric_day = -1;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind == Tk::month && tokens[i].width <= 2 && numeric_month < 0) numeric_month = static_cast<int>(i);
    if (tokens[i].kind == Tk::day && tokens[i].width <= 2 && numeric_day < 0) numeric_day = static_cast<int>(i);
  }
  if (numeric_month >= 0 && numeric_day >= 0 && numeric_month < numeric_day) return iso(dt);
  return render_date(dt, tokens, serial);
}

std::string format_number(double value, std::string_view code) {
  std::string_view sec = section(code, 0);
  bool negative_section = false;
  if (value < 0) {
    std::string_view second = section(code, 1);
    if (!second.empty()) {
      sec = second;
      negative_section = true;
    }
  }
  std::string lowered;
  for (char c : sec) lowered += lower(c);
  if (sec.empty() || lowered == "general" || sec == "@" || sec.find('/') != std::string_view::npos)
    return general_number(value);

  std::string prefix, suffix;
  int min_decimals = 0, max_decimals = 0;
  bool thousands = false, percent = false, exponent = false, seen_digit = false, after_point = false;
  for (std::size_t i = 0; i < sec.size(); ++i) {
    char c = sec[i];
    std::string lit;
    if (c == '"') {
      auto close = sec.find('"', i + 1);
      if (close == std::string_view::npos) close = sec.size();
      lit = std::string(sec.substr(i + 1, close - i - 1));
      i = close;
    } else if (c == '\\' && i + 1 < sec.size()) {
      lit = std::string(1, sec[++i]);
    } else if (c == '_' && i + 1 < sec.size()) {
      ++i;
      lit = " ";
    } else if (c == '*' && i + 1 < sec.size()) {
      ++i;
      continue;
    } else if (c == '[') {
      auto close = sec.find(']', i);
      i = close == std::string_view::npos ? sec.size() : close;
      continue;
    } else if (c == '0' || c == '#' || c == '?') {
      if (exponent) continue;
      seen_digit = true;
      if (after_point) {
        ++max_decimals;
        if (c == '0') ++min_decimals;
      }
      continue;
    } else if (c == '.' && seen_digit && !after_point) {
      after_point = true;
      continue;
    } else if (c == '.' && !seen_digit && i + 1 < sec.size() && (sec[i + 1] == '0' || sec[i + 1] == '#')) {
      seen_digit = true;
      after_point = true;
      continue;
    } else if (c == ',' && seen_digit && !after_point) {
      thousands = true;
      continue;
    } else if ((c == 'E' || c == 'e') && seen_digit && i + 1 < sec.size() && (sec[i + 1] == '+' || sec[i + 1] == '-')) {
      exponent = true;
      ++i;
      continue;
    } else if (c == '%') {
      percent = true;
      lit = "%";
    } else {
      lit = std::string(1, c);
    }
    (seen_digit ? suffix : prefix) += lit;
  }
  if (!seen_digit) return prefix + suffix;  // a format that shows only text

  double v = negative_section ? std::fabs(value) : value;
  if (percent) v *= 100;
  char buf[512];
  if (exponent) {
    std::snprintf(buf, sizeof buf, "%.*E", max_decimals, v);
    return prefix + buf + suffix;
  }
  if (std::fabs(v) >= 1e15) return prefix + general_number(v) + suffix;
  std::snprintf(buf, sizeof buf, "%.*f", max_decimals, v);
  std::string number = buf;
  bool negative = !number.empty() && number[0] == '-';
  if (negative) number.erase(0, 1);
  std::string int_part = number, frac_part;
  if (auto dot = number.find('.'); dot != std::string::npos) {
    int_part = number.substr(0, dot);
    frac_part = number.substr(dot + 1);
  }
  while (static_cast<int>(frac_part.size()) > min_decimals && !frac_part.empty() && frac_part.back() == '0')
    frac_part.pop_back();
  if (thousands) int_part = with_thousands(int_part);
  bool all_zero = int_part.find_first_not_of("0,") == std::string::npos && frac_part.find_first_not_of('0') == std::string::npos;
  std::string out = (negative && !all_zero ? "-" : "") + int_part + (frac_part.empty() ? "" : "." + frac_part);
  return prefix + out + suffix;
}

std::string display_number(double value, int num_fmt_id, std::string_view code, bool date1904) {
  if (is_date_format(num_fmt_id, code)) return format_date(value, code, date1904);
  return format_number(value, code);
}

}  // namespace plansheet::detail
