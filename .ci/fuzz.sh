#!/bin/sh
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each one for a bounded time on its seed corpus.
# usage: .ci/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default 60 seconds; default targets: all eight)
# Needs: clang-14 (or clang), libclang-rt-14-dev, and the project's build dependencies.
# Environment: BUILD_DIR (default build-fuzz), FUZZ_JOBS (parallel fuzzing processes per target, default 1),
#   FUZZ_LOG_DIR (default $BUILD_DIR/fuzz-logs). New inputs found go to $BUILD_DIR/corpus-work/<target>; the
#   committed corpus under tests/fuzz/corpus/ is only read. A crash, leak, timeout or broken check stops the target
#   and makes the script exit non-zero; the reproducer is left as $BUILD_DIR/fuzz-artifacts/<target>/crash-*.
#   FUZZ_KEEP_GOING=1 (for long local runs) uses libFuzzer's fork mode to go on after a finding and collect them all.
set -eu

seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-"fuzz_paste fuzz_csv fuzz_xlsx fuzz_xlsx_parts fuzz_docx_parts fuzz_ods_parts fuzz_pdf_words fuzz_grammar"}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-fuzz}
logs=${FUZZ_LOG_DIR:-$build/fuzz-logs}
# Each target runs from inside the log folder, so relative folders are made absolute first.
mkdir -p "$build" "$logs"
build=$(cd "$build" && pwd)
logs=$(cd "$logs" && pwd)
jobs=${FUZZ_JOBS:-1}

cc=$(command -v clang-14 || command -v clang)
cxx=$(command -v clang++-14 || command -v clang++)

# -O1 with assertions on (no NDEBUG): Boost and the standard library's checks count as findings too.
cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g" \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DPLANSHEET_FUZZ=ON -DPLANSHEET_TESTS=OFF >/dev/null
# shellcheck disable=SC2086
cmake --build "$build" -j2 --target $targets

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
status=0
for target in $targets; do
  name=${target#fuzz_}
  work="$build/corpus-work/$name"
  artifacts="$build/fuzz-artifacts/$name/"
  mkdir -p "$work" "$artifacts"
  seeds="$root/tests/fuzz/corpus/$name"
  dict=""
  [ -f "$root/tests/fuzz/$name.dict" ] && dict="-dict=$root/tests/fuzz/$name.dict"
  # Workbook seeds are bigger than pastes (whole XML parts).
  case $name in xlsx* | docx* | ods*) max_len=32768 ;; *) max_len=16384 ;; esac
  # Several processes (FUZZ_JOBS > 1) write their own fuzz-N.log in the log folder.
  parallel=""
  [ "$jobs" -gt 1 ] && parallel="-jobs=$jobs -workers=$jobs"
  [ "${FUZZ_KEEP_GOING:-0}" = 1 ] && parallel="-fork=$jobs -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1"
  echo "== $target: $seconds s"
  # -timeout: one input taking 20 s is a hang; -rss_limit_mb: a runaway allocation is a finding.
  # shellcheck disable=SC2086
  if ! (cd "$logs" && "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
      -max_len=$max_len -print_final_stats=1 $parallel -artifact_prefix="$artifacts" $dict \
      "$work" "$seeds" >"$logs/$target.log" 2>&1); then
    echo "!! $target found a problem; reproducer in $artifacts, log in $logs/$target.log"
    grep -E "==plansheet-fuzz==|ERROR: |SUMMARY: |runtime error" "$logs/$target.log" | head -5 || true
    status=1
  fi
  # Final figures: libFuzzer's DONE and stat:: lines, or in fork mode its last progress line.
  grep -E "^#[0-9]+.*DONE|^stat::number_of_executed_units|^stat::average_exec_per_sec|^stat::peak_rss_mb" \
    "$logs/$target.log" || grep -E "^#[0-9]+: cov" "$logs/$target.log" | tail -1 || tail -3 "$logs/$target.log"
  if [ "${FUZZ_KEEP_GOING:-0}" = 1 ]; then
    found=$(find "$artifacts" -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' | wc -l)
    [ "$found" -gt 0 ] && { echo "!! $target: $found reproducer(s) in $artifacts"; status=1; }
  fi
done
exit $status
