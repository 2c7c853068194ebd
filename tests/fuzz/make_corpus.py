#!/usr/bin/env python3
"""Writes the fuzz seed corpus (tests/fuzz/corpus/<target>/) from the repository's samples and fixtures.

Run from anywhere: python3 tests/fuzz/make_corpus.py. The output is committed; rerun it when the fixtures change.
"""
import hashlib
import pathlib
import re
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fuzz" / "corpus"


def put(target, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def paste():
    for sample in sorted((ROOT / "samples").glob("*.txt")):
        lines = sample.read_bytes().split(b"\n")
        head = b"\n".join(lines[:40])[:8000]
        put("paste", sample.stem + "-head.txt", head)
        middle = len(lines) // 2
        put("paste", sample.stem + "-middle.txt", b"\n".join(lines[:3] + lines[middle:middle + 25])[:8000])
    table = ("Action Plan 2025\n"
             "ID\tAction\tLead\tTimescale\tRAG\n"
             "Transport\n"
             "T1\tInstall chargers\tHighways\t2025-26\tGreen\n"
             "T2\tBus lanes\tTransport team\tApr-25\tAmber\n")
    put("paste", "tabs.txt", table)
    put("paste", "crlf.txt", table.replace("\n", "\r\n"))
    put("paste", "cr-only.txt", table.replace("\n", "\r"))
    put("paste", "utf16le-bom.txt", b"\xff\xfe" + table.encode("utf-16-le"))
    put("paste", "utf16be-nobom.txt", table.encode("utf-16-be"))
    put("paste", "markdown.txt", "| ID | Action | Lead | RAG |\n|---|---|---|---|\n| 1.1 | Retrofit **schools** | Estates | R |\n"
        "| 1.2 | <b>Solar</b> on depots | Fleet | A/G |\n")
    put("paste", "aligned.txt", "ID    Action                 Lead        Start    End\nF1.1  LED street lighting    Highways    Apr-25   Mar-26\n"
        "F1.2  Heat pumps             Estates     2025/26  Ongoing\n")
    put("paste", "ticks.txt", "Ref\tAction\tT1\tT2\tT3\n1\tTrees\t\u2713\t\t*\n2\tPeat\t\u221a\t4\t\n50 \u2713\tHedges\t+\n")
    put("paste", "cyrillic-ids.txt", "ID\tAction\tLead\n\u0442\u0437\tLondon \u0440lan\tCouncil\n\u04124\tWaste\t\u0422\u0412\u0421\n")
    put("paste", "cp1252.txt", "ID\tAction\n1\tCaf\xe9 \x93quotes\x94 \x96 dash\n".encode("latin-1"))


def csv():
    for f in sorted((ROOT / "tests" / "fixtures" / "spreadsheets").glob("*.csv")):
        put("csv", f.name, f.read_bytes())
    put("csv", "quoted-newlines.csv", 'ID,Action,Lead\r\n1,"Two\r\nlines, with comma",Estates\r\n2,"He said ""no""",Fleet\r\n')
    put("csv", "sep-line.csv", "sep=;\nID;Action;RAG\n1;Trees;Green\n")
    put("csv", "section-column.csv", "Theme,ID,Action,Status\nTransport,T1,Chargers,On track\nBuildings,B1,Retrofit,Delayed\n")
    put("csv", "formula.csv", "ID,Action,Lead\n1,=SUM(A1:A2),+44 123\n2,-minus,@at\n")


def xlsx():
    folders = [ROOT / "tests" / "fixtures" / "spreadsheets", ROOT / "tests" / "hostile" / "spreadsheets"]
    for folder in folders:
        for f in sorted(folder.glob("*.xlsx")):
            put("xlsx", folder.name + "-" + f.name, f.read_bytes())


def xlsx_parts():
    # The format fuzz_xlsx_parts.cpp reads: "@@ part/name\n" then the part's bytes, parts separated by "\n".
    for f in sorted((ROOT / "tests" / "fixtures" / "spreadsheets").glob("*.xlsx")):
        with zipfile.ZipFile(f) as z:
            names = [n for n in z.namelist() if not n.startswith("docProps/")]
            full = b"\n".join(b"@@ " + n.encode() + b"\n" + z.read(n) for n in names)
            put("xlsx_parts", f.stem + ".parts", full)
            lean = b"\n".join(b"@@ " + n.encode() + b"\n" + z.read(n) for n in names if "theme" not in n)
            if lean != full:
                put("xlsx_parts", f.stem + "-no-theme.parts", lean)


def package_parts(target, paths, keep):
    # The format of zip_parts.hpp: "@@ part/name\n" then the part's bytes, parts separated by "\n". Only the parts
    # the reader opens: a Word template's fonts, theme and settings would make each seed far past -max_len.
    for f in paths:
        with zipfile.ZipFile(f) as z:
            names = [n for n in z.namelist() if n in keep]
            put(target, f.stem + ".parts", b"\n".join(b"@@ " + n.encode() + b"\n" + z.read(n) for n in names))


def docx_parts():
    package_parts("docx_parts", sorted((ROOT / "tests" / "fixtures" / "documents").glob("*.docx")),
                  ("_rels/.rels", "word/document.xml", "word/numbering.xml", "docProps/core.xml"))


def ods_parts():
    package_parts("ods_parts", sorted((ROOT / "tests" / "fixtures" / "spreadsheets").glob("*.ods")),
                  ("mimetype", "content.xml"))


def pdf_words():
    # The format fuzz_pdf_words.cpp reads: "PAGE X0 Y0 X1 Y1 TEXT" per word, from pdftotext -bbox (poppler-utils).
    import subprocess
    for f in sorted((ROOT / "tests" / "fixtures" / "documents").glob("*.pdf")):
        if f.name == "encrypted.pdf":
            continue
        xhtml = subprocess.run(["pdftotext", "-bbox", str(f), "-"], capture_output=True, text=True, check=True).stdout
        lines, page = [], 0
        for line in xhtml.splitlines():
            if "<page " in line:
                page += 1
            m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', line)
            if m:
                lines.append(f"{page} {m.group(1)} {m.group(2)} {m.group(3)} {m.group(4)} {m.group(5)}")
        put("pdf_words", f.stem + ".words", "\n".join(lines) + "\n")


def dictionary():
    # A small hunspell dictionary (the samples' own words) for the fuzz build: Debian's en_GB takes 0.2 s to load,
    # once per pipeline run, which would cap a fuzzer at a few inputs a second.
    words = set()
    for sample in sorted((ROOT / "samples").glob("*.txt")):
        for token in re.findall(r"[A-Za-z][a-z']+", sample.read_text(encoding="utf-8")):
            words.add(token.lower().strip("'"))
    folder = ROOT / "tests" / "fuzz" / "dictionary"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "en_GB.aff").write_text("SET UTF-8\nTRY esianrtolcdugmphbyfvkwz\n")
    ordered = sorted(w for w in words if w)
    (folder / "en_GB.dic").write_text(f"{len(ordered)}\n" + "\n".join(ordered) + "\n")


def grammar():
    seen = set()
    for line in (ROOT / "tests" / "fixtures" / "grammar" / "timescales.tsv").read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        seen.add(line.split("\t")[0])
    seen.update(["T1", "F1.1", "MG1.10", "4.1a", "CE1.7", "A-12", "50 \u2713", "22", "EN2 Retrofit",
                 "Red", "Amber", "Green", "Blue", "A/G", "R/A", "Completed", "Yellow", "Orange",
                 "\u2713", "\u2714", "\u221a", "\u2611", "*", "~", "+", "\u2022", "x", "Yes", "182) \u2713",
                 "Workstream: Finance", "Theme 2: Transport", "Section 3 - Buildings", "Transport",
                 "Q3 2025/26", "FY2025/26", "31/03/2026", "2023 (to have programme established)", "FY25/26"])
    for text in sorted(seen):
        put("grammar", hashlib.sha1(text.encode()).hexdigest()[:12], text)


if __name__ == "__main__":
    paste()
    csv()
    xlsx()
    xlsx_parts()
    docx_parts()
    ods_parts()
    pdf_words()
    grammar()
    dictionary()
