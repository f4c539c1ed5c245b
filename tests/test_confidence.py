"""Confidence: the model, its thresholds, and every reader that applies them (library, store, CLI, analytics,
briefs, exports); the lexicon checked against the ontology; training on a small manifest.

The store holds the seed article and the first stories of the news corpus, extracted by the real extractor and
model: the seed's facts are all confident, news stories always leave some candidates below the threshold. The API
side is in test_api.py.
"""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from diplograph import analytics
from diplograph.cli import app
from diplograph.confidence import (
    Calibration,
    ConfidenceModel,
    LinearModel,
    Tree,
    TreeModel,
    check_threshold,
    default_model,
    default_threshold,
    is_domestic,
    lead_ids,
    load,
    one_sentence,
    packaged_path,
    passes,
)
from diplograph.errors import ConfigError
from diplograph.ingest.sources import read_sources
from diplograph.model import Document, Event, Evidence, Extraction
from diplograph.pipeline import default_extractor
from diplograph.query import incidents as query_incidents
from diplograph.report import brief
from diplograph.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "north-korea-new-diplomacy.txt"
NEWS = SHARED / "corpus" / "voa-stories.jsonl"
NEWS_STORIES = 8
SENTENCES = ROOT / "training" / "stories" / "sent-h.jsonl"
runner = CliRunner()


def invoke(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Any:
    return runner.invoke(app, list(args), input=input, env=env)


@pytest.fixture(scope="module")
def seed_extraction() -> Extraction:
    doc = Document(id="seed", text=SEED.read_text(encoding="utf-8"), published="2015-04-30")
    return next(default_extractor().extract_documents([doc]))


@pytest.fixture(scope="module")
def news_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("news") / "news.jsonl"
    lines = NEWS.read_text(encoding="utf-8").splitlines()[:NEWS_STORIES]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory, seed_extraction: Extraction, news_file: Path) -> Path:
    path = tmp_path_factory.mktemp("confidence") / "seed.duckdb"
    stories = [d for d in read_sources([news_file]) if isinstance(d, Document)]
    assert len(stories) == NEWS_STORIES
    with Store.open(path) as store:
        store.add([seed_extraction, *default_extractor().extract_documents(stories)])
    return path


# --- the model -------------------------------------------------------------------------------------------------------


def test_every_record_carries_a_probability(seed_extraction: Extraction) -> None:
    assert seed_extraction.records
    for record in seed_extraction.records:
        assert record.confidence is not None and 0.0 <= record.confidence <= 1.0
        assert seed_extraction.features[record.id], record  # what the model saw, for training and explanation


def test_the_model_sees_what_kind_of_document_an_event_came_from(seed_extraction: Extraction) -> None:
    # a lone undated sentence (a wire lead, a coded sentence set) states its event plainly; a long story buries
    # most candidates in background
    lead = Document(id="lead", text="Chile granted asylum to two Bolivian officers.", published=None)
    [lone] = default_extractor().extract_documents([lead])
    [event] = lone.events
    features = lone.features[event.id]
    assert features.get("doc_sentences=<=1") == 1.0 and features.get("undated_document") == 1.0
    long_story = {name for record in seed_extraction.events for name in seed_extraction.features[record.id]}
    assert "doc_sentences=>25" in long_story and "undated_document" not in long_story


def test_the_packaged_model_has_thresholds_for_both_kinds() -> None:
    model = default_model()
    assert 0 < model.threshold < 1 and model.measure_threshold is not None and 0 < model.measure_threshold < 1
    assert default_threshold("event") == model.threshold
    assert default_threshold("measure") == model.measure_threshold
    assert model.info["held_out_scores"]["voa-dev.jsonl"]["event.full"]["precision"] > 0  # it was measured


def test_calibration_is_monotone_and_clipped() -> None:
    cal = Calibration((0.1, 0.5, 0.9), (0.0, 0.4, 0.8))
    assert [cal(x) for x in (0.0, 0.1, 0.3, 0.5, 0.9, 1.0)] == [0.0, 0.0, pytest.approx(0.2), 0.4, 0.8, 0.8]
    model = LinearModel({"a": 2.0}, -1.0, cal)
    assert model.probability({"a": 1.0}) >= model.probability({})


def test_a_model_round_trips_and_bad_files_are_clear_errors(tmp_path: Path) -> None:
    model = ConfidenceModel(LinearModel({"type=AID": 0.5}, -0.2), None, 0.4, {"note": "test"}, 0.6, 0.3)
    path = tmp_path / "model.json"
    model.save(path)
    back = load(path)
    assert back == model and back.threshold_for("measure") == 0.6 and back.threshold_for("event") == 0.4
    assert back.threshold_for("event", one_sentence=True) == 0.3 and back.threshold_for("measure", True) == 0.6
    older = {k: v for k, v in model.to_dict().items() if k != "sentence_threshold"}  # a model of before
    (tmp_path / "older.json").write_text(json.dumps(older), encoding="utf-8")
    assert load(tmp_path / "older.json").threshold_for("event", one_sentence=True) == 0.4
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(ConfigError, match="bad.json: not a confidence model"):
        load(tmp_path / "bad.json")
    (tmp_path / "old.json").write_text(json.dumps({**model.to_dict(), "version": 99}), encoding="utf-8")
    with pytest.raises(ConfigError, match="version 99"):
        load(tmp_path / "old.json")
    with pytest.raises(ConfigError, match="cannot read"):
        load(tmp_path / "missing.json")


def _stump(feature: str, low: float, high: float) -> Tree:
    """A tree of one split: records without `feature` (or with it at most 0.5) get `low`, the others `high`."""
    return Tree((feature, None, None), (0.5, 0.0, 0.0), (1, -1, -1), (2, -1, -1), (0.0, low, high))


def test_a_tree_model_sums_its_trees_and_round_trips(tmp_path: Path) -> None:
    trees = TreeModel((_stump("type=AID", -1.0, 2.0), _stump("in_quote", 0.5, -3.0)), bias=0.2, rate=0.5)
    # log-odds 0.2 + 0.5 * (tree values): an AID event outside quotes scores higher than one inside them
    aid = trees.score({"type=AID": 1.0})
    assert aid == pytest.approx(1 / (1 + math.exp(-(0.2 + 0.5 * (2.0 + 0.5)))))
    assert trees.score({"type=AID": 1.0, "in_quote": 1.0}) < aid
    assert trees.score({}) == pytest.approx(1 / (1 + math.exp(-(0.2 + 0.5 * (-1.0 + 0.5)))))
    model = ConfidenceModel(trees, LinearModel({"change": 1.0}, 0.1), 0.5, {"note": "trees"}, 0.6)
    path = tmp_path / "trees.json"
    model.save(path)
    back = load(path)
    assert back == model and back.event_confidence({"type=AID": 1.0}) == trees.probability({"type=AID": 1.0})
    looped = model.to_dict()
    looped["event"]["trees"][0]["left"][0] = 0  # the root's left child is itself: a walk that never ends
    (tmp_path / "looped.json").write_text(json.dumps(looped), encoding="utf-8")
    with pytest.raises(ConfigError, match="looped.json: not a confidence model: a tree's node points"):
        load(tmp_path / "looped.json")
    unknown = {**model.to_dict(), "event": {**model.to_dict()["event"], "kind": "forest"}}
    (tmp_path / "unknown.json").write_text(json.dumps(unknown), encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown.json: not a confidence model: unknown model kind 'forest'"):
        load(tmp_path / "unknown.json")


def test_the_copied_trees_give_scikit_learns_probabilities() -> None:
    pytest.importorskip("sklearn")
    import numpy as np
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.feature_extraction import DictVectorizer

    from diplograph.confidence import train as training
    from diplograph.evaluate import load_gold

    gold = load_gold(SHARED / "eval" / "gold" / "plover-dev.jsonl")
    source = training.TrainingSource(Path("plover-dev.jsonl"), gold)
    cands = [k for k in training.collect([source]) if k.kind == "event"]
    assert len({k.label for k in cands}) == 2
    copied = training.fit_trees(cands, (40, 3))
    assert isinstance(copied, TreeModel) and len(copied.trees) == 40 * training.TREE_BAG
    vec = DictVectorizer()
    x = vec.fit_transform([k.features for k in cands])
    log_odds = []  # the bag's models, one a seed: the copy is their average log-odds
    for seed in range(training.TREE_SEED, training.TREE_SEED + training.TREE_BAG):
        fitted = GradientBoostingClassifier(n_estimators=40, max_depth=3, learning_rate=training.TREE_RATE,
                                            subsample=training.TREE_SUBSAMPLE, random_state=seed)
        fitted.fit(x, [k.label for k in cands], sample_weight=[k.weight for k in cands])
        log_odds.append(fitted.decision_function(x))
    expected = 1 / (1 + np.exp(-np.mean(log_odds, axis=0)))
    assert np.allclose([copied.score(k.features) for k in cands], expected, atol=1e-9)
    # the training report's ranking measure agrees with scikit-learn's
    from sklearn.metrics import roc_auc_score

    for k, p in zip(cands, expected, strict=True):
        k.confidence = round(float(p), 2)  # rounded, so that there are ties
    assert training.ranking_auc(cands) == pytest.approx(
        roc_auc_score([k.label for k in cands], [k.confidence for k in cands]), abs=1e-4)


def test_the_ranking_measure_counts_ties_as_half() -> None:
    from diplograph.confidence.train import Candidate, ranking_auc

    def cand(confidence: float, label: int) -> Candidate:
        return Candidate("s", "d", "event", {}, label, {}, confidence=confidence)

    # right ones at 0.4 and 0.8, wrong ones at 0.1 and 0.4: 0.4 beats 0.1, ties 0.4, 0.8 beats both: 3.5 of 4
    assert ranking_auc([cand(0.1, 0), cand(0.4, 1), cand(0.4, 0), cand(0.8, 1)]) == 0.875
    assert ranking_auc([cand(0.3, 1), cand(0.6, 1)]) is None  # no wrong candidate: nothing to rank


def test_a_threshold_is_chosen_where_its_neighbours_do_well_too() -> None:
    from diplograph.confidence.train import steadiest

    # a lone peak at 0.4 beside a cliff loses to a plateau around 0.7; ties go to the higher option
    curve = {0.2: 0.30, 0.3: 0.30, 0.4: 0.62, 0.5: 0.20, 0.6: 0.55, 0.7: 0.56, 0.8: 0.55, 0.9: 0.40}
    assert steadiest(curve.__getitem__, sorted(curve), window=1) == 0.7
    assert steadiest(curve.__getitem__, sorted(curve), window=0) == 0.4
    # one on each side sees 0.5 (next to 0.6, the best point); two see the cliff at 0.7 and prefer 0.4
    wide = {0.1: 0.1, 0.2: 0.5, 0.3: 0.5, 0.4: 0.5, 0.5: 0.52, 0.6: 0.53, 0.7: 0.2, 0.8: 0.1}
    assert steadiest(wide.__getitem__, sorted(wide), window=1) == 0.5
    assert steadiest(wide.__getitem__, sorted(wide), window=2) == 0.4
    assert steadiest(lambda t: 0.5, [0.1, 0.2, 0.3]) == 0.3
    assert steadiest(lambda t: t, [0.5]) == 0.5


def test_thresholds_are_checked() -> None:
    assert check_threshold("0.25") == 0.25
    for bad in ("-0.1", "1.5", "nan", "high", None):
        with pytest.raises(ConfigError, match="from 0 to 1"):
            check_threshold(bad)


def test_an_unscored_record_passes_any_threshold() -> None:
    imported = Event(doc="d", event="AID", actor=("RUS",), recipient=("PRK",), evidence=(Evidence(0, 1, "x"),))
    assert imported.confidence is None and passes(imported, 0.99)
    assert passes({"kind": "measure", "confidence": None}, 1.0)
    assert not passes({"kind": "event", "confidence": 0.2}, 0.5)


# --- readers ---------------------------------------------------------------------------------------------------------


def test_the_store_keeps_every_candidate_and_readers_apply_the_threshold(seed_db: Path) -> None:
    with Store.open(seed_db, read_only=True) as store:
        every = store.events(min_confidence=0)
        shown = store.events()
        assert len(shown) < len(every)
        assert all(e.confidence is not None and e.confidence >= default_threshold() for e in shown)
        assert {e.id for e in shown} == {e.id for e in every if passes(e, None)}  # (domestic ones: their own)
        measures = store.measures(min_confidence=0)
        assert all(m.confidence is not None for m in measures)
        assert len(store.measures(min_confidence=1.0)) == sum(m.confidence == 1.0 for m in measures)
        timeline_all = analytics.dyad_timeline(store, "PRK", "RUS", min_confidence=0).total.events
        timeline = analytics.dyad_timeline(store, "PRK", "RUS").total.events
        assert 0 < timeline <= timeline_all
        net_all = analytics.state_network(store, min_confidence=0).edges
        assert sum(e.weight for e in analytics.state_network(store).edges) <= sum(e.weight for e in net_all)
        every_brief, default_brief = brief(store, "PRK", min_confidence=0), brief(store, "PRK")
        assert default_brief.event_count <= every_brief.event_count
        # a brief counts facts: records of one fact (type, states, date, contexts) from several documents are one
        facts = {(e.event, tuple(sorted(e.actor)), tuple(sorted(e.recipient)), str(e.date), tuple(sorted(e.context)))
                 for e in shown if "PRK" in e.actor + e.recipient}  # fmt: skip
        assert default_brief.event_count == len(facts)


def test_the_environment_sets_the_default_threshold(seed_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLOGRAPH_MIN_CONFIDENCE", "0")
    with Store.open(seed_db, read_only=True) as store:
        assert len(store.events()) == len(store.events(min_confidence=0))
    monkeypatch.setenv("DIPLOGRAPH_MIN_CONFIDENCE", "lots")
    result = invoke("events", "--db", str(seed_db))
    assert result.exit_code == 1 and "DIPLOGRAPH_MIN_CONFIDENCE: expected a number from 0 to 1" in result.stderr


def test_cli_readers_take_min_confidence(seed_db: Path, tmp_path: Path) -> None:
    def count(*args: str) -> int:
        result = invoke(*args, "--db", str(seed_db), "--format", "jsonl", "--limit", "0")
        assert result.exit_code == 0, result.stderr
        return len(result.stdout.splitlines())

    assert count("events") < count("events", "--min-confidence", "0")
    assert count("events", "--min-confidence", "1") <= count("events")
    bad = invoke("events", "--db", str(seed_db), "--min-confidence", "2")
    assert bad.exit_code == 2 and "--min-confidence" in bad.stderr
    out = tmp_path / "all.csv"
    exported = invoke("export", "--db", str(seed_db), "--format", "csv", "--out", str(out), "--min-confidence", "0")
    assert exported.exit_code == 0, exported.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and all(r["confidence"] for r in rows)
    with Store.open(seed_db, read_only=True) as store:
        shown_ids = {e.id for e in store.events()}
        hidden_doc = next(e.doc for e in store.events(min_confidence=0) if e.id not in shown_ids)
    shown = invoke("show", hidden_doc, "--db", str(seed_db))
    assert shown.exit_code == 0 and "below the confidence threshold" in shown.stdout
    md = invoke("brief", "PRK", "--db", str(seed_db), "--out", "-", "--min-confidence", "0")
    assert md.exit_code == 0 and "North Korea" in md.stdout
    timeline = invoke("timeline", "PRK", "RUS", "--db", str(seed_db), "--json", "--min-confidence", "0")
    assert json.loads(timeline.stdout)["total"]["events"] > 0


def test_extract_prints_what_passes_the_threshold(news_file: Path) -> None:
    shown = invoke("extract", str(news_file), "--format", "jsonl", "-q")
    every = invoke("extract", str(news_file), "--format", "jsonl", "-q", "--min-confidence", "0")
    records, everything = ([json.loads(x) for x in r.stdout.splitlines()] for r in (shown, every))
    assert 0 < len(records) < len(everything)
    assert all(passes(r, None) for r in records) and not all(passes(r, None) for r in everything)


def _lone_sentences(path: Path, count: int) -> list[dict[str, Any]]:
    """One-sentence documents of our own (training/stories/sent-h.jsonl, written for this project)."""
    docs = [json.loads(line)["doc"] for line in SENTENCES.read_text(encoding="utf-8").splitlines()
            if line.strip() and "doc" in json.loads(line)][:count]
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return docs


@pytest.fixture(scope="module")
def sentence_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """40 one-sentence documents and one document of two of those sentences (a story: the stories' threshold)."""
    path = tmp_path_factory.mktemp("sentences") / "sentences.jsonl"
    docs = _lone_sentences(path, 40)
    joined = {"id": "two-sentences", "text": docs[0]["text"] + " " + docs[1]["text"], "published": "2024-05-02"}
    with path.open("a", encoding="utf-8") as out:
        out.write(json.dumps(joined) + "\n")
    return path


def _extracted_events(corpus: Path, *options: str) -> list[dict[str, Any]]:
    result = invoke("extract", str(corpus), "--format", "jsonl", "-q", "--kind", "events", *options)
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_a_one_sentence_document_gets_the_sentence_threshold(sentence_corpus: Path) -> None:
    model = default_model()
    lone, story = model.sentence_threshold, model.threshold
    assert lone is not None and 0 < lone < story
    assert default_threshold("event", one_sentence=True) == lone and default_threshold("measure", True) != lone
    every = _extracted_events(sentence_corpus, "--min-confidence", "0")
    shown = _extracted_events(sentence_corpus)

    def story_threshold(r: dict[str, Any]) -> float:
        return model.threshold_for("event", domestic=is_domestic(r["actor"], r["recipient"]))

    leads = {doc: max((r for r in every if r["doc"] == doc), key=lambda r: r["confidence"])["id"]
             for doc in {r["doc"] for r in every} - {"two-sentences"}}  # the first most confident: max keeps it

    def threshold(r: dict[str, Any]) -> float:
        if r["doc"] == "two-sentences":
            return story_threshold(r)
        return model.threshold_for("event", one_sentence=True, lead=leads[r["doc"]] == r["id"])

    expected = [r for r in every if r["confidence"] >= threshold(r)]
    assert shown == expected
    assert any(lone <= r["confidence"] < story for r in shown)  # what the lower threshold is for
    assert any(r["doc"] == "two-sentences" for r in every)
    assert all(r["confidence"] >= story for r in shown if r["doc"] == "two-sentences")
    asked = _extracted_events(sentence_corpus, "--min-confidence", str(story))  # a threshold asked for: for all
    assert asked == [r for r in every if r["confidence"] >= story]


def test_store_readers_apply_the_sentence_threshold_as_extract_does(sentence_corpus: Path, tmp_path: Path) -> None:
    shown = _extracted_events(sentence_corpus)
    db = tmp_path / "sentences.duckdb"
    ingested = invoke("ingest", str(sentence_corpus), "--db", str(db), "-q")
    assert ingested.exit_code == 0, ingested.stderr
    listed = invoke("events", "--db", str(db), "--format", "jsonl", "--limit", "0")
    assert listed.exit_code == 0, listed.stderr

    def key(r: dict[str, Any]) -> tuple[Any, ...]:
        return r["doc"], r["event"], tuple(r["actor"]), tuple(r["recipient"]), r["confidence"]

    assert sorted(map(key, (json.loads(x) for x in listed.stdout.splitlines()))) == sorted(map(key, shown))
    with Store.open(db) as store:
        assert store.stats()["events_shown"] == len(shown)
        store.optimize()  # the dyad index copies what the filter reads
        for event in (e for e in store.events() if len(e.actor) == 1 and len(e.recipient) == 1):
            a, b = event.actor[0], event.recipient[0]
            if a == b:
                continue
            pair = [e for e in shown if a in e["actor"] and b in e["recipient"]]
            timeline = analytics.dyad_timeline(store, a, b, directed=True, count="reports")
            assert timeline.total.events == len(pair)
        two = store.extraction("two-sentences")
        assert two is not None and not one_sentence(two)
        # an incident reported only by one-sentence documents takes their threshold too (not the first two
        # documents: the story of two sentences repeats them, and its reports join their incidents)
        firsts = {json.loads(line)["id"] for line in sentence_corpus.read_text(encoding="utf-8").splitlines()[:2]}
        lone = {e.incident for e in store.events() if e.doc not in firsts | {"two-sentences"}}
        assert any(e.confidence is not None and e.confidence < default_model().threshold
                   for e in store.events() if e.incident in lone)
        assert lone <= {i.id for i in query_incidents.incidents(store, limit=1000)}
    doc = next(r["doc"] for r in shown if r["doc"] != "two-sentences")
    show = invoke("show", doc, "--db", str(db))
    assert show.exit_code == 0 and "below the confidence threshold" not in show.stdout


# Written for this test: a lone sentence whose one candidate the model is unsure of (below the sentence threshold,
# above the lead threshold), the same sentence opening a story of two, and a sentence with a sure event and a
# second, unsure one.
# a lone sentence whose one candidate the model is unsure of (between the lead and the sentence threshold)
LONE_ATTACK = "Gunmen attacked a police post near the Malian town of Gao overnight, local officials said."
SECOND_SENTENCE = "Mali's transitional government has not commented on the attack."
TWO_EVENTS = ("Protesters in Nairobi marched on parliament on Tuesday against a proposed tax increase, and police "
              "fired tear gas, witnesses said.")


def test_the_lead_event_of_a_sentence_gets_its_own_threshold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sentence on its own reports one event: its most confident candidate (the lead) is shown down to the lead
    threshold, which the model chose for the type of a sentence's first record; its other candidates need the
    sentence threshold, a story's the story's, and a threshold asked for applies to every record.

    The confidences are the packaged model's; the two thresholds are set around them in a copy of the model (a
    retrained model moves both, and this tests how readers apply them, not where training put them)."""
    corpus = tmp_path / "leads.jsonl"
    corpus.write_text("".join(json.dumps(d) + "\n" for d in (
        {"id": "lone", "text": LONE_ATTACK, "published": "2025-06-02"},
        {"id": "story", "text": LONE_ATTACK + " " + SECOND_SENTENCE, "published": "2025-06-02"},
        {"id": "two", "text": TWO_EVENTS, "published": "2025-06-02"})), encoding="utf-8")
    every = _extracted_events(corpus, "--min-confidence", "0")
    [attack] = [r for r in every if r["doc"] == "lone"]
    sure, unsure = sorted((r for r in every if r["doc"] == "two"), key=lambda r: -r["confidence"])
    assert attack["event"] == "ASSAULT" and sure["confidence"] > max(attack["confidence"], unsure["confidence"])
    lone = round((max(attack["confidence"], unsure["confidence"]) + sure["confidence"]) / 2, 4)
    lead = round(min(attack["confidence"], unsure["confidence"]) / 2, 4)
    model = json.loads(packaged_path().read_text(encoding="utf-8"))
    model.update(sentence_threshold=lone, lead_threshold=lead)
    (tmp_path / "model.json").write_text(json.dumps(model), encoding="utf-8")
    monkeypatch.setenv("DIPLOGRAPH_MODEL", str(tmp_path / "model.json"))
    default_model.cache_clear()
    try:
        _lead_threshold_applied(tmp_path, corpus, attack, sure, unsure, lead, lone)
    finally:
        default_model.cache_clear()


def _lead_threshold_applied(tmp_path: Path, corpus: Path, attack: dict[str, Any], sure: dict[str, Any],
                            unsure: dict[str, Any], lead: float, lone: float) -> None:
    model = default_model()
    assert (model.lead_threshold, model.sentence_threshold) == (lead, lone)
    assert default_threshold("event", one_sentence=True, lead=True) == lead
    assert default_threshold("event", lead=True) == model.threshold  # a lead only in a one-sentence document
    assert default_threshold("measure", one_sentence=True, lead=True) != lead
    shown = _extracted_events(corpus)
    # the lead is shown down to the lead threshold; the second candidate of a sentence needs the sentence threshold
    assert attack in shown and sure in shown and unsure not in shown
    assert not any(r["doc"] == "story" for r in shown)  # in a story the same candidate is below the threshold
    assert attack not in _extracted_events(corpus, "--min-confidence", str(lone))
    db = tmp_path / "leads.duckdb"
    assert invoke("ingest", str(corpus), "--db", str(db), "-q").exit_code == 0
    with Store.open(db) as store:
        assert sorted((e.doc, e.event, e.confidence) for e in store.events()) == \
            sorted((r["doc"], r["event"], r["confidence"]) for r in shown)
        assert store.stats()["events_shown"] == len(shown)
        assert [e.doc for e in store.events(min_confidence=lone) if e.doc == "lone"] == []
        lone_extraction = store.extraction("lone")
        assert lone_extraction is not None and lead_ids(lone_extraction) == {attack["id"]}
    show = invoke("show", "lone", "--db", str(db))
    assert show.exit_code == 0 and "ASSAULT" in show.stdout and "below the confidence threshold" not in show.stdout
    # a predictions file scored as extract wrote it: the lead kept, as `extract` keeps it
    assert passes(attack, None, one_sentence=True, lead=True) and not passes(attack, None, one_sentence=True)


def test_a_store_of_before_the_lead_column_marks_its_leads(tmp_path: Path) -> None:
    import duckdb

    path = tmp_path / "old.duckdb"
    corpus = tmp_path / "lone.jsonl"
    corpus.write_text(json.dumps({"id": "lone", "text": LONE_ATTACK, "published": "2025-06-02"}) + "\n" +
                      json.dumps({"id": "two", "text": TWO_EVENTS, "published": "2025-06-02"}) + "\n",
                      encoding="utf-8")
    assert invoke("ingest", str(corpus), "--db", str(path), "-q").exit_code == 0
    with Store.open(path, read_only=True) as store:
        before = sorted((e.doc, e.event) for e in store.events())
        lone_incident = next(e.incident for e in store.events() if e.doc == "lone")
        # an incident whose reports are all leads of one-sentence documents takes the lead threshold
        assert lone_incident in {i.id for i in query_incidents.incidents(store, limit=1000)}
    assert ("lone", "ASSAULT") in before
    conn = duckdb.connect(str(path))  # back to schema 9, as a store written before `lead`
    conn.execute("ALTER TABLE events DROP COLUMN lead")
    conn.execute("DELETE FROM schema_migrations WHERE version >= 10")
    conn.close()
    with Store.open(path) as store:
        assert store.stats()["schema_version"] >= 10
        assert sorted((e.doc, e.event) for e in store.events()) == before
        assert store.sql("SELECT count(*) AS n FROM events WHERE lead").rows()[0]["n"] == 2


DOMESTIC_STORY = ("Bolivian police arrested a former army commander over a failed coup attempt on Wednesday. "
                  "Bolivia's foreign minister met his Chilean counterpart in La Paz on Thursday to discuss the crisis.")


def test_a_domestic_event_of_a_story_gets_its_own_threshold(tmp_path: Path) -> None:
    """The guidelines leave a government acting on its own people out of a story's record: such an event of a
    document of several sentences is kept but shown only above the domestic threshold; alone in a one-sentence
    document it gets the sentence threshold; a threshold asked for applies to every record."""
    model = default_model()
    assert model.domestic_threshold is not None and model.domestic_threshold > model.threshold
    assert default_threshold("event", domestic=True) == model.domestic_threshold
    assert default_threshold("event", one_sentence=True, domestic=True) == model.sentence_threshold
    corpus = tmp_path / "domestic.jsonl"
    first = DOMESTIC_STORY.split(". ")[0] + "."
    corpus.write_text("".join(json.dumps(d) + "\n" for d in (
        {"id": "story", "text": DOMESTIC_STORY, "published": "2025-06-05"},
        {"id": "lone", "text": first, "published": "2025-06-05"})), encoding="utf-8")
    every = _extracted_events(corpus, "--min-confidence", "0")
    shown = _extracted_events(corpus)
    [arrest] = [r for r in every if r["doc"] == "story" and r["event"] == "COERCE"]
    assert arrest["actor"] == arrest["recipient"] == ["BOL"]
    assert model.threshold <= arrest["confidence"] < model.domestic_threshold  # shown were it not domestic
    assert arrest not in shown
    assert any(r["doc"] == "story" and r["event"] == "CONSULT" for r in shown)  # the story's other event is
    assert any(r["doc"] == "lone" and r["event"] == "COERCE" for r in shown)  # one sentence: its own threshold
    assert arrest in _extracted_events(corpus, "--min-confidence", str(model.threshold))
    db = tmp_path / "domestic.duckdb"
    assert invoke("ingest", str(corpus), "--db", str(db), "-q").exit_code == 0
    with Store.open(db, read_only=True) as store:
        listed = [(e.doc, e.event) for e in store.events()]
        assert ("story", "COERCE") not in listed and ("story", "CONSULT") in listed and ("lone", "COERCE") in listed
        assert ("story", "COERCE") in [(e.doc, e.event) for e in store.events(min_confidence=0)]
        assert store.stats()["events_shown"] == len(shown)
    assert not passes(Event(doc="story", event="COERCE", actor=("BOL",), recipient=("BOL",),
                            evidence=(Evidence(0, 6, "police"),), confidence=arrest["confidence"]), None)


def test_evaluate_scores_a_predictions_file_as_extract_wrote_it(sentence_corpus: Path, tmp_path: Path) -> None:
    # the written sentences' own gold, cut to the documents of the corpus (one-sentence ones, and the story of two
    # unannotated: all its records are false)
    ids = {json.loads(line)["id"] for line in sentence_corpus.read_text(encoding="utf-8").splitlines()}
    lines = SENTENCES.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines[1:] if (json.loads(line).get("doc") or {}).get("id", json.loads(line).get("doc_id"))
            in ids]
    extra = [json.dumps({"doc": json.loads(line)}) for line in sentence_corpus.read_text(encoding="utf-8").splitlines()
             if json.loads(line)["id"] == "two-sentences"]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join([lines[0], *kept, *extra]) + "\n", encoding="utf-8")
    predictions = tmp_path / "pred.jsonl"
    result = invoke("extract", str(sentence_corpus), "--format", "jsonl", "-q", "--out", str(predictions))
    assert result.exit_code == 0, result.stderr
    direct = invoke("evaluate", str(gold), "--json")
    from_file = invoke("evaluate", str(gold), "--json", "-p", str(predictions))
    assert direct.exit_code == 0 and from_file.exit_code == 0, (direct.stderr, from_file.stderr)
    scores = json.loads(direct.stdout)
    assert scores == json.loads(from_file.stdout)
    full = scores["event.full"]
    assert full["tp"] > 0 and full["fp"] > 0


# --- the lexicon against the ontology --------------------------------------------------------------------------------


@pytest.mark.parametrize(("entry", "message"), [
    ('[verbs.snub]\nevent = "SNUB"\n', "verbs.snub: unknown PLOVER event type 'SNUB'"),
    ('[verbs.host]\nevent = "CONSULT"\nmode = "host"\n', "verbs.host: mode 'host' is not a mode of CONSULT"),
    ('[verbs.kidnap]\nevent = "COERCE"\nmode = "abduct"\n', "verbs.kidnap: mode 'abduct' is not a mode of COERCE"),
    ('[nouns.deal]\nevent = "AGREE"\ncontext = ["diplomacy"]\n', "nouns.deal: unknown context 'diplomacy'"),
    ('[verbs.snub]\nevent = "REJECT"\nobject = ["x"]\n', "verbs.snub: unknown key(s) object"),
    ('[verbs.snub]\nevent = "REJECT"\nframe = "clause"\n', "verbs.snub: unknown frame 'clause'"),
    ('[verbs.snub]\nevent = "REJECT"\nby_object = { x = { event = "NOPE" } }\n', "verbs.snub.by_object.x"),
])  # fmt: skip
def test_a_lexicon_entry_the_ontology_lacks_is_a_clear_error(tmp_path: Path, entry: str, message: str) -> None:
    from diplograph.coding.lexicon import load as load_lexicon

    path = tmp_path / "extra.toml"
    path.write_text(entry, encoding="utf-8")
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_lexicon(path)


def test_the_packaged_lexicon_is_valid_and_hosts_are_recipients_of_visits() -> None:
    from diplograph.coding.lexicon import load as load_lexicon

    lexicon = load_lexicon()
    host = lexicon.verbs["host"]
    assert (host.reading.event, host.reading.mode, host.reading.reverse) == ("CONSULT", "visit", True)
    assert lexicon.verbs["abduct"].reading.event == "ASSAULT"


# --- training --------------------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_training_on_a_small_manifest(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    manifest = tmp_path / "sources.toml"
    gold = SHARED / "eval" / "gold"
    manifest.write_text(f'[[source]]\npath = "{(gold / "seed.jsonl").as_posix()}"\ntune = true\n\n'
                        f'[[source]]\npath = "{(gold / "plover-dev.jsonl").as_posix()}"\nhold_out = "sentences"\n',
                        encoding="utf-8")  # fmt: skip
    out = tmp_path / "model.json"
    result = invoke("train", str(manifest), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    model = load(out)
    assert 0 < model.threshold < 1 and model.info["sources"]["seed.jsonl"]["documents"] == 1
    assert isinstance(model.event, TreeModel) and model.event.trees and model.info["event_learner"] == "trees"
    assert isinstance(model.measure, LinearModel)  # a few hundred candidates: a logistic regression
    assert "plover-dev.jsonl" in model.info["held_out_scores"]
    assert model.sentence_threshold is not None and 0 < model.sentence_threshold < 1  # plover-dev: one sentence each
    assert model.lead_threshold is not None and 0 < model.lead_threshold <= model.sentence_threshold
    assert "one-sentence documents" in result.stdout and "events' AUC" in result.stdout
    # the measures fitted again while the events keep a given model's weights and thresholds
    packaged = default_model()
    measures_only = invoke("train", str(manifest), "--out", str(tmp_path / "measures.json"), "--keep-events",
                           str(packaged_path()))
    assert measures_only.exit_code == 0, measures_only.stderr
    kept = load(tmp_path / "measures.json")
    assert kept.event == packaged.event and (kept.threshold, kept.sentence_threshold, kept.domestic_threshold,
                                             kept.lead_threshold) == (packaged.threshold, packaged.sentence_threshold,
                                                                      packaged.domestic_threshold,
                                                                      packaged.lead_threshold)
    assert kept.measure is not None and "events_kept" in kept.info
    one_class = tmp_path / "seed-only.toml"  # every candidate right: a constant model, not a crash
    one_class.write_text(f'[[source]]\npath = "{(gold / "seed.jsonl").as_posix()}"\ntune = true\n', encoding="utf-8")
    constant = invoke("train", str(one_class), "--out", str(tmp_path / "constant.json"))
    assert constant.exit_code == 0, constant.stderr
    assert "thresholds: events" in result.stdout
    linear = tmp_path / "linear.toml"
    linear.write_text('learner = "linear"\n' + manifest.read_text(encoding="utf-8"), encoding="utf-8")
    fitted = invoke("train", str(linear), "--out", str(tmp_path / "linear.json"))
    assert fitted.exit_code == 0, fitted.stderr
    linear_model = load(tmp_path / "linear.json").event
    assert isinstance(linear_model, LinearModel) and linear_model.weights
    forest = tmp_path / "forest.toml"
    forest.write_text('learner = "forest"\n' + manifest.read_text(encoding="utf-8"), encoding="utf-8")
    refused = invoke("train", str(forest), "--out", str(tmp_path / "forest.json"))
    assert refused.exit_code == 1 and "learner 'forest': expected one of trees, linear" in refused.stderr
    bad = tmp_path / "bad.toml"
    bad.write_text('[[source]]\nglob = "nothing-*.jsonl"\n', encoding="utf-8")
    failed = invoke("train", str(bad), "--out", str(tmp_path / "x.json"))
    assert failed.exit_code == 1 and "no file matches" in failed.stderr
