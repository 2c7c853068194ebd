#!/usr/bin/env bash
# `plansheet batch` end to end: a folder tree with good plans, prose, an empty and a missing file; the outputs,
# the report, the exit code, plain progress lines when stderr is not a terminal, and -j1 == -j2.
# usage: batch_test.sh PLANSHEET SOURCE_DIR SCRATCH_DIR
bin=$1 src=$2 scratch=$3
. "$(dirname "$0")/lib.sh"
# Workbooks are stamped with the time they were made unless SOURCE_DATE_EPOCH fixes it: -j1 and -j2 compare bytes.
export SOURCE_DATE_EPOCH=1700000000
rm -rf "$scratch" && mkdir -p "$scratch/in/sub/deeper"
s=$src/samples
cp "$s/kent-medway-energy-low-emissions-plan.txt" "$scratch/in/a-kent.txt"
cp "$s/leicestershire-can-demonstrator-prose.txt" "$scratch/in/b-prose.txt"
: >"$scratch/in/c-empty.txt"
cp "$s/leicestershire-2050-net-zero-action-plan.txt" "$scratch/in/sub/d-leics.txt"
cp "$s/cambridgeshire-climate-strategy-targets-matrix.txt" "$scratch/in/sub/deeper/e-cambs.txt"
echo "not an input" >"$scratch/in/sub/notes.pages"

# 1. A bad file in the middle: the rest converted, exit 1, every file in the table and the report.
run "$bin" batch "$scratch/in" "$scratch/missing.txt" -d "$scratch/out1" -j 1 --json
expect_code 1 "batch with a prose, an empty and a missing file"
expect_file "$scratch/out1/a-kent.xlsx" "first file"
expect_file "$scratch/out1/a-kent.json" "--json beside the workbook"
expect_file "$scratch/out1/sub/d-leics.xlsx" "subfolder"
expect_file "$scratch/out1/sub/deeper/e-cambs.xlsx" "two levels down"
expect_no_file "$scratch/out1/b-prose.xlsx" "prose gives no workbook"
expect_no_file "$scratch/out1/sub/notes.xlsx" "unsupported extensions are not read"
expect_file "$scratch/out1/batch-report.csv" "CSV report"
expect_file "$scratch/out1/batch-report.xlsx" "XLSX report"
expect_in "file" "$(head -n 1 <<<"$out")" "table header"
expect_in "result" "$(head -n 1 <<<"$out")" "table header"
expect_in "skipped: $scratch/in/b-prose.txt: no action table" "$out" "reason for the prose file"
expect_in "skipped: $scratch/missing.txt: cannot read" "$out" "reason for the missing file"
expect_in "batch: 3 of 6 files converted (118 actions)" "$out" "summary line"
# Not a terminal: one plain line per file, no bar and no escape sequences.
[ "$(grep -c '^\[[0-9]*/6\] ' <<<"$err")" -eq 6 ] || fail "expected 6 progress lines on stderr, got: $err"
expect_not_in $'\x1b' "$err" "escape sequences on a non-terminal"
report=$(tr -d '\r' <"$scratch/out1/batch-report.csv")
expect_in "$scratch/in/a-kent.txt,a-kent.xlsx,24,0,0,converted," "$report" "report row of a converted file"
expect_in "$scratch/in/sub/deeper/e-cambs.txt,sub/deeper/e-cambs.xlsx,56," "$report" "report row two levels down"
expect_in "$scratch/in/c-empty.txt,,0,0,0,skipped," "$report" "report row of the empty file"
[ "$(wc -l <<<"$report")" -eq 7 ] || fail "report should have a header and 6 rows: $report"
if /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
  rows=$(/usr/bin/python3 - "$scratch/out1/batch-report.xlsx" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Batch"]
for row in ws.iter_rows(values_only=True):
    print("|".join("" if v is None else str(v) for v in row[:6]))
PY
  )
  expect_in "file|output|actions|repairs|warnings|result" "$rows" "xlsx report header"
  expect_in "$scratch/in/sub/d-leics.txt|sub/d-leics.xlsx|38|" "$rows" "xlsx report row read back"
  expect_in "$scratch/missing.txt||0|0|0|skipped" "$rows" "xlsx report row of the missing file"
fi

# 2. -j2 writes the same files, byte for byte.
run "$bin" batch "$scratch/in" "$scratch/missing.txt" -d "$scratch/out2" -j 2 --json
expect_code 1 "batch -j 2"
diff -r "$scratch/out1" "$scratch/out2" >/dev/null || fail "-j 1 and -j 2 outputs differ: $(diff -rq "$scratch/out1" "$scratch/out2")"

# 3. All good: exit 0; several files named directly.
run "$bin" batch "$scratch/in/a-kent.txt" "$scratch/in/sub/d-leics.txt" -d "$scratch/out3"
expect_code 0 "batch of good files"
expect_file "$scratch/out3/a-kent.xlsx" "file named directly"
expect_file "$scratch/out3/d-leics.xlsx" "file named directly, relative to its own folder"
expect_no_file "$scratch/out3/a-kent.json" "no JSON without --json"

# 4. Usage and nothing to do.
run "$bin" batch "$scratch/in"
expect_code 2 "batch without -d"
expect_in "-d OUT_DIR" "$err" "what to do without -d"
mkdir -p "$scratch/empty"
run "$bin" batch "$scratch/empty" -d "$scratch/out4"
expect_code 3 "batch of an empty folder"
expect_in "no .txt" "$err" "message for an empty folder"

finish
