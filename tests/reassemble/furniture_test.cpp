// Tests for the furniture pass alone: page numbers (bare ones only with a page break beside them or counting up),
// page phrases and rules, every header line printed again, running headers and footers; and the rows that only
// look a little like them (an action, a heading after a page break, a number that continues the ids) are kept.
#include <doctest/doctest.h>

#include "reassemble/pass_inputs.hpp"

using namespace plansheet;
using namespace plansheet::detail;
using namespace plansheet::testing;

namespace {

// A table with `above` lines before a header of `header` lines; rows whose first cell is "" and that have no
// other cell stand for blank lines (the next row gets a page break before it).
struct Built {
  RawTable table;
  TableLayout layout;
};
Built build(const std::vector<std::vector<std::string>>& above, const std::vector<std::vector<std::string>>& header,
            const std::vector<std::vector<std::string>>& body, const std::vector<Role>& roles) {
  Built b;
  std::vector<std::vector<std::string>> all = above;
  all.insert(all.end(), header.begin(), header.end());
  std::vector<bool> breaks;
  std::vector<std::vector<std::string>> kept;
  bool pending = false;
  for (const auto& r : body) {
    if (r.size() == 1 && r[0].empty()) {
      pending = true;
      continue;
    }
    kept.push_back(r);
    breaks.push_back(std::exchange(pending, false));
  }
  all.insert(all.end(), kept.begin(), kept.end());
  b.table = table_of(all);
  b.layout = layout_of(roles);
  b.layout.header_begin = above.size();
  b.layout.body_begin = above.size() + header.size();
  for (std::size_t i = 0; i < breaks.size(); ++i) b.table.rows[b.layout.body_begin + i].page_break_before = breaks[i];
  return b;
}

std::optional<RemovalReason> reason(const std::optional<SetAside>& verdict) {
  return verdict ? std::optional<RemovalReason>(verdict->reason) : std::nullopt;
}

const std::vector<Role> roles = {Role::id, Role::action, Role::lead, Role::status};
const std::vector<std::vector<std::string>> header = {{"Ref", "Action", "Lead", "Status"}};

}  // namespace

TEST_CASE("furniture: is_furniture") {
  SUBCASE("page numbers, rules and continuation notes") {
    for (const char* text : {"Page 3 of 11", "page 4", "12 of 40", "PAGE 2", "________", "- - - -", "=====",
                             "(continued)", "Continued overleaf", "This page is intentionally left blank", "  ",
                             "Page 5/9", "Page 12345 of 64000"}) {
      CAPTURE(text);
      CHECK(is_furniture(text));
    }
  }
  SUBCASE("text that only starts like furniture; a bare number needs what surrounds it") {
    for (const char* text : {"Page turner reading scheme", "3 of the 11 schools", "Continued support for schools",
                             "Page 12345", "12", "3 of 11 schools", "24/7 helpline", "12345 of 64000"}) {
      CAPTURE(text);
      CHECK_FALSE(is_furniture(text));
    }
  }
}

TEST_CASE("furniture: find_furniture, page numbers") {
  SUBCASE("a bare number alone after a blank line is a page number, and so is one between dashes") {
    Built b = build({}, header,
                    {{"W1", "Fit loft insulation.", "Housing", "Open"}, {""}, {"7"},
                     {"W2", "Fit cavity insulation.", "Housing", "Open"}, {""}, {"\xE2\x80\x93 8 \xE2\x80\x93"},
                     {"W3", "Fit solid wall insulation.", "Housing", "Open"}},
                    roles);
    Verdicts why = find_furniture(b.table, b.layout);
    CHECK(reason(why[2]) == RemovalReason::page_number);
    CHECK(reason(why[4]) == RemovalReason::page_number);
    CHECK_FALSE(why[3]);
    CHECK_FALSE(why[5]);
  }
  SUBCASE("bare numbers that count up page by page are page numbers even with no blank line") {
    Built b = build({}, header,
                    {{"W1", "Fit loft insulation.", "Housing", "Open"}, {"21"},
                     {"W2", "Fit cavity insulation.", "Housing", "Open"}, {"22"},
                     {"W3", "Fit solid wall insulation.", "Housing", "Open"}},
                    roles);
    Verdicts why = find_furniture(b.table, b.layout);
    CHECK(reason(why[2]) == RemovalReason::page_number);
    CHECK(reason(why[4]) == RemovalReason::page_number);
  }
  SUBCASE("a number that continues the run of numeric ids, with the row going on below, is no page number") {
    Built b = build({}, header,
                    {{"11", "Survey the depot roof.", "Estates", "Open"}, {"12"},
                     {"", "Install solar panels on the depot roof.", "Estates", "Open"}},
                    roles);
    Verdicts why = find_furniture(b.table, b.layout);
    CHECK_FALSE(why[2]);
  }
}

TEST_CASE("furniture: find_furniture, header lines printed again") {
  const std::vector<std::vector<std::string>> two_line = {{"Ref", "Action", "Timing", ""},
                                                          {"", "", "From", "To"}};
  const std::vector<Role> timed = {Role::id, Role::action, Role::start, Role::end};
  SUBCASE("each line of a two-line header is known on its own, wherever it recurs") {
    Built b = build({}, two_line,
                    {{"H1", "Insulate the museum.", "Apr-25", "Mar-26"}, {"", "", "From", "To"},
                     {"H2", "Insulate the library.", "Apr-25", "Mar-27"}, {"Ref", "Action", "Timing", ""},
                     {"H3", "Insulate the pool.", "Apr-26", "Mar-27"}},
                    timed);
    Verdicts why = find_furniture(b.table, b.layout);
    CHECK(reason(why[3]) == RemovalReason::repeated_header);
    CHECK(reason(why[5]) == RemovalReason::repeated_header);
    CHECK_FALSE(why[2]);
  }
  SUBCASE("a row that shares one word with the header is kept") {
    Built b = build({}, header, {{"A1", "Plant trees", "Parks", "Status"}, {"A2", "Cut waste"}}, roles);
    Verdicts why = find_furniture(b.table, b.layout);
    CHECK_FALSE(why[1]);
    CHECK_FALSE(why[2]);
  }
}

TEST_CASE("furniture: find_furniture, running headers and footers") {
  SUBCASE("a line that repeats the lines above the table, joined by a bar, is a running header") {
    Built b = build({{"Marshwood Borough Council"}, {"Net Zero Delivery Plan"}, {""}}, header,
                    {{"N1", "Publish the plan.", "Policy", "Done"},
                     {"Marshwood Borough Council | Net Zero Delivery Plan"},
                     {"N2", "Review the plan.", "Policy", "Open"}},
                    roles);
    Verdicts why = find_furniture(b.table, b.layout);
    CHECK(reason(why[5]) == RemovalReason::running_header);
  }
  SUBCASE("a line between a page number and the header printed again is a running header, though seen once") {
    Built b = build({}, header,
                    {{"N1", "Publish the plan.", "Policy", "Done"}, {""}, {"4"}, {"Scrutiny Panel \xE2\x80\x93 9 May"},
                     {"Ref", "Action", "Lead", "Status"}, {"N2", "Review the plan.", "Policy", "Open"}},
                    roles);
    Verdicts why = find_furniture(b.table, b.layout);
    CHECK(reason(why[2]) == RemovalReason::page_number);
    CHECK(reason(why[3]) == RemovalReason::running_header);
    CHECK(reason(why[4]) == RemovalReason::repeated_header);
  }
  SUBCASE("a page's top line split into cells on its wide gaps repeats the lines above the table") {
    // "Marshwood Borough Council  |  Net Zero Delivery Plan" pasted with its gaps read as cell boundaries.
    Built b = build({{"Marshwood Borough Council"}, {"Net Zero Delivery Plan"}, {""}}, header,
                    {{"N1", "Publish the plan for consultation with", "Policy", "Done"}, {""}, {"Page 2 of 6"},
                     {"Marshwood Borough Council", "|", "Net Zero Delivery Plan"},
                     {"Ref", "Action", "Lead", "Status"}, {"", "residents and businesses.", "", ""},
                     {"N2", "Review the plan.", "Policy", "Open"}},
                    roles);
    Verdicts why = find_furniture(b.table, b.layout);
    CHECK(reason(why[5]) == RemovalReason::furniture);
    CHECK(reason(why[6]) == RemovalReason::running_header);
    CHECK(reason(why[7]) == RemovalReason::repeated_header);
    CHECK_FALSE(why[8]);  // the wrapped rest of N1's action
  }
  SUBCASE("a wide line in the body, away from a page's top, is no running header") {
    Built b = build({{"Marshwood Borough Council"}, {"Net Zero Delivery Plan"}, {""}}, header,
                    {{"N1", "Publish the plan.", "Policy", "Done"},
                     {"Marshwood Borough Council", "Net Zero Delivery Plan", "Policy", "Open"},
                     {"N2", "Review the plan.", "Policy", "Open"}},
                    roles);
    Verdicts why = find_furniture(b.table, b.layout);
    CHECK_FALSE(why[5]);
  }
  SUBCASE("a line recurring at page breaks is a running footer; a heading seen once after a break is kept") {
    Built b = build({}, header,
                    {{"N1", "Publish the plan.", "Policy", "Done"}, {"RESTRICTED"}, {""}, {"Waste"},
                     {"N2", "Review the plan.", "Policy", "Open"}, {"RESTRICTED"}, {""},
                     {"N3", "Report each year.", "Policy", "Open"}},
                    roles);
    Verdicts why = find_furniture(b.table, b.layout);
    CHECK(reason(why[2]) == RemovalReason::running_header);
    CHECK(reason(why[5]) == RemovalReason::running_header);
    CHECK_FALSE(why[3]);  // the heading "Waste"
  }
}

TEST_CASE("furniture: set_aside_furniture") {
  Reassembled out;
  SUBCASE("a row with a verdict is removed with its reason and read as furniture, with no warning") {
    Row row = row_of(5, {"Page 3 of 11"});
    CHECK(set_aside_furniture(row, cell_texts(row), SetAside{RemovalReason::furniture, "a page phrase"}, out));
    REQUIRE(out.removed.size() == 1);
    CHECK(out.removed[0].reason == RemovalReason::furniture);
    CHECK(out.removed[0].text == "Page 3 of 11");
    REQUIRE(out.readings.size() == 1);
    CHECK(out.readings[0].kind == "furniture");
    CHECK(out.readings[0].why == "a page phrase");
    CHECK(out.warnings.empty());
  }
  SUBCASE("a hidden row is set aside with a warning, whatever it holds") {
    Row row = row_of(8, {"A9", "Retired action", "Parks", "Closed"});
    row.hidden = true;
    CHECK(set_aside_furniture(row, cell_texts(row), std::nullopt, out));
    CHECK(out.removed.at(0).reason == RemovalReason::hidden_row);
    REQUIRE(out.warnings.size() == 1);
    CHECK(out.warnings[0].message == "line 8: hidden row left out of the table: A9 Retired action Parks Closed");
  }
  SUBCASE("a row with no verdict is kept") {
    Row row = row_of(9, {"A1", "Plant trees", "Parks", "Status"});
    CHECK_FALSE(set_aside_furniture(row, cell_texts(row), std::nullopt, out));
    CHECK(out.removed.empty());
  }
}
