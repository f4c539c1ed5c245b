"""How sure extraction is of each record: a trained model over the rules' candidates.

The rules (`diplograph.coding`) propose events and measures and describe each with sparse features
(`coding/features.py`); a logistic model trained on annotated stories turns the features into a score, and an
sigmoid fitted on held-out folds (Platt scaling) turns the score into a probability that the record is right (matches an
annotated record at the full level, as `shared/eval/score.py` decides). `threshold` and `measure_threshold` are
the default minimum confidences of events and of measures, chosen for precision on annotated stories;
`sentence_threshold` is the events' default for a document of one sentence (a headline, an item of a sentence
set), chosen for F1 on such documents: there one sentence is all the document says, and a missed event costs as
much as a wrong one; `domestic_threshold` is the default for a domestic event (one state on both sides) of a
document of several sentences, which the guidelines leave out of a story's record. Readers apply them (a reader
given a minimum confidence applies that one to every record), the store keeps every candidate.

    model = default_model()
    model.event_confidence({"type=CONSULT": 1.0, ...})   # 0.0 .. 1.0

The packaged model is `data/model.json`, rebuilt by `diplograph train` (see docs/extraction.md). Running it needs
only the standard library; training needs scikit-learn.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from diplograph.errors import ConfigError
from diplograph.model import codes

MODEL_VERSION = 1


@dataclass(frozen=True)
class Calibration:
    """A non-decreasing piecewise-linear map from a raw score to a probability (the calibration's values at knots)."""

    x: tuple[float, ...]
    y: tuple[float, ...]

    def __call__(self, score: float) -> float:
        if not self.x:
            return score
        if score <= self.x[0]:
            return self.y[0]
        if score >= self.x[-1]:
            return self.y[-1]
        i = bisect_right(self.x, score)
        x0, x1, y0, y1 = self.x[i - 1], self.x[i], self.y[i - 1], self.y[i]
        return y0 if x1 == x0 else y0 + (y1 - y0) * (score - x0) / (x1 - x0)

    def probability(self, score: float) -> float:
        """The calibrated probability of a raw score, within 0..1, to four places (as records carry it)."""
        return round(min(1.0, max(0.0, self(score))), 4)

    def to_dict(self) -> dict[str, list[float]]:
        return {"x": list(self.x), "y": list(self.y)}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Calibration:
        data = data or {}
        return cls(tuple(float(v) for v in data.get("x", ())), tuple(float(v) for v in data.get("y", ())))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class LinearModel:
    """Logistic regression over named features, then calibrated."""

    weights: dict[str, float]
    bias: float
    calibration: Calibration = field(default_factory=lambda: Calibration((), ()))

    def score(self, features: dict[str, float]) -> float:
        return _sigmoid(self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items()))

    def probability(self, features: dict[str, float]) -> float:
        return self.calibration.probability(self.score(features))

    def to_dict(self) -> dict[str, Any]:
        return {"bias": self.bias, "weights": dict(sorted(self.weights.items())),
                "calibration": self.calibration.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinearModel:
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"]),
                   Calibration.from_dict(data.get("calibration")))


@dataclass(frozen=True)
class Tree:
    """One regression tree of a boosted ensemble, as parallel lists over its nodes (node 0 the root). An inner
    node sends a record left when its feature's value (0 when the record lacks the feature) is at most the
    threshold; a leaf (feature None) holds its value."""

    feature: tuple[str | None, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]

    def __call__(self, features: dict[str, float]) -> float:
        node = 0
        while (name := self.feature[node]) is not None:
            node = self.left[node] if features.get(name, 0.0) <= self.threshold[node] else self.right[node]
        return self.value[node]

    def to_dict(self) -> dict[str, list[Any]]:
        return {"feature": list(self.feature), "threshold": list(self.threshold), "left": list(self.left),
                "right": list(self.right), "value": list(self.value)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Tree:
        tree = cls(tuple(None if f is None else str(f) for f in data["feature"]),
                   tuple(float(v) for v in data["threshold"]), tuple(int(v) for v in data["left"]),
                   tuple(int(v) for v in data["right"]), tuple(float(v) for v in data["value"]))
        nodes = len(tree.feature)
        if not nodes or any(len(column) != nodes for column in (tree.threshold, tree.left, tree.right, tree.value)):
            raise ValueError("a tree's node lists differ in length")
        if any(f is not None and not (node < tree.left[node] < nodes and node < tree.right[node] < nodes)
               for node, f in enumerate(tree.feature)):
            raise ValueError("a tree's node points outside the tree or back")  # so that a walk always ends
        return tree


@dataclass(frozen=True)
class TreeModel:
    """Gradient-boosted regression trees over named features (their summed log-odds), then calibrated: unlike a
    linear model, it can weigh a cue differently by the kind of event or rule it comes with."""

    trees: tuple[Tree, ...]
    bias: float  # the log-odds every record starts from
    rate: float  # the learning rate each tree's value is scaled by
    calibration: Calibration = field(default_factory=lambda: Calibration((), ()))

    def score(self, features: dict[str, float]) -> float:
        return _sigmoid(self.bias + self.rate * sum(tree(features) for tree in self.trees))

    def probability(self, features: dict[str, float]) -> float:
        return self.calibration.probability(self.score(features))

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "trees", "bias": self.bias, "rate": self.rate, "trees": [t.to_dict() for t in self.trees],
                "calibration": self.calibration.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TreeModel:
        return cls(tuple(Tree.from_dict(t) for t in data["trees"]), float(data["bias"]), float(data["rate"]),
                   Calibration.from_dict(data.get("calibration")))


Model = LinearModel | TreeModel


def model_from_dict(data: dict[str, Any]) -> Model:
    """A linear model (no `kind`, or `kind` "linear") or a boosted-trees one (`kind` "trees")."""
    kind = data.get("kind", "linear")
    if kind == "trees":
        return TreeModel.from_dict(data)
    if kind == "linear":
        return LinearModel.from_dict(data)
    raise ValueError(f"unknown model kind {kind!r} (linear or trees)")


@dataclass(frozen=True)
class ConfidenceModel:
    """One model for events and one for measures, and the default thresholds readers apply."""

    event: Model
    measure: Model | None
    threshold: float
    info: dict[str, Any] = field(default_factory=dict)
    measure_threshold: float | None = None  # None: the events' threshold
    sentence_threshold: float | None = None  # events of a one-sentence document; None: the events' threshold
    # domestic events (one state on both sides) of a document of several sentences; None: the events' threshold
    domestic_threshold: float | None = None
    # the lead event of a one-sentence document (`lead_ids`); None: the sentence threshold
    lead_threshold: float | None = None

    def threshold_for(self, kind: str, one_sentence: bool = False, domestic: bool = False,
                      lead: bool = False) -> float:
        if kind == "measure":
            return self.threshold if self.measure_threshold is None else self.measure_threshold
        if one_sentence and lead and self.lead_threshold is not None:
            return self.lead_threshold
        if one_sentence and self.sentence_threshold is not None:
            return self.sentence_threshold
        if domestic and not one_sentence and self.domestic_threshold is not None:
            return self.domestic_threshold
        return self.threshold

    def event_confidence(self, features: dict[str, float]) -> float:
        return self.event.probability(features)

    def measure_confidence(self, features: dict[str, float]) -> float:
        return self.measure.probability(features) if self.measure is not None else self.event.probability(features)

    def to_dict(self) -> dict[str, Any]:
        return {"version": MODEL_VERSION, "threshold": self.threshold, "measure_threshold": self.measure_threshold,
                "sentence_threshold": self.sentence_threshold, "domestic_threshold": self.domestic_threshold,
                "lead_threshold": self.lead_threshold, "info": self.info,
                "event": self.event.to_dict(), "measure": self.measure.to_dict() if self.measure else None}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ConfidenceModel:
        if data.get("version") != MODEL_VERSION:
            raise ConfigError(f"confidence model version {data.get('version')!r}; this diplograph reads "
                              f"version {MODEL_VERSION} (rebuild it with `diplograph train`)")
        measure = data.get("measure")
        return cls(model_from_dict(data["event"]), model_from_dict(measure) if measure else None,
                   float(data["threshold"]), dict(data.get("info") or {}),
                   _optional_number(data.get("measure_threshold")), _optional_number(data.get("sentence_threshold")),
                   _optional_number(data.get("domestic_threshold")), _optional_number(data.get("lead_threshold")))

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_dict(), indent=1) + "\n", encoding="utf-8")


def _optional_number(value: Any) -> float | None:
    return None if value is None else float(value)


PACKAGED = "model.json"


def load(path: Path) -> ConfidenceModel:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"{path}: cannot read confidence model: {e.strerror or e}") from e
    except json.JSONDecodeError as e:
        raise ConfigError(f"{path}: not a confidence model (JSON): {e}") from e
    try:
        return ConfidenceModel.from_dict(data)
    except (KeyError, TypeError, ValueError) as e:
        raise ConfigError(f"{path}: not a confidence model: {e}") from e


def packaged_path() -> Path:
    return Path(str(resources.files("diplograph.confidence").joinpath("data", PACKAGED)))


@cache
def default_model() -> ConfidenceModel:
    """The packaged model, or the one $DIPLOGRAPH_MODEL names."""
    from diplograph import config

    value = config.get("model")
    return load(Path(value) if value else packaged_path())


def default_threshold(kind: str = "event", one_sentence: bool = False, domestic: bool = False,
                      lead: bool = False) -> float:
    """The minimum confidence readers apply to records of `kind` (event or measure) unless told otherwise:
    $DIPLOGRAPH_MIN_CONFIDENCE, else the model's threshold for that kind (chosen for precision; for events of a
    one-sentence document, for F1, and for the lead event of such a document (`lead_ids`), for its type; for a
    domestic event of a longer document, its own: `is_domestic`)."""
    from diplograph import config

    value = config.get("min_confidence")
    if value:
        return check_threshold(value, "DIPLOGRAPH_MIN_CONFIDENCE")
    return default_model().threshold_for(kind, one_sentence, domestic, lead)


def check_threshold(value: object, name: str = "min_confidence") -> float:
    """A minimum confidence: a number from 0 (every candidate) to 1; anything else is a clear error."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ConfigError(f"{name}: expected a number from 0 to 1, got {value!r}") from None
    if not 0.0 <= number <= 1.0 or number != number:
        raise ConfigError(f"{name}: expected a number from 0 to 1, got {value!r}")
    return number


def reader_threshold(min_confidence: float | None, kind: str = "event", one_sentence: bool = False,
                     domestic: bool = False, lead: bool = False) -> float:
    """The threshold a reader applies to records of `kind` (of a one-sentence document or not, domestic or not,
    the lead event of its document or not): the one asked for, else the default."""
    if min_confidence is not None:
        return check_threshold(min_confidence)
    return default_threshold(kind, one_sentence, domestic, lead)


def passes(record: Any, min_confidence: float | None, one_sentence: bool = False, lead: bool = False) -> bool:
    """Whether an Event or Measure (or its contract dict), of a document of one sentence or not, the lead event
    of its document (`lead_ids`) or not, passes the threshold its kind gets."""
    kind = record.get("kind", "event") if isinstance(record, dict) else record.kind
    confidence = record.get("confidence") if isinstance(record, dict) else record.confidence
    actor, recipient = ((record.get("actor"), record.get("recipient")) if isinstance(record, dict)
                        else (record.actor, record.recipient))
    domestic = kind == "event" and is_domestic(actor, recipient)
    return kept(confidence, reader_threshold(min_confidence, kind, one_sentence, domestic, lead and one_sentence))


def is_domestic(actor: Any, recipient: Any) -> bool:
    """One state (or organisation) on both sides: a government acting on its own people, courts, police. The
    annotation guidelines make such events of a news story optional (neither right nor wrong), and few of those
    the rules propose in a story match even those: they get a default threshold of their own there."""
    actors = codes(actor)  # however a predictions file writes a side
    return bool(actors) and actors == codes(recipient)


def one_sentence(extraction: Any) -> bool:
    """Whether an Extraction's document is one sentence (its events get the model's sentence threshold)."""
    count = extraction.sentence_count
    return (len(extraction.sentences) if count is None else count) == 1


def shown_by(extraction: Any, min_confidence: float | None) -> Callable[[Any], bool]:
    """Whether a reader at `min_confidence` (None: the default thresholds) shows a record of this Extraction:
    `passes` with what the document says of it (one sentence or not, the lead event or not)."""
    single = one_sentence(extraction)
    leads = lead_of(extraction.events) if single else frozenset()
    return lambda record: passes(record, min_confidence, single, record.id in leads)


def lead_ids(extraction: Any) -> frozenset[str]:
    """The lead event of a one-sentence document: its most confident event (the first of them on a tie), or
    none. A sentence on its own (a headline, an item of a coded sentence set) is written to report one event, and
    the rules' best candidate for it names its type right far more often than not even when it is unsure of the
    rest (docs/extraction.md, "The lead event of a sentence"): it gets a threshold of its own."""
    if not one_sentence(extraction):
        return frozenset()
    return lead_of(extraction.events)


def lead_of(events: Iterable[Any]) -> frozenset[str]:
    """The id of the most confident of one document's events (Event objects or contract dicts; the first of
    them on a tie), or none when none has a confidence."""
    best: tuple[float, str] | None = None
    for event in events:
        confidence, id_ = ((event.get("confidence"), event.get("id")) if isinstance(event, dict)
                           else (event.confidence, event.id))
        if confidence is not None and id_ is not None and (best is None or confidence > best[0]):
            best = (float(confidence), str(id_))
    return frozenset() if best is None else frozenset({best[1]})


def kept(confidence: float | None, threshold: float) -> bool:
    """Whether a record passes a threshold; a record nobody scored (imported, or stored before scoring) passes."""
    return confidence is None or confidence >= threshold
