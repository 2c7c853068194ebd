#!/usr/bin/python3
"""Open every workbook make_workbooks writes in LibreOffice (headless): it must convert to PDF, and its CSV
export of the Actions sheet must carry every action id and every section name as written.

Usage: libreoffice_test.py MAKE_WORKBOOKS OUTDIR
Exits 77 (skipped) when soffice is not installed (Debian: apt-get install libreoffice-calc-nogui).
"""
import csv
import json
import os
import shutil
import subprocess
import sys

SOFFICE = shutil.which("soffice") or ("/usr/bin/soffice" if os.path.exists("/usr/bin/soffice") else None)


def convert(files, target, outdir, profile):
    """One soffice run for all files; a private profile so parallel runs and a user's own LibreOffice never clash."""
    cmd = [SOFFICE, "-env:UserInstallation=file://" + profile, "--headless", "--norestore",
           "--convert-to", target, "--outdir", outdir] + files
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        print(result.stdout, result.stderr)
    return result.returncode


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    if not SOFFICE:
        print("SKIP: soffice not found (Debian: apt-get install libreoffice-calc-nogui)")
        return 77
    tool, out = sys.argv[1], os.path.abspath(sys.argv[2])
    shutil.rmtree(out, ignore_errors=True)
    books, pdf, text = (os.path.join(out, d) for d in ("books", "pdf", "csv"))
    for d in (books, pdf, text):
        os.makedirs(d)
    subprocess.run([tool, books], check=True)
    names = sorted(f[:-5] for f in os.listdir(books) if f.endswith(".xlsx"))
    files = [os.path.join(books, n + ".xlsx") for n in names]
    profile = os.path.join(out, "profile")

    failures = []
    # UTF-8 (76), comma-separated, quoted text, first sheet (Actions).
    if convert(files, "pdf", pdf, profile) != 0:
        failures.append("soffice failed to convert to PDF")
    if convert(files, "csv:Text - txt - csv (StarCalc):44,34,76,1", text, profile) != 0:
        failures.append("soffice failed to convert to CSV")

    for n in names:
        pdf_file = os.path.join(pdf, n + ".pdf")
        if not (os.path.exists(pdf_file) and os.path.getsize(pdf_file) > 1000):
            failures.append("%s: no PDF" % n)
        csv_file = os.path.join(text, n + ".csv")
        if not os.path.exists(csv_file):
            failures.append("%s: no CSV" % n)
            continue
        with open(csv_file, encoding="utf-8", newline="") as f:
            cells = [c for row in csv.reader(f) for c in row]
        with open(csv_file, encoding="utf-8", newline="") as f:
            rows = [set(row[:2]) for row in csv.reader(f) if row]
        with open(os.path.join(books, n + ".json"), encoding="utf-8") as f:
            manifest = json.load(f)
        for a in manifest["actions"]:
            # The id in the first two columns (after the section, when the sheet adds one), on a row that also
            # names the action's section: sorting or filtering never parts a row from its section.
            if not any(a["id"] in row for row in rows):
                failures.append("%s: action id %r missing from LibreOffice's CSV" % (n, a["id"]))
            if a.get("section") and a["section"] not in cells:
                failures.append("%s: section %r missing from LibreOffice's CSV" % (n, a["section"]))
        print("%s: PDF %d bytes, CSV %d cells, %d ids checked" %
              (n, os.path.getsize(pdf_file) if os.path.exists(pdf_file) else 0, len(cells), len(manifest["actions"])))

    for f in failures:
        print("FAIL:", f)
    if failures:
        return 1
    print("LibreOffice opened every workbook; every action id is in its CSV export")
    return 0


if __name__ == "__main__":
    sys.exit(main())
