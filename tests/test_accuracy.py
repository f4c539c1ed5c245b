"""Accuracy targets of issue 4, measured the way ../shared/eval/score.py measures them (via `diplograph.evaluate`,
which tests/test_evaluate.py checks against score.py itself)."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.evaluate import evaluate

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "gold"

pytestmark = pytest.mark.skipif(not GOLD.exists(), reason="../shared/eval/gold is not beside the checkout")


def f1(report, key: str) -> float:  # type: ignore[no-untyped-def]
    return report.to_dict()[key]["f1"]


def test_seed_events_and_measures() -> None:
    report = evaluate(GOLD / "seed.jsonl")
    assert report.to_dict()["bad_evidence"] == 0
    assert f1(report, "event.full") >= 0.85
    assert f1(report, "measure.full") >= 0.85


def test_plover_dev_types_and_dyads() -> None:
    report = evaluate(GOLD / "plover-dev.jsonl")
    assert f1(report, "event.type") >= 0.60
    assert f1(report, "event.dyad") >= 0.70
