#!/usr/bin/env python3
"""Check a gold file (schema diplograph-gold/1) before it is used for training or scoring.

    python3 training/check_gold.py training/stories/*.jsonl

Checks: the schema line; every document has an id, a text and a publication date (or null); every record names
a known document, has a PLOVER type (events) or a measure kind, ISO 3166 alpha-3 or IGO codes, a date or period
that the scorer can read, and evidence strings that occur in the document text exactly. Prints one line a problem
and exits with 1 when there is any. Standard library only.
"""

from __future__ import annotations

import calendar
import csv
import json
import re
import sys
from pathlib import Path

TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
MEASURES = {"trade", "exports", "imports", "export_share", "debt_relief", "aid", "investment", "loan", "reserves",
            "export_rank"}
AUX = {None, "future", "hypothetical", "negation"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
HERE = Path(__file__).resolve().parent


def known_codes() -> set[str]:
    data = HERE.parent / "diplograph" / "actors" / "data"
    codes = set()
    with (data / "states.csv").open(encoding="utf-8") as f:
        codes |= {row["code"] for row in csv.DictReader(f)}
    with (data / "organisations.csv").open(encoding="utf-8") as f:
        codes |= {row["code"] for row in csv.DictReader(f)}
    return codes


def date_ok(value: object) -> bool:
    if value is None:
        return True
    if not isinstance(value, str):
        return False
    parts = value.split("/")
    if len(parts) > 2 or not all(DATE.match(p) for p in parts):
        return False
    for p in parts:
        bits = [int(x) for x in p.split("-")]
        if len(bits) >= 2 and not 1 <= bits[1] <= 12:
            return False
        if len(bits) == 3 and not 1 <= bits[2] <= calendar.monthrange(bits[0], bits[1])[1]:
            return False
    return True


def check(path: Path, codes: set[str]) -> list[str]:
    problems: list[str] = []
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    try:
        rows = [json.loads(line) for line in lines]
    except json.JSONDecodeError as e:
        return [f"{path}: not JSON lines: {e}"]
    if not rows or rows[0].get("schema") != "diplograph-gold/1":
        return [f"{path}: the first line must be {{\"schema\": \"diplograph-gold/1\", ...}}"]
    docs: dict[str, str] = {}
    seen_ids: set[tuple[str, str]] = set()
    for n, row in enumerate(rows[1:], 2):
        where = f"{path}:{n}"
        if "doc" in row:
            d = dict(row["doc"])
            if "text" not in d and isinstance(d.get("path"), str):  # a path relative to the gold file
                d["text"] = (path.parent / d["path"]).read_text(encoding="utf-8")
            if not isinstance(d.get("id"), str) or not isinstance(d.get("text"), str) or not d["text"].strip():
                problems.append(f"{where}: a document needs an id and a text")
                continue
            if d["id"] in docs:
                problems.append(f"{where}: document {d['id']} twice")
            if d.get("published") is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", str(d["published"])):
                problems.append(f"{where}: published must be YYYY-MM-DD or null")
            docs[d["id"]] = d["text"]
            continue
        doc_id, kind = row.get("doc_id"), row.get("kind")
        if doc_id not in docs:
            problems.append(f"{where}: doc_id {doc_id!r} is not a document above this line")
            continue
        key = (doc_id, str(row.get("id")))
        if key in seen_ids:
            problems.append(f"{where}: record id {row.get('id')} twice in {doc_id}")
        seen_ids.add(key)
        states = list(row.get("actor") or []) + list(row.get("recipient") or [])
        for c in states:
            if c not in codes:
                problems.append(f"{where}: unknown code {c!r}")
        if kind == "event":
            if row.get("event") not in TYPES:
                problems.append(f"{where}: event {row.get('event')!r} is not a PLOVER type")
            for a in row.get("accept", []):
                if a not in TYPES:
                    problems.append(f"{where}: accept {a!r} is not a PLOVER type")
            if row.get("aux") not in AUX:
                problems.append(f"{where}: aux {row.get('aux')!r}")
            if not date_ok(row.get("date")):
                problems.append(f"{where}: date {row.get('date')!r} is not YYYY[-MM[-DD]][/...]")
        elif kind == "measure":
            if row.get("measure") not in MEASURES:
                problems.append(f"{where}: measure {row.get('measure')!r}")
            if not isinstance(row.get("value"), (int, float)) or not row.get("unit"):
                problems.append(f"{where}: a measure needs a numeric value and a unit")
            if not date_ok(row.get("period")):
                problems.append(f"{where}: period {row.get('period')!r}")
        else:
            problems.append(f"{where}: kind must be event or measure")
        evidence = row.get("evidence")
        if not isinstance(evidence, list) or not evidence:
            problems.append(f"{where}: evidence must be a non-empty list of strings")
            continue
        for ev in evidence:
            if not isinstance(ev, str) or ev not in docs[doc_id]:
                problems.append(f"{where}: evidence not found verbatim in {doc_id}: {str(ev)[:80]!r}")
    return problems


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    codes = known_codes()
    problems = [p for arg in argv for p in check(Path(arg), codes)]
    for p in problems:
        print(p)
    print(f"{len(problems)} problem(s) in {len(argv)} file(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
