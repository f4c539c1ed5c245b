"""Scores for locations and incidents against gold files of the kinds in bench/data/geo/ (see its README).

    score_locations(Path("places-gold.jsonl"))                 -> LocationScores
    score_incidents(Path("incident-stories.jsonl"), Path("incidents-gold.jsonl"))  -> IncidentScores

Locations: each gold line is a sentence (or two) with the place where its event happened, or null. The prediction
for a line is the location of its first event (in text order) that has one. Two denominators: every line naming
a place (`country`, `place`), and the lines where extraction found an event at all (`event_country`,
`event_place`: the locator's own score, "of the events whose place is named"). `country` is right when the state
matches; `place` when the state matches and the place's name does (compared without case, accents and a region
word such as 'province'), or its kind is 'country' on both sides. Lines whose gold is null score `no_place`: the
share with no location predicted.

Incidents: the stories are ingested into a fresh store (a real DuckDB file in a temporary folder), and two
documents are predicted to report the same incident when an event of one and an event of the other share an
incident whose combined confidence (its reports' together, see diplograph.query.incidents) reaches the default
threshold. Precision and recall are over such pairs of documents against the pairs
the gold's incidents make.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from diplograph.errors import ConfigError
from diplograph.model import Document, Location


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    out = []
    for n, line in enumerate(lines, 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ConfigError(f"{path}:{n}: not JSON: {exc.msg}") from exc
    return out


def name_key(name: str | None) -> str:
    """A place name compared loosely: the gazetteer's key without a trailing region word (the words the locator
    reads as saying "a region")."""
    from diplograph.geo.gazetteer import place_key
    from diplograph.geo.locate import REGION_WORDS

    key = place_key(name or "")
    for word in REGION_WORDS:
        if key.endswith(" " + word):
            key = key[: -len(word) - 1]
    return key


def _place_right(predicted: Location, gold: dict[str, Any]) -> bool:
    if predicted.country != gold.get("country"):
        return False
    if gold.get("kind") == "country" or predicted.kind == "country":
        return gold.get("kind") == predicted.kind
    wanted = {name_key(gold.get("place")), name_key(gold.get("name"))}
    return bool({name_key(predicted.place), name_key(predicted.name)} & wanted)


@dataclass
class LocationScores:
    located: int = 0  # gold lines naming a place
    country_right: int = 0
    place_right: int = 0
    with_events: int = 0  # ... where extraction found an event (right or wrong)
    unlocated: int = 0  # gold lines naming none
    no_place: int = 0  # ... where none was predicted either
    misses: list[dict[str, Any]] = field(default_factory=list)

    @property
    def country(self) -> float:
        return self.country_right / self.located if self.located else 0.0

    @property
    def place(self) -> float:
        return self.place_right / self.located if self.located else 0.0

    @property
    def event_country(self) -> float:
        return self.country_right / self.with_events if self.with_events else 0.0

    @property
    def event_place(self) -> float:
        return self.place_right / self.with_events if self.with_events else 0.0

    @property
    def none_right(self) -> float:
        return self.no_place / self.unlocated if self.unlocated else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"located": self.located, "country": round(self.country, 3), "place": round(self.place, 3),
                "with_events": self.with_events, "event_country": round(self.event_country, 3),
                "event_place": round(self.event_place, 3), "unlocated": self.unlocated,
                "no_place": round(self.none_right, 3)}  # fmt: skip


def score_locations(gold_path: Path) -> LocationScores:
    """Extract each gold line and compare the location of its first located event with the gold."""
    from diplograph.pipeline import default_extractor

    gold = _read_jsonl(gold_path)
    documents = [Document(id=str(g.get("id", n)), text=g["text"], published=g.get("published")) for n, g in
                 enumerate(gold)]  # fmt: skip
    scores = LocationScores()
    for line, extraction in zip(gold, default_extractor().extract_documents(documents), strict=True):
        events = sorted(extraction.events, key=lambda e: e.evidence[0].start if e.evidence else 0)
        predicted = next((e.location for e in events if e.location is not None), None)
        wanted = line.get("location")
        if wanted is None:
            scores.unlocated += 1
            scores.no_place += predicted is None
            if predicted is not None:
                scores.misses.append({"id": line.get("id"), "gold": None, "predicted": predicted.to_dict()})
            continue
        scores.located += 1
        scores.with_events += bool(events)
        country = predicted is not None and predicted.country == wanted.get("country")
        place = predicted is not None and _place_right(predicted, wanted)
        scores.country_right += country
        scores.place_right += place
        if not place:
            scores.misses.append({"id": line.get("id"), "gold": wanted,
                                  "predicted": None if predicted is None else predicted.to_dict()})  # fmt: skip
    return scores


@dataclass
class IncidentScores:
    gold_pairs: int
    predicted_pairs: int
    right_pairs: int
    documents: int
    incidents: int  # incidents the stored events (at the default threshold) make
    false_pairs: list[tuple[str, str]] = field(default_factory=list)
    missed_pairs: list[tuple[str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right_pairs / self.predicted_pairs if self.predicted_pairs else 0.0

    @property
    def recall(self) -> float:
        return self.right_pairs / self.gold_pairs if self.gold_pairs else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"gold_pairs": self.gold_pairs, "predicted_pairs": self.predicted_pairs,
                "right_pairs": self.right_pairs, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3), "documents": self.documents,
                "incidents": self.incidents}  # fmt: skip


def score_incidents(stories_path: Path, gold_path: Path, *, min_confidence: float | None = None) -> IncidentScores:
    """Ingest the stories into a fresh store and compare the document pairs its incidents make with the gold's."""
    from diplograph.pipeline import default_extractor
    from diplograph.store import Store

    stories = _read_jsonl(stories_path)
    gold = _read_jsonl(gold_path)
    documents = [Document(id=s["id"], text=s["text"], published=s.get("published"), title=s.get("title"),
                          source=s.get("source")) for s in stories]  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        with Store.open(Path(folder) / "incidents.duckdb") as store:
            store.add(default_extractor().extract_documents(documents))
            rows = store.sql(
                "SELECT doc_id, incident FROM events WHERE incident IN (SELECT incident FROM events GROUP BY "
                f"incident HAVING {_combined_passes(min_confidence)})"
            ).rows()
    by_incident: dict[str, set[str]] = {}
    for row in rows:
        by_incident.setdefault(row["incident"], set()).add(row["doc_id"])
    predicted = {pair for docs in by_incident.values() for pair in combinations(sorted(docs), 2)}
    wanted = {pair for g in gold for pair in combinations(sorted(g["documents"]), 2)}
    return IncidentScores(
        gold_pairs=len(wanted), predicted_pairs=len(predicted), right_pairs=len(predicted & wanted),
        documents=len(documents), incidents=len(by_incident), false_pairs=sorted(predicted - wanted),
        missed_pairs=sorted(wanted - predicted),
    )


def _combined_passes(min_confidence: float | None) -> str:
    from diplograph.query.incidents import COMBINED_CONFIDENCE, ONLY_LEAD_REPORTS, ONLY_ONE_SENTENCE_REPORTS
    from diplograph.store.query import confidence_sql

    return confidence_sql(min_confidence, column=COMBINED_CONFIDENCE, one_sentence=ONLY_ONE_SENTENCE_REPORTS,
                          lead=ONLY_LEAD_REPORTS)
