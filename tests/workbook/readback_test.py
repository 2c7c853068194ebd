#!/usr/bin/python3
"""Read the workbooks make_workbooks writes back with openpyxl and check them against each Plan's manifest.

Usage: readback_test.py MAKE_WORKBOOKS OUTDIR
Checks: sheet order and names, frozen panes, autofilter, RAG colour rules and dropdowns, Gantt fills per period,
print settings, notes on repaired cells, Summary counts, Repairs links, Key legends, chart, determinism.
Exits 77 (skipped) when openpyxl is not installed (Debian: apt-get install python3-openpyxl).
"""
import colorsys
import datetime
import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile

from checks import FAILURES, check  # exits 77 (skipped) when openpyxl is missing
import openpyxl
from openpyxl.utils import get_column_letter, range_boundaries

EPOCH = "1700000000"  # SOURCE_DATE_EPOCH for the two writes compared byte for byte
EPOCH_TIME = datetime.datetime(2023, 11, 14, 22, 13, 20)


INVISIBLE = {"\t": "tab", "\r": "carriage return", "\u00a0": "no-break space", "\u00ad": "soft hyphen",
             "\u2007": "figure space", "\u2009": "thin space", "\u200a": "hair space", "\u200b": "zero-width space",
             "\u200c": "zero-width non-joiner", "\u200d": "zero-width joiner", "\u202f": "narrow no-break space",
             "\u2060": "word joiner", "\ufeff": "zero-width no-break space (byte-order mark)"}


def visible(text):
    """Text before a repair as a note shows it: each invisible character named in brackets ("[tab]")."""
    return "".join("[%s]" % INVISIBLE[c] if c in INVISIBLE else c for c in text)


def hex_rgb(colour):
    rgb = colour.rgb if hasattr(colour, "rgb") else colour
    return rgb[-6:].upper() if isinstance(rgb, str) else None


def lightness(hex6):
    """WCAG relative luminance (0 black .. 1 white)."""
    def linear(v):
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(int(hex6[i:i + 2], 16) / 255) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def hue(hex6):
    r, g, b = (int(hex6[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return colorsys.rgb_to_hsv(r, g, b)[0] * 360


def colour_of(word, rag_colour):
    if rag_colour:
        return rag_colour
    w = word.lower()
    return {"red": "red", "amber": "amber", "orange": "amber", "yellow": "amber", "green": "green",
            "blue": "blue", "complete": "blue", "completed": "blue"}.get(w, "")


def header_row_of(ws):
    """The header is the row above the frozen pane."""
    cell = ws[ws.freeze_panes]
    return cell.row - 1


def header_map(ws, row):
    return {ws.cell(row=row, column=c).value: c for c in range(1, ws.max_column + 1)
            if ws.cell(row=row, column=c).value is not None}


def action_rows(ws, id_col, header, ids):
    """Rows of the actions, matched in order (ids can repeat)."""
    rows, r = [], header + 1
    for aid in ids:
        while r <= ws.max_row and ws.cell(row=r, column=id_col).value != aid:
            r += 1
        rows.append(r)
        r += 1
    return rows


def check_workbook(path, manifest):
    name = os.path.basename(path)
    wb = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)

    # Sheets: the four in order; anything after them hidden.
    check(wb.sheetnames[:4] == ["Actions", "Summary", "Repairs", "Key"], "%s: sheet order %s" % (name, wb.sheetnames))
    for extra in wb.sheetnames[4:]:
        check(wb[extra].sheet_state == "hidden", "%s: extra sheet %s is hidden" % (name, extra))

    ws = wb["Actions"]
    title = manifest["title"] or (os.path.basename(manifest["source"]) if manifest["source"] not in ("", "-")
                                  else "Action plan")
    check(ws["A1"].value == title, "%s: title cell %r" % (name, ws["A1"].value))
    check(wb.properties.title == title, "%s: document title %r" % (name, wb.properties.title))
    check(wb.properties.created == EPOCH_TIME, "%s: created at SOURCE_DATE_EPOCH: %s" % (name, wb.properties.created))

    header = header_row_of(ws)
    heads = header_map(ws, header)
    actions = manifest["actions"]
    ids = [a["id"] for a in actions]
    has_sections = any(a["section"] for a in actions)
    plan_label = {c["role"]: c["label"] for c in manifest["columns"]}
    # A role the plan's columns do not show comes first: the section, then the id.
    section_col = heads.get(plan_label.get("section") or "Section") if has_sections else None
    inserted = 1 if has_sections and "section" not in plan_label else 0
    id_col = heads.get(plan_label["id"]) if "id" in plan_label else 1 + inserted
    check(ws.cell(row=header, column=1).value is not None, "%s: header row %d" % (name, header))
    check(ws.cell(row=header, column=1).font.b, "%s: header row is bold" % name)
    action_col = heads.get(plan_label.get("action") or "Action") or id_col
    frozen_col = openpyxl.utils.cell.coordinate_from_string(ws.freeze_panes)[0]
    check(ws.freeze_panes.endswith(str(header + 1)) and frozen_col in (get_column_letter(action_col + 1),
                                                                        get_column_letter(id_col + 1)),
          "%s: frozen below the header and right of the action, or the id (%s)" % (name, ws.freeze_panes))
    rows = action_rows(ws, id_col, header, ids)
    last_col = get_column_letter(ws.max_column)
    last_row = rows[-1] if rows else header

    # An Excel Table over the header and the action rows, one column per header cell, banded rows, and no merged
    # cells inside it.
    if actions:
        tables = list(ws.tables.values())
        check(len(tables) == 1, "%s: one table (%d)" % (name, len(tables)))
        if tables:
            t = tables[0]
            check(t.ref == "A%d:%s%d" % (header, last_col, last_row), "%s: table %s" % (name, t.ref))
            names = [c.name for c in t.tableColumns]
            check(len(names) == ws.max_column and len({n.lower() for n in names}) == len(names),
                  "%s: a unique table column per sheet column %s" % (name, names))
            check(t.tableStyleInfo.showRowStripes, "%s: banded rows" % name)
            for m in ws.merged_cells.ranges:
                check(m.max_row < header, "%s: merged %s inside the table" % (name, m))
        if section_col:
            check(section_col is not None, "%s: Section column" % name)
        if section_col:
            for a, r in zip(actions, rows):
                check(ws.cell(row=r, column=section_col).value == (a["section"] or None),
                      "%s: section of %s on its row" % (name, a["id"]))
            rules = [rule.formula[0] for cf in ws.conditional_formatting for rule in cf.rules
                     if str(cf.sqref).startswith("%s%d:" % (get_column_letter(section_col), header + 1))]
            s = get_column_letter(section_col)
            check("$%s%d<>$%s%d" % (s, header + 1, s, header) in rules, "%s: a rule marks each section's first row %s"
                  % (name, rules))
        # Ids are text on purpose: Excel is told not to mark them.
        with zipfile.ZipFile(path) as z:
            xml = z.read("xl/worksheets/sheet1.xml").decode()
        check('<ignoredError sqref="%s%d:%s%d" numberStoredAsText="1"/>'
              % (get_column_letter(id_col), header + 1, get_column_letter(id_col), last_row) in xml,
              "%s: ids as text without error marks" % name)
    else:
        check(ws.auto_filter.ref == "A%d:%s%d" % (header, last_col, last_row),
              "%s: autofilter %s" % (name, ws.auto_filter.ref))

    # Every action's id and text verbatim (a text over the cell limit starts as written).
    texts = {c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    for a, r in zip(actions, rows):
        check(r <= ws.max_row and ws.cell(row=r, column=id_col).value == a["id"], "%s: id %s found" % (name, a["id"]))
        if len(a["action"]) <= 32000:
            check(a["action"] in texts, "%s: action text of %s verbatim" % (name, a["id"]))
        else:
            check(any(t.startswith(a["action"][:1000]) for t in texts), "%s: long text of %s starts" % (name, a["id"]))

    # Start and End: a month or day as the plan wrote it is a real date shown the same way; other text stays text.
    for role in ("start", "end"):
        col = heads.get(plan_label.get(role) or role.capitalize())
        for a, r in zip(actions, rows):
            text = a.get(role) or ""
            if col is None or not text:
                continue
            cell = ws.cell(row=r, column=col)
            if re.fullmatch(r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\d\d", text):
                check(isinstance(cell.value, datetime.datetime) and cell.number_format == "mmm-yy"
                      and cell.value.strftime("%b-%y") == text, "%s: %s of %s a date (%r)" % (name, role, a["id"], cell.value))
            elif not re.fullmatch(r"[\d/]+|\w+ \d{4}", text):
                check(cell.value == text, "%s: %s of %s stays text %r" % (name, role, a["id"], cell.value))

    # Web and e-mail addresses in the text are links, the text as written.
    for a, r in zip(actions, rows):
        for c in range(1, ws.max_column + 1):
            cell = ws.cell(row=r, column=c)
            if isinstance(cell.value, str) and ("https://" in cell.value or "@" in cell.value.split(" ")[-1]):
                check(cell.hyperlink is not None, "%s: link in %s" % (name, cell.coordinate))

    # Target ticks.
    for t, label in enumerate(manifest["targets"]):
        col = heads.get(label)
        check(col is not None, "%s: target column %r" % (name, label))
        for a, r in zip(actions, rows):
            want = "\u2713" if t < len(a["targets"]) and a["targets"][t] else None
            check(ws.cell(row=r, column=col).value == want, "%s: tick %s/%d" % (name, a["id"], t))

    # Gantt: a block where active, an arrow where ongoing, nothing elsewhere; the colour comes from formula rules
    # over the row's dates (Start/End, or Delivery from/to) and each period's first and last day (hidden rows).
    period_cols = []
    for period in manifest["periods"]:
        col = heads.get(period)
        check(col is not None, "%s: Gantt column %s" % (name, period))
        if col is None:
            continue
        period_cols.append(col)
        for a, r in zip(actions, rows):
            cell = ws.cell(row=r, column=col)
            want = ("\u25B6" if a["ongoing"] else "\u25A0") if period in a["periods"] else None
            check(cell.value == want, "%s: %s in %s holds %r" % (name, a["id"], period, cell.value))
            check(cell.fill.fill_type != "solid", "%s: %s in %s is not painted" % (name, a["id"], period))
    if period_cols and actions:
        first, last = min(period_cols), max(period_cols)
        block = "%s%d:%s1048576" % (get_column_letter(first), header + 1, get_column_letter(last))
        rules = [(str(cf.sqref), r.formula[0], r.dxf) for cf in ws.conditional_formatting for r in cf.rules]
        gantt = [(f, d) for ref, f, d in rules if ref == block]
        check(len(gantt) >= 5, "%s: Gantt rules over %s (%d)" % (name, block, len(gantt)))
        fills = {hex_rgb(d.fill.bgColor) for f, d in gantt if d is not None and d.fill is not None and d.fill.bgColor is not None}
        fills.discard(None)
        check(len(fills) >= 3, "%s: Gantt rule fills %s" % (name, fills))
        for f in fills:
            check((1.05) / (lightness(f) + 0.05) >= 3.0, "%s: Gantt fill %s is 3:1 against white" % (name, f))
        # Each period's own first and last day sit in hidden rows above the header, as dates.
        col = get_column_letter(first)
        check(ws.row_dimensions[header - 1].hidden and ws.row_dimensions[header - 2].hidden,
              "%s: the period dates' rows are hidden" % name)
        check(isinstance(ws.cell(row=header - 2, column=first).value, datetime.datetime),
              "%s: the first period's first day is a date" % name)
        check(any(("%s$%d" % (col, header - 2)) in f and ("%s$%d" % (col, header - 1)) in f for f, d in gantt),
              "%s: a Gantt rule reads the period's first and last day" % name)
        # The row's dates: Start/End where the plan's are dates, else Delivery from / Delivery to beside the Gantt.
        from_col = heads.get("Delivery from") or heads.get(plan_label.get("start"))
        to_col = heads.get("Delivery to") or heads.get(plan_label.get("end"))
        check(from_col is not None and to_col is not None, "%s: the columns the bars compute from" % name)
        if from_col and to_col:
            ref = "$%s%d" % (get_column_letter(from_col), header + 1)
            check(any(ref + "<=" in f for f, d in gantt), "%s: a Gantt rule reads %s" % (name, ref))
            dated = [ws.cell(row=r, column=c).value for r in rows for c in (from_col, to_col)]
            check(any(isinstance(v, datetime.datetime) for v in dated), "%s: the bars' dates are dates" % name)

    # RAG: the word in the cell, a colour rule per colour on the column, a dropdown of the plan's words.
    rag_col = heads.get("RAG")
    check(rag_col is not None, "%s: RAG column" % name)
    for a, r in zip(actions, rows):
        want = a["rag"][:1].upper() + a["rag"][1:] if a["rag"] else None
        check(ws.cell(row=r, column=rag_col).value == want, "%s: RAG word of %s" % (name, a["id"]))
    letter = get_column_letter(rag_col)
    if actions:
        rules = []
        for cf in ws.conditional_formatting:
            # Down to the sheet's last row, so rows added below the table are coloured too.
            if str(cf.sqref) == "%s%d:%s%d" % (letter, header + 1, letter, 1048576):
                rules.extend(cf.rules)
        check(len(rules) == 4, "%s: four RAG colour rules on %s (got %d)" % (name, letter, len(rules)))
        fills = {}
        for rule in rules:
            formula = rule.formula[0].lower()
            for word, colour in (("\"red\"", "red"), ("\"amber\"", "amber"), ("\"green\"", "green"), ("\"blue\"", "blue")):
                if word in formula:
                    fills[colour] = (hex_rgb(rule.dxf.fill.bgColor) or hex_rgb(rule.dxf.fill.fgColor),
                                     hex_rgb(rule.dxf.font.color) if rule.dxf.font and rule.dxf.font.color else "000000")
            if "\"amber\"" in formula:
                check("\"orange\"" in formula and "\"yellow\"" in formula, "%s: amber rule takes orange and yellow" % name)
        check(set(fills) == {"red", "amber", "green", "blue"}, "%s: rules for all four colours %s" % (name, fills))
        if len(fills) == 4:
            lum = {c: lightness(f[0]) for c, f in fills.items()}
            check(lum["amber"] > lum["green"] + 0.1 > lum["red"] + 0.2, "%s: RAG fills differ in lightness %s" % (name, lum))
            for c, (f, text) in fills.items():
                contrast = (max(lightness(f), lightness(text)) + 0.05) / (min(lightness(f), lightness(text)) + 0.05)
                check(contrast >= 4.5, "%s: %s text readable on its fill (contrast %.1f)" % (name, c, contrast))

        lists = {}
        for dv in ws.data_validations.dataValidation:
            col = range_boundaries(str(dv.sqref))[0]
            formula = dv.formula1
            if formula.startswith('"'):
                items = formula.strip('"').split(",")
            else:
                sheet, ref = formula.split("!")
                items = [c.value for row in wb[sheet.strip("'")][ref.replace("$", "")] for c in row]
            lists[col] = items
        rag_items = lists.get(rag_col, [])
        for a in actions:
            if a["rag"]:
                check(a["rag"].lower() in [i.lower() for i in rag_items], "%s: RAG dropdown has %s" % (name, a["rag"]))
        for role in ("status", "stage"):
            vals = {a[role] for a in actions if a[role]}
            if not vals:
                continue
            col = next((c for c, items in lists.items() if vals & set(items)), None)
            check(col is not None and {v.lower() for v in vals} <= {i.lower() for i in lists[col]},
                  "%s: %s dropdown has the plan's values" % (name, role))

    # Print: landscape A4 or A3, one page wide or at 75% or more over pages across that repeat the first columns,
    # header repeated, footer with page numbers (the sizes as printed: print_size_test.py).
    check(ws.page_setup.orientation == "landscape", "%s: landscape" % name)
    check(str(ws.page_setup.paperSize) in ("8", "9"), "%s: A4 or A3" % name)
    fitted = ws.sheet_properties.pageSetUpPr.fitToPage
    check((fitted and ws.page_setup.fitToHeight in (0, "0") and ws.page_setup.fitToWidth in (None, 1, "1"))
          or (not fitted and int(ws.page_setup.scale or 100) >= 75 and ws.print_title_cols),
          "%s: fit to one page wide, or 75%% or more with repeated columns" % name)
    check(ws.print_title_rows == "$%d:$%d" % (header, header), "%s: print titles %s" % (name, ws.print_title_rows))
    check(ws.oddFooter.right.text == "Page &P of &N", "%s: footer page numbers %r" % (name, ws.oddFooter.right.text))

    # Notes on repaired cells hold the text before the repair, on the cell of the repaired field.
    label_of = {c["role"]: c["label"] for c in manifest["columns"]}
    for rep in manifest["repairs"]:
        before = visible(rep["before"])
        if rep["role"] == "section":
            r = next((rr for a, rr in zip(actions, rows) if a["section"] == rep["after"]), None)
            c = section_col or 1
        elif rep["action"]:
            # Ids can repeat: the action whose first line is nearest at or before the repair's line.
            idx = [i for i, a in enumerate(actions) if a["id"] == rep["action"]]
            at = [i for i in idx if actions[i]["line"] <= rep["line"]]
            i = max(at, key=lambda k: actions[k]["line"]) if at else idx[0]
            r = rows[i]
            c = heads.get(label_of.get(rep["role"]), 1)
        else:
            continue
        comment = ws.cell(row=r, column=c).comment if r else None
        check(comment is not None and before in comment.text,
              "%s: note with %r on %s%s" % (name, before, get_column_letter(c), r))

    # Summary: counts by section and colour (cached values of the formulas).
    sv = values["Summary"]
    sf = wb["Summary"]
    head = next(r for r in range(1, sv.max_row + 1) if sv.cell(row=r, column=1).value == "Section")
    sections = []
    for a in actions:
        s = a["section"] or "(no section)"
        if s not in sections:
            sections.append(s)
    if sections == ["(no section)"]:
        sections = ["All actions"]
    heads = [sv.cell(row=head, column=c).value for c in range(1, sv.max_column + 1)]
    total_col = heads.index("Actions") + 1
    by_rag = any(a["rag"] for a in actions) or not any(a["status"] or a["stage"] for a in actions)
    by_role = "status" if any(a["status"] for a in actions) else "stage"
    by_values = heads[1:total_col - 2]
    for i, s in enumerate(sections):
        r = head + 1 + i
        check(sv.cell(row=r, column=1).value == s, "%s: Summary row %d is %s" % (name, r, s))
        members = [a for a in actions if (a["section"] or "(no section)") == s or s == "All actions"]
        # Rated plans are counted by RAG colour; the others by the values of their status (or stage) column.
        if by_rag:
            for k, colour in enumerate(("red", "amber", "green", "blue")):
                want = sum(1 for a in members if colour_of(a["rag"], a["rag_colour"]) == colour)
                check(sv.cell(row=r, column=2 + k).value == want,
                      "%s: Summary %s/%s = %s, want %d" % (name, s, colour, sv.cell(row=r, column=2 + k).value, want))
        else:
            for k, value in enumerate(by_values):
                want = sum(1 for a in members if a[by_role].strip().lower() == str(value).lower())
                check(sv.cell(row=r, column=2 + k).value == want,
                      "%s: Summary %s/%s = %s, want %d" % (name, s, value, sv.cell(row=r, column=2 + k).value, want))
        for k in range(total_col - 3):
            check(str(sf.cell(row=r, column=2 + k).value).startswith("=COUNTIF"),
                  "%s: Summary %s column %d is a formula over Actions" % (name, s, 2 + k))
        check(str(sf.cell(row=r, column=total_col).value).startswith("=COUNTIF"),
              "%s: Summary %s total is a formula" % (name, s))
        check(sv.cell(row=r, column=total_col).value == len(members), "%s: Summary %s total" % (name, s))
    total_row = head + 1 + len(sections)
    check(sv.cell(row=total_row, column=1).value == "Total" and
          sv.cell(row=total_row, column=total_col).value == len(actions), "%s: Summary grand total" % name)
    check(str(sf.cell(row=total_row, column=total_col).value).startswith("=SUM(" if actions else "="),
          "%s: grand total is a formula" % name)
    for role, label in (("status", "Status"), ("stage", "Stage")):
        vals = [a[role] for a in actions if a[role]]
        if not vals or (not by_rag and role == by_role):
            continue
        start = next((r for r in range(total_row, sv.max_row + 1) if sv.cell(row=r, column=1).value == label), None)
        check(start is not None, "%s: Summary %s table" % (name, label))
        if start is None:
            continue
        got = {}
        r = start + 1
        while sv.cell(row=r, column=1).value not in (None, "Total"):
            got[sv.cell(row=r, column=1).value.lower()] = sv.cell(row=r, column=2).value
            r += 1
        for v in {v.lower() for v in vals}:
            want = sum(1 for x in vals if x.lower() == v)
            check(got.get(v) == want, "%s: %s %r counted %s, want %d" % (name, label, v, got.get(v), want))

    # Repairs: every repair and warning, with a working link into Actions.
    rs = wb["Repairs"]
    rtexts = [[c.value for c in row] for row in rs.iter_rows()]
    rhead = next(r for r in rtexts if r[0] == "Type")
    rcol = {n: i for i, n in enumerate(rhead) if n}
    for rep in manifest["repairs"]:
        row = next((r for r in rtexts if r[0] == "Repair" and r[rcol["Source line"]] == rep["line"]
                    and r[rcol["Rule (as in the JSON)"]] == rep["rule"]), None)
        check(row is not None, "%s: Repairs lists %r" % (name, rep["before"]))
        if row is not None:
            check(len((row[rcol["What was done"]] or "").split()) >= 6, "%s: the repair in a sentence" % name)
    types = [r[0] for r in rtexts[rtexts.index(rhead) + 1:] if r[0] in ("Warning", "Repair", "Note")]
    check("Warning" not in types[types.index("Repair"):] if "Repair" in types else True,
          "%s: warnings before repairs: %s" % (name, types))
    links = [c.hyperlink for row in rs.iter_rows() for c in row if c.hyperlink is not None]
    check(len(links) >= len(manifest["repairs"]), "%s: a link per repair (%d)" % (name, len(links)))
    for link in links:
        target = link.location
        check(target and target.startswith("'Actions'!"), "%s: link into Actions %r" % (name, target))
        if target:
            cell = ws[target.split("!")[1]]
            check(cell.value is not None, "%s: link target %s holds text" % (name, target))
    warnings = sum(1 for r in rtexts if r[0] == "Warning")
    check(warnings >= manifest["warnings"], "%s: warnings listed (%d)" % (name, warnings))

    # Key: the plan's own legend, verbatim.
    ktexts = {c.value for row in wb["Key"].iter_rows() for c in row if c.value}
    for entry in manifest["legend"]:
        check(entry["text"] in ktexts, "%s: Key has %r" % (name, entry["text"]))

    # Chart: a stacked bar chart on the Summary sheet.
    if actions:
        with zipfile.ZipFile(path) as z:
            charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
            check(len(charts) == (2 if manifest.get("periods") else 1), "%s: %d charts" % (name, len(charts)))
            if charts:
                xml = z.read(charts[0]).decode()
                check('<c:barDir val="bar"/>' in xml and '<c:grouping val="stacked"/>' in xml,
                      "%s: stacked bar chart" % name)
                check("Summary!$A$" in xml, "%s: chart reads the Summary table" % name)


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    tool, out = sys.argv[1], sys.argv[2]
    first, second, unset = os.path.join(out, "first"), os.path.join(out, "second"), os.path.join(out, "now")
    started = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None, microsecond=0)
    for d in (first, second, unset):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        env = dict(os.environ)
        env.pop("SOURCE_DATE_EPOCH", None)
        if d != unset:
            env["SOURCE_DATE_EPOCH"] = EPOCH
        subprocess.run([tool, d], check=True, env=env)
    # Without SOURCE_DATE_EPOCH a workbook is created now.
    created = openpyxl.load_workbook(os.path.join(unset, "rag.xlsx")).properties.created
    ended = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
    check(started - datetime.timedelta(seconds=1) <= created <= ended, "created now without SOURCE_DATE_EPOCH: %s" % created)

    names = sorted(f[:-5] for f in os.listdir(first) if f.endswith(".xlsx"))
    check(names == ["edge", "empty", "gantt", "matrix", "rag"], "workbooks written: %s" % names)
    for n in names:
        with open(os.path.join(first, n + ".json"), encoding="utf-8") as f:
            manifest = json.load(f)
        print("checking %s.xlsx (%d actions)" % (n, len(manifest["actions"])))
        check_workbook(os.path.join(first, n + ".xlsx"), manifest)
        check(filecmp.cmp(os.path.join(first, n + ".xlsx"), os.path.join(second, n + ".xlsx"), shallow=False),
              "%s: two writes are byte-identical" % n)

    if FAILURES:
        print("%d check(s) failed" % len(FAILURES))
        return 1
    print("all workbook read-back checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
