#!/usr/bin/env bash
# The benchmark: builds the `bench` preset, generates the plans, times plansheet against the floor (bench/floor.c)
# and the peer (pandas + XlsxWriter), and writes bench/results/{results.csv,summary.md}; prints the summary.
#
# usage: bench/run.sh [--quick] [--runs N] [--no-build] [--only GLOB]
#   --quick     small sizes only (1k/10k actions, 100 plans): a smoke test of the script, not the figures
#   --runs N    timed runs per case (median reported; default 3, the 1M case runs once)
#   --no-build  use the existing build-bench/
#   --only GLOB re-run only the cases matching GLOB (e.g. 'batch-*'), keeping the other rows of results.csv;
#               --only none just rewrites the summary
# The 1M case runs once, killed after PLANSHEET_BENCH_LIMIT seconds (default 900) or at 12 GiB of address space.
# Wall time: hyperfine when installed, else the median of N runs of /usr/bin/time; peak memory: max RSS from
# /usr/bin/time -v. Generated inputs are cached in bench/data/ (git-ignored), keyed by the generator's checksum.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
quick=0 runs=3 build=1 only=""
while [ $# -gt 0 ]; do
  case $1 in
    --quick) quick=1 ;;
    --runs) runs=$2; shift ;;
    --no-build) build=0 ;;
    --only) only=$2; shift ;;
    *) echo "bench/run.sh: unknown option $1 (see the comment at the top)" >&2; exit 2 ;;
  esac
  shift
done

python=/usr/bin/python3  # Debian's, with python3-pandas and python3-xlsxwriter
for need in /usr/bin/time "$python"; do
  [ -x "$need" ] || { echo "bench/run.sh: $need is missing (apt-get install time python3)" >&2; exit 2; }
done
"$python" -c 'import pandas, xlsxwriter' 2>/dev/null ||
  { echo "bench/run.sh: the peer needs python3-pandas and python3-xlsxwriter (apt-get install them)" >&2; exit 2; }

if [ "$build" -eq 1 ]; then
  cmake --preset bench >/dev/null
  cmake --build --preset bench --target plansheet plansheet_floor plansheet_stages >/dev/null
fi
bin=$root/build-bench/plansheet
floor=$root/build-bench/bench/floor
stages=$root/build-bench/bench/stages
[ -x "$bin" ] && [ -x "$floor" ] && [ -x "$stages" ] || { echo "bench/run.sh: build-bench/ has no plansheet, floor or stages; run without --no-build" >&2; exit 2; }

if [ "$quick" -eq 1 ]; then sizes=(1000 10000); main=10000; plans=100
else sizes=(1000 10000 100000 1000000); main=100000; plans=1000; fi

data=$root/bench/data
results=$root/bench/results
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$data" "$results"
csv=$results/results.csv
header="case,input_bytes,runs,wall_s_median,wall_s_min,wall_s_max,peak_rss_kib,exit,cpu_s_median"
if [ -n "$only" ] && [ -f "$csv" ] && [ "$(head -n 1 "$csv")" = "$header" ]; then
  # Keep the rows of the cases not re-run (and their failure notes).
  { echo "$header"; tail -n +2 "$csv" | while IFS= read -r row; do [[ ${row%%,*} == $only ]] || echo "$row"; done; } >"$scratch/keep"
  mv "$scratch/keep" "$csv"
  touch "$results/failures.txt"
  grep -v -e "^$only:" "$results/failures.txt" >"$scratch/keep-f" || true
  mv "$scratch/keep-f" "$results/failures.txt"
else
  echo "$header" >"$csv"
  : >"$results/failures.txt"
fi

# ---------------------------------------------------------------- inputs (deterministic, cached)

gen_sum=$(sha1sum bench/gen_plan.py | cut -c1-12)
generate() {  # generate N: bench/data/{messy,clean,truth}-N.* for this generator version
  local n=$1 stamp=$data/.stamp-$1
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$gen_sum" ]; then
    echo "generating $n actions ..." >&2
    python3 bench/gen_plan.py --actions "$n" --seed 1 --messy "$data/messy-$n.txt" --clean "$data/clean-$n.txt" \
      --truth "$data/truth-$n.tsv"
    echo "$gen_sum" >"$stamp"
  fi
}
for n in "${sizes[@]}"; do generate "$n"; done
plans_dir=$data/plans-$plans
if [ ! -f "$data/.stamp-plans-$plans" ] || [ "$(cat "$data/.stamp-plans-$plans")" != "$gen_sum" ]; then
  echo "generating $plans small plans ..." >&2
  rm -rf "$plans_dir"
  python3 bench/gen_plan.py --plans "$plans" --actions 20 --seed 1 --dir "$plans_dir"
  echo "$gen_sum" >"$data/.stamp-plans-$plans"
fi

# ---------------------------------------------------------------- measuring

# measure CASE INPUT_BYTES RUNS CMD...: wall time (median, min, max) and peak RSS into results.csv.
measure() {
  local name=$1 bytes=$2 n=$3
  shift 3
  if [ -n "$only" ] && [[ $name != $only ]]; then return 0; fi
  local times=() cpus=() rss=0 code=0 i
  echo "running $name ($n run(s)) ..." >&2
  for ((i = 0; i < n; i++)); do
    code=0
    # The largest case runs under a time limit and an address-space cap, so that a slow or swelling run ends
    # as a failed target instead of stalling the machine. timeout sends TERM and reaps the command, so the peak
    # memory of a run stopped at the limit is still measured (exit 124).
    ( if [ -n "${cap_kib:-}" ]; then ulimit -v "$cap_kib"; fi
      exec /usr/bin/time -f "%e %M %U %S" -o "$scratch/time" timeout --kill-after=10 "${limit_s:-0}" "$@" ) \
      >"$scratch/out" 2>"$scratch/err" || code=$?
    # The last line holds "%e %M"; a killed run has "Command terminated by signal 9" above it.
    read -r wall kib user sys < <(tail -n 1 "$scratch/time")
    times+=("$wall")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')")
    [ "$kib" -gt "$rss" ] && rss=$kib
  done
  if command -v hyperfine >/dev/null && [ "$n" -gt 1 ]; then
    # hyperfine's own statistics replace the /usr/bin/time wall times (memory still comes from /usr/bin/time).
    hyperfine --runs "$n" --export-json "$scratch/hf.json" --style none -i -- "$(printf '%q ' "$@")" >/dev/null 2>&1 &&
      mapfile -t times < <("$python" -c 'import json,sys; print("\n".join(str(t) for t in json.load(open(sys.argv[1]))["results"][0]["times"]))' "$scratch/hf.json")
  fi
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -g)
  local median min max
  median=$(awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}' <<<"$sorted")
  min=$(head -n 1 <<<"$sorted")
  max=$(tail -n 1 <<<"$sorted")
  local cpu
  cpu=$(printf '%s\n' "${cpus[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')
  echo "$name,$bytes,$n,$median,$min,$max,$rss,$code,$cpu" >>"$csv"
  [ "$code" -eq 0 ] || echo "$name: exit $code: $(tail -n 1 "$scratch/err" | cut -c1-300)" >>"$results/failures.txt"
}

size_of() { stat -c %s "$1"; }

m=$main
measure "convert-clean-$m" "$(size_of "$data/clean-$m.txt")" "$runs" "$bin" convert "$data/clean-$m.txt" -o "$scratch/c.xlsx" -q
measure "convert-messy-$m" "$(size_of "$data/messy-$m.txt")" "$runs" "$bin" convert "$data/messy-$m.txt" -o "$scratch/m.xlsx" -q
measure "floor-$m" "$(size_of "$data/clean-$m.txt")" "$runs" "$floor" "$data/clean-$m.txt" "$scratch/f.xlsx"
measure "peer-$m" "$(size_of "$data/clean-$m.txt")" "$runs" "$python" bench/peer.py "$data/clean-$m.txt" "$scratch/p.xlsx"
for n in "${sizes[@]}"; do
  [ "$n" -eq "$m" ] && continue  # the messy main size is measured above
  if [ "$n" -ge 1000000 ]; then
    limit_s=${PLANSHEET_BENCH_LIMIT:-900} cap_kib=$((12 * 1024 * 1024)) \
      measure "convert-messy-$n" "$(size_of "$data/messy-$n.txt")" 1 "$bin" convert "$data/messy-$n.txt" -o "$scratch/s.xlsx" -q
  else
    measure "convert-messy-$n" "$(size_of "$data/messy-$n.txt")" "$runs" "$bin" convert "$data/messy-$n.txt" -o "$scratch/s.xlsx" -q
  fi
done
# The same conversions with the cleaning and the workbook writing timed apart (bench/stages.cpp): medians of
# $runs runs into stages.csv, so the summary can say how much of each ratio the writing alone takes.
stages_csv=$results/stages.csv
[ -n "$only" ] && [ -f "$stages_csv" ] || echo "case,clean_s,write_s" >"$stages_csv"
for kind in clean messy; do
  name=stages-$kind-$m
  if [ -n "$only" ] && [[ $name != $only ]]; then continue; fi
  echo "running $name ($runs run(s)) ..." >&2
  for ((i = 0; i < runs; i++)); do "$stages" "$data/$kind-$m.txt" "$scratch/st.xlsx"; done >"$scratch/stages"
  grep -v "^$name," "$stages_csv" >"$scratch/keep-s" || true
  { cat "$scratch/keep-s"
    echo "$name,$(cut -d' ' -f1 "$scratch/stages" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'),$(cut -d' ' -f2 "$scratch/stages" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
  } >"$stages_csv"
done

plans_bytes=$(du -sb "$plans_dir" | cut -f1)
rm -rf "$scratch/b1" "$scratch/b2"
measure "batch-$plans-j1" "$plans_bytes" 1 "$bin" batch "$plans_dir" -d "$scratch/b1" -j 1 -q
measure "batch-$plans-j2" "$plans_bytes" 1 "$bin" batch "$plans_dir" -d "$scratch/b2" -j 2 -q

# How much of the damage the messy paste's cleaning undoes (10k actions): ids found, text exactly recovered.
"$bin" convert "$data/messy-10000.txt" -o "$scratch/a.xlsx" --json "$scratch/a.json" -q || true
accuracy=$("$python" - "$data/truth-10000.tsv" "$scratch/a.json" <<'PY'
import json, sys
truth = [line.rstrip("\n").split("\t") for line in open(sys.argv[1], encoding="utf-8")]
got = {a.get("id"): a for a in json.load(open(sys.argv[2], encoding="utf-8"))["actions"]}
ids = sum(1 for t in truth if t[0] in got)
text = sum(1 for t in truth if t[0] in got and got[t[0]].get("action") == t[2])
section = sum(1 for t in truth if t[0] in got and got[t[0]].get("section") == t[1])
print(f"{ids}/{len(truth)} ids found, {text} action texts and {section} sections exactly as generated")
PY
)

# ---------------------------------------------------------------- summary

"$python" - "$csv" "$results/summary.md" "$m" "$plans" "$accuracy" <<'PY'
import csv, os, platform, subprocess, sys, datetime
rows = {r["case"]: r for r in csv.DictReader(open(sys.argv[1]))}
out_path, m, plans, accuracy = sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
def t(case): return float(rows[case]["wall_s_median"])
def ok(*cases): return all(rows[c]["exit"] == "0" for c in cases)
def mib(v): return float(v) / 1048576
def fmt_n(n): n = int(n); return f"{n // 1000000}M" if n >= 1000000 else f"{n // 1000}k" if n >= 1000 else str(n)
lines = []
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
load = os.getloadavg()[0]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
lines.append(f"plansheet {commit}, {datetime.date.today()}, {os.cpu_count()} x {cpu}, load average {load:.1f} at the end")
lines.append("")
lines.append("| case | input MiB | runs | wall s (median) | min..max | CPU s | peak RSS MiB | exit |")
lines.append("|---|---:|---:|---:|---:|---:|---:|---:|")
for name, r in rows.items():
    lines.append(f"| {name} | {mib(r['input_bytes']):.1f} | {r['runs']} | {float(r['wall_s_median']):.2f} | "
                 f"{float(r['wall_s_min']):.2f}..{float(r['wall_s_max']):.2f} | {float(r['cpu_s_median']):.2f} | "
                 f"{int(r['peak_rss_kib']) / 1024:.0f} | {r['exit']} |")
lines.append("")
checks = []
def ratio(label, value, target, ok):
    checks.append(f"| {label} | {value} | {target} | {'yes' if ok else 'NO'} |")
# A ratio whose cases were not run (--only) is left out of the summary.
def have(*cases): return all(c in rows for c in cases)
main_cases = (f"convert-clean-{m}", f"convert-messy-{m}", f"floor-{m}", f"peer-{m}")
floor = t(f"floor-{m}") if have(f"floor-{m}") else None
peer = t(f"peer-{m}") if have(f"peer-{m}") else None
if have(*main_cases):
    clean, messy = t(f"convert-clean-{m}"), t(f"convert-messy-{m}")
    ratio(f"clean {fmt_n(m)}: plansheet / floor", f"{clean / floor:.2f}x", "<= 1.5x", clean <= 1.5 * floor and ok(f"convert-clean-{m}"))
    ratio(f"messy {fmt_n(m)}: plansheet / floor", f"{messy / floor:.2f}x", "<= 2.5x", messy <= 2.5 * floor and ok(f"convert-messy-{m}"))
    ratio(f"clean {fmt_n(m)}: peer / plansheet", f"{peer / clean:.2f}x", ">= 5x", peer >= 5 * clean and ok(f"convert-clean-{m}"))
    ratio(f"messy {fmt_n(m)}: peer / plansheet", f"{peer / messy:.2f}x", ">= 5x", peer >= 5 * messy and ok(f"convert-messy-{m}"))
big = "convert-messy-1000000"
if big in rows and f"convert-messy-100000" in rows:
    r = rows[big]
    limit = 2 * int(r["input_bytes"]) + 64 * 1048576
    rss = int(r["peak_rss_kib"]) * 1024
    unfinished = "" if ok(big) else " so far"
    ratio("messy 1M: peak RSS / (2 x input + 64 MiB)",
          f"{rss / limit:.2f} ({rss / 1048576:.0f}{unfinished} of {limit / 1048576:.0f} MiB)",
          "<= 1", rss <= limit and r["exit"] == "0")
    grow = t(big) / t("convert-messy-100000")
    unfinished = "" if ok(big) else f" (stopped at {t(big):.0f} s, exit {r['exit']})"
    ratio("messy time 1M / 100k", f"{grow:.1f}x{unfinished}", "<= 12x", grow <= 12 and ok(big, "convert-messy-100000"))
if have(f"batch-{plans}-j1", f"batch-{plans}-j2"):
    j1, j2 = t(f"batch-{plans}-j1"), t(f"batch-{plans}-j2")
    ratio(f"batch {plans} plans: -j1 / -j2", f"{j1 / j2:.2f}x", ">= 1.7x", j1 >= 1.7 * j2 and ok(f"batch-{plans}-j1", f"batch-{plans}-j2"))
    cpu1, cpu2 = float(rows[f"batch-{plans}-j1"]["cpu_s_median"]), float(rows[f"batch-{plans}-j2"]["cpu_s_median"])
    checks.append(f"| batch {plans} plans: CPU s -j2 / -j1 (work added by threads) | {cpu2 / cpu1:.2f}x | ~1x | - |")
stages = {r["case"]: r for r in csv.DictReader(open(os.path.join(os.path.dirname(out_path), "stages.csv")))}
for kind, target in (("clean", 1.5), ("messy", 2.5)):
    r = stages.get(f"stages-{kind}-{m}")
    if r and floor:
        write = float(r["write_s"])
        checks.append(f"| {kind} {fmt_n(m)}: workbook writing alone / floor (cleaning {float(r['clean_s']):.2f} s, "
                      f"writing {write:.2f} s) | {write / floor:.2f}x | part of <= {target}x | - |")
        if peer:
            checks.append(f"| {kind} {fmt_n(m)}: peer / workbook writing alone | {peer / write:.2f}x | part of >= 5x | - |")
lines.append("| ratio | measured | target | met |")
lines.append("|---|---:|---:|:---:|")
lines += checks
lines.append("")
lines.append(f"Cleaning of the messy 10k paste: {accuracy}.")
failures = [l.strip() for l in open(os.path.join(os.path.dirname(out_path), "failures.txt")) if l.strip()]
if failures:
    lines.append("")
    lines.append("Runs that did not finish cleanly (exit 124: stopped at the time limit, its memory so far; "
             "137: killed; an out-of-memory message: the address-space cap):")
    lines += [f"- {l}" for l in failures]
text = "\n".join(lines) + "\n"
open(out_path, "w").write(text)
print(text)
PY
echo "results: $csv and $results/summary.md"
