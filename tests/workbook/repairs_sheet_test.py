#!/usr/bin/python3
"""The Repairs sheet an officer reads, and the document's properties: converts a paste with a Cyrillic letter in an
id, a no-break space, a cell under the wrong column and a doubtful RAG cell (tests/fixtures/workbook/), then reads
the workbook with openpyxl.

Checks: each repair in words (the rule's sentence, what changed, invisible characters named, no raw scores),
warnings first on a fill that stands out (3:1 against white, legible text, the word "Warning"), a link from every
row to its Actions cell, the title in the document properties, the creation time (now, or SOURCE_DATE_EPOCH), and
no folder anywhere in the workbook.

Usage: repairs_sheet_test.py OUTDIR   (env: PLANSHEET_BIN, PLANSHEET_FIXTURE)
Exits 77 (skipped) when openpyxl is missing.
"""
import datetime
import os
import shutil
import subprocess
import sys
import zipfile

from checks import FAILURES, check  # exits 77 (skipped) when openpyxl is missing
import openpyxl


def luminance(hex6):
    def linear(v):
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(int(hex6[i:i + 2], 16) / 255) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def convert(tool, source, out, epoch):
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    subprocess.run([tool, "convert", source, "-o", out, "-q"], check=True, env=env)


def check_repairs(path):
    wb = openpyxl.load_workbook(path)
    rs = wb["Repairs"]
    rows = [[c for c in row] for row in rs.iter_rows()]
    head = next(i for i, r in enumerate(rows) if r[0].value == "Type")
    names = [c.value for c in rows[head]]
    col = {n: i for i, n in enumerate(names) if n}
    for need in ("What was done", "What changed", "Before", "After / message", "Actions cell"):
        check(need in col, "Repairs has a %r column (%s)" % (need, names))
    body = [r for r in rows[head + 1:] if r[0].value]
    types = [r[0].value for r in body]
    check(types.count("Warning") == 1 and types.count("Repair") == 3, "one warning and three repairs: %s" % types)
    check(types and types[0] == "Warning" and "Warning" not in types[types.index("Repair"):] if "Repair" in types
          else False, "warnings come first: %s" % types)

    texts = {c.value for r in rows for c in r if isinstance(c.value, str)}
    # Every entry in words: the rule's sentence, never only its name; no detection score.
    for r in body:
        if r[0].value != "Repair":
            continue
        done = r[col["What was done"]].value or ""
        check(len(done.split()) >= 6 and done.endswith("."), "a repair says what was done in a sentence: %r" % done)
    check(not any("score" in t for t in texts), "no raw score on the sheet")
    check(any("looks like a Latin one" in t for t in texts), "the look-alike rule's sentence")
    # What no eye can see, named.
    check("Retrofit[no-break space]LED" in texts, "the no-break space named in Before")
    check("[Cyrillic \u0422]R1" in texts, "the Cyrillic letter named in Before")
    check("Cyrillic '\u0422' (U+0422) \u2192 Latin 'T'" in texts, "what changed in the id, named")
    check("no-break space (U+00A0) \u2192 space" in texts, "what changed in the action, named")
    check("moved from the RAG column to Update" in texts, "moved text says from where to where")

    # Warnings stand out: a fill at 3:1 or more against white, the word legible on it.
    for r in body:
        if r[0].value != "Warning":
            continue
        cell = r[0]
        fill = cell.fill.fgColor.rgb if cell.fill and cell.fill.fill_type == "solid" else None
        check(isinstance(fill, str), "the Warning cell is filled")
        if isinstance(fill, str):
            font = cell.font.color.rgb if cell.font.color is not None and isinstance(cell.font.color.rgb, str) \
                else "FF000000"
            check(contrast(fill[-6:], "FFFFFF") >= 3.0, "the warning fill stands out against white (%s)" % fill)
            check(contrast(fill[-6:], font[-6:]) >= 4.5, "the word Warning is legible on its fill")

    # Every entry linked to its Actions cell, and the cell holds the repaired text.
    ws = wb["Actions"]
    for r in body:
        link = r[col["Actions cell"]].hyperlink
        what = "%s on line %s" % (r[0].value, r[1].value)
        check(link is not None and (link.location or "").startswith("'Actions'!"), "%s links into Actions" % what)
        if link is None or not link.location:
            continue
        target = ws[link.location.split("!")[1]]
        check(target.value is not None, "%s: link target %s holds text" % (what, link.location))
        after = r[col["After / message"]].value
        if r[0].value == "Repair":
            check(target.value == after or after in str(target.value),
                  "%s: link target %s holds %r (has %r)" % (what, link.location, after, target.value))
    # The id repaired from its Cyrillic letter: the link lands on the id TR1.
    tr1 = next(r for r in body if r[col["Action"]].value == "TR1")
    check(ws[tr1[col["Actions cell"]].hyperlink.location.split("!")[1]].value == "TR1", "TR1's repair links to TR1")
    return wb


def no_folder(path, folder):
    """No cell, note, property or other part of the workbook names the folder the input came from."""
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            data = z.read(name).decode("utf-8", "replace")
            check(folder not in data, "%s: %s holds the folder %s" % (path, name, folder))


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    tool = os.environ.get("PLANSHEET_BIN", "plansheet")
    fixture = os.environ["PLANSHEET_FIXTURE"]
    out = sys.argv[1]
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)

    fixed = os.path.join(out, "fixed.xlsx")
    convert(tool, os.path.abspath(fixture), fixed, "0")
    wb = check_repairs(fixed)
    check(wb.properties.title == "Harbourside Council Net Zero Action Plan", "title property %r" % wb.properties.title)
    # libxlsxwriter reads 0 as "now", so the epoch is stamped a second later.
    check(wb.properties.created.date() == datetime.date(1970, 1, 1), "SOURCE_DATE_EPOCH=0: created %s" % wb.properties.created)
    no_folder(fixed, os.path.dirname(os.path.abspath(fixture)))

    now = os.path.join(out, "now.xlsx")
    before = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None, microsecond=0)
    convert(tool, fixture, now, None)
    after = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
    created = openpyxl.load_workbook(now).properties.created
    check(before - datetime.timedelta(seconds=1) <= created <= after,
          "no SOURCE_DATE_EPOCH: created now (%s, run between %s and %s)" % (created, before, after))

    if FAILURES:
        print("%d check(s) failed" % len(FAILURES))
        return 1
    print("Repairs sheet and document properties: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
