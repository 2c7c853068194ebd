#!/bin/sh
# Converts every sample with the built CLI into BOOKS (a workbook and its JSON export each), so the LibreOffice
# check can open the workbooks officers would get. The prose sample has no table and is left out (exit 3).
# usage: convert_samples.sh BOOKS   (env: PLANSHEET_BIN, PLANSHEET_SAMPLES)
set -eu
books=$1
for sample in "$PLANSHEET_SAMPLES"/*.txt; do
  name=$(basename "$sample" .txt)
  status=0
  "$PLANSHEET_BIN" convert "$sample" -o "$books/$name.xlsx" --json "$books/$name.json" -q || status=$?
  if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
    echo "convert_samples: $sample exited $status" >&2
    exit 1
  fi
done
