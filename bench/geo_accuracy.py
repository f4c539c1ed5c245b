"""Locations and incident linking scored on the written corpora of bench/data/geo (development and held-out).

    .venv/bin/python bench/geo_accuracy.py [--json out.json]

Prints one table: for places, the share of sentences naming a place whose country / place is right (over every
such sentence, and over those where an event was extracted), and the share of place-less sentences left without
one; for incidents, precision / recall / F1 of the pairs of documents that report one incident. The scorers are
diplograph.geo.evaluate's (also `diplograph evaluate-places` / `evaluate-incidents`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from diplograph.geo.evaluate import score_incidents, score_locations  # noqa: E402

DATA = REPO / "bench" / "data" / "geo"


def _numbered(n: int) -> tuple[Path, Path, Path]:
    """The files of the n-th written set: places gold, incident stories, incidents gold."""
    return DATA / f"places-gold-{n}.jsonl", DATA / f"incident-stories-{n}.jsonl", DATA / f"incidents-gold-{n}.jsonl"


# set: (places gold, incident stories, incidents gold)
SETS = {"development": (DATA / "places-gold.jsonl", DATA / "incident-stories.jsonl", DATA / "incidents-gold.jsonl"),
        "held-out": (DATA / "heldout" / "places-gold.jsonl", DATA / "heldout" / "incident-stories.jsonl",
                     DATA / "heldout" / "incidents-gold.jsonl"),
        # the fourth development set (written 2026-12-04 by a helper, scored before any change it led to)
        "development 4": _numbered(4),
        # the fifth (written 2026-12-04 by a helper of the fifteenth session, scored before any change it led to)
        "development 5": _numbered(5),
        # the sixth (written 2026-12-05 by a helper of the sixteenth session, scored before any change it led to)
        "development 6": _numbered(6),
        # the seventh (written 2026-12-05 by another helper of the sixteenth session): held out, never read
        "held-out 7": _numbered(7),
        # the ninth (written 2026-12-05 by a helper of the twentieth session, scored before any change it led to)
        "development 9": _numbered(9),
        # the tenth (written 2026-12-05 by another helper of the twentieth session, scored before any change it led
        # to)
        "development 10": _numbered(10),
        # the twelfth (written 2026-12-05 by another helper of the twenty-first session, scored before any change it
        # led to)
        "development 12": _numbered(12),
        # the thirteenth (written 2026-12-05 by a helper of the twenty-second session, scored before any change it
        # led to)
        "development 13": _numbered(13),
        # the fourteenth (written 2026-12-05 by a helper of the twenty-third session, scored before any change it
        # led to)
        "development 14": _numbered(14),
        # the fifteenth (written 2026-12-06 by a helper of the twenty-ninth session, scored before any change it led
        # to)
        "development 15": _numbered(15),
        # the sixteenth (written 2026-12-06 by a helper of the thirtieth session, scored before any change it led to)
        "development 16": _numbered(16),
        # the seventeenth (written 2026-12-06 by a helper of the thirty-first session, scored before any change it
        # led to)
        "development 17": _numbered(17),
        # the eighteenth (written 2026-12-06 by a helper of the thirty-second session, scored before any change it
        # led to)
        "development 18": _numbered(18),
        # the twentieth (written 2026-12-06 by another helper of the thirty-second session, typical wire news rather
        # than traps, scored before any change it led to)
        "development 20": _numbered(20),
        # the twenty-first (written 2026-12-06 by a helper of the thirty-third session, typical wire news, scored
        # before any change it led to)
        "development 21": _numbered(21),
        # the twenty-third (written 2026-12-06 by a helper of the thirty-fourth session, typical wire news, scored
        # before any change it led to)
        "development 23": _numbered(23),
        # the twenty-fourth (written 2026-12-06 by another helper of the thirty-fourth session, VOA-like conflict and
        # diplomacy, scored before any change it led to)
        "development 24": _numbered(24),
        # the twenty-fifth (written 2026-12-07 by a helper of the thirty-fifth session, VOA-like conflict and
        # diplomacy with reports that differ in wording and lead, scored before any change it led to)
        "development 25": _numbered(25),
        # the twenty-sixth (written 2026-12-07 by a helper of the thirty-sixth session, VOA-like conflict and
        # diplomacy in smaller places, scored before any change it led to)
        "development 26": _numbered(26),
        # the twenty-seventh (written 2026-12-07 by another helper of the thirty-sixth session, VOA-like conflict and
        # diplomacy, scored before any change it led to)
        "development 27": _numbered(27),
        "development 28": _numbered(28),
        "development 29": _numbered(29),
        "development 30": _numbered(30),
        "development 31": _numbered(31),
        # the thirty-second and thirty-third (written 2026-12-07 by helpers of the thirty-ninth session, scored before
        # any change they led to)
        "development 32": _numbered(32),
        "development 33": _numbered(33),
        # the thirty-fourth (written 2026-12-07 by another helper of the thirty-ninth session, scored before any change
        # it led to)
        "development 34": _numbered(34),
        "development 35": _numbered(35),
        "development 36": _numbered(36),
        "development 37": _numbered(37),
        "development 38": _numbered(38),
        "development 39": _numbered(39),
        "development 40": _numbered(40),
        "development 41": _numbered(41),
        "development 42": _numbered(42),
        "development 43": _numbered(43),
        # the eleventh (written 2026-12-05 by a helper of the twenty-first session): held out, never read
        "held-out 11": _numbered(11),
        # the nineteenth (written 2026-12-06 by a helper of the thirty-second session): held out, never read
        "held-out 19": _numbered(19),
        # the twenty-second (written 2026-12-06 by a helper of the thirty-third session): held out, never read
        "held-out 22": _numbered(22)}
# incidents only: the second and third development corpora (written 2026-12-03, after the first scored 1.000)
INCIDENTS_ONLY = {"development 2": (DATA / "incident-stories-2.jsonl", DATA / "incidents-gold-2.jsonl"),
                  "development 3": (DATA / "incident-stories-3.jsonl", DATA / "incidents-gold-3.jsonl")}
# places only: the eighth development set (written 2026-12-05 by a helper of the nineteenth session, scored before
# any change it led to)
PLACES_ONLY = {"development 8": DATA / "places-gold-8.jsonl"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", type=Path, help="Also write the scores here.")
    args = parser.parse_args()
    results = {}
    for name, (places_gold, stories, incidents_gold) in SETS.items():
        places = score_locations(places_gold).to_dict()
        linked = score_incidents(stories, incidents_gold).to_dict()
        results[name] = {"places": places, "incidents": linked}
    for name, (stories, gold) in INCIDENTS_ONLY.items():
        results[name] = {"incidents": score_incidents(stories, gold).to_dict()}
    for name, places_gold in PLACES_ONLY.items():
        results[name] = {"places": score_locations(places_gold).to_dict()}
    print("| set | place sentences | country right | place right | of those with an event: country / place "
          "| no place right | incident pairs P / R / F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        i = r.get("incidents")
        linked = (f"{i['precision']:.3f} / {i['recall']:.3f} / {i['f1']:.3f} ({i['gold_pairs']} gold pairs)" if i
                  else "-")
        if "places" not in r:
            print(f"| {name} (incidents only) | - | - | - | - | - | {linked} |")
            continue
        p = r["places"]
        print(f"| {name} | {p['located']} | {p['country']:.3f} | {p['place']:.3f} | {p['with_events']}: "
              f"{p['event_country']:.3f} / {p['event_place']:.3f} | {p['no_place']:.3f} of {p['unlocated']} | "
              f"{linked} |")
    print()
    print("| pooled | place sentences with an event | country right | place right | incident pairs P / R |")
    print("|---|---:|---:|---:|---:|")
    for label, pooled in _pooled(results).items():
        results[label] = pooled
        print(f"| {label} | {pooled['with_events']} | {pooled['event_country']:.3f} | {pooled['event_place']:.3f} | "
              f"{pooled['precision']:.3f} / {pooled['recall']:.3f} ({pooled['gold_pairs']} gold pairs) |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


def _pooled(results: dict[str, dict]) -> dict[str, dict]:
    """The development sets together and the held-out sets together (issue 15's 'on your written corpus'): places
    over the sentences naming a place where an event was extracted, incident pairs summed."""
    out = {}
    for label, held in (("all development sets", False), ("all held-out sets", True)):
        chosen = [r for name, r in results.items() if name.startswith("held-out") == held]
        located = [r["places"] for r in chosen if "places" in r]
        events = sum(p["with_events"] for p in located)
        pairs = [r["incidents"] for r in chosen if "incidents" in r]
        gold, predicted, right = (sum(i[k] for i in pairs) for k in ("gold_pairs", "predicted_pairs", "right_pairs"))
        out[label] = {
            "with_events": events,
            # each set's counts back from its rounded shares (three decimals over at most a few hundred sentences)
            "event_country": sum(round(p["event_country"] * p["with_events"]) for p in located) / events if events
            else 0.0,
            "event_place": sum(round(p["event_place"] * p["with_events"]) for p in located) / events if events
            else 0.0,
            "gold_pairs": gold, "precision": right / predicted if predicted else 0.0,
            "recall": right / gold if gold else 0.0,
        }  # fmt: skip
    return out


if __name__ == "__main__":
    main()
