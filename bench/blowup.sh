#!/usr/bin/env bash
# The worst input shapes at a size a path whose cost grows faster than the input could not survive (about 1 MB
# each), each converted under `timeout` and `ulimit -v`: a generous bound that only a blow-up fails, not a timing
# assertion. .ci/run runs it after the build; bench/scaling.py measures the same shapes at N and 8N.
#
# usage: bench/blowup.sh [BINARY]   (default build-ci/plansheet)
# Each shape must exit 0 (converted) within SECONDS (default 60) and MIB of address space (default 2048);
# PLANSHEET_BLOWUP_SECONDS and PLANSHEET_BLOWUP_MIB change them.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
binary=${1:-$root/build-ci/plansheet}
seconds=${PLANSHEET_BLOWUP_SECONDS:-60}
mib=${PLANSHEET_BLOWUP_MIB:-2048}
python=/usr/bin/python3  # Debian's, with python3-xlsxwriter for the workbook shape
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shape and N: about 1 MB of input each (50,000 continuation lines is 1.4 MB; the shared-string workbook unfolds to
# 40 MB; 150,000 nested elements are 1 MB of sheet XML).
shapes=(continued:50000 long-cell:1000000 columns:6000 ragged-columns:8000 sections:10000 one-id:12000 duplicate-rows:16000
  distinct-leads:12000 tick-matrix:15000 key:20000 page-breaks:8000 xlsx-merged:10000 xlsx-shared:20000
  xlsx-nesting:150000)
failed=0
for item in "${shapes[@]}"; do
  name=${item%%:*} n=${item##*:}
  ext=txt
  case $name in xlsx-*) ext=xlsx ;; esac
  input=$work/$name.$ext
  "$python" "$root/bench/scaling.py" --write "$name" "$n" "$input"
  start=$EPOCHREALTIME
  status=0
  (ulimit -v $((mib * 1024)); exec timeout "$seconds" "$binary" convert "$input" -o "$work/out.xlsx" \
    --json "$work/out.json" -q) || status=$?
  took=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }')
  size=$(stat -c %s "$input")
  if [ "$status" -eq 0 ]; then
    printf 'blow-up: %-15s N=%-8s %9s bytes  %6.2f s  ok\n' "$name" "$n" "$size" "$took"
  else
    printf 'blow-up: %-15s N=%-8s %9s bytes  %6.2f s  FAILED (exit %s: 124 is the %s s timeout; a memory error is the %s MiB bound)\n' \
      "$name" "$n" "$size" "$took" "$status" "$seconds" "$mib"
    failed=1
  fi
done
exit "$failed"
