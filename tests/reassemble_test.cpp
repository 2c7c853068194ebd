// Tests for reassembly (continuation lines, spilled text, rows printed twice, glued ids, rows that lost or gained a
// cell, furniture) through the whole pipeline, plus the damage fixtures in tests/fixtures/reassemble/.
#include <doctest/doctest.h>

#include "ledger.hpp"

using namespace plansheet;
using namespace plansheet::testing;

TEST_CASE("reassemble: damage fixtures") { check_fixtures("reassemble", false); }

TEST_CASE("reassemble: damage fixtures with open bugs" * doctest::may_fail()) { check_fixtures("reassemble", true); }
