#!/usr/bin/env python3
"""Deterministic generator of action-plan tables for the benchmarks: a seed and a number of actions in; a messy
paste (every kind of extraction damage the samples show, at realistic rates), the clean table it was made from,
and optionally the same plan as an .xlsx workbook (needs python3-xlsxwriter) out.

  gen_plan.py --actions 100000 --seed 1 --messy m.txt --clean c.txt [--truth t.tsv] [--xlsx p.xlsx]
  gen_plan.py --plans 1000 --actions 20 --seed 1 --dir DIR   # a folder tree of small messy plans for batch

Standard library only (xlsxwriter only for --xlsx). The same arguments always give the same bytes.

The table imitates a council programme tracker: a title, a RAG key, a header row, section heading rows
("Workstream: Transport"), and per action an id (T1.2), the action, lead, timescale (2024-25, Apr-25, Ongoing),
status, RAG (usually blank in a paste), an update and a tick matrix against the plan's targets.
"""
import argparse
import os
import random

# ---------------------------------------------------------------- vocabulary (from the kind of text plans hold)

VERBS = ["Develop", "Deliver", "Work with partners to", "Investigate", "Support", "Review", "Explore", "Continue to",
         "Establish", "Implement", "Promote", "Encourage", "Monitor", "Design and deliver", "Incorporate",
         "Collaborate with districts to", "Identify opportunities to", "Strengthen", "Trial", "Publish"]
OBJECTS = ["a sustainable travel policy", "the Local Area Energy Plan", "a programme of building retrofit",
           "the electric vehicle charging strategy", "a tree and woodland strategy", "community energy projects",
           "the Local Nature Recovery Strategy", "carbon literacy training for staff", "a supplier questionnaire",
           "low carbon heating in council buildings", "the Sustainable Procurement Toolkit", "flood resilience schemes",
           "a net zero information hub", "the waste and resources strategy", "an offsetting strategy",
           "renewable energy generation on council land", "active travel infrastructure", "the fuel poverty strategy",
           "business advisory services", "the annual greenhouse gas report"]
PURPOSES = ["to reduce carbon emissions across the county", "to support residents and businesses",
            "in line with Government guidance", "to improve air quality in urban areas",
            "and report on progress every year", "to enable investment in low carbon technologies",
            "across all council services", "with the Midlands Net Zero Hub", "to increase biodiversity net gain",
            "and seek funding to implement it", "to help manage the impacts of severe weather",
            "through the planning system"]
LEADS = ["Carbon Reduction Team", "Transport Strategy and Policy", "Environment and Waste", "Property Services",
         "Growth Service", "Public Health Team", "Highways", "Procurement", "Forestry Team", "Warm Homes Team",
         "CCN", "KCC & CCN", "Ecology and Biodiversity Team", "Communications"]
SECTIONS = ["Transport", "Buildings and Energy", "Business and Economy", "Resources and Waste", "Nature and Land Use",
            "Communities", "Enabling Actions", "Finance", "Management & Governance", "Decision Making and Procurement",
            "Learning & Development", "Communications & Engagement", "Adaptation", "Green Infrastructure"]
STATUSES = ["In progress", "Not started", "Completed", "Delivery", "On hold", "Ongoing"]
TIMESCALES = ["Ongoing", "2024-25", "2025-26", "2026-27", "2023-24 2024-25", "Apr-25", "Sep-26", "2027", "2025-30"]
UPDATES = ["Work continues to deliver projects and seek funding.", "Delayed due to staff capacity.",
           "Completed and embedded in business as usual.", "Scoping underway with partners.",
           "Proposed to be archived.", "Working group established; first report due next year.",
           "Timescale updated to reflect the new strategy.", ""]
TARGETS = ["Net zero council emissions by 2030", "Net zero county by 2045", "Improve our biodiversity by 2030",
           "Adapt to a changing climate"]
TICKS = ["\u2713", "\u2714", "\u221a", "*", "~", "4", "1"]  # ✓ ✔ √ * ~ and the OCR's 4 and 1

# Latin capitals and digits with Cyrillic look-alikes, as in ids pasted from some PDFs (Т3 for T3, В4 for B4).
CYRILLIC = {"T": "\u0422", "B": "\u0412", "E": "\u0415", "C": "\u0421", "M": "\u041c", "A": "\u0410",
            "H": "\u041d", "P": "\u0420", "3": "\u0417", "K": "\u041a"}

# Damage rates: how often each kind shows up in the samples, per action (or per heading / per cell).
RATES = {
    "cyrillic_id": 0.08,      # leics 2050: 8 of 38 ids
    "split_heading": 0.5,     # a section heading cut by a tab ("Buildings a<TAB>nd Energy")
    "lost_rag_cell": 0.12,    # the empty RAG cell dropped, shifting the update left
    "continuation": 0.03,     # the end of the action text on the next line
    "printed_twice": 0.01,    # a row repeated across a page break
    "spilled": 0.02,          # a word of one cell cut across the next tab
    "markup": 0.01,           # <b>..</b>, [text](#) or ** left over from a converter
    "ocr_status": 0.05,       # "ln progress" for "In progress"
    "tick": 0.35,             # a target cell ticked
    "page_furniture": 0.01,   # a "This page is intentionally left blank" or "_<TAB>" line
}


def action_text(rng):
    return f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(PURPOSES)}."


def section_code(name):
    letters = "".join(w[0] for w in name.replace("&", "").split() if w[0].isupper())
    return letters[:2] or "X"


class Plan:
    """One plan's clean rows (the truth), generated from the seed."""

    def __init__(self, rng, n_actions, title):
        self.title = title
        self.rows = []  # ("section", name) or ("action", dict)
        made = 0
        number = 0
        while made < n_actions:
            number += 1
            name = rng.choice(SECTIONS)
            code = section_code(name)
            self.rows.append(("section", name))
            for k in range(1, rng.randint(4, 12) + 1):
                if made == n_actions:
                    break
                # Numbers of one to three digits per level, as plans number them; big trackers add a level.
                ident = f"{code}{number}.{k}" if number < 1000 else f"{code}{number // 1000}.{number % 1000}.{k}"
                self.rows.append(("action", {
                    "id": ident,
                    "section": name,
                    "action": action_text(rng),
                    "lead": rng.choice(LEADS),
                    "timescale": rng.choice(TIMESCALES),
                    "status": rng.choice(STATUSES),
                    "rag": "",
                    "update": rng.choice(UPDATES),
                    "targets": [rng.random() < RATES["tick"] for _ in TARGETS],
                }))
                made += 1

    HEADER = ["Action ID", "Action", "Lead", "Timescale", "Status", "RAG", "Update"] + TARGETS

    def clean_lines(self):
        """The table as clean cells: header, section rows in the id column, one row per action, ✓ for a tick."""
        yield "\t".join(self.HEADER)
        for kind, row in self.rows:
            if kind == "section":
                yield row + "\t" * (len(self.HEADER) - 1)
            else:
                yield "\t".join(self.cells(row, ["\u2713" if t else "" for t in row["targets"]]))

    @staticmethod
    def cells(a, ticks):
        return [a["id"], a["action"], a["lead"], a["timescale"], a["status"], a["rag"], a["update"]] + ticks

    def messy_lines(self, rng):
        """The same plan as a PDF paste comes out: a title and key, then damage at RATES."""
        yield f"## {self.title}"
        yield ""
        yield "RAG rating"
        yield "- Green action delivery on track/to agreed timelines"
        yield "- Amber some delivery off track/timelines, further work to be completed"
        yield "- Red significantly off track/timelines, or may no longer be possible."
        yield ""
        yield "\t".join(self.HEADER)
        width = len(self.HEADER)
        for kind, row in self.rows:
            if kind == "section":
                heading = f"Workstream: {row}" if rng.random() < 0.5 else row
                if rng.random() < RATES["split_heading"] and len(heading) > 4:
                    cut = rng.randint(2, len(heading) - 2)
                    heading = heading[:cut] + "\t" + heading[cut:]
                if rng.random() < 0.3:
                    yield ""
                yield heading + "\t" * (width - 1 - heading.count("\t"))
                continue
            a = dict(row)
            if rng.random() < RATES["cyrillic_id"]:
                a["id"] = "".join(CYRILLIC.get(c, c) if rng.random() < 0.7 else c for c in a["id"])
            if rng.random() < RATES["ocr_status"] and a["status"].startswith("In "):
                a["status"] = "ln " + a["status"][3:]
            if rng.random() < RATES["markup"]:
                words = a["action"].split(" ")
                i = rng.randrange(len(words))
                words[i] = rng.choice([f"<b>{words[i]}</b>", f"**{words[i]}**", f"[{words[i]}](#)"])
                a["action"] = " ".join(words)
            ticks = [rng.choice(TICKS) if t else "" for t in a["targets"]]
            cells = self.cells(a, ticks)
            continuation = None
            if rng.random() < RATES["continuation"]:
                words = cells[1].split(" ")
                cut = max(1, len(words) - rng.randint(2, 5))
                cells[1] = " ".join(words[:cut])
                continuation = " ".join(words[cut:])
            if rng.random() < RATES["spilled"] and len(cells[2]) > 6:
                cut = rng.randint(3, len(cells[2]) - 3)  # a lead name cut across a tab, the rest shifting right
                cells = cells[:2] + [cells[2][:cut], cells[2][cut:]] + cells[3:-1]
            elif rng.random() < RATES["lost_rag_cell"] and cells[5] == "":
                del cells[5]
            line = "\t".join(cells).rstrip("\t")
            yield line
            if continuation:
                yield "\t" + continuation
            if rng.random() < RATES["printed_twice"]:
                yield line
            if rng.random() < RATES["page_furniture"]:
                yield rng.choice(["", "This page is intentionally left blank", "_\t", "Page 12 of 40"])

    def write_xlsx(self, path):
        import xlsxwriter  # Debian's python3-xlsxwriter; only needed for spreadsheet inputs

        wb = xlsxwriter.Workbook(path, {"constant_memory": True})
        ws = wb.add_worksheet("Action Plan")
        ws.write_row(0, 0, [self.title])
        for r, line in enumerate(self.clean_lines(), start=2):
            ws.write_row(r, 0, line.split("\t"))
        wb.close()

    def truth_lines(self):
        """id<TAB>section<TAB>action per action: what a perfect cleaner recovers."""
        for kind, row in self.rows:
            if kind == "action":
                yield f"{row['id']}\t{row['section']}\t{row['action']}"


def write_lines(path, lines):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(line)
            f.write("\n")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--actions", type=int, required=True, help="actions per plan")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--messy", help="write the messy paste here")
    p.add_argument("--clean", help="write the clean table (the same cells, no damage) here")
    p.add_argument("--truth", help="write id, section and action of every action here")
    p.add_argument("--xlsx", help="write the plan as a workbook here (needs python3-xlsxwriter)")
    p.add_argument("--plans", type=int, help="with --dir: this many small messy plans in a folder tree")
    p.add_argument("--dir", help="folder for --plans")
    args = p.parse_args()

    if args.plans:
        if not args.dir:
            p.error("--plans needs --dir")
        for i in range(args.plans):
            rng = random.Random(args.seed * 1_000_003 + i)
            n = max(1, int(rng.triangular(args.actions // 4, args.actions * 3, args.actions)))
            plan = Plan(rng, n, f"Climate Action Plan {i + 1}")
            folder = os.path.join(args.dir, f"council-{i % 25:02d}")
            os.makedirs(folder, exist_ok=True)
            write_lines(os.path.join(folder, f"plan-{i:04d}.txt"), plan.messy_lines(rng))
        return

    rng = random.Random(args.seed)
    plan = Plan(rng, args.actions, f"Climate Action Plan ({args.actions} actions)")
    if args.clean:
        write_lines(args.clean, plan.clean_lines())
    if args.truth:
        write_lines(args.truth, plan.truth_lines())
    if args.xlsx:
        plan.write_xlsx(args.xlsx)
    if args.messy:
        write_lines(args.messy, plan.messy_lines(random.Random(args.seed + 7919)))


if __name__ == "__main__":
    main()
