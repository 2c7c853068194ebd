#!/usr/bin/env python3
"""Generate seeded layout variants, convert each with plansheet and score the JSON exports cell by cell.

usage: score_variants.py --binary PLANSHEET [--count N] [--seed S] [--min PCT] [--only DIMENSION=VALUE ...]
                         [--isolate] [--keep DIR] [--jobs J] [--timeout SEC] [--worst K] [-v]

Variant i is generate.py's seed S+i (with the --only values fixed). With --isolate, each value of each
dimension is tried alone over a clean plan, on the same N seeds. Each is converted with
`plansheet convert IN -o OUT.xlsx --json OUT.json -q`; a crash, a timeout, a non-zero exit or an unreadable
export scores 0 for every gold cell of that variant. Prints cells right per value of every shape dimension,
the worst variants with their seeds, and a final total line; exits 1 when the total is under --min.
Standard library only.
"""
import argparse
import json
import random
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, HERE)
import generate  # noqa: E402
import scoring  # noqa: E402


def convert(binary, folder, name, timeout):
    """(status, seconds): 'ok', 'exit N', 'signal N' or 'timeout'; the export is written beside the input."""
    stem = os.path.splitext(name)[0]
    cmd = [binary, "convert", os.path.join(folder, name), "-o", os.path.join(folder, stem + ".out.xlsx"),
           "--json", os.path.join(folder, stem + ".out.json"), "-q"]
    t0 = time.monotonic()
    try:
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", time.monotonic() - t0, ""
    took = time.monotonic() - t0
    err = p.stderr.decode("utf-8", "replace").strip().splitlines()
    if p.returncode < 0:
        return f"signal {-p.returncode}", took, err[-1] if err else ""
    if p.returncode != 0:
        return f"exit {p.returncode}", took, err[-1] if err else ""
    return "ok", took, ""


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", default=os.environ.get("PLANSHEET", "build/plansheet"))
    ap.add_argument("--count", type=int, default=100, help="variants (with --isolate: per value; default 100)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--min", type=float, default=None, help="exit 1 if the total percentage is under this")
    ap.add_argument("--only", action="append", default=[], metavar="DIMENSION=VALUE",
                    help="fix a shape dimension (repeatable)")
    ap.add_argument("--isolate", action="store_true",
                    help="vary one dimension at a time over a clean plan (generate.BASELINE): --count variants "
                         "per value, the same seeds for every value")
    ap.add_argument("--keep", metavar="DIR", help="keep inputs, gold files and exports in DIR")
    ap.add_argument("--jobs", type=int, default=2, help="conversions at once (default 2)")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds per conversion (default 30)")
    ap.add_argument("--worst", type=int, default=10, help="worst variants to list (default 10)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every wrong cell of the worst variants")
    args = ap.parse_args(argv)

    try:
        overrides = dict(o.split("=", 1) for o in args.only)
        generate.choose_shape(random.Random(0), overrides)
    except ValueError as e:
        print(f"score_variants: --only: {e}", file=sys.stderr)
        return 2
    if not os.access(args.binary, os.X_OK):
        print(f"score_variants: {args.binary}: no such executable (give --binary or PLANSHEET)", file=sys.stderr)
        return 2
    folder = args.keep or tempfile.mkdtemp(prefix="plansheet-layouts-")
    os.makedirs(folder, exist_ok=True)

    # (group, seed, overrides, defaults): one group per variant in --isolate mode, else none
    plan = []
    if args.isolate:
        for dim, values in generate.DIMENSIONS.items():
            for value in values:
                if value != generate.NA and dim not in overrides:
                    plan += [((dim, value), seed, dict(overrides, **{dim: value}), generate.BASELINE)
                             for seed in range(args.seed, args.seed + args.count)]
    else:
        plan = [(None, seed, overrides, None) for seed in range(args.seed, args.seed + args.count)]

    variants, bad_gen = [], []
    for group, seed, over, defaults in plan:
        name, text, gold = generate.generate(seed, over, defaults)
        if group:  # one folder per value, as the same seed renders differently under each
            sub = f"{group[0]}={group[1]}".replace("/", "_")
            os.makedirs(os.path.join(folder, sub), exist_ok=True)
            name = os.path.join(sub, name)
        if generate.check(text, gold):
            bad_gen.append(seed)
        with open(os.path.join(folder, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
        with open(os.path.join(folder, os.path.splitext(name)[0] + ".gold.json"), "w", encoding="utf-8") as f:
            json.dump(gold, f, ensure_ascii=False, indent=1)
        variants.append((group, seed, name, gold, over, defaults))

    t0 = time.monotonic()
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        runs = list(pool.map(lambda v: convert(args.binary, folder, v[2], args.timeout), variants))
    wall = time.monotonic() - t0

    results = []
    for (group, seed, name, gold, over, defaults), (status, took, err) in zip(variants, runs):
        out = {"actions": []}
        if status == "ok":
            try:
                with open(os.path.join(folder, os.path.splitext(name)[0] + ".out.json"), encoding="utf-8") as f:
                    out = json.load(f)
            except (OSError, ValueError) as e:
                status = f"unreadable export ({e.__class__.__name__})"
        right, total, misses = scoring.score(gold, out)
        if status != "ok":
            right = 0
        repro = "".join(f" --set {k}={v}" for k, v in over.items()) + (" --baseline" if defaults else "")
        results.append({"group": group, "seed": seed, "name": name, "shape": gold["shape"], "right": right,
                        "total": total, "misses": misses, "status": status, "err": err, "took": took,
                        "repro": repro, "actions": (len(gold["actions"]), len(scoring.actions_of(out)))})

    R = sum(r["right"] for r in results)
    T = sum(r["total"] for r in results)
    pct = 100.0 * R / T if T else 100.0

    # cells right per value of every dimension (--isolate: per varied value, the rest held clean)
    print(f"{'dimension':<14} {'value':<16} {'variants':>8} {'cells right':>14} {'%':>6}"
          + ("   (one dimension varied over a clean plan)" if args.isolate else ""))
    rows = []
    for dim, values in generate.DIMENSIONS.items():
        for value in values:
            if args.isolate:
                sel = [r for r in results if r["group"] == (dim, value)]
            else:
                sel = [r for r in results if r["shape"][dim] == value]
            if not sel:
                continue
            r_, t_ = sum(r["right"] for r in sel), sum(r["total"] for r in sel)
            p = 100.0 * r_ / t_ if t_ else 100.0
            rows.append((p, dim, value))
            crashes = sum(r["status"] != "ok" for r in sel)
            print(f"{dim:<14} {value:<16} {len(sel):>8} {f'{r_}/{t_}':>14} {p:>6.1f}"
                  + (f"  ({crashes} failed to convert)" if crashes else ""))
    print()
    print("weakest shapes: " + ", ".join(f"{d}={v} {p:.1f}%" for p, d, v in sorted(rows)[:8]))

    failed = [r for r in results if r["status"] != "ok"]
    if failed:
        print(f"\n{len(failed)} variant(s) failed to convert (scored 0):")
        for r in failed[:20]:
            print(f"  seed {r['seed']}{r['repro']} ({r['name']}): {r['status']}"
                  + (f": {r['err'][:140]}" if r["err"] else ""))
    if bad_gen:
        print(f"\ngenerator check: seeds {sorted(set(bad_gen))[:10]} render text that lacks words of their gold "
              "(a generator bug)")

    print("\nworst variants (reproduce: generate.py --seed N [the --set flags shown] --out DIR):")
    worst = sorted(results, key=lambda r: (r["right"] / r["total"] if r["total"] else 1, r["seed"]))[:args.worst]
    for r in worst:
        p = 100.0 * r["right"] / r["total"] if r["total"] else 100.0
        shape = " ".join(f"{k}={v}" for k, v in r["shape"].items()
                         if v not in (generate.NA, "none", "off", "clean", "plain", "standard"))
        print(f"  seed {r['seed']}{r['repro']}  {p:.1f}% ({r['right']}/{r['total']}), actions gold "
              f"{r['actions'][0]} / out {r['actions'][1]}" + (f", {r['status']}" if r["status"] != "ok" else ""))
        print(f"      {shape}")
        for m in r["misses"][: (40 if args.verbose else 3)]:
            print(f"      {m[0]} {m[1]}: want {str(m[2])[:70]!r} got {str(m[3])[:70]!r}")

    if results:
        slow = max(results, key=lambda r: r["took"])
        print(f"\nconversions: {len(results)} in {wall:.0f}s, {args.jobs} at once; slowest seed {slow['seed']}"
              f"{slow['repro']} took {slow['took']:.1f}s")
    if args.keep:
        print(f"files kept in {folder}")
    else:
        shutil.rmtree(folder, ignore_errors=True)
    ok = args.min is None or pct >= args.min
    print(f"total: {R}/{T} cells right ({pct:.1f}%) over {len(results)} variants, {len(failed)} failed to convert"
          + (f"; minimum {args.min:g}%" + ("" if ok else " NOT MET") if args.min is not None else ""))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
