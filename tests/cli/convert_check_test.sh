#!/usr/bin/env bash
# `plansheet convert` and `check` end to end on the samples: exit codes of the contract, the default output path,
# one-line errors, and --explain printing the flags that reproduce the detection.
# usage: convert_check_test.sh PLANSHEET SOURCE_DIR SCRATCH_DIR
bin=$1 src=$2 scratch=$3
. "$(dirname "$0")/lib.sh"
rm -rf "$scratch" && mkdir -p "$scratch"
s=$src/samples

run "$bin" convert "$s/kent-medway-energy-low-emissions-plan.txt" -o "$scratch/kent.xlsx" --json "$scratch/kent.json"
expect_code 0 "convert a sample"
expect_file "$scratch/kent.xlsx" "workbook"
expect_in '"actions"' "$(cat "$scratch/kent.json" 2>/dev/null)" "JSON export"
expect_in "24 actions" "$out" "summary line"

run bash -c "cd '$scratch' && '$bin' convert '$s/kent-medway-energy-low-emissions-plan.txt' -q"
expect_code 0 "convert without -o"
expect_file "$scratch/output/kent-medway-energy-low-emissions-plan.xlsx" "default output path"
[ -z "$out" ] || fail "-q should print nothing, printed: $out"

run "$bin" convert "$s/leicestershire-can-demonstrator-prose.txt" -o "$scratch/prose.xlsx"
expect_code 3 "prose has no action table"
expect_in "no action table" "$err" "prose message"
[ "$(wc -l <<<"$err")" -eq 1 ] || fail "errors are one line: $err"
expect_no_file "$scratch/prose.xlsx" "no workbook for prose"

run "$bin" convert "$scratch/nothing-here.txt" -o "$scratch/x.xlsx"
expect_code 3 "missing input"
run "$bin" convert "$s/kent-medway-energy-low-emissions-plan.txt" -o "$scratch/no/such/folder/x.xlsx"
expect_code 4 "unwritable output"
# A full disk, simulated by a file-size limit (writes past it fail with EFBIG; the signal is ignored): exit 4, a
# line that says to check the space, and no workbook, export or temporary file left behind.
mkdir -p "$scratch/full"
run bash -c "ulimit -f 8; trap '' XFSZ; exec '$bin' convert '$s/kent-medway-energy-low-emissions-plan.txt' -o '$scratch/full/k.xlsx'"
expect_code 4 "workbook onto a full disk"
expect_in "cannot write workbook '$scratch/full/k.xlsx'" "$err" "full-disk workbook message"
expect_in "has space" "$err" "full-disk workbook advice"
run bash -c "ulimit -f 8; trap '' XFSZ; exec '$bin' convert '$s/kent-medway-energy-low-emissions-plan.txt' -o '$scratch/full/k.xlsx' --json '$scratch/full/k.json'"
expect_code 4 "JSON onto a full disk"
expect_in "is the disk full?" "$err" "full-disk JSON message"
[ -z "$(ls -A "$scratch/full")" ] || fail "a failed write left files behind: $(ls -A "$scratch/full")"

run "$bin" convert
expect_code 2 "no input"
run "$bin" frobnicate x
expect_code 2 "unknown command"

run "$bin" check "$s/leicestershire-2050-net-zero-action-plan.txt" --explain
expect_code 0 "check --explain"
expect_in "detected as: plansheet convert" "$out" "--explain flags"
expect_in "actions: 38" "$out" "check counts actions"

run "$bin" --version
expect_code 0 "--version"
expect_in "plansheet " "$out" "--version text"

finish
