#!/usr/bin/python3
"""Scaling check: each hostile shape of input at size N and 8N, converted by plansheet under /usr/bin/time -v; prints
a table of CPU time and peak memory at both sizes and their ratios. A path whose cost grows with the input's size
gives a ratio near 8; a ratio over 10 marks a shape whose cost grows faster than the input (exit 1).

  bench/scaling.py [--binary build/plansheet] [--scale K] [--only NAME[,NAME]] [--keep DIR]
  bench/scaling.py --write NAME N FILE    # write one shape at size N (what .ci/run's blow-up step converts)

--scale multiplies every shape's N (default 1: the whole run takes a few minutes on 2 cores). Time is user + system
CPU seconds, which the machine's other load disturbs less than wall time; memory is the maximum resident set. A
conversion that takes under 0.15 s at 8N is all start-up (the dictionary, the workbook writer), so its time ratio
says nothing and is shown in brackets and not judged; likewise memory under 40 MiB.

Standard library only, plus python3-xlsxwriter for the workbook shapes and /usr/bin/time for the figures.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

HEADER = ["ID", "Action", "Lead", "Partners", "Timescale", "RAG"]
WORDS = ("deliver the retrofit programme with partners across the county and report progress on carbon savings "
         "through the annual review of buildings energy transport waste nature and skills").split()


def words(k, n):
    """n words of plain prose, varied by k so lines are not all alike."""
    return " ".join(WORDS[(k * 7 + i) % len(WORDS)] for i in range(n))


def row(*cells):
    return "\t".join(cells) + "\n"


def paste(body):
    return "Climate Action Plan\n\n" + row(*HEADER) + body


# ---------------------------------------------------------------- paste shapes: (name, N, what, writer(N) -> text)

def continued(n):
    """One action whose text runs on over n lines (a cell wrapped line by line)."""
    out = [row("1", "Deliver the programme.", "Estates", "", "2026", "Green")]
    out += [row("", words(k, 4)) for k in range(n)]
    return paste("".join(out))


def long_cell(n):
    """One action whose text is one cell of n characters."""
    text = (words(0, 40) + " ") * (n // 300 + 1)
    return paste(row("1", text[:n].strip() + ".", "Estates", "", "2026", "Green"))


def columns(n):
    """A table n columns wide and 20 rows deep."""
    head = ["ID", "Action"] + [f"Note {c}" for c in range(n - 2)]
    body = [row(str(r + 1), f"Action number {r + 1} text.", *[f"v{r}.{c}" for c in range(n - 2)]) for r in range(20)]
    return "Plan\n\n" + row(*head) + "".join(body)


def ragged(n):
    """A table n columns wide whose 20 rows each lost a cell in the middle (the aligner places every one)."""
    head = ["ID", "Action"] + [f"Note {c}" for c in range(n - 2)]
    body = []
    for r in range(20):
        notes = [f"v{r}.{c}" for c in range(n - 2)]
        del notes[(r * 7) % len(notes)]
        body.append(row(f"R{r + 1}", f"Action number {r + 1} text.", *notes))
    return "Plan\n\n" + row(*head) + "".join(body)


def sections(n):
    """n sections, each a heading line and one action."""
    return paste("".join(f"Section {k} {words(k, 2).title()}\n" + row(str(k + 1), f"Action {k} {words(k, 6)}.",
                                                                        "Estates", "", "2026", "Amber")
                         for k in range(n)))


def one_id(n):
    """n rows that all carry the id 1, each with its own text (a row wrapped with its id repeated)."""
    return paste("".join(row("1", f"{words(k, 5)} part {k}", "Estates", "", "2026", "") for k in range(n)))


def duplicate_rows(n):
    """n distinct actions, each row printed twice (a page printed twice)."""
    out = []
    for k in range(n // 2):
        line = row(f"D{k + 1}", f"Action {k} {words(k, 8)}.", f"Team {k % 17}", "", "2026", "Red")
        out += [line, line]
    return paste("".join(out))


def distinct_leads(n):
    """n actions, each with a lead of its own (nothing to cluster)."""
    return paste("".join(row(str(k + 1), f"Action {k} {words(k, 6)}.", f"Team {k} {WORDS[k % len(WORDS)]} unit",
                             f"Partner {k * 3}", "2026", "Green") for k in range(n)))


def tick_matrix(n):
    """A tick matrix n targets wide, 20 actions deep."""
    head = ["No."] + [f"Target {c}" for c in range(n)] + ["Action", "Status"]
    body = [row(str(r + 1), *["✓" if (r + c) % 3 == 0 else "" for c in range(n)], f"Action {r} {words(r, 6)}.",
                "In progress") for r in range(20)]
    return "Plan\n\n" + row(*head) + "".join(body)


def key_lines(n):
    """A key of n lines above the table."""
    key = "Key\n" + "".join(f"Colour {k}\t{words(k, 5)}\n" for k in range(n))
    return "Climate Action Plan\n\n" + key + "\n" + row(*HEADER) + "".join(
        row(str(k + 1), f"Action {k} {words(k, 6)}.", "Estates", "", "2026", "Green") for k in range(20))


def page_breaks(n):
    """n pages pasted one after another: each repeats the header and ends with a page number."""
    out = []
    for p in range(n):
        out.append(row(*HEADER))
        out.append(row(str(p + 1), f"Action {p} {words(p, 6)}.", "Estates", "", "2026", "Green"))
        out.append(f"Page {p + 1} of {n}\n\f")
    return "Climate Action Plan\n\n" + "".join(out)


# ---------------------------------------------------------------- workbook shapes (python3-xlsxwriter)

def workbook(path, fill):
    import xlsxwriter  # python3-xlsxwriter
    book = xlsxwriter.Workbook(path)
    fill(book)
    book.close()


def xlsx_sheets(n, path):
    """A workbook of n sheets, each a small table."""
    def fill(book):
        for s in range(n):
            ws = book.add_worksheet(f"S{s}")
            ws.write_row(0, 0, HEADER)
            for r in range(3):
                ws.write_row(r + 1, 0, [f"{s}.{r + 1}", f"Action {s} {r} {words(s + r, 5)}.", "Estates", "", "2026"])
    workbook(path, fill)


def xlsx_merged(n, path):
    """One sheet whose n actions each sit in a merged range (two columns, two rows)."""
    def fill(book):
        ws = book.add_worksheet("Plan")
        ws.write_row(0, 0, ["ID", "Action", "", "Lead"])
        for k in range(n):
            r = 1 + 2 * k
            ws.write(r, 0, str(k + 1))
            ws.merge_range(r, 1, r + 1, 2, f"Action {k} {words(k, 6)}.")
            ws.write(r, 3, "Estates")
    workbook(path, fill)


def xlsx_shared(n, path):
    """One long shared string (2,000 characters) used by n cells: small on disk, large once unfolded."""
    text = (words(1, 30) + " ") * 10
    def fill(book):
        ws = book.add_worksheet("Plan")
        ws.write_row(0, 0, ["ID", "Action", "Lead"])
        for k in range(n):
            ws.write_row(k + 1, 0, [str(k + 1), text, "Estates"])
    workbook(path, fill)


def xlsx_nesting(n, path):
    """A small plan whose sheet holds one cell nested n elements deep (an inline string inside n unknown
    elements): the reader's cost must follow the depth, and its stack must not overflow."""
    import zipfile
    plain = path + ".plain.xlsx"
    def fill(book):
        ws = book.add_worksheet("Plan")
        ws.write_row(0, 0, HEADER)
        for k in range(20):
            ws.write_row(k + 1, 0, [str(k + 1), f"Action {k} {words(k, 6)}.", "Estates", "", "2026", "Green"])
    workbook(plain, fill)
    deep = ('<row r="30"><c r="B30" t="inlineStr"><is>' + "<x>" * n + "<t>Deep note</t>" + "</x>" * n +
            "</is></c></row>")
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", deep.encode() + b"</sheetData>")
                item.compress_type = zipfile.ZIP_STORED  # stored: the reader's zip-bomb guard is not the subject
            dst.writestr(item, data)
    os.remove(plain)


# name, N at the default scale, what N counts, writer; paste writers return text, workbook writers take a path.
SHAPES = [
    ("continued", 80000, "lines", continued),
    ("long-cell", 2000000, "characters", long_cell),
    ("columns", 1000, "columns", columns),
    ("ragged-columns", 1000, "columns", ragged),
    ("sections", 8000, "sections", sections),
    ("one-id", 16000, "rows", one_id),
    ("duplicate-rows", 16000, "rows", duplicate_rows),
    ("distinct-leads", 8000, "leads", distinct_leads),
    ("tick-matrix", 2000, "targets", tick_matrix),
    ("key", 20000, "key lines", key_lines),
    ("page-breaks", 1000, "pages", page_breaks),
    ("xlsx-sheets", 100, "sheets", xlsx_sheets),
    ("xlsx-merged", 8000, "merged ranges", xlsx_merged),
    ("xlsx-shared", 4000, "cells", xlsx_shared),
    ("xlsx-nesting", 50000, "levels", xlsx_nesting),
]


def write_shape(name, n, path):
    for shape, _, _, writer in SHAPES:
        if shape == name:
            if shape.startswith("xlsx-"):
                writer(n, path)
            else:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(writer(n))
            return
    sys.exit(f"bench/scaling.py: no shape '{name}' (one of {', '.join(s[0] for s in SHAPES)})")


def measure(binary, path, out_dir):
    """(cpu seconds, peak MiB, exit code) of one conversion."""
    out = os.path.join(out_dir, "out.xlsx")
    # Limits far above the shapes' sizes: the figures are the cost of the paths themselves, not of a refusal.
    cmd = ["/usr/bin/time", "-v", binary, "convert", path, "-o", out, "--json", os.path.join(out_dir, "out.json"),
           "--max-line-length", "1G", "--max-input-size", "4G", "--max-expanded-size", "4G"]
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    def field(label):
        m = re.search(re.escape(label) + r":\s*([0-9.]+)", p.stderr)
        return float(m.group(1)) if m else 0.0
    cpu = field("User time (seconds)") + field("System time (seconds)")
    rss = field("Maximum resident set size (kbytes)") / 1024
    m = re.search(r"Exit status:\s*(\d+)", p.stderr)
    return cpu, rss, int(m.group(1)) if m else -1


def ratio(small, big, floor):
    if big < floor:
        return f"({big / max(small, 1e-9):.1f})", True
    r = big / max(small, 1e-9)
    return f"{r:.1f}", r <= 10


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", default="build/plansheet")
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--only", default="")
    ap.add_argument("--keep", help="write the inputs into this folder and keep them")
    ap.add_argument("--write", nargs=3, metavar=("NAME", "N", "FILE"))
    args = ap.parse_args()
    if args.write:
        write_shape(args.write[0], int(args.write[1]), args.write[2])
        return 0
    only = set(filter(None, args.only.split(",")))
    work = args.keep or tempfile.mkdtemp(prefix="plansheet-scaling-")
    os.makedirs(work, exist_ok=True)
    rows, ok_all = [], True
    print(f"{'shape':16} {'N':>9} {'unit':14} {'cpu N':>7} {'cpu 8N':>7} {'ratio':>6} {'MiB N':>7} {'MiB 8N':>7} "
          f"{'ratio':>6}  exit", flush=True)
    for name, base, unit, _ in SHAPES:
        if only and name not in only:
            continue
        n = max(1, int(base * args.scale))
        figures = []
        for size in (n, 8 * n):
            ext = ".xlsx" if name.startswith("xlsx-") else ".txt"
            path = os.path.join(work, f"{name}-{size}{ext}")
            write_shape(name, size, path)
            figures.append(measure(args.binary, path, work))
            if not args.keep:
                os.remove(path)
        (t1, m1, e1), (t8, m8, e8) = figures
        tr, tok = ratio(t1, t8, 0.15)
        mr, mok = ratio(m1, m8, 40)
        ok = tok and mok
        ok_all &= ok
        exits = f"{e1}/{e8}"
        line = (f"{name:16} {n:>9,} {unit:14} {t1:7.2f} {t8:7.2f} {tr:>6} {m1:7.0f} {m8:7.0f} {mr:>6}  {exits}"
                + ("" if ok else "  <- grows faster than the input"))
        print(line, flush=True)
        rows.append((name, n, unit, t1, t8, tr, m1, m8, mr, exits))
    print("\n| shape | N | 8N | CPU s at N | at 8N | ratio | peak MiB at N | at 8N | ratio | exit |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for name, n, unit, t1, t8, tr, m1, m8, mr, exits in rows:
        print(f"| {name} | {n:,} {unit} | {8 * n:,} | {t1:.2f} | {t8:.2f} | {tr} | {m1:.0f} | {m8:.0f} | {mr} | {exits} |")
    if not args.keep:
        for f in os.listdir(work):
            os.remove(os.path.join(work, f))
        os.rmdir(work)
    return 0 if ok_all else 1


if __name__ == "__main__":
    sys.exit(main())
