#!/usr/bin/python3
"""The Gantt's bars follow the dates: convert a small plan, edit End dates with openpyxl, print both workbooks with
LibreOffice (headless) and read the colour of the Gantt cells off the rendered page.

Usage: gantt_bars_test.py PLANSHEET OUTDIR
Checks: a bar grows into a period when its End moves later; a period the plan marked but the new End leaves out
still shows (grey, with its mark); the overdue flag follows the End; the as-at period's heading is marked. Exits 77 (skipped) when openpyxl,
soffice or pdftoppm is missing.
"""
import datetime
import os
import re
import shutil
import subprocess
import sys

from checks import FAILURES, check  # exits 77 (skipped) when openpyxl is missing
import openpyxl

SOFFICE = shutil.which("soffice")
TOOLS = [SOFFICE, shutil.which("pdftoppm"), shutil.which("pdftotext")]

PLAN = "\n".join([
    "Bars test plan",
    "",
    "ID\tAction\tStart\tEnd\tRAG",
    "T1\tInsulate the depot roof\tApr-25\tMar-26\tGreen",
    "T2\tReplace the pool boilers\tApr-26\tMar-28\tAmber",
    "T3\tPlant hedgerows on council land\tApr-25\tMar-27\tGreen",
    "T4\tPublish the heat network study\tApr-25\tMar-26\tAmber",
    "T5\tAudit the council's fleet\tApr-25\tMar-26\tComplete",
    "",
])



def words(pdf):
    """Each word on the first page with its box in points: (text, x0, y0, x1, y1)."""
    out = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox", pdf, "-"], capture_output=True, text=True,
                         check=True).stdout
    found = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out):
        found.append((m.group(5), float(m.group(1)), float(m.group(2)), float(m.group(3)), float(m.group(4))))
    return found


def page_pixels(pdf, stem):
    """The first page at 72 dpi (one pixel a point) as (width, height, RGB bytes), read from a PPM."""
    subprocess.run(["pdftoppm", "-r", "72", "-f", "1", "-l", "1", "-singlefile", pdf, stem], check=True)
    with open(stem + ".ppm", "rb") as f:
        data = f.read()
    header = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    w, h = int(header.group(1)), int(header.group(2))
    return w, h, data[header.end():]


def colour_at(page, x, y):
    w, h, px = page
    x, y = int(x), int(y)
    i = (y * w + x) * 3
    return "%02X%02X%02X" % (px[i], px[i + 1], px[i + 2])


def cell_colour(pdf_words, page, row_id, period):
    """The colour inside the Gantt cell of row `row_id` and column `period`, left of the cell's mark."""
    head = [w for w in pdf_words if w[0].endswith(period)]
    row = [w for w in pdf_words if w[0] == row_id]
    if not head or not row:
        return None
    _, hx0, _, hx1, _ = head[-1]
    _, _, ry0, _, ry1 = row[0]
    return colour_at(page, hx0 + 1, (ry0 + ry1) / 2)


def near(colour, want, tolerance=40):
    if colour is None:
        return False
    return all(abs(int(colour[i:i + 2], 16) - int(want[i:i + 2], 16)) <= tolerance for i in (0, 2, 4))


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    if not all(TOOLS):
        print("SKIP: soffice, pdftoppm or pdftotext not found (Debian: libreoffice-calc-nogui, poppler-utils)")
        return 77
    tool, out = sys.argv[1], os.path.abspath(sys.argv[2])
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    source = os.path.join(out, "bars.txt")
    with open(source, "w", encoding="utf-8") as f:
        f.write(PLAN)
    before = os.path.join(out, "before.xlsx")
    subprocess.run([tool, "convert", source, "-o", before, "--periods", "2025-26..2028-29", "--as-at", "2026-06-15",
                    "-q"], check=True)

    # The officer's edits: T1 now ends a year later; T2 ends a year earlier than the plan marked.
    wb = openpyxl.load_workbook(before)
    ws = wb["Actions"]
    header = ws[ws.freeze_panes].row - 1
    heads = {ws.cell(row=header, column=c).value: c for c in range(1, ws.max_column + 1)}
    ids = {ws.cell(row=r, column=heads["ID"]).value: r for r in range(header + 1, ws.max_row + 1)}
    end = heads["End"]
    check(isinstance(ws.cell(row=ids["T1"], column=end).value, datetime.datetime), "End is a real date")
    check(ws.cell(row=ids["T2"], column=heads["2027-28"]).value == "\u25A0", "T2 marked in 2027-28")
    ws.cell(row=ids["T1"], column=end).value = datetime.datetime(2027, 3, 31)
    ws.cell(row=ids["T2"], column=end).value = datetime.datetime(2027, 3, 31)
    after = os.path.join(out, "after.xlsx")
    wb.save(after)

    profile = os.path.join(out, "profile")
    result = subprocess.run([SOFFICE, "-env:UserInstallation=file://" + profile, "--headless", "--norestore",
                             "--convert-to", "pdf", "--outdir", out, before, after],
                            capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        print(result.stdout, result.stderr)
        return 1

    solid, grey, white = "1F7A74", "767676", "FFFFFF"
    pages = {}
    for name in ("before", "after"):
        pdf = os.path.join(out, name + ".pdf")
        pages[name] = (words(pdf), page_pixels(pdf, os.path.join(out, name)))

    def at(name, row_id, period):
        w, page = pages[name]
        return cell_colour(w, page, row_id, period)

    check(near(at("before", "T1", "2025-26"), solid), "before: T1 has a bar in 2025-26 (%s)" % at("before", "T1", "2025-26"))
    check(near(at("before", "T1", "2026-27"), white), "before: T1 has no bar in 2026-27 (%s)" % at("before", "T1", "2026-27"))
    check(near(at("after", "T1", "2026-27"), solid), "after: T1's bar grew into 2026-27 (%s)" % at("after", "T1", "2026-27"))
    check(near(at("after", "T1", "2027-28"), white), "after: T1 still ends before 2027-28 (%s)" % at("after", "T1", "2027-28"))
    check(near(at("before", "T2", "2027-28"), solid), "before: T2 has a bar in 2027-28 (%s)" % at("before", "T2", "2027-28"))
    check(near(at("after", "T2", "2027-28"), grey), "after: T2's marked 2027-28, now past its End, shows grey (%s)"
          % at("after", "T2", "2027-28"))
    check(near(at("after", "T3", "2026-27"), solid), "after: an unedited row keeps its bar (%s)" % at("after", "T3", "2026-27"))
    # Overdue (the End's month over by the as-at day, not complete) is flagged with a sign, not colour alone: T1
    # and T4 before the edit, T4 alone after it; T5 is complete.
    flags = {name: [w for w in pages[name][0] if w[0] == "\u26A0"] for name in pages}
    check(len(flags["before"]) == 2 and len(flags["after"]) == 1,
          "overdue flags: %d before, %d after" % (len(flags["before"]), len(flags["after"])))
    t4 = [w for w in pages["after"][0] if w[0] == "T4"]
    check(bool(t4) and bool(flags["after"]) and abs(flags["after"][0][2] - t4[0][2]) < 3, "the flag is on T4's row")
    # The as-at period (2026-06-15 is in 2026-27) is marked in its heading with a pointer, not by colour alone.
    heading = [w[0] for w in pages["after"][0] if w[0].endswith("2026-27")]
    check(any(w != "2026-27" for w in heading) or any(w[0] == "\u25BC" for w in pages["after"][0]),
          "the as-at period's heading carries its pointer (%s)" % heading)

    if FAILURES:
        print("%d failure(s)" % len(FAILURES))
        return 1
    print("ok: bars follow the edited dates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
