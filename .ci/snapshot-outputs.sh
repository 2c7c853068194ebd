#!/usr/bin/env bash
# Converts every input the project knows (samples, test fixtures, fuzz regressions and corpus, hostile inputs,
# and the shared seeds and practice plans: $PLANSHEET_SHARED, else ../shared, where present) with a fixed
# SOURCE_DATE_EPOCH, and keeps the JSON, the CSV, each workbook part unzipped, the exit code and stderr, so that
# two builds can be compared with `diff -r`.
#
# usage: .ci/snapshot-outputs.sh PLANSHEET OUT_DIR
#   e.g. .ci/snapshot-outputs.sh build/plansheet /tmp/before  (then again with the new build, then diff -r)
set -uo pipefail
bin=$(realpath "$1"); out=$2
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
shared=${PLANSHEET_SHARED:-../shared}
rm -rf "$out"; mkdir -p "$out"
export SOURCE_DATE_EPOCH=1700000000
inputs=$( { find samples tests/fixtures tests/fuzz/regressions tests/fuzz/corpus tests/hostile -type f \
              ! -name '*.py' ! -name '*.json' ! -name '*.expect' ! -name 'README.md'
            [ -d "$shared" ] && find "$shared/seeds" "$shared/practice" -type f ! -name '*.json' ! -name 'README.md'
          } | sort)
n=0
for input in $inputs; do
  key=$(echo "$input" | sed "s#^$shared/#shared/#; s#/#__#g")
  dir="$out/$key"; mkdir -p "$dir"
  ext=${input##*.}
  # every input is copied to in.EXT and converted from inside its folder, so no machine path reaches the
  # outputs; fixtures named .input are pastes and go in as .txt
  case $(basename "$input") in *.*) ;; *) ext=txt ;; esac
  case $ext in input | expect) ext=txt ;; esac
  cp "$input" "$dir/in.$ext"
  (cd "$dir" && timeout 60 "$bin" convert "in.$ext" -o book.xlsx --json out.json --csv out.csv -q \
    >stdout 2>stderr; echo $? >rc)
  if [ -f "$dir/book.xlsx" ]; then
    mkdir -p "$dir/book"; (cd "$dir/book" && unzip -q -o ../book.xlsx); rm "$dir/book.xlsx"
  fi
  rm -f "$dir/in.$ext"
  n=$((n+1))
done
echo "$n inputs converted into $out"
