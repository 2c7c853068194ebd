#!/usr/bin/python3
"""Print that reads: converts every sample (and every practice plan, when PLANSHEET_PRACTICE names their folder)
with the CLI, prints each workbook to PDF with LibreOffice (headless) and fails when any text on any printed page
is under 8 pt. Font sizes come from word heights (`pdftotext -bbox-layout`), measured against a calibration
workbook printed at 100% in the same run: 11 pt text there is as tall as 11 pt text anywhere.

Usage: print_size_test.py OUTDIR [--paper a4|a3]   (env: PLANSHEET_BIN, PLANSHEET_SAMPLES, PLANSHEET_PRACTICE)
Prints one line per workbook: the smallest text size and the median text size, in points.
Exits 77 (skipped) when soffice, pdftotext or openpyxl is missing.
"""
import os
import re
import shutil
import statistics
import subprocess
import sys

MIN_PT = 8.0
SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def word_heights(pdf):
    """The height of every word on every page of the PDF, in points."""
    out = subprocess.run([PDFTOTEXT, "-bbox-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    return [(float(m.group(4)) - float(m.group(2)), m.group(5)) for m in WORD.finditer(out)]


def calibration_book(path):
    """One sheet with one line of 11 pt Calibri text, printed at 100%: the height an 11 pt word prints at."""
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "Calibration Hxg"
    ws.page_setup.scale = 100
    wb.save(path)


def main():
    args = sys.argv[1:]
    paper = None
    if "--paper" in args:
        i = args.index("--paper")
        paper = args[i + 1]
        del args[i:i + 2]
    if len(args) != 1:
        print(__doc__)
        return 2
    if not SOFFICE or not PDFTOTEXT:
        print("SKIP: soffice or pdftotext not found (Debian: libreoffice-calc-nogui, poppler-utils)")
        return 77
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        print("SKIP: openpyxl not found (Debian: python3-openpyxl)")
        return 77
    out = os.path.abspath(args[0])
    shutil.rmtree(out, ignore_errors=True)
    books, pdf_dir = os.path.join(out, "books"), os.path.join(out, "pdf")
    os.makedirs(books)
    os.makedirs(pdf_dir)

    tool = os.environ["PLANSHEET_BIN"]
    inputs = []
    for var in ("PLANSHEET_SAMPLES", "PLANSHEET_PRACTICE"):
        folder = os.environ.get(var)
        if folder and os.path.isdir(folder):
            inputs += [os.path.join(folder, f) for f in sorted(os.listdir(folder))
                       if f.endswith((".txt", ".csv", ".xlsx", ".xls", ".tsv", ".md")) and f != "README.md"]
    files = []
    for src in inputs:
        name = os.path.splitext(os.path.basename(src))[0]
        target = os.path.join(books, name + ".xlsx")
        cmd = [tool, "convert", src, "-o", target, "-q"] + (["--paper", paper] if paper else [])
        status = subprocess.run(cmd, capture_output=True).returncode
        if status not in (0, 1, 3):
            print("FAIL: %s: convert exited %d" % (src, status))
            return 1
        if os.path.exists(target):
            files.append(target)
    if not files:
        print("FAIL: no workbook was written")
        return 1
    calibration = os.path.join(books, "zz_calibration.xlsx")
    calibration_book(calibration)

    profile = os.path.join(out, "profile")
    cmd = [SOFFICE, "-env:UserInstallation=file://" + profile, "--headless", "--norestore", "--convert-to", "pdf",
           "--outdir", pdf_dir] + files + [calibration]
    subprocess.run(cmd, capture_output=True, timeout=600)

    reference = [h for h, w in word_heights(os.path.join(pdf_dir, "zz_calibration.pdf")) if w == "Calibration"]
    if not reference:
        print("FAIL: the calibration workbook printed no text")
        return 1
    pt_per_height = 11.0 / reference[0]

    failures = []
    for f in files:
        name = os.path.splitext(os.path.basename(f))[0]
        pdf = os.path.join(pdf_dir, name + ".pdf")
        if not os.path.exists(pdf):
            failures.append("%s: LibreOffice printed no PDF" % name)
            continue
        sizes = [(h * pt_per_height, w) for h, w in word_heights(pdf)]
        if not sizes:
            failures.append("%s: no text on the printed pages" % name)
            continue
        smallest = min(sizes)
        median = statistics.median(s for s, _ in sizes)
        print("%-50s smallest %4.1f pt (%s)  median %4.1f pt" % (name, smallest[0], smallest[1][:20], median))
        if smallest[0] < MIN_PT - 0.05:
            small = sum(1 for s, _ in sizes if s < MIN_PT - 0.05)
            failures.append("%s: %d words print under %g pt, the smallest at %.1f pt ('%s')"
                            % (name, small, MIN_PT, smallest[0], smallest[1]))
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
