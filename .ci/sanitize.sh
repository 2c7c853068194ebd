#!/bin/sh
# Builds the whole project with the `sanitize` preset (CMakePresets.json: Debug, AddressSanitizer +
# UndefinedBehaviorSanitizer) and runs the whole ctest suite under it. Any sanitizer report fails the run.
# usage: .ci/sanitize.sh [extra ctest arguments, e.g. -R hostile]
# Needs: the project's build dependencies (g++ ships the ASan/UBSan runtimes: libasan8, libubsan1).
# Environment: JOBS (build and test parallelism, default 2).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jobs=${JOBS:-2}

# Leaks are findings too; a UBSan report stops the test that raised it (the preset adds
# -fno-sanitize-recover=undefined) and prints where.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$root/.ci/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

cmake --preset sanitize
cmake --build --preset sanitize -j "$jobs"
ctest --preset sanitize -j "$jobs" --timeout 900 "$@"
