#!/usr/bin/env python3
"""Render invented action plans with known truth in the shapes plans reach users, plus a gold answer.

usage: generate.py --seed N [--count K] --out DIR [--set DIMENSION=VALUE ...] [--baseline] [--check] [--print]

Each seed gives one variant: 6-25 actions sampled from truth_pool.py, a subset of columns, and one value of
every shape dimension in DIMENSIONS (delimiter, header wording, column order, sections, page furniture, line
breaks, bullets, lost/extra cells, Gantt grid and marks, timing columns, status and RAG vocabularies, title,
key, id style). --set fixes a dimension; the others are drawn at random (or, with --baseline, held to a
clean plan) and adjusted to fit (a CSV has no page furniture, for instance). For each variant it writes the input (vNNNNNN.txt/.md/.csv) and
vNNNNNN.gold.json in the schema of the practice gold files (title, roles, actions with id, section, one key
per role, rag, periods), with the shape recorded under "shape".

--check verifies that every word of the gold answer occurs in the rendered text (nothing lost in wrapping).
--print writes the rendered text of each variant to standard output as well.
Standard library only.
"""
import argparse
import csv
import io
import json
import os
import random
import re
import sys
import textwrap
from collections import Counter

sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import truth_pool as pool  # noqa: E402

NA = "n/a"

# Every shape dimension and its values. A value of n/a means the dimension does not apply to the variant
# (page furniture in a CSV, a section label when sections are a column, a Gantt mark with no Gantt ...).
DIMENSIONS = {
    "delimiter": ["tab", "spaces", "fixed", "markdown", "csv_comma", "csv_semicolon"],
    "headers": ["plain", "synonyms", "welsh"],
    "order": ["standard", "shuffled"],
    "sections": ["heading_line", "heading_cell", "theme_first", "theme_column", "none"],
    "section_label": ["plain", "theme_n", "numbered", NA],
    "furniture": ["none", "page_number", "page_of", "running_header", "repeated_header", "all"],
    "breaks": ["none", "inline", "continuation"],
    "bullets": ["off", "on"],
    "cells": ["clean", "lost", "extra", NA],
    "gantt": ["none", "month", "quarter", "quarter2", "year"],
    "mark": ["X", "x", "✓", "■", "●", NA],
    "timing": ["none", "timescale", "start_end"],
    "status": ["none", "keyed", "plain"],
    "rag": ["none", "word", "letter", "upper", "mixed", "welsh", "five"],
    "title": ["none", "title", "title_subtitle"],
    "key": ["none", "before", "after"],
    "ids": ["prefix", "dotted", "code"],
}

# Relative weights where a uniform draw would be unrealistic; others are uniform over their non-n/a values.
WEIGHTS = {
    "sections": {"heading_line": 3, "heading_cell": 3, "theme_first": 2, "theme_column": 2, "none": 1},
    "furniture": {"none": 4, "page_number": 1, "page_of": 1, "running_header": 1, "repeated_header": 1, "all": 1},
    "breaks": {"none": 2, "inline": 1, "continuation": 1},
    "bullets": {"off": 3, "on": 1},
    "cells": {"clean": 2, "lost": 1, "extra": 1},
    "gantt": {"none": 3, "month": 1, "quarter": 1, "quarter2": 1, "year": 1},
}

# A clean plan: what --baseline (and score_variants.py --isolate) holds every dimension it does not vary to.
# Timing and id style have no damaged value and stay random.
BASELINE = {"delimiter": "tab", "headers": "plain", "order": "standard", "sections": "heading_line",
            "section_label": "plain", "furniture": "none", "breaks": "none", "bullets": "off", "cells": "clean",
            "gantt": "none", "status": "none", "rag": "word", "title": "title", "key": "none"}

TEXT_DELIMS = ("tab", "spaces", "fixed")
CSV_DELIMS = ("csv_comma", "csv_semicolon")

# Header wording per role: the plain word, English synonyms, and Welsh / English bilingual labels.
LABELS = {
    "id": ("Ref", ["Ref", "Ref.", "ID", "Action ID", "No.", "Action ref", "Ref no."],
           ["Cyf / Ref", "Cyf. / Ref.", "Rhif / No."]),
    "section": ("Theme", ["Theme", "Section", "Priority area", "Workstream", "Key area", "Category"],
                ["Thema / Theme", "Maes / Area"]),
    "action": ("Action", ["Action", "Actions", "What we will do", "Action description", "Description of action",
                          "Key action", "Activity"],
               ["Cam Gweithredu / Action", "Camau Gweithredu / Actions"]),
    "lead": ("Lead", ["Lead", "Lead officer", "Lead service", "Responsible officer", "Owner", "Who",
                      "Responsible service"],
             ["Arweinydd / Lead", "Swyddog Arweiniol / Lead Officer"]),
    "partners": ("Partners", ["Partners", "Key partners", "Working with", "Delivery partners", "Supported by"],
                 ["Partneriaid / Partners"]),
    "timescale": ("Timescale", ["Timescale", "Timeframe", "When", "Target date", "Deadline", "Completion by"],
                  ["Amserlen / Timescale", "Dyddiad targed / Target date"]),
    "start": ("Start", ["Start", "Start date", "From"], ["Dechrau / Start", "Dyddiad dechrau / Start date"]),
    "end": ("End", ["End", "End date", "To", "Completion date"], ["Diwedd / End", "Dyddiad gorffen / End date"]),
    "status": ("Status", ["Status", "Progress", "Delivery status", "Current status"],
               ["Statws / Status", "Cynnydd / Progress"]),
    "rag": ("RAG", ["RAG", "RAG status", "RAG rating", "Rating", "R/A/G"],
            ["Statws RAG / RAG Status", "Sgôr RAG / RAG Rating"]),
    "update": ("Update", ["Update", "Progress update", "Comments", "Commentary", "Progress to date",
                          "Latest position"],
               ["Diweddariad / Update", "Sylwadau / Comments"]),
}

# Status vocabularies. Keyed ones come with a key line mapping each word to a RAG colour.
KEYED_STATUS = [
    {"green": "On track", "amber": "At risk", "red": "Off track", "blue": "Complete", "amber/green": "Minor slippage"},
    {"green": "On target", "amber": "Some slippage", "red": "Significant delay", "blue": "Completed",
     "amber/green": "Minor issues"},
    {"green": "Progressing well", "amber": "Some concerns", "red": "Serious concerns", "blue": "Achieved",
     "amber/green": "Mostly on track"},
]
PLAIN_STATUS = [
    {"green": "In progress", "amber": "Delayed", "red": "Not started", "blue": "Complete"},
    {"green": "Ongoing", "amber": "Behind schedule", "red": "On hold", "blue": "Done"},
]
COLOUR_WORD = {"green": "Green", "amber": "Amber", "red": "Red", "blue": "Blue", "amber/green": "Amber/Green"}
RAG_MEANING = {"green": "on track", "amber/green": "minor issues, expected to recover",
               "amber": "some delay, being managed", "red": "significant delay or at risk", "blue": "action finished"}
RAG_VARIANTS = {  # "mixed": the spellings one plan may use side by side
    "green": ["Green", "G", "GREEN", "green"], "amber": ["Amber", "A", "AMBER", "amber"],
    "red": ["Red", "R", "RED"], "blue": ["Blue", "Complete", "Completed", "BLUE"]}
WELSH_RAG = {"green": ["Gwyrdd/Green", "Gwyrdd / Green", "Gwyrdd"], "amber": ["Oren/Amber", "Oren / Amber", "Oren"],
             "red": ["Coch/Red", "Coch / Red", "Coch"], "blue": ["Glas/Blue", "Glas / Blue", "Glas"]}

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"]


def mi(ym):
    """(year, month) as a month index."""
    return ym[0] * 12 + ym[1] - 1


def fy_of(ym):
    return ym[0] if ym[1] >= 4 else ym[0] - 1


def fy_label(fy, style):
    return {"slash": f"{fy}/{(fy + 1) % 100:02d}", "dash": f"{fy}-{(fy + 1) % 100:02d}",
            "short": f"{fy % 100:02d}/{(fy + 1) % 100:02d}", "fy": f"FY{fy % 100:02d}/{(fy + 1) % 100:02d}"}[style]


def quarter_of(ym):
    return (ym[1] - 4) % 12 // 3 + 1


def date_text(ym, style):
    y, m = ym
    return {"mon_yyyy": f"{MONTHS[m - 1]} {y}", "month_yyyy": f"{MONTH_NAMES[m - 1]} {y}",
            "mon_yy": f"{MONTHS[m - 1]}-{y % 100:02d}", "mm_yyyy": f"{m:02d}/{y}",
            "quarter": f"Q{quarter_of(ym)} {fy_label(fy_of(ym), 'slash')}",
            "fy": fy_label(fy_of(ym), "slash")}[style]


def timescale_text(start, end, style, dash):
    if end is None:
        return "Ongoing"
    y, m = end
    return {"by": f"By {MONTH_NAMES[m - 1]} {y}", "month": f"{MONTH_NAMES[m - 1]} {y}",
            "mon": f"{MONTHS[m - 1]} {y}", "fy": fy_label(fy_of(end), "slash"),
            "quarter": f"Q{quarter_of(end)} {fy_label(fy_of(end), 'slash')}",
            "range": f"{start[0]}{dash}{y}" if start[0] != y else str(y)}[style]


# ---------------------------------------------------------------------------------------------------- shape


def _draw(rng, dim):
    values = [v for v in DIMENSIONS[dim] if v != NA]
    w = WEIGHTS.get(dim)
    return rng.choices(values, [w[v] for v in values])[0] if w else rng.choice(values)


def choose_shape(rng, overrides, defaults=None):
    """One value per dimension: the overrides as given, else the defaults, else drawn at random; then the
    values that cannot go together are settled by changing a dimension that was not overridden."""
    defaults = defaults or {}
    for dim, value in overrides.items():
        if dim not in DIMENSIONS:
            raise ValueError(f"unknown dimension {dim!r} (known: {', '.join(DIMENSIONS)})")
        if value not in DIMENSIONS[dim]:
            raise ValueError(f"unknown value {value!r} for {dim} (known: {', '.join(DIMENSIONS[dim])})")
    shape = {dim: overrides.get(dim) or defaults.get(dim) or _draw(rng, dim) for dim in DIMENSIONS}

    def settle(conflict, dim_a, fix_a, dim_b, fix_b):
        """When conflict(shape) holds, change dim_a (unless --set fixed it) else dim_b. True if it changed."""
        if not conflict(shape):
            return False
        for dim, fix in ((dim_a, fix_a), (dim_b, fix_b)):
            if dim not in overrides:
                shape[dim] = fix() if callable(fix) else fix
                if not conflict(shape):
                    return True
        raise ValueError(f"{dim_a}={shape[dim_a]} cannot go with {dim_b}={shape[dim_b]}")

    pick = lambda *vals: (lambda: rng.choice(vals))  # noqa: E731
    d = lambda: shape["delimiter"]  # noqa: E731
    rules = [
        # Spreadsheet exports and chat pastes have no pages.
        (lambda s: d() not in TEXT_DELIMS and s["furniture"] != "none",
         "furniture", "none", "delimiter", pick(*TEXT_DELIMS)),
        # A markdown table has a single header line.
        (lambda s: d() == "markdown" and s["gantt"] == "quarter2", "gantt", "quarter", "delimiter", "tab"),
        # Runs of spaces hide empty cells, so the marks of a Gantt grid could sit under any period.
        (lambda s: d() == "spaces" and s["gantt"] != "none", "gantt", "none", "delimiter", pick("tab", "fixed")),
        # Breaks inside a cell: quoted (CSV, Excel copy), <br> (markdown) or a continuation line (PDF, Word).
        (lambda s: d() in ("spaces", "fixed") and s["breaks"] == "inline", "breaks", "continuation",
         "delimiter", "tab"),
        (lambda s: d() in ("markdown",) + CSV_DELIMS and s["breaks"] == "continuation", "breaks", "inline",
         "delimiter", "tab"),
        # With runs of spaces or fixed columns an empty cell is invisible: lost/extra cells need delimiters.
        (lambda s: (d() in ("spaces", "fixed")) != (s["cells"] == NA), "cells",
         lambda: NA if d() in ("spaces", "fixed") else _draw(rng, "cells"), "delimiter",
         lambda: rng.choice(("spaces", "fixed") if shape["cells"] == NA else ("tab", "csv_comma"))),
        (lambda s: (s["sections"] in ("heading_line", "heading_cell")) == (s["section_label"] == NA),
         "section_label", lambda: _draw(rng, "section_label") if shape["sections"].startswith("heading") else NA,
         "sections", lambda: "theme_column" if shape["section_label"] == NA else "heading_line"),
        (lambda s: (s["gantt"] == "none") != (s["mark"] == NA), "mark",
         lambda: NA if shape["gantt"] == "none" else _draw(rng, "mark"), "gantt",
         lambda: "none" if shape["mark"] == NA else "quarter"),
        # A status vocabulary means a RAG colour only through the plan's key.
        (lambda s: s["status"] == "keyed" and s["key"] == "none", "key", pick("before", "after"), "status", "plain"),
        # A key needs something to explain.
        (lambda s: s["key"] != "none" and s["rag"] == "none" and s["status"] != "keyed" and s["gantt"] == "none",
         "key", "none", "rag", "word"),
    ]
    for _ in range(6):
        if not any([settle(*rule) for rule in rules]):
            break
    return shape


# ---------------------------------------------------------------------------------------------------- plan


def split_text(rng, text):
    """Split a cell's text at a word boundary near the middle, preferring the end of a clause."""
    words = text.split(" ")
    if len(words) < 6:
        return [text]
    lo, hi = max(2, len(words) // 3), min(len(words) - 2, 2 * len(words) // 3 + 1)
    cands = [i for i in range(lo, hi) if words[i - 1][-1:] in ",;.:"] or list(range(lo, hi))
    i = rng.choice(cands)
    return [" ".join(words[:i]), " ".join(words[i:])]


def pick_label(rng, role, style, used):
    plain, synonyms, welsh = LABELS[role]
    options = [plain] if style == "plain" else synonyms if style == "synonyms" else welsh
    options = [o for o in options if o.lower() not in used] or [plain + f" ({role})"]
    label = rng.choice(options)
    used.add(label.lower())
    return label


def gantt_columns(rng, kind):
    """[(header line 1, header line 2, gold label, first month index, last month index)]"""
    cols = []
    if kind == "month":
        y0, m0 = rng.choice([(2025, 4), (2025, 10), (2026, 1)])
        style = rng.choice(["mon_yy", "mon_sp", "mon_yyyy"])
        for k in range(12):
            y, m = y0 + (m0 - 1 + k) // 12, (m0 - 1 + k) % 12 + 1
            label = {"mon_yy": f"{MONTHS[m - 1]}-{y % 100:02d}", "mon_sp": f"{MONTHS[m - 1]} {y % 100:02d}",
                     "mon_yyyy": f"{MONTHS[m - 1]} {y}"}[style]
            cols.append((label, "", label, mi((y, m)), mi((y, m))))
    elif kind in ("quarter", "quarter2"):
        fy0 = rng.choice([2025, 2026])
        style = rng.choice(["q_fy", "q_short", "fy_q", "q_dash"])
        ystyle = rng.choice(["slash", "dash"])
        for fy in (fy0, fy0 + 1):
            for q in range(1, 5):
                first = mi((fy, 4)) + 3 * (q - 1)
                if kind == "quarter2":
                    top = fy_label(fy, ystyle) if q == 1 else ""
                    cols.append((top, f"Q{q}", f"{fy_label(fy, ystyle)} Q{q}", first, first + 2))
                else:
                    label = {"q_fy": f"Q{q} {fy_label(fy, 'slash')}", "q_short": f"Q{q} {fy_label(fy, 'short')}",
                             "fy_q": f"{fy_label(fy, 'slash')} Q{q}", "q_dash": f"Q{q} {fy_label(fy, 'dash')}"}[style]
                    cols.append((label, "", label, first, first + 2))
    else:
        style = rng.choice(["slash", "dash", "fy", "calendar"])
        for k in range(5):
            y = 2025 + k
            if style == "calendar":
                cols.append((str(y), "", str(y), mi((y, 1)), mi((y, 12))))
            else:
                cols.append((fy_label(y, style), "", fy_label(y, style), mi((y, 4)), mi((y + 1, 3))))
    return cols


def rag_text(rng, rag, style, blue_word):
    if style == "word":
        return blue_word if rag == "blue" else COLOUR_WORD[rag]
    if style == "letter":
        return "Complete" if rag == "blue" else COLOUR_WORD[rag][0]
    if style == "upper":
        return blue_word.upper() if rag == "blue" else COLOUR_WORD[rag].upper()
    if style == "mixed":
        return rng.choice(RAG_VARIANTS[rag])
    if style == "welsh":
        return rng.choice(WELSH_RAG[rag])
    return blue_word if rag == "blue" else COLOUR_WORD[rag]  # five: Amber/Green as written


def build(seed, overrides=None, defaults=None):
    rng = random.Random(seed)
    shape = choose_shape(rng, overrides or {}, defaults)
    picked = sorted(rng.sample(range(len(pool.ACTIONS)), rng.randint(6, 25)))
    acts = [pool.ACTIONS[i] for i in picked]
    sections = shape["sections"] != "none"

    # ids
    sec_order = []
    for a in acts:
        if a["section"] not in sec_order:
            sec_order.append(a["section"])
    code = rng.choice(["CAP", "NZ", "CE", "A"]) + rng.choice(["-", ""])
    per_section = Counter()
    ids = []
    for n, a in enumerate(acts, 1):
        per_section[a["section"]] += 1
        k = per_section[a["section"]]
        ids.append({"prefix": f"{pool.SECTIONS[a['section']][1]}{k}",
                    "dotted": f"{sec_order.index(a['section']) + 1}.{k}",
                    "code": f"{code}{n:02d}"}[shape["ids"]])

    # columns, in the order the plan prints them
    roles = ["id"] + (["section"] if shape["sections"] in ("theme_first", "theme_column") else []) + ["action"]
    if rng.random() < 0.85:
        roles.append("lead")
    if shape["bullets"] == "on" or rng.random() < 0.5:
        roles.append("partners")
    roles += {"none": [], "timescale": ["timescale"], "start_end": ["start", "end"]}[shape["timing"]]
    if shape["gantt"] != "none":
        roles.append("gantt")
    if shape["status"] != "none":
        roles.append("status")
    if shape["rag"] != "none":
        roles.append("rag")
    if rng.random() < 0.6:
        roles.append("update")
    if shape["order"] == "shuffled":
        # As plans vary: the theme before or after the id, then the action, then the other columns in any
        # order (start and end together, the Gantt block whole).
        front = ["id", "section"] if rng.random() < 0.5 else ["section", "id"]
        front = [r for r in front if r in roles] + ["action"]
        units = [["start", "end"] if r == "start" else [r] for r in roles if r not in front + ["end"]]
        rng.shuffle(units)
        roles = front + [r for u in units for r in u]
    used = set()
    columns = []  # dicts: role, label, label2, and for Gantt columns the gold label and month range
    for r in roles:
        if r == "gantt":
            for top, bottom, gold_label, lo, hi in gantt_columns(rng, shape["gantt"]):
                columns.append({"role": "period", "label": top, "label2": bottom, "gold": gold_label,
                                "lo": lo, "hi": hi})
        else:
            columns.append({"role": r, "label": pick_label(rng, r, shape["headers"], used), "label2": ""})
    two_line_header = shape["gantt"] == "quarter2"

    # values
    rag_of = lambda a: "amber" if a["rag"] == "amber/green" and shape["rag"] != "five" else a["rag"]  # noqa: E731
    keyed = rng.choice(KEYED_STATUS)
    plain_status = rng.choice(PLAIN_STATUS)
    date_style = rng.choice(["mon_yyyy", "month_yyyy", "mon_yy", "mm_yyyy", "quarter", "fy"])
    ts_style = rng.choice(["by", "month", "mon", "fy", "quarter", "range"])
    dash = rng.choice(["–", "-"])
    partner_join = rng.choice(["; ", ", "])
    blue_word = rng.choice(["Blue", "Complete"])
    mark = shape["mark"]
    breaks = shape["breaks"] != "none"
    gold_actions, rows = [], []
    for a, aid in zip(acts, ids):
        rag = rag_of(a)
        g = {"id": aid}
        if sections:
            g["section"] = pool.SECTIONS[a["section"]][0]
        cells = []
        for col in columns:
            r = col["role"]
            if r == "period":
                on = col["lo"] <= mi(a["end"] or (2099, 12)) and mi(a["start"]) <= col["hi"]
                cells.append([mark if on else ""])
                continue
            if r == "id":
                text = aid
            elif r == "section":
                text = pool.SECTIONS[a["section"]][0]
            elif r == "action" or r == "update" or r == "lead":
                text = a[r]
            elif r == "partners":
                text = partner_join.join(a["partners"])
                if shape["bullets"] == "on" and a["partners"]:
                    g[r] = "; ".join(a["partners"])
                    cells.append(["• " + p for p in a["partners"]])
                    continue
            elif r == "timescale":
                text = timescale_text(a["start"], a["end"], ts_style, dash)
            elif r in ("start", "end"):
                text = "Ongoing" if a[r] is None else date_text(a[r], date_style)
            elif r == "status":
                if shape["status"] == "keyed":
                    text = keyed[rag]
                else:
                    text = plain_status[rag if rag in plain_status else "amber"]
            elif r == "rag":
                g["rag"] = rag
                cells.append([rag_text(rng, rag, shape["rag"], blue_word)])
                continue
            g[r] = text
            segs = [text]
            if breaks and r in ("action", "update") and rng.random() < 0.4:
                segs = split_text(rng, text)
            cells.append(segs)
        if shape["status"] == "keyed" and "rag" not in g:
            g["rag"] = rag
        if shape["gantt"] != "none":
            g["periods"] = [col["gold"] for col, c in zip(columns, cells) if col["role"] == "period" and c[0]]
        gold_actions.append(g)
        rows.append(cells)
    if shape["sections"] == "theme_first":
        sc = next(i for i, c in enumerate(columns) if c["role"] == "section")
        for i in range(1, len(rows)):
            if acts[i]["section"] == acts[i - 1]["section"]:
                rows[i][sc] = [""]

    # title and key
    welsh = shape["headers"] == "welsh"
    title_lines, title = [], None
    if shape["title"] != "none":
        council = rng.choice(pool.WELSH_COUNCILS if welsh else pool.COUNCILS)
        title = rng.choice(pool.WELSH_PLAN_TITLES if welsh else pool.PLAN_TITLES)
        title_lines = [council, title] if rng.random() < 0.5 else [title]
        if shape["title"] == "title_subtitle":
            title_lines.append(rng.choice(pool.SUBTITLES))
    key_items = make_key(rng, shape, keyed, blue_word, [a["rag"] for a in gold_actions if "rag" in a])

    plan = {"seed": seed, "shape": shape, "columns": columns, "two_line_header": two_line_header, "rows": rows,
            "sections": [pool.SECTIONS[a["section"]][0] for a in acts], "title_lines": title_lines,
            "key_items": key_items, "rng": rng}
    gold_roles = [c["role"] for c in columns if c["role"] not in ("period", "section")]
    gold_roles = ["id"] + (["section"] if sections else []) + [r for r in gold_roles if r != "id"]
    if any("rag" in g for g in gold_actions) and "rag" not in gold_roles:
        gold_roles.append("rag")
    if shape["gantt"] != "none":
        gold_roles.append("periods")
    gold = {"seed": None, "title": title, "roles": gold_roles, "actions": gold_actions, "repairs": [],
            "notes": ["Generated by tests/layouts/generate.py; the shape is recorded under 'shape'."],
            "generator_seed": seed, "shape": shape}
    return plan, gold


def make_key(rng, shape, keyed, blue_word, rags):
    """The plan's key: a list of lines (str) and two-cell rows (list)."""
    if shape["key"] == "none":
        return []
    as_rows = rng.random() < 0.5
    items = []
    order = ["green", "amber/green", "amber", "red", "blue"]
    present = [c for c in order if c in rags or (c != "amber/green" and shape["rag"] != "five")
               or (c == "amber/green" and shape["rag"] == "five")]
    if shape["rag"] != "none":
        word = {"letter": lambda c: "Complete" if c == "blue" else COLOUR_WORD[c][0],
                "upper": lambda c: (blue_word if c == "blue" else COLOUR_WORD[c]).upper(),
                "welsh": lambda c: WELSH_RAG[c][1] if c in WELSH_RAG else COLOUR_WORD[c]}.get(
            shape["rag"], lambda c: blue_word if c == "blue" else COLOUR_WORD[c])
        pairs = [(word(c), RAG_MEANING[c]) for c in present]
        if as_rows:
            items.append(rng.choice(["RAG key", "Key", "RAG status key"]))
            items += [[w, m[0].upper() + m[1:]] for w, m in pairs]
        else:
            items.append(rng.choice(["Key: ", "RAG key: ", ""]) + "; ".join(f"{w} = {m}" for w, m in pairs))
    if shape["status"] == "keyed":
        pairs = [(keyed[c], COLOUR_WORD[c]) for c in present]
        if as_rows:
            items.append(rng.choice(["Status key", "Key"]))
            items += [[s, c] for s, c in pairs]
        else:
            sep = rng.choice([", ", "; "])
            items.append(rng.choice(["", "Key: ", "Status key: "]) + sep.join(f"{s} = {c}" for s, c in pairs))
    if shape["gantt"] != "none":
        items.append(rng.choice([f"{shape['mark']} = activity planned in this period",
                                 f"Gantt key: {shape['mark']} marks the periods in which the action is delivered"]))
    return items


# ---------------------------------------------------------------------------------------------------- layout


def layout(plan):
    """The plan as a sequence of items: ('line', text), ('blank',), ('row', cells, kind)."""
    shape, rng, columns = plan["shape"], plan["rng"], plan["columns"]
    n = len(columns)
    header = [("row", [[c["label"]] for c in columns], "header")]
    if plan["two_line_header"]:
        header.append(("row", [[c["label2"]] for c in columns], "header"))
    items = [("line", t) for t in plan["title_lines"]]
    if items:
        items.append(("blank",))
    key = [("line", k) if isinstance(k, str) else ("row", [[c] for c in k], "key") for k in plan["key_items"]]
    if shape["key"] == "before" and key:
        items += key + [("blank",)]
    items += header

    label = shape["section_label"]
    action_col = next(i for i, c in enumerate(columns) if c["role"] == "action")
    head_col = action_col if rng.random() < 0.6 else rng.randrange(n)
    page_every = rng.randint(5, 9)
    page = rng.randint(2, 20)
    pages_total = page + len(plan["rows"]) // page_every + rng.randint(0, 6)
    running = rng.choice(pool.RUNNING_HEADERS + (plan["title_lines"][-1:] if plan["title_lines"] else []))
    lost = shape["cells"] == "lost"
    extra = shape["cells"] == "extra"
    sec_no = 0
    for i, cells in enumerate(plan["rows"]):
        if i and i % page_every == 0 and shape["furniture"] != "none":
            f = shape["furniture"]
            if f in ("page_number", "all") and (f != "all" or rng.random() < 0.5):
                items += [("blank",), ("line", str(page))]
            elif f in ("page_of", "all"):
                items += [("blank",), ("line", f"Page {page} of {pages_total}")]
            if f in ("running_header", "all"):
                items.append(("line", running))
            if f in ("repeated_header", "all"):
                items += header
            page += 1
        if plan["shape"]["sections"] in ("heading_line", "heading_cell") and (
                i == 0 or plan["sections"][i] != plan["sections"][i - 1]):
            sec_no += 1
            name = plan["sections"][i]
            text = {"plain": name, "theme_n": f"Theme {sec_no}: {name}", "numbered": f"{sec_no}. {name}"}[label]
            if shape["sections"] == "heading_line":
                items.append(("line", text, "section"))
            else:
                row = [[""] for _ in range(n)]
                row[head_col] = [text]
                items.append(("row", row, "section"))
        cells = [list(c) for c in cells]
        if (lost or extra) and rng.random() < 0.3 and all(len(c) == 1 for c in cells):
            cells = lose_or_add_cell(rng, cells, columns, lost)
        items.append(("row", cells, "action"))
    if shape["key"] == "after" and key:
        items += [("blank",)] + key
    return items


def lose_or_add_cell(rng, cells, columns, lost):
    """A row that lost empty cells or gained one, only in ways a reader can undo from what the cells hold:
    never a single cell inside the Gantt block, where any empty period would be as likely as another."""
    period = [c["role"] == "period" for c in columns]
    empty = [c == [""] for c in cells]
    if lost:
        options = []
        trail = len(cells)
        while trail and empty[trail - 1]:
            trail -= 1
        if trail < len(cells):
            options.append(cells[:trail])
        span = [j for j, p in enumerate(period) if p]
        if span and all(empty[j] for j in span):
            options.append(cells[:span[0]] + cells[span[-1] + 1:])
        options += [cells[:j] + cells[j + 1:] for j in range(len(cells)) if empty[j] and not period[j]]
        return rng.choice(options) if options else cells
    spots = [j for j in range(1, len(cells) + 1)
             if j == len(cells) or not (period[j - 1] or period[j])]
    j = rng.choice(spots)
    return cells[:j] + [[""]] + cells[j:]


def render_tab(plan, items):
    inline = plan["shape"]["breaks"] == "inline"
    out = []
    for it in items:
        if it[0] != "row":
            out.append(it[1] if it[0] == "line" else "")
            continue
        cells = it[1]
        if inline or all(len(c) == 1 for c in cells):
            out.append("\t".join(c[0] if len(c) == 1 else '"' + "\n".join(c).replace('"', '""') + '"'
                                 for c in cells))
            continue
        for k in range(max(len(c) for c in cells)):
            line = "\t".join(c[k] if k < len(c) else "" for c in cells)
            out.append(line if k == 0 else line.rstrip("\t"))
    return "\n".join(out) + "\n"


def render_spaces(plan, items):
    rng = plan["rng"]
    out = []
    for it in items:
        if it[0] != "row":
            out.append(it[1] if it[0] == "line" else "")
            continue
        cells = it[1]
        line, offsets = "", {}
        for j, c in enumerate(cells):
            if not c[0]:
                continue
            if line:
                line += " " * rng.randint(2, 4)
            offsets[j] = len(line)
            line += c[0]
        out.append(line)
        for k in range(1, max(len(c) for c in cells)):
            parts = [(offsets.get(j, 0), c[k]) for j, c in enumerate(cells) if k < len(c)]
            out.append(place(parts))
    return "\n".join(out) + "\n"


def place(parts):
    """Text at character offsets on one line; text that would overlap is pushed right past two spaces."""
    line = ""
    for off, t in parts:
        if not t:
            continue
        if len(line) < off:
            line += " " * (off - len(line))
        elif line:
            line += "  "
        line += t
    return line


def render_fixed(plan, items):
    rng, columns = plan["rng"], plan["columns"]
    gap = rng.randint(2, 4)
    caps = {"action": rng.randint(26, 44), "update": rng.randint(24, 40), "partners": rng.randint(16, 26),
            "lead": rng.randint(14, 24), "section": rng.randint(14, 24)}
    widths = []
    rows = [it[1] for it in items if it[0] == "row" and it[2] == "action"]
    for j, col in enumerate(columns):
        texts = [s for r in rows if j < len(r) for s in r[j]]
        longest_word = max([len(w) for t in texts for w in t.split()] + [1])
        longest = max([len(t) for t in texts] + [1])
        w = max(min(longest, caps.get(col["role"], 999)), longest_word)
        if col["role"] == "period":
            w = max(len(col["label2"]) or len(col["label"]), 1)
        else:
            w = max(w, len(col["label"]))
        widths.append(w)
    offsets, x = [], 0
    for w in widths:
        offsets.append(x)
        x += w + gap
    total = x
    out = []
    for it in items:
        if it[0] == "blank":
            out.append("")
        elif it[0] == "line":
            t = it[1]
            out.append(" " * max(0, (total - len(t)) // 2) + t if re.fullmatch(r"(Page )?\d+( of \d+)?", t) else t)
        elif it[2] == "key":
            out.append(place([(0, it[1][0][0]), (max(14, len(it[1][0][0]) + 2), it[1][1][0])]))
        else:
            cells = it[1]
            wrapped = []
            for j, c in enumerate(cells):
                lines = []
                for seg in c:
                    if columns[j]["role"] == "period" or it[2] != "action":
                        lines.append(seg)
                    else:
                        lines += textwrap.wrap(seg, widths[j], break_long_words=False, break_on_hyphens=False) or [""]
                if columns[j]["role"] == "period" and lines[0]:
                    lines = [lines[0].center(widths[j]).rstrip()]
                wrapped.append(lines)
            for k in range(max(len(w) for w in wrapped)):
                parts = [(offsets[j] if j < len(offsets) else total, w[k]) for j, w in enumerate(wrapped) if k < len(w)]
                if columns and any(columns[j]["role"] == "period" for j in range(len(wrapped))):
                    parts = [(off + (len(t) - len(t.lstrip())), t.lstrip()) for off, t in parts]
                out.append(place(parts))
    return "\n".join(out) + "\n"


def render_markdown(plan, items):
    rng = plan["rng"]
    br = rng.choice(["<br>", "<br/>", "<br />"])
    bold_sections = rng.random() < 0.5
    out, in_table = [], False
    esc = lambda s: s.replace("|", "\\|")  # noqa: E731
    for it in items:
        if it[0] == "blank":
            out.append("")
            in_table = False
        elif it[0] == "line" and it[2:] == ("section",) and in_table:  # a heading row: only its first cell
            cells = [f"**{it[1]}**" if bold_sections else it[1]] + [""] * (len(plan["columns"]) - 1)
            out.append("| " + " | ".join(cells) + " |")
        elif it[0] == "line":
            t = it[1]
            if not in_table and out == [] and plan["title_lines"] and t == plan["title_lines"][0]:
                t = rng.choice(["**{}**", "## {}", "{}"]).format(t)
            out.append(t)
            in_table = False
        elif it[2] == "key":
            out.append(f"{it[1][0][0]} – {it[1][1][0]}")
        else:
            cells = [br.join(esc(s) for s in c) for c in it[1]]
            if it[2] == "section" and bold_sections:
                cells = [f"**{c}**" if c else c for c in cells]
            out.append("| " + " | ".join(cells) + " |")
            if it[2] == "header" and not in_table:
                out.append("|" + "|".join(rng.choice(["---", ":---", ":---:", "----"]) for _ in cells) + "|")
            in_table = True
    return "\n".join(out) + "\n"


def render_csv(plan, items):
    rng = plan["rng"]
    n = len(plan["columns"])
    pad = rng.random() < 0.5
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";" if plan["shape"]["delimiter"] == "csv_semicolon" else ",",
                   quoting=rng.choice([csv.QUOTE_MINIMAL, csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
                   lineterminator=rng.choice(["\r\n", "\n"]))
    for it in items:
        if it[0] == "blank":
            w.writerow([""] * n if pad else [])
        elif it[0] == "line":
            w.writerow([it[1]] + ([""] * (n - 1) if pad else []))
        else:
            cells = ["\n".join(c) for c in it[1]]
            if it[2] == "key" and pad:
                cells += [""] * (n - len(cells))
            w.writerow(cells)
    return ("\ufeff" if rng.random() < 0.4 else "") + buf.getvalue()


def render(plan):
    items = layout(plan)
    d = plan["shape"]["delimiter"]
    if d == "tab":
        return render_tab(plan, items), plan["rng"].choice([".txt", ".tsv"])
    if d == "spaces":
        return render_spaces(plan, items), ".txt"
    if d == "fixed":
        return render_fixed(plan, items), ".txt"
    if d == "markdown":
        return render_markdown(plan, items), plan["rng"].choice([".txt", ".md"])
    return render_csv(plan, items), ".csv"


# ---------------------------------------------------------------------------------------------------- API


def generate(seed, overrides=None, defaults=None):
    """(file name, text, gold) for one seed; defaults (such as BASELINE) stand in for random draws."""
    plan, gold = build(seed, overrides, defaults)
    text, ext = render(plan)
    name = f"v{seed:06d}{ext}"
    gold["seed"] = name
    return name, text, gold


def words(s):
    s = re.sub(r"<br\s*/?>", " ", s)
    out = []
    for t in s.split():
        t = t.strip("\"*\\;,.•|'’‘“”():")
        if t:
            out.append(t)
    return out


def check(text, gold):
    """Words of the gold answer that the rendered text does not hold (as many times): should be empty.
    Each section name is counted once, as a plan may print it once above its actions."""
    if gold["shape"]["delimiter"] in CSV_DELIMS:
        delim = ";" if gold["shape"]["delimiter"] == "csv_semicolon" else ","
        text = " ".join(f for rec in csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delim) for f in rec)
    want = Counter()
    for a in gold["actions"]:
        for role, v in a.items():
            if role not in ("rag", "periods", "section"):
                want.update(words(v))
    for name in dict.fromkeys(a["section"] for a in gold["actions"] if "section" in a):
        want.update(words(name))
    have = Counter(words(text))
    return sorted((want - have).elements())


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--count", type=int, default=1, help="variants from --seed on (default 1)")
    ap.add_argument("--out", required=True, help="folder for the inputs and gold files")
    ap.add_argument("--set", action="append", default=[], metavar="DIMENSION=VALUE")
    ap.add_argument("--baseline", action="store_true",
                    help="hold the dimensions not --set to a clean plan (BASELINE) instead of drawing them")
    ap.add_argument("--check", action="store_true", help="check that the rendering keeps every word of the gold")
    ap.add_argument("--print", action="store_true", help="print each rendered variant")
    args = ap.parse_args(argv)
    overrides = dict(s.split("=", 1) for s in args.set)
    os.makedirs(args.out, exist_ok=True)
    bad = 0
    for seed in range(args.seed, args.seed + args.count):
        name, text, gold = generate(seed, overrides, BASELINE if args.baseline else None)
        with open(os.path.join(args.out, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
        with open(os.path.join(args.out, re.sub(r"\.\w+$", ".gold.json", name)), "w", encoding="utf-8") as f:
            json.dump(gold, f, ensure_ascii=False, indent=1)
        shape = " ".join(f"{k}={v}" for k, v in gold["shape"].items() if v not in (NA, "none", "off", "clean"))
        print(f"{name}: {len(gold['actions'])} actions; {shape}")
        if args.print:
            print(text)
        if args.check:
            missing = check(text, gold)
            if missing:
                bad += 1
                print(f"  words of the gold not in the text: {missing[:10]}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
