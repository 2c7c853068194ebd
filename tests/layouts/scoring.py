"""Cell-by-cell scoring of a JSON export against a gold answer (standard library only).

The rules are the acceptance scorer's: every gold action gives one cell per field it carries (id, section,
each role, each target tick, each extra label, the period list); a cell is right when the output action
with the same id (the first unused one) carries the same text after folding whitespace, typographic quotes
and dashes and non-breaking spaces (Unicode NFC). Lead and partners also ignore list punctuation (; newline
bullet), and rag ignores case. Every output action no gold action claimed is wrong: one cell for the action
plus one per field it shares with the first gold action.
"""
import re
import unicodedata

_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
                       "\u00a0": " "})


def fold(value):
    """A value as compared: None is "", booleans true/false, lists joined with |, text folded."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return "|".join(fold(v) for v in value)
    text = unicodedata.normalize("NFC", str(value)).translate(_FOLD)
    return " ".join(text.split())


def _list_fold(text):
    return fold(re.sub(r"[;\n\u2022]", " ", text))


def actions_of(doc):
    acts = doc.get("actions")
    if acts is None:  # a sectioned layout: {"sections": [{"name", "actions": [...]}]}
        acts = []
        for sec in doc.get("sections", []):
            if isinstance(sec, dict):
                acts += [dict(a, section=a.get("section", sec.get("name"))) for a in sec.get("actions", [])]
    return acts


def score(gold, out):
    """(right, total, misses) with misses as (id, field, wanted, got)."""
    gold_acts, out_acts = actions_of(gold), actions_of(out)
    unused = {}
    for a in out_acts:
        unused.setdefault(fold(a.get("id")), []).append(a)
    right = total = 0
    misses = []

    def cell(ok, key, field, want, got):
        nonlocal right, total
        total += 1
        right += bool(ok)
        if not ok:
            misses.append((key, field, want, got))

    for g in gold_acts:
        key = fold(g.get("id"))
        same = unused.get(key) or []
        o = same.pop(0) if same else None
        for field, want in g.items():
            if field == "targets" and isinstance(want, list):
                got = (o or {}).get("targets") or []
                for i, tick in enumerate(want):
                    have = got[i] if i < len(got) else None
                    cell(o is not None and i < len(got) and bool(have) == bool(tick), key, f"targets[{i}]", tick, have)
                continue
            if field == "extra" and isinstance(want, dict):
                got = {fold(k): v for k, v in ((o or {}).get("extra") or {}).items()}
                for label, text in want.items():
                    have = got.get(fold(label))
                    cell(o is not None and fold(label) in got and fold(text) == fold(have), key,
                         f"extra[{label}]", text, have if o is not None else "<no such action>")
                continue
            got = None if o is None else o.get(field)
            w, h = fold(want), fold(got)
            if field in ("lead", "partners"):
                w, h = _list_fold(w), _list_fold(h)
            elif field == "rag":
                w, h = w.lower(), h.lower()
            cell(o is not None and w == h, key, field, want, got if o is not None else "<no such action>")
    first = gold_acts[0] if gold_acts else {}
    for rest in unused.values():
        for a in rest:
            total += 1 + sum(1 for k in a if k in first)
            misses.append((fold(a.get("id")), "<extra action>", None, (a.get("action") or "")[:60]))
    return right, total, misses
