"""Types of single sentences: the written probe sets of bench/data/probes, each sentence labelled with one PLOVER type.

    .venv/bin/python bench/probe_types.py [SET.tsv ...] [--json out.json]

Each sentence is extracted as a document of its own (published 2025-06-01) at the default thresholds; its first
record's type is compared with the label. Prints, per set: types right of all, sentences with no record, those
right whose first record also names a labelled state on each labelled side, and the macro-F1 of the types (no
record counts as a wrong type). The sets are described in bench/data/probes/README.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

PROBES = REPO / "bench" / "data" / "probes"
PUBLISHED = "2025-06-01"


def _sides(value: str) -> set[str]:
    return set(value.split(";")) - {"-", ""}


def score(path: Path, extractor) -> dict[str, object]:  # type: ignore[no-untyped-def]
    from diplograph import confidence
    from diplograph.model import Document
    from diplograph.ontology import EVENT_TYPES

    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    documents = [Document(id=f"p{i}", text=r["sentence"], published=PUBLISHED) for i, r in enumerate(rows)]
    right = none = states = 0
    tp = dict.fromkeys(EVENT_TYPES, 0)
    fp, fn = dict(tp), dict(tp)
    for row, extraction in zip(rows, extractor.extract_documents(documents), strict=True):
        kept = list(filter(confidence.shown_by(extraction, None), extraction.events))
        label = row["type"].strip()
        guess = kept[0].event if kept else "NONE"
        none += not kept
        if guess == label:
            right += 1
            tp[label] += 1
            actor, recipient = _sides(row["actor"]), _sides(row["recipient"])
            first = kept[0]
            states += (not actor or bool(actor & set(first.actor))) and (
                not recipient or bool(recipient & set(first.recipient)))
        else:
            fn[label] += 1
            if guess in fp:
                fp[guess] += 1
    f1s = []
    for t in EVENT_TYPES:
        p = tp[t] / (tp[t] + fp[t]) if tp[t] + fp[t] else 0.0
        r = tp[t] / (tp[t] + fn[t]) if tp[t] + fn[t] else 0.0
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    return {"sentences": len(rows), "right": right, "no_record": none, "right_with_states": states,
            "macro_f1": round(sum(f1s) / len(f1s), 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="*", type=Path, help="probe files (default: every set in bench/data/probes)")
    parser.add_argument("--json", type=Path, help="Also write the scores here.")
    args = parser.parse_args()
    from diplograph.pipeline import default_extractor

    extractor = default_extractor()
    results = {p.name: score(p, extractor) for p in (args.sets or sorted(PROBES.glob("set*.tsv")))}
    print("| set | types right | no record | right with states | macro-F1 |")
    print("|---|---:|---:|---:|---:|")
    for name, r in results.items():
        print(f"| {name} | {r['right']} of {r['sentences']} | {r['no_record']} | {r['right_with_states']} | "
              f"{r['macro_f1']:.3f} |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
