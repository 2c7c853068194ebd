// Tests for reconciliation (ids, sections, text repairs, id sequences) through the whole pipeline, plus the damage
// fixtures in tests/fixtures/reconcile/.
#include <doctest/doctest.h>

#include "ledger.hpp"

using namespace plansheet;
using namespace plansheet::testing;

TEST_CASE("reconcile: damage fixtures") { check_fixtures("reconcile", false); }

TEST_CASE("reconcile: damage fixtures with open bugs" * doctest::may_fail()) { check_fixtures("reconcile", true); }
