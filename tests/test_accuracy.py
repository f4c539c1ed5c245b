"""Accuracy floors, measured the way ../shared/eval/score.py measures them (via `diplograph.evaluate`, which
tests/test_evaluate.py checks against score.py itself), at the default confidence threshold that `extract` applies.

The floors are those of issue 4 and the numbers this version reaches (docs/extraction.md), a little below them, so
that a change which loses accuracy fails here. voa-dev is scored on the stories held out from rule writing and
training (training/split.json). The shared gold is beside the checkout in CI: when it is missing, these tests fail
rather than vanish.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.evaluate import evaluate

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "eval" / "gold"
SPLIT = ROOT / "training" / "split.json"


@pytest.fixture(scope="module", autouse=True)
def gold_is_there() -> None:
    assert GOLD.exists(), f"{GOLD} is missing: the accuracy tests need ../shared beside the checkout"


def score(report, key: str, what: str = "f1") -> float:  # type: ignore[no-untyped-def]
    return report.to_dict()[key][what]


def test_seed_events_and_measures() -> None:
    report = evaluate(GOLD / "seed.jsonl")
    assert report.to_dict()["bad_evidence"] == 0
    assert score(report, "event.full") >= 0.95
    assert score(report, "measure.full") >= 0.95


def test_an_agreement_the_parser_made_a_subject_keeps_its_states() -> None:
    """Regression: in the seed's long list ("... agreements with Russian Far East authorities to lease land to
    North Korean farmers ...") the parser makes 'agreements' the subject of a later verb; only a harm told as a
    subject ('the attack on X drew condemnation') names no doer, an agreement keeps the states of its sentence."""
    import json

    import diplograph

    seed = ROOT.parent / "shared" / "seed" / "north-korea-new-diplomacy.txt"
    gold = [json.loads(line) for line in (GOLD / "seed.jsonl").open(encoding="utf-8")]
    published = next(r["doc"].get("published") for r in gold if "doc" in r)
    found = diplograph.extract(seed.read_text(encoding="utf-8"), published=published).events
    leases = [e for e in found if any("Russian Far East authorities" in ev.text for ev in e.evidence)]
    assert [(e.event, e.actor) for e in leases] == [("AGREE", ("RUS",))]


def test_plover_dev_types_and_dyads() -> None:
    report = evaluate(GOLD / "plover-dev.jsonl")
    assert score(report, "event.type") >= 0.70
    assert score(report, "event.dyad") >= 0.74


def test_voa_dev_held_out_stories() -> None:
    report = evaluate(GOLD / "voa-dev.jsonl", split=SPLIT)
    assert report.documents == 20
    # 0.491 at the start of the twelfth session, 0.473 at its end (26 of 55 records; two more false records while
    # the written stories gained 39 right ones and lost 13 false ones): docs/extraction.md, "Twelfth session".
    # 0.455 (25 of 55) in the fourteenth: with officials named alone resolved (officials.csv), one right record
    # fell from 0.471 to 0.449 and one false one rose from 0.399 to 0.451, across the 0.45 threshold
    assert score(report, "event.full", "precision") >= 0.45
    assert score(report, "event.full") >= 0.32
    assert score(report, "event.dyad") >= 0.38


def test_voa_dev_measures_are_precise() -> None:
    report = evaluate(GOLD / "voa-dev.jsonl")
    assert score(report, "measure.full", "precision") >= 0.75
