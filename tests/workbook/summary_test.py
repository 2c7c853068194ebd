#!/usr/bin/python3
"""The Summary sheet an officer keeps using: counts that are formulas over whole Actions columns (totals too), a
Summary by status for a plan without RAG, dropdowns and colour rules reaching past the last row, a chart that holds
its counts and has alt text; delivery-period counts that are formulas whose values are the plan's marks on every
sample (and practice plan, when present); then, in LibreOffice, a row added below the table is counted after
recalculation, and an End date moved, turned "Ongoing" or a Start cleared changes the period counts as the bars.

Usage: summary_test.py OUTDIR   (env: PLANSHEET_BIN; PLANSHEET_SAMPLES, PLANSHEET_PRACTICE: folders of plans)
Exits 77 (skipped) when openpyxl is missing; the LibreOffice part is skipped when soffice is.
"""
import datetime
import os
import re
import shutil
import subprocess
import sys
import zipfile

from checks import FAILURES, check  # exits 77 (skipped) when openpyxl is missing
import openpyxl

SOFFICE = shutil.which("soffice")
LAST_ROW = 1048576
# A rated plan whose section names would mislead a careless criterion (a wildcard, a comparison sign, a name
# longer than a criterion may be), and a plan without ratings whose progress column is its status.
LONG = ("Homes " + "and gardens " * 30).strip()
RATED = [
    ["Ref", "Theme", "Action", "Lead", "RAG"],
    ["1", "Homes", "Insulate council homes", "Housing", "Green"],
    ["2", "Homes*", "Fit heat pumps to sheltered housing", "Housing", "Amber"],
    ["3", "<50% travel", "Replace pool cars with electric cars", "Fleet", "Red"],
    ["4", LONG, "Plant hedges on every estate", "Parks", "Green"],
    ["5", "Homes", "Publish a retrofit guide", "Housing", ""],
]
UNRATED = [
    ["Ref", "Theme", "What we will do", "Owner", "Progress"],
    ["1", "Homes", "Insulate council homes in the north ward", "Housing", "Under way"],
    ["2", "Homes", "Fit heat pumps to sheltered housing", "Housing", "Not begun"],
    ["3", "Travel", "Replace pool cars with electric cars", "Fleet", "Done"],
    ["4", "Travel", "Open a cycle hub at the station", "Transport", "Under way"],
]


# A plan with a Gantt drawn from its own Start and End dates: one period a year, April to March.
BARS = "\n".join([
    "Period counts plan",
    "",
    "ID\tAction\tStart\tEnd\tRAG",
    "T1\tInsulate the depot roof\tApr-25\tMar-26\tGreen",
    "T2\tReplace the pool boilers\tApr-26\tMar-28\tAmber",
    "T3\tPlant hedgerows on council land\tApr-25\tMar-27\tGreen",
    "T4\tPublish the heat network study\tApr-25\tMar-26\tAmber",
    "",
])


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(",".join('"%s"' % c.replace('"', '""') for c in r) + "\n")


def section_table(ws):
    """The header row of the section table, its column names and its rows up to the Total row."""
    head = next(r for r in range(1, 20) if ws.cell(row=r, column=1).value == "Section")
    names = []
    c = 1
    while ws.cell(row=head, column=c).value and (not names or names[-1] != "Actions"):
        names.append(ws.cell(row=head, column=c).value)
        c += 1
    rows = []
    r = head + 1
    while ws.cell(row=r, column=1).value != "Total":
        rows.append(r)
        r += 1
    return head, names, rows, r


def static_checks(name, path, actions, value_columns):
    wb = openpyxl.load_workbook(path)
    s = wb["Summary"]
    head, names, rows, total = section_table(s)
    check(names[1:1 + len(value_columns)] == value_columns, "%s: Summary columns %s, want %s" % (name, names, value_columns))
    for r in rows + [total]:
        for c in range(2, len(names) + 1):
            v = s.cell(row=r, column=c).value
            check(isinstance(v, str) and v.startswith("="), "%s: Summary %s%d is %r, not a formula" % (
                name, openpyxl.utils.get_column_letter(c), r, v))
    formulas = " ".join(str(s.cell(row=r, column=c).value) for r in rows for c in range(2, len(names) + 1))
    check("$%d" % LAST_ROW in formulas, "%s: Summary formulas reach row %d" % (name, LAST_ROW))

    # Dropdowns and colour rules reach the sheet's last row.
    a = wb["Actions"]
    heads = {}
    for r in range(1, 10):
        for cell in a[r]:
            if cell.value in ("RAG", "Progress", "Status"):
                heads[cell.value] = cell.column_letter
    rag = heads.get("RAG")
    check(rag is not None, "%s: the Actions sheet has a RAG column" % name)
    dv = [d for d in a.data_validations.dataValidation if rag and str(d.sqref).startswith(rag)]
    check(dv and str(dv[0].sqref).endswith("%s%d" % (rag, LAST_ROW)), "%s: RAG dropdown over %s" % (
        name, [str(d.sqref) for d in dv]))
    cf = [str(rng.sqref) for rng in a.conditional_formatting if rag and str(rng.sqref).startswith(rag)]
    check(cf and all(x.endswith("%s%d" % (rag, LAST_ROW)) for x in cf), "%s: RAG colour rules over %s" % (name, cf))

    # The chart: its own copy of the counts (what a preview shows) adds up to the actions, and it has alt text.
    with zipfile.ZipFile(path) as z:
        chart = z.read("xl/charts/chart1.xml").decode()
        drawing = z.read("xl/drawings/drawing1.xml").decode()
    cached = [float(v) for cache in re.findall(r"<c:numCache>(.*?)</c:numCache>", chart, re.S)
              for v in re.findall(r"<c:v>([^<]*)</c:v>", cache)]
    check(sum(cached) == actions, "%s: the chart's cached counts add up to %s, want %d" % (name, sum(cached), actions))
    check("<c:dLbls>" in chart, "%s: the chart's bars are labelled" % name)
    descr = re.search(r'descr="([^"]*)"', drawing)
    check(descr and "Stacked bar chart" in descr.group(1), "%s: the chart has alt text" % name)
    return head


def recalculated(path, outdir, profile):
    """The workbook as LibreOffice recalculates it (openpyxl drops formula results on save, so every formula is
    computed again), read back with the values."""
    subprocess.run([SOFFICE, "-env:UserInstallation=file://" + profile, "--headless", "--norestore",
                    "--convert-to", "xlsx", "--outdir", outdir, path], capture_output=True, timeout=120, check=True)
    return openpyxl.load_workbook(os.path.join(outdir, os.path.basename(path)), data_only=True)["Summary"]


def counts(ws):
    head, names, rows, total = section_table(ws)
    return {ws.cell(row=r, column=1).value: {names[c - 1]: ws.cell(row=r, column=c).value
                                             for c in range(2, len(names) + 1)} for r in rows + [total]}


def period_table(ws):
    """The delivery-period table: {period: (cell, value)} below its "Delivery period" heading."""
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == "Delivery period":
                out = {}
                r = cell.row + 1
                while ws.cell(row=r, column=cell.column).value:
                    out[ws.cell(row=r, column=cell.column).value] = ws.cell(row=r, column=cell.column + 1).value
                    r += 1
                return out
    return None


def actions_header(ws):
    """The Actions sheet's header row: the row after the hidden "Period ends" row."""
    return next(r for r in range(1, 30) if ws.cell(row=r, column=1).value == "Period ends") + 1


def period_checks(name, path):
    """The period cells are formulas reaching the sheet's end whose values are the old typed counts (the action
    rows marked in the period's Gantt column); the chart's copy holds them too. Returns the number of periods."""
    formulas = period_table(openpyxl.load_workbook(path)["Summary"])
    values = period_table(openpyxl.load_workbook(path, data_only=True)["Summary"])
    if formulas is None:
        return 0
    a = openpyxl.load_workbook(path)["Actions"]
    head = actions_header(a)
    column = {a.cell(row=head, column=c).value: c for c in range(1, a.max_column + 1)}
    for period, f in formulas.items():
        check(isinstance(f, str) and f.startswith("=COUNTIFS(") and "$%d" % LAST_ROW in f,
              "%s: period %s is %r, not a COUNTIFS to the last row" % (name, period, f))
        c = column.get(period)
        marked = sum(1 for r in range(head + 1, a.max_row + 1) if a.cell(row=r, column=c).value) if c else None
        check(values[period] == marked, "%s: period %s counts %r, the Gantt marks %r" % (name, period, values[period], marked))
    with zipfile.ZipFile(path) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    chart = [c for c in charts if "delivery period" in c]
    cached = [float(v) for v in re.findall(r"<c:v>([^<]*)</c:v>", re.search(r"<c:numCache>(.*?)</c:numCache>",
                                                                              chart[0], re.S).group(1))] if chart else []
    check(cached == [float(v) for v in values.values()], "%s: the period chart's copy %s, want %s" % (
        name, cached, list(values.values())))
    return len(formulas)


def period_edits(book, out, profile):
    """Edit the Actions sheet with openpyxl, recalculate in LibreOffice, and return the period counts."""
    lo = os.path.join(out, "lo")
    fresh = os.path.join(out, "bars-as-written.xlsx")
    openpyxl.load_workbook(book).save(fresh)
    check(period_table(recalculated(fresh, lo, profile)) == period_table(
        openpyxl.load_workbook(book, data_only=True)["Summary"]), "bars: LibreOffice's period counts differ from the file's")
    edits = [
        # T1 ends a year later: it is active in 2026-27 too.
        ("later-end", {"T1": ("End", datetime.datetime(2027, 3, 1))}, {"2025-26": 3, "2026-27": 3, "2027-28": 1}),
        # T4 runs on: active in every period from its start.
        ("ongoing", {"T4": ("End", "Ongoing")}, {"2025-26": 3, "2026-27": 3, "2027-28": 2}),
        # T2 loses its Start: its marks (2026-27, 2027-28) count it, once.
        ("no-start", {"T2": ("Start", None)}, {"2025-26": 3, "2026-27": 2, "2027-28": 1}),
    ]
    for stem, changes, want in edits:
        wb = openpyxl.load_workbook(book)
        a = wb["Actions"]
        head = actions_header(a)
        column = {a.cell(row=head, column=c).value: c for c in range(1, a.max_column + 1)}
        for r in range(head + 1, a.max_row + 1):
            if a.cell(row=r, column=1).value in changes:
                heading, value = changes[a.cell(row=r, column=1).value]
                a.cell(row=r, column=column[heading]).value = value
        edited = os.path.join(out, "bars-%s.xlsx" % stem)
        wb.save(edited)
        got = period_table(recalculated(edited, lo, profile))
        check(got == want, "bars (%s): period counts %s after LibreOffice recalculates, want %s" % (stem, got, want))


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    out = sys.argv[1]
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    tool = os.environ["PLANSHEET_BIN"]
    books = {}
    for name, rows in (("rated", RATED), ("unrated", UNRATED)):
        write_csv(os.path.join(out, name + ".csv"), rows)
        books[name] = os.path.join(out, name + ".xlsx")
        subprocess.run([tool, "convert", os.path.join(out, name + ".csv"), "-o", books[name], "-q"], check=True)

    with open(os.path.join(out, "bars.txt"), "w", encoding="utf-8") as f:
        f.write(BARS)
    books["bars"] = os.path.join(out, "bars.xlsx")
    subprocess.run([tool, "convert", os.path.join(out, "bars.txt"), "-o", books["bars"], "-q"], check=True)
    check(period_table(openpyxl.load_workbook(books["bars"], data_only=True)["Summary"]) ==
          {"2025-26": 3, "2026-27": 2, "2027-28": 1}, "bars: period counts %s" % period_table(
              openpyxl.load_workbook(books["bars"], data_only=True)["Summary"]))
    period_checks("bars", books["bars"])
    # Every sample and practice plan: the formulas give the counts the marks give.
    with_periods = 0
    for folder in (os.environ.get("PLANSHEET_SAMPLES"), os.environ.get("PLANSHEET_PRACTICE")):
        if not folder or not os.path.isdir(folder):
            continue
        for plan in sorted(os.listdir(folder)):
            if not plan.endswith((".txt", ".csv", ".xlsx", ".xls")) or plan.endswith(".gold.json"):
                continue
            book = os.path.join(out, "plan-" + os.path.splitext(plan)[0] + ".xlsx")
            if subprocess.run([tool, "convert", os.path.join(folder, plan), "-o", book, "-q"],
                              capture_output=True).returncode == 0:
                with_periods += period_checks(plan, book) > 0
    check(not os.environ.get("PLANSHEET_SAMPLES") or with_periods >= 3,
          "only %d sample plans have a period table" % with_periods)

    static_checks("rated", books["rated"], len(RATED) - 1, ["Red", "Amber", "Green", "Blue"])
    static_checks("unrated", books["unrated"], len(UNRATED) - 1, ["Under way", "Not begun", "Done"])
    values = openpyxl.load_workbook(books["rated"], data_only=True)["Summary"]
    got = counts(values)
    check(got.get("Homes", {}).get("Actions") == 2 and got.get("Homes*", {}).get("Actions") == 1,
          "rated: sections named with a wildcard counted apart: %s" % got)
    check(got.get(LONG, {}).get("Green") == 1, "rated: a long section name counted: %s" % got.get(LONG))

    if not SOFFICE:
        print("SKIP (LibreOffice part): soffice not found (Debian: apt-get install libreoffice-calc-nogui)")
    else:
        profile = os.path.join(out, "profile")
        # Recalculated as written, LibreOffice agrees with the counts the file carries.
        for name in ("rated", "unrated"):
            fresh = os.path.join(out, name + "-as-written.xlsx")
            openpyxl.load_workbook(books[name]).save(fresh)
            check(counts(recalculated(fresh, os.path.join(out, "lo"), profile)) ==
                  counts(openpyxl.load_workbook(books[name], data_only=True)["Summary"]),
                  "%s: LibreOffice's counts differ from the file's" % name)
        # A row added below the table is counted: a rated row in a wildcard-named section, an unrated row's status.
        for name, row, section, column in (("rated", ["6", "Homes*", "Retrofit the library", "Estates", "Red"], "Homes*", "Red"),
                                           ("unrated", ["5", "Travel", "Add chargers at the depot", "Fleet", "Done"], "Travel", "Done")):
            wb = openpyxl.load_workbook(books[name])
            a = wb["Actions"]
            last = max(r for r in range(1, a.max_row + 1) if a.cell(row=r, column=1).value)
            for k, v in enumerate(row):
                a.cell(row=last + 1, column=k + 1, value=v)
            edited = os.path.join(out, name + "-edited.xlsx")
            wb.save(edited)
            before = counts(openpyxl.load_workbook(books[name], data_only=True)["Summary"])
            after = counts(recalculated(edited, os.path.join(out, "lo"), profile))
            check(after[section][column] == before[section][column] + 1,
                  "%s: %s/%s went from %s to %s" % (name, section, column, before[section][column], after[section][column]))
            check(after["Total"]["Actions"] == before["Total"]["Actions"] + 1,
                  "%s: total went from %s to %s" % (name, before["Total"]["Actions"], after["Total"]["Actions"]))
        period_edits(books["bars"], out, profile)

    print("%d failure(s)" % len(FAILURES))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
