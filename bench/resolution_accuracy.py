"""Resolution accuracy over the test tables (tests/data/resolution/*.jsonl) and, when present, the seed list.

    .venv/bin/python bench/resolution_accuracy.py            # a table of numbers
    .venv/bin/python bench/resolution_accuracy.py --json     # the same as JSON
    .venv/bin/python bench/resolution_accuracy.py --errors   # and every miss / wrong / spurious finding

States: a gold state mention counts as found when resolution reports a state mention with the same span and
code (precision over every state mention reported; people count as their state). Dates: correct when span, value
and granularity agree. Quantities: correct when span, value (to 1e-6), unit, per, qualifier, direction and high
bound agree. Accuracy is correct / gold; precision is correct / reported.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from resolution_tables import TABLES, compare, load  # noqa: E402

import diplograph  # noqa: E402


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 1.0


def score(cases: dict[str, list[dict[str, Any]]], *, show_errors: bool = False) -> dict[str, Any]:
    totals = {
        t: {
            "gold": 0,
            "pred": 0,
            "correct": 0,
            "gold_state": 0,
            "pred_state": 0,
            "correct_state": 0,
            "cases": 0,
            "cases_ok": 0,
        }
        for t in cases
    }
    for table, rows in cases.items():
        for case in rows:
            extraction = diplograph.extract(case["text"], published=case.get("published"))
            errors, counts = compare(table, case, extraction)
            for k, v in counts.items():
                totals[table][k] += v
            totals[table]["cases"] += 1
            totals[table]["cases_ok"] += not errors
            if show_errors and errors:
                print(f"[{table}] {case['id']}: " + " | ".join(errors), file=sys.stderr)
    out: dict[str, Any] = {"cases": {t: totals[t]["cases"] for t in totals}}
    if "actors" in totals:
        a = totals["actors"]
        p, r = _ratio(a["correct_state"], a["pred_state"]), _ratio(a["correct_state"], a["gold_state"])
        out["states"] = {
            "precision": p,
            "recall": r,
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "gold": a["gold_state"],
            "reported": a["pred_state"],
            "correct": a["correct_state"],
            "mentions_fully_correct": _ratio(a["correct"], a["gold"]),
        }
    for table, key in (("dates", "dates"), ("quantities", "quantities")):
        if table in totals:
            t = totals[table]
            out[key] = {
                "accuracy": _ratio(t["correct"], t["gold"]),
                "precision": _ratio(t["correct"], t["pred"]),
                "gold": t["gold"],
                "reported": t["pred"],
                "correct": t["correct"],
            }
    out["cases_passing"] = {t: f"{totals[t]['cases_ok']}/{totals[t]['cases']}" for t in totals}
    return out


def seed_cases() -> dict[str, list[dict[str, Any]]] | None:
    try:
        import test_seed_resolution as seed
    except ImportError:
        return None
    if not seed.SEED.exists():
        return None
    text = seed.SEED.read_text(encoding="utf-8")
    return {t: [seed._case(t, text)] for t in ("actors", "dates", "quantities")}


def render(name: str, result: dict[str, Any]) -> str:
    lines = [f"{name}: cases {result['cases']} (passing {result['cases_passing']})"]
    if "states" in result:
        s = result["states"]
        lines.append(
            f"  states      precision {s['precision']:.3f}  recall {s['recall']:.3f}  f1 {s['f1']:.3f}"
            f"  (gold {s['gold']}, reported {s['reported']}, correct {s['correct']};"
            f" all details right {s['mentions_fully_correct']:.3f})"
        )
    for key in ("dates", "quantities"):
        if key in result:
            d = result[key]
            lines.append(
                f"  {key:<11} accuracy {d['accuracy']:.3f}  precision {d['precision']:.3f}"
                f"  (gold {d['gold']}, reported {d['reported']}, correct {d['correct']})"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--errors", action="store_true", help="list the errors on stderr")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    results = {"tables": score({t: load(t) for t in TABLES}, show_errors=args.errors)}
    seed = seed_cases()
    if seed is not None:
        results["seed"] = score(seed, show_errors=args.errors)
    results["seconds"] = round(time.perf_counter() - began, 2)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for name in ("tables", "seed"):
            if name in results:
                print(render(name, results[name]))
        print(f"({results['seconds']} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
