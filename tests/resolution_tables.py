"""The resolution tables (tests/data/resolution/*.jsonl): loading, aligning expectations with the text, scoring.

Each line is one case: a sentence or two written for these tests, its publication date, and every mention of one
category that resolution should find in it (the lists are exhaustive, so extra findings count as errors):

- actors.jsonl: "mentions": [[surface, code, {optional: kind, sector, person, method, reason_contains,
  members_include}], ...]
- dates.jsonl: "dates": [[surface, value, granularity], ...]
- quantities.jsonl: "quantities": [{"text", "value", "unit", optional "per", "qualifier", "direction", "high"}]

Expectations are listed in text order; each surface form is located (as a whole word) after the previous one, so
the expected character span is known and compared with the span that resolution reports. Used by
tests/test_resolution.py and bench/resolution_accuracy.py.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data" / "resolution"
TABLES = ("actors", "dates", "quantities")
UNSET = object()


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    fields: dict[str, Any]


def load(table: str) -> list[dict[str, Any]]:
    cases = []
    with (DATA / f"{table}.jsonl").open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                case = json.loads(line)
                case.setdefault("id", f"{table}-{n}")
                cases.append(case)
    return cases


def locate(text: str, surfaces: list[str]) -> list[tuple[int, int]]:
    """Character spans of the surfaces, each searched as a whole word after the previous one."""
    spans, cursor = [], 0
    for surface in surfaces:
        m = re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)").search(text, cursor)
        if m is None:
            raise ValueError(f"{surface!r} not found in {text!r} after offset {cursor}")
        spans.append((m.start(), m.end()))
        cursor = m.end()
    return spans


def gold_items(table: str, case: dict[str, Any]) -> list[Gold]:
    text = case["text"]
    if table == "actors":
        rows = [(m[0], {"code": m[1], **(m[2] if len(m) > 2 else {})}) for m in case["mentions"]]
    elif table == "dates":
        rows = [(d[0], {"value": d[1], "granularity": d[2]}) for d in case["dates"]]
    else:
        rows = [(q["text"], {k: v for k, v in q.items() if k != "text"}) for q in case["quantities"]]
    spans = locate(text, [r[0] for r in rows])
    return [Gold(s, e, surface, fields) for (surface, fields), (s, e) in zip(rows, spans, strict=True)]


def predicted(table: str, extraction: Any) -> list[Any]:
    return list({"actors": extraction.mentions, "dates": extraction.dates,
                 "quantities": extraction.quantities}[table])


def problems(table: str, gold: Gold, item: Any) -> list[str]:
    """What differs between a gold expectation and the predicted item at the same span ([] when it agrees)."""
    out = []
    f = gold.fields
    if table == "actors":
        for key in ("code", "kind", "sector", "person", "method"):
            want = f.get(key, "state" if key == "kind" else UNSET)
            if want is not UNSET and getattr(item, key) != want:
                out.append(f"{key} {getattr(item, key)!r} != {want!r}")
        if "reason_contains" in f and f["reason_contains"] not in item.reason:
            out.append(f"reason {item.reason!r} lacks {f['reason_contains']!r}")
        if "members_include" in f and f["members_include"] not in item.members:
            out.append(f"members lack {f['members_include']}")
        if not item.reason:
            out.append("empty reason")
    elif table == "dates":
        for key in ("value", "granularity"):
            if getattr(item, key) != f[key]:
                out.append(f"{key} {getattr(item, key)!r} != {f[key]!r}")
    else:
        if abs(item.value - f["value"]) > 1e-6 * max(1.0, abs(f["value"])):
            out.append(f"value {item.value!r} != {f['value']!r}")
        for key in ("unit", "per", "qualifier", "direction", "high"):
            want = f.get(key)
            got = getattr(item, key)
            if key == "high" and want is not None and got is not None:
                if abs(got - want) <= 1e-6 * abs(want):
                    continue
            if got != want:
                out.append(f"{key} {got!r} != {want!r}")
    return out


def compare(table: str, case: dict[str, Any], extraction: Any) -> tuple[list[str], dict[str, int]]:
    """Errors (missing, wrong, spurious) of one case and its counts for scoring."""
    text = case["text"]
    golds = gold_items(table, case)
    preds = predicted(table, extraction)
    by_span = {(p.start, p.end): p for p in preds}
    errors: list[str] = []
    counts = {"gold": 0, "pred": 0, "correct": 0, "gold_state": 0, "pred_state": 0, "correct_state": 0}
    for p in preds:
        if text[p.start:p.end] != p.text:
            errors.append(f"span {p.start}:{p.end} text {p.text!r} != document {text[p.start:p.end]!r}")
    matched = set()
    for g in golds:
        counts["gold"] += 1
        state = table == "actors" and g.fields.get("kind", "state") == "state"
        counts["gold_state"] += state
        p = by_span.get((g.start, g.end))
        if p is None:
            near = [x.text for x in preds if x.start < g.end and g.start < x.end]
            errors.append(f"missing {g.text!r} {g.fields}" + (f" (found overlapping {near})" if near else ""))
            continue
        matched.add((p.start, p.end))
        wrong = problems(table, g, p)
        if wrong:
            errors.append(f"{g.text!r}: " + "; ".join(wrong))
        else:
            counts["correct"] += 1
        # a state mention counts for precision/recall when its code is right, whatever the other details
        if state and p.kind == "state" and p.code == g.fields["code"]:
            counts["correct_state"] += 1
    for p in preds:
        counts["pred"] += 1
        counts["pred_state"] += table == "actors" and p.kind == "state"
        if (p.start, p.end) not in matched:
            detail = p.code if table == "actors" else p.value if table == "dates" else (p.value, p.unit)
            errors.append(f"spurious {p.text!r} -> {detail}")
    return errors, counts
