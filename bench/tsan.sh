#!/usr/bin/env bash
# Builds plansheet with ThreadSanitizer (build-tsan/) and runs `batch -j 2` over generated plans and the samples.
# Exits 0 when ThreadSanitizer reports nothing beyond bench/tsan.supp. usage: bench/tsan.sh [PLANS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
plans=${1:-40}
cd "$root"
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPLANSHEET_TESTS=OFF \
  -DCMAKE_CXX_FLAGS="-fsanitize=thread" -DCMAKE_C_FLAGS="-fsanitize=thread" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" >/dev/null
cmake --build build-tsan -j2 --target plansheet >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/gen_plan.py --plans "$plans" --actions 20 --seed 3 --dir "$work/in"
cp samples/*.txt "$work/in/"
status=0
TSAN_OPTIONS="halt_on_error=0 exitcode=66 suppressions=$root/bench/tsan.supp" \
  build-tsan/plansheet batch "$work/in" -d "$work/out" -j 2 --json >"$work/stdout" 2>"$work/stderr" || status=$?
tail -n 1 "$work/stdout"
races=$(grep -c "WARNING: ThreadSanitizer" "$work/stderr" || true)
if [ "$status" -eq 66 ] || [ "$races" -gt 0 ]; then
  grep -A 8 "WARNING: ThreadSanitizer" "$work/stderr" | head -n 60
  echo "ThreadSanitizer: $races report(s)" >&2
  exit 1
fi
echo "ThreadSanitizer: no reports (batch exit $status: the prose sample is skipped by design)"
