"""diplograph.evaluate gives the numbers (and the text report) of the reference scorer, shared/eval/score.py."""

from __future__ import annotations

import copy
import importlib.util
import json
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplograph.errors import InputError
from diplograph.evaluate import date_agrees, evaluate, load_gold, score
from diplograph.model import Event, Evidence

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SCORER = SHARED / "eval" / "score.py"
GOLD_FILES = [SHARED / "eval" / "gold" / "seed.jsonl", SHARED / "eval" / "gold" / "plover-dev.jsonl"]

if not SCORER.exists():
    pytest.skip(f"the shared evaluation data is not beside the repository ({SHARED})", allow_module_level=True)

Record = dict[str, Any]


def read_gold(path: Path) -> tuple[dict[str, str], list[Record]]:
    """The document texts and gold records of a gold file, read independently of diplograph."""
    texts: dict[str, str] = {}
    records: list[Record] = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        row = json.loads(line)
        if isinstance(row.get("doc"), dict):
            doc = row["doc"]
            texts[doc["id"]] = doc["text"] if "text" in doc else (path.parent / doc["path"]).read_text("utf-8")
        else:
            records.append(row)
    return texts, records


def as_prediction(gold: Record, text: str) -> Record:
    """The contract record a perfect extractor would print for a gold record."""
    start = text.find(gold["evidence"][0])
    evidence = [{"start": start, "end": start + len(gold["evidence"][0]), "text": gold["evidence"][0]}]
    pred: Record = {"doc": gold["doc_id"], "kind": gold["kind"], "actor": gold["actor"], "recipient": gold["recipient"]}
    if gold["kind"] == "measure":
        pred.update(measure=gold["measure"], period=gold.get("period"), value=gold["value"], unit=gold["unit"])
    else:
        pred.update(event=gold["event"], date=gold.get("date"), mode=gold.get("mode"), aux=gold.get("aux"))
    return {**pred, "evidence": evidence}


def perfect(texts: dict[str, str], golds: list[Record]) -> list[Record]:
    return [as_prediction(g, texts[g["doc_id"]]) for g in golds]


def shifted(texts: dict[str, str], golds: list[Record], by: int = 7) -> list[Record]:
    """Spans moved right, their text kept true (some still overlap); every third one with a stale text."""
    out = []
    for n, pred in enumerate(perfect(texts, golds)):
        text, ev = texts[pred["doc"]], pred["evidence"][0]
        start, end = ev["start"] + by, min(ev["end"] + by, len(texts[pred["doc"]]))
        quote = ev["text"] if n % 3 == 0 else text[start:end]
        out.append({**pred, "evidence": [{"start": start, "end": end, "text": quote}]})
    return out


TYPES = ["AGREE", "CONSULT", "ASSAULT", "REJECT", "AID", "SANCTION"]


def wrong_types(texts: dict[str, str], golds: list[Record]) -> list[Record]:
    out = []
    for n, pred in enumerate(perfect(texts, golds)):
        if pred["kind"] == "event":
            pred["event"] = TYPES[n % len(TYPES)]
        else:
            pred["measure"] = "trade" if pred["measure"] != "trade" else "exports"
        out.append(pred)
    return out


def duplicates(texts: dict[str, str], golds: list[Record]) -> list[Record]:
    preds = perfect(texts, golds)
    return preds + [copy.deepcopy(p) for p in preds[::2]]


def swapped_and_dated(texts: dict[str, str], golds: list[Record]) -> list[Record]:
    """Actor and recipient swapped on odd records; dates widened or moved on even ones; units and values off."""
    out = []
    for n, pred in enumerate(perfect(texts, golds)):
        if n % 2:
            pred["actor"], pred["recipient"] = pred["recipient"], pred["actor"]
        elif pred["kind"] == "event" and pred.get("date"):
            pred["date"] = ["2010/2015", str(pred["date"])[:4], "2001-02-03", None, "bad"][n % 5]
        if pred["kind"] == "measure":
            pred["value"] = pred["value"] * [1.0, 1.005, 1.02][n % 3]
            pred["unit"] = pred["unit"] if n % 4 else "EUR"
        out.append(pred)
    return out


def odd_shapes(texts: dict[str, str], golds: list[Record]) -> list[Record]:
    """Evidence as one object or without text, out-of-range spans, unknown documents and kinds."""
    out = []
    for n, pred in enumerate(perfect(texts, golds)):
        ev = pred["evidence"][0]
        variants = [
            {**pred, "evidence": ev},
            {**pred, "evidence": [{"start": ev["start"], "end": ev["end"]}]},
            {**pred, "evidence": [{"start": -1, "end": 5}]},
            {**pred, "evidence": []},
            {**pred, "doc": "no-such-document"},
            {**pred, "kind": "mention"},
            {**pred, "actor": [{"code": c} for c in pred["actor"]]},
        ]
        out.append(variants[n % len(variants)])
    return out


def empty(texts: dict[str, str], golds: list[Record]) -> list[Record]:
    return []


BUILDERS: list[Callable[[dict[str, str], list[Record]], list[Record]]] = [
    perfect, shifted, wrong_types, duplicates, swapped_and_dated, odd_shapes, empty,
]  # fmt: skip


def write_jsonl(path: Path, records: list[Record]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def reference(*args: str | Path) -> str:
    done = subprocess.run([sys.executable, str(SCORER), *map(str, args)], capture_output=True, text=True, check=True)
    return done.stdout


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("build", BUILDERS, ids=lambda f: f.__name__)
def test_numbers_equal_the_reference_scorer(
    tmp_path: Path, gold_path: Path, build: Callable[..., list[Record]]
) -> None:
    texts, golds = read_gold(gold_path)
    pred_path = write_jsonl(tmp_path / "pred.jsonl", build(texts, golds))

    report = evaluate(gold_path, predictions=pred_path)

    assert report.to_dict() == json.loads(reference(gold_path, pred_path, "--json"))
    assert report.render(show_errors=True) + "\n" == reference(gold_path, pred_path, "--show-errors")


def test_perfect_predictions_score_one(tmp_path: Path) -> None:
    texts, golds = read_gold(GOLD_FILES[0])
    report = evaluate(GOLD_FILES[0], predictions=perfect(texts, golds))
    scores = report.to_dict()
    for key in ("event.dyad", "event.type", "event.full", "measure.full"):
        assert scores[key]["f1"] == 1.0, key
        assert scores[key]["fp"] == scores[key]["fn"] == 0
    assert report.bad_evidence == 0


def test_model_records_are_scored_like_their_dicts() -> None:
    text = (SHARED / "seed" / "north-korea-new-diplomacy.txt").read_text(encoding="utf-8")
    quote = "Kim Jong-un will visit Moscow for the May 9 Victory Day celebrations"
    start = text.index(quote)
    event = Event(
        doc="north-korea-new-diplomacy", event="AGREE", actor=("PRK",), recipient=("RUS",),
        evidence=(Evidence(start, start + len(quote), quote),), date="2015-05-09",
    )  # fmt: skip
    from_objects = evaluate(GOLD_FILES[0], predictions=[event]).to_dict()
    from_dicts = evaluate(GOLD_FILES[0], predictions=[event.to_dict()]).to_dict()
    assert from_objects == from_dicts
    assert from_objects["event.full"]["tp"] == 1


@pytest.mark.parametrize(
    ("pred", "gold", "ok"),
    [
        ("2014-05", "2014", True),
        ("2014", "2014-05", True),  # a year is never too wide
        ("2013/2015", "2014-05", False),
        ("2016-02", "2016-02-29", True),
        ("2014-13", "2014", False),
        (None, "2014", False),
        ("2001", None, True),
    ],
)
def test_date_rule(pred: str | None, gold: str | None, ok: bool) -> None:
    assert date_agrees(pred, gold) is ok


def test_bad_gold_files_name_the_file_and_problem(tmp_path: Path) -> None:
    no_schema = write_jsonl(tmp_path / "g.jsonl", [{"name": "x"}])
    with pytest.raises(InputError, match="schema diplograph-gold/1"):
        load_gold(no_schema)
    missing = write_jsonl(
        tmp_path / "h.jsonl",
        [{"schema": "diplograph-gold/1"}, {"doc": {"id": "d", "text": "Russia met China."}},
         {"doc_id": "d", "id": "E1", "kind": "event", "event": "CONSULT", "actor": ["RUS"], "recipient": ["CHN"],
          "evidence": ["not in the text"]}],
    )  # fmt: skip
    with pytest.raises(InputError, match=r"h\.jsonl:3.*not in the text"):
        load_gold(missing)
    (tmp_path / "bad.jsonl").write_text('{"schema": "diplograph-gold/1"}\n{oops\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:2: not JSON"):
        load_gold(tmp_path / "bad.jsonl")


def _load_reference() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reference_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REFERENCE = _load_reference()
SEED_TEXTS, SEED_GOLD = read_gold(GOLD_FILES[0])


@st.composite
def noisy_predictions(draw: st.DrawFn) -> list[Record]:
    """Perfect predictions, some dropped, repeated, or with one field broken."""
    rng = random.Random(draw(st.integers(0, 2**32)))
    out = []
    for pred in perfect(SEED_TEXTS, SEED_GOLD):
        for _ in range(rng.choice([0, 1, 1, 1, 2])):
            out.append(_perturb(copy.deepcopy(pred), rng))
    rng.shuffle(out)
    return out


def _perturb(pred: Record, rng: random.Random) -> Record:
    what = rng.choice(["none", "none", "swap", "type", "date", "value", "span", "actor"])
    if what == "swap":
        pred["actor"], pred["recipient"] = pred["recipient"], pred["actor"]
    elif what == "type":
        pred["event" if pred["kind"] == "event" else "measure"] = rng.choice([*TYPES, "trade", "exports"])
    elif what == "date":
        pred["date" if pred["kind"] == "event" else "period"] = rng.choice(["2014", "2015-05", "2013/2015", None])
    elif what == "value":
        pred["value"] = rng.choice([0.0, 90.0, 6.4e9, 1e7])
    elif what == "span":
        ev = pred["evidence"][0]
        pred["evidence"] = [{"start": ev["start"] + rng.randint(-60, 60), "end": ev["end"] + rng.randint(-60, 60)}]
    elif what == "actor":
        pred["actor"] = rng.choice([["CHN"], ["RUS"], ["PRK", "RUS"], []])
    return pred


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(noisy_predictions())
def test_noisy_predictions_score_as_the_reference(preds: list[Record]) -> None:
    docs, gold = REFERENCE.load_gold(GOLD_FILES[0])
    expected = REFERENCE.score(docs, gold, copy.deepcopy(preds))
    expected.pop("errors")
    assert score(load_gold(GOLD_FILES[0]), preds).to_dict() == expected
