# Shared helpers for the CLI tests: run a command and record its exit code and output; assertions that say what
# was expected and what came instead.
set -uo pipefail

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# run CMD...: sets $code, and $out / $err to the command's stdout / stderr.
run() {
  "$@" >"$scratch/stdout" 2>"$scratch/stderr"
  code=$?
  out=$(cat "$scratch/stdout")
  err=$(cat "$scratch/stderr")
}

expect_code() { [ "$code" -eq "$1" ] || fail "$2: exit $code, expected $1; stderr: ${err:0:300}"; }
expect_in() { case "$2" in *"$1"*) ;; *) fail "$3: '$1' not found in: ${2:0:400}" ;; esac; }
expect_not_in() { case "$2" in *"$1"*) fail "$3: '$1' should not appear" ;; esac; }
expect_file() { [ -s "$1" ] || fail "$2: $1 missing or empty"; }
expect_no_file() { [ ! -e "$1" ] || fail "$2: $1 should not exist"; }

finish() {
  if [ "$failures" -gt 0 ]; then echo "$failures check(s) failed" >&2; exit 1; fi
  echo "all checks passed"
}
