// Tests for the normalise stage, plus the damage fixtures in tests/fixtures/normalise/.
#include <doctest/doctest.h>

#include "ledger.hpp"

using namespace plansheet;
using namespace plansheet::testing;

TEST_CASE("normalise: damage fixtures") { check_fixtures("normalise", false); }
