#!/usr/bin/python3
"""Round trips: each sample (and each practice plan, when PLANSHEET_PRACTICE names their folder) converted to a
workbook, that workbook converted again, three times over. Reading a workbook plansheet wrote must set aside the
title block it wrote (title, "Source:" line, colour key) rather than take it for the plan's key.

Checks: every round keeps the actions (bar their source lines), the title, the periods and the plan's own key (each
entry's kind, text, colour and the pairs it defines); rounds 2, 3 and 4 give the same JSON (bar the source's name);
every round gives the same Key sheet, cell for cell; no Key sheet lists the "Source:" line or the workbook's own
Gantt key as the plan's.

Usage: round_trip_test.py OUTDIR   (env: PLANSHEET_BIN, PLANSHEET_SAMPLES, and PLANSHEET_PRACTICE to try those too)
Exits 77 (skipped) when openpyxl is missing.
"""
import json
import os
import shutil
import subprocess
import sys

from checks import FAILURES, check  # exits 77 (skipped) when openpyxl is missing
import openpyxl

ROUNDS = 4  # the source, then three round trips through the workbook


def inputs():
    found = []
    for folder, exts in ((os.environ.get("PLANSHEET_SAMPLES"), (".txt",)),
                         (os.environ.get("PLANSHEET_PRACTICE"), (".txt", ".csv", ".xlsx"))):
        if folder and os.path.isdir(folder):
            found += [os.path.join(folder, f) for f in sorted(os.listdir(folder)) if f.endswith(exts)]
    return found


def key_cells(path):
    ws = openpyxl.load_workbook(path)["Key"]
    return [[c.value for c in row] for row in ws.iter_rows()]


def plan_key(cells):
    """The texts of the Key sheet's first part, the plan's own key."""
    out, inside = [], False
    for row in cells:
        if row and row[0] == "The plan's own key":
            inside = True
            continue
        if row and row[0] == "How this workbook uses colour":
            break
        if inside:
            out += [v for v in row if isinstance(v, str)]
    return out


def comparable(plan, names):
    """The JSON bar what must differ between rounds: the source's name, wherever it is quoted, and the sheet
    choice note (it scores the workbook's other sheets, whose rows differ with the repairs of the round before)."""
    plan = dict(plan)
    plan.pop("source")
    text = json.dumps(plan, ensure_ascii=False, sort_keys=True)
    for n in names:
        text = text.replace(n, "<source>")
    text = text.replace("<source> (sheet Actions)", "<source>")
    plan = json.loads(text)
    # The rows above the header are the title block the round before wrote, set aside: its words are that
    # round's (its source line, its Gantt key), like the source's name.
    header = min((r["line"] for r in plan["removed"] if r["reason"] == "header"), default=0)
    plan["removed"] = [r for r in plan["removed"] if not (r["reason"] == "letterhead" and r["line"] < header)]
    plan["warnings"] = [w for w in plan["warnings"] if not (w.get("note") and w["message"].startswith("sheet '"))]
    return plan


def actions_of(plan):
    return [{k: v for k, v in a.items() if k != "line"} for a in plan["actions"]]


def legend_of(plan):
    """The plan's own key bar the source lines (a workbook's Key sheet ties no entry to a line of the plan)."""
    return [{k: v for k, v in e.items() if k != "line"} for e in plan["legend"]]


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    tool = os.environ.get("PLANSHEET_BIN", "plansheet")
    out = sys.argv[1]
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    tried = 0
    # A RAG column whose cells say more than the rating (kept whole beside it as "RAG (as written)") and a blank
    # one: read back, the kept text must stay extra, not become the RAG or a status column.
    own = os.path.join(out, "rag_said_more.csv")
    with open(own, "w", encoding="utf-8") as f:
        f.write("Ref,Action,Lead,RAG,Update\n"
                "A1,Insulate the depot roof,Estates,Green - on track,Survey done\n"
                "A2,Replace fleet vans with electric vans,Fleet,Amber/Ambr,Two vans ordered\n"
                "A3,Plant trees on council land,Parks,,Not started\n"
                "A4,Install solar panels on the civic centre,Estates,Red: no budget,Bid refused\n"
                "\n"
                "Key to ratings\n"
                "Green,on track\n"
                "Amber,some slippage\n"
                "Red,stopped or unfunded\n")
    for source in inputs() + [own]:
        stem = os.path.splitext(os.path.basename(source))[0]
        plans, keys, names = [], [], [os.path.basename(source)]
        current = source
        for r in range(1, ROUNDS + 1):
            book = os.path.join(out, "%s.%d.xlsx" % (stem, r))
            js = os.path.join(out, "%s.%d.json" % (stem, r))
            done = subprocess.run([tool, "convert", current, "-o", book, "--json", js, "-q"], env=env,
                                  capture_output=True, text=True)
            if done.returncode != 0:
                check(r == 1, "%s round %d: convert failed: %s" % (stem, r, done.stderr.strip()))
                break  # a source that is no table (the prose sample) has no workbook to go round
            with open(js, encoding="utf-8") as f:
                plans.append(json.load(f))
            keys.append(key_cells(book))
            names.append(os.path.basename(book))
            current = book
        if len(plans) < ROUNDS:
            continue
        tried += 1
        check(stem != "rag_said_more" or len(plans[0]["legend"]) == 4, "%s: the key below the table, read: %r"
              % (stem, plans[0]["legend"]))
        print("%s: %d actions, %d rounds" % (stem, len(plans[0]["actions"]), ROUNDS))
        for r in range(1, ROUNDS):
            check(actions_of(plans[r]) == actions_of(plans[0]), "%s round %d: the same actions" % (stem, r + 1))
            check(plans[r]["title"] == plans[0]["title"], "%s round %d: title %r, first %r"
                  % (stem, r + 1, plans[r]["title"], plans[0]["title"]))
            check(plans[r]["periods"] == plans[0]["periods"], "%s round %d: periods %r, first %r"
                  % (stem, r + 1, plans[r]["periods"], plans[0]["periods"]))
            check(legend_of(plans[r]) == legend_of(plans[0]), "%s round %d: the key %r, first %r"
                  % (stem, r + 1, legend_of(plans[r]), legend_of(plans[0])))
        later = [comparable(p, names) for p in plans[1:]]
        for r in range(1, len(later)):
            if later[r] != later[0]:
                diff = [k for k in later[0] if later[0][k] != later[r].get(k)]
                check(False, "%s: round %d's JSON differs from round 2's in %s" % (stem, r + 2, diff))
        for r in range(1, ROUNDS):
            check(keys[r] == keys[0], "%s: round %d's Key sheet differs from round 1's" % (stem, r + 1))
        for r, cells in enumerate(keys):
            own = plan_key(cells)
            check(not any(t.startswith("Source:") for t in own), "%s round %d: the Source line in the key" % (stem, r + 1))
            check("Active in this period" not in own, "%s round %d: the workbook's Gantt key as the plan's" % (stem, r + 1))
    check(tried >= 4 or not os.environ.get("PLANSHEET_SAMPLES"), "round trips tried on %d plans" % tried)
    if FAILURES:
        print("%d check(s) failed" % len(FAILURES))
        return 1
    print("round trips: all checks passed on %d plans" % tried)
    return 0


if __name__ == "__main__":
    sys.exit(main())
