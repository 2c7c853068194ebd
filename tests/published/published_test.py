#!/usr/bin/python3
"""Plans as they are published: each gold plan written as a Word table (python-docx) under a running header and
footer, printed to PDF by LibreOffice,
then read back by plansheet from the .docx and from the .pdf and scored cell by cell against its gold.

usage: published_test.py PLANSHEET WORK_DIR [--min PCT] [GOLD.json ...]
  With no GOLD files: the samples' golds (tests/fixtures/gold/, the ones with actions). Prints one line per file
  and format with the share of the gold's cells read right; exits 1 when one is under --min (default 99), 77 when
  python-docx or soffice is missing. One soffice call converts every document.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

try:
    from docx import Document
    from docx.shared import Inches, Pt
except ImportError:
    print("python-docx is missing (Debian: python3-docx): skipped")
    sys.exit(77)

LABELS = {"id": "Ref", "objective": "Objective", "action": "Action", "lead": "Lead", "partners": "Partners",
          "start": "Start", "end": "End", "timescale": "Timescale", "stage": "Stage", "rag": "RAG",
          "status": "Status", "update": "Progress update"}
FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
                      "\u00a0": " "})


def norm(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return "|".join(norm(x) for x in v)
    v = unicodedata.normalize("NFC", str(v)).translate(FOLD)
    return re.sub(r"\s+", " ", v).strip()


def score(gold, out):
    """The scorer's rule (every gold field of every action, matched by id, whitespace and quotes folded; an extra
    action counts against), so the test runs where the shared scorer is not."""
    by_id = {}
    for a in out.get("actions", []):
        by_id.setdefault(norm(a.get("id")), []).append(a)
    right = total = 0
    for g in gold["actions"]:
        cands = by_id.get(norm(g.get("id"))) or []
        o = cands.pop(0) if cands else None
        for role, gv in g.items():
            if role == "targets":
                ov = (o or {}).get("targets") or []
                for i, t in enumerate(gv):
                    total += 1
                    right += o is not None and i < len(ov) and bool(ov[i]) == bool(t)
                continue
            total += 1
            gn, on = norm(gv), norm(None if o is None else o.get(role))
            if role in ("lead", "partners"):
                gn, on = norm(re.sub(r"[;\n\u2022]", " ", gn)), norm(re.sub(r"[;\n\u2022]", " ", on))
            if role == "rag":
                gn, on = gn.lower(), on.lower()
            right += o is not None and gn == on
    for rest in by_id.values():
        total += len(rest)
    return right, total


def period_key(label):
    """A period's place in time: its first year (two digits read as 20xx), then its quarter ("2025-26",
    "Q3 25/26", "2026/27 Q1")."""
    years = [int(y) for y in re.findall(r"\d{2,4}", re.sub(r"Q\d", "", label))]
    year = years[0] if years else 0
    quarter = re.search(r"Q(\d)", label)
    return (year + 2000 if year < 100 else year, int(quarter.group(1)) if quarter else 0)


def write_docx(gold, path):
    """The plan as a Word table: the title as a Title paragraph, a header row, a row spanning the table for each
    section, a column per target (ticks) and per period (Gantt marks)."""
    actions = gold["actions"]
    roles = [r for r in gold["roles"] if r not in ("section", "targets", "periods")]
    targets = max((len(a.get("targets") or []) for a in actions), default=0)
    periods = []
    for a in actions:
        for p in a.get("periods") or []:
            if p not in periods:
                periods.append(p)
    periods.sort(key=period_key)
    header = [LABELS.get(r, r.title()) for r in roles] + [f"Target {i + 1}" for i in range(targets)] + periods
    doc = Document()
    style = doc.styles["Normal"]
    style.font.size = Pt(8)
    section = doc.sections[0]
    # A3 landscape, as wide plans are printed.
    section.page_width, section.page_height = Inches(16.54), Inches(11.69)
    section.left_margin = section.right_margin = Inches(0.7)
    # A running header and footer on every page, as councils print them: furniture the reader must set aside.
    section.header.paragraphs[0].text = "Climate action plan - OFFICIAL"
    section.footer.paragraphs[0].text = "Published for consultation - check the council's website for the latest version"
    if gold.get("title"):
        doc.add_paragraph(gold["title"], style="Title")
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
    # Narrow columns for ids, marks and short values, the rest of the page shared by the text columns, as a
    # council's own table would be laid out.
    narrow = {"id", "rag", "start", "end", "timescale", "stage", "status"}
    widths = [0.9 if r in narrow else 0 for r in roles] + [0.4] * targets + [0.7] * len(periods)
    text_columns = sum(1 for w in widths if w == 0)
    left = 15.0 - sum(widths)
    widths = [w or max(0.8, left / text_columns) for w in widths]
    table.autofit = False
    current = None
    for a in actions:
        if a.get("section") and a["section"] != current:
            current = a["section"]
            row = table.add_row()
            merged = row.cells[0].merge(row.cells[-1])
            merged.text = current
        cells = table.add_row().cells
        values = [a.get(r) or "" for r in roles]
        values += ["✓" if i < len(a.get("targets") or []) and a["targets"][i] else "" for i in range(targets)]
        values += ["X" if p in (a.get("periods") or []) else "" for p in periods]
        for cell, text in zip(cells, values):
            cell.text = str(text)
    for column, width in zip(table.columns, widths):
        column.width = Inches(width)
    for row in table.rows:
        if len({id(c._tc) for c in row.cells}) == len(widths):  # not a section row spanning the table
            for cell, width in zip(row.cells, widths):
                cell.width = Inches(width)
    doc.save(path)


def main(argv):
    minimum = 99.0
    args = []
    it = iter(argv)
    for a in it:
        if a == "--min":
            minimum = float(next(it))
        else:
            args.append(a)
    plansheet, work = args[0], args[1]
    golds = args[2:] or sorted(os.path.join(ROOT, "tests/fixtures/gold", f)
                               for f in os.listdir(os.path.join(ROOT, "tests/fixtures/gold")))
    if shutil.which("soffice") is None:
        print("soffice is missing (Debian: libreoffice-writer-nogui): skipped")
        return 77
    os.makedirs(work, exist_ok=True)
    docs = []
    for path in golds:
        gold = json.load(open(path, encoding="utf-8"))
        if not gold.get("actions"):
            continue
        stem = os.path.splitext(os.path.basename(path))[0].replace(".gold", "")
        write_docx(gold, os.path.join(work, stem + ".docx"))
        docs.append((stem, gold))
    with tempfile.TemporaryDirectory() as profile:
        env = dict(os.environ, HOME=profile)
        subprocess.run(["soffice", "--headless", "--norestore", "-env:UserInstallation=file://" + profile + "/p",
                        "--convert-to", "pdf", "--outdir", work] + [os.path.join(work, s + ".docx") for s, _ in docs],
                       check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    failed = 0
    for stem, gold in docs:
        for kind in ("docx", "pdf"):
            out = os.path.join(work, f"{stem}.{kind}.json")
            run = subprocess.run([plansheet, "convert", os.path.join(work, f"{stem}.{kind}"), "-q",
                                  "-o", os.path.join(work, f"{stem}.{kind}.xlsx"), "--json", out],
                                 capture_output=True, text=True, timeout=120)
            if run.returncode not in (0, 1) or not os.path.exists(out):
                print(f"{stem}.{kind}: exit {run.returncode} {run.stderr.strip()}")
                failed += 1
                continue
            right, total = score(gold, json.load(open(out, encoding="utf-8")))
            pct = 100.0 * right / total if total else 100.0
            verdict = "ok" if pct >= minimum else f"UNDER {minimum:g}%"
            print(f"{stem}.{kind}: {right}/{total} cells = {pct:.1f}% {verdict}")
            failed += pct < minimum
    print(f"{2 * len(docs) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
