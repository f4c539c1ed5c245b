"""Train the confidence model on annotated stories, choose the default threshold, report held-out numbers.

    diplograph train GOLD... [--hold-out training/split.json] [--out diplograph/confidence/data/model.json]

1. Every gold document is read by the rules with no model (`Extractor(scored=False)`); each candidate record is
   labelled right when it matches an annotated record (required or optional) at the full level, as the scorer
   matches them (`diplograph.evaluate.match`).
2. A logistic regression over the candidates' features is fitted on the training documents; its regularisation
   is chosen by cross-validation grouped by document, and a sigmoid (Platt scaling) fitted on the out-of-fold
   scores turns scores into probabilities.
3. The default threshold is chosen for precision: the one with the best F0.5 (precision weighted twice as much
   as recall) of the tuning sources' out-of-fold confidences, their stories pooled, as the scorer counts them,
   averaged with its two neighbours on each side on the grid (`steadiest`: a lone peak beside a cliff does not
   carry over to other stories).
4. Documents held out (ids listed in the hold-out file) are scored with the final model: precision, recall and
   F1 at the threshold, and a reliability table (confidence bins against the share of right records).

Needs scikit-learn (`pip install -e '.[train]'`); the model it writes needs only the standard library.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from diplograph.confidence import (
    Calibration,
    ConfidenceModel,
    LinearModel,
    Model,
    Tree,
    TreeModel,
    is_domestic,
    one_sentence,
)
from diplograph.evaluate import Gold, Prediction, Score, confidence_bins, evidence_spans, load_gold, match, score
from diplograph.output import record_dict

C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
# boosted trees: (trees, depth), each tree's values scaled by TREE_RATE, each fitted on TREE_SUBSAMPLE of the
# candidates (seeded, so that a rebuild gives the same model)
TREE_GRID = ((300, 3), (500, 3), (300, 4))
TREE_RATE = 0.05
TREE_SUBSAMPLE = 0.8
TREE_SEED = 0  # the subsampling's seed: a rebuild gives the same model (training/seed_study.py varies it)
TREE_BAG = 4  # boosted models fitted with seeds TREE_SEED, TREE_SEED + 1, ...: their average moves less with a seed
LEARNERS = ("trees", "linear")
FOLDS = 5
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 20))
BETA = 0.5  # the default threshold favours precision: F0.5


@dataclass
class Candidate:
    """One record the rules proposed, what the model sees of it and whether it is right."""

    source: str
    doc: str
    kind: str
    features: dict[str, float]
    label: int
    record: dict[str, Any]
    weight: float = 1.0
    held_out: bool = False
    confidence: float = 0.0
    one_sentence: bool = False  # its document is one sentence
    lead: bool = False  # the most confident event of its one-sentence document (confidence.lead_ids; mark_leads)


@dataclass
class TrainingSource:
    """A gold file used for training, the weight of its candidates, the documents it holds out, and whether its
    candidates calibrate the probabilities."""

    path: Path
    gold: Gold
    weight: float = 1.0
    held_out: frozenset[str] = frozenset()
    candidates: list[Candidate] = field(default_factory=list)
    calibrate: bool = False


@dataclass
class Plan:
    """A training manifest (training/sources.toml): the sources, those whose stories tune the threshold, the
    target."""

    sources: list[TrainingSource]
    tuning_sources: tuple[str, ...]
    beta: float
    learner: str = "trees"  # of the events (measures, a few hundred candidates, keep a logistic regression)


def read_plan(path: str | Path) -> Plan:
    """Read a manifest: `[[source]]` tables with `path` (or `glob`), `weight`, `hold_out` and `tune`; `learner`
    (of the events: "trees", the default, or "linear") and `threshold_beta`."""
    import tomllib

    from diplograph.errors import ConfigError

    manifest = Path(path)
    try:
        data = tomllib.loads(manifest.read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"{manifest}: cannot read: {e.strerror or e}") from e
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{manifest}: not a training manifest: {e}") from e
    base = manifest.parent
    sources: list[TrainingSource] = []
    tuning: list[str] = []
    for n, spec in enumerate(data.get("source", []), 1):
        where = f"{manifest}: source {n}"
        if "path" in spec:
            paths = [base / spec["path"]]
        elif "glob" in spec:
            paths = sorted(base.glob(spec["glob"]))
        else:
            raise ConfigError(f"{where}: give a path or a glob")
        if not paths:
            raise ConfigError(f"{where}: no file matches {spec.get('glob')!r}")
        for gold_path in paths:
            if not gold_path.exists():
                raise ConfigError(f"{where}: {gold_path} not found")
            gold = load_gold(gold_path)
            hold = spec.get("hold_out")
            held = (sentence_split(gold) if hold == "sentences" else
                    held_out_ids(base / hold) if hold else frozenset())
            sources.append(TrainingSource(gold_path, gold, float(spec.get("weight", 1.0)), held,
                                  calibrate=bool(spec.get("calibrate", False))))
            if spec.get("tune"):
                tuning.append(gold_path.name)
    if not sources:
        raise ConfigError(f"{manifest}: no [[source]]")
    learner = data.get("learner", "trees")
    if learner not in LEARNERS:
        raise ConfigError(f"{manifest}: learner {learner!r}: expected one of {', '.join(LEARNERS)}")
    return Plan(sources, tuple(tuning) or (sources[0].path.name,), float(data.get("threshold_beta", BETA)), learner)


def held_out_ids(path: Path | None) -> frozenset[str]:
    """The document ids a split file (`{"held_out": [...]}`) keeps away from training."""
    if path is None:
        return frozenset()
    return frozenset(json.loads(path.read_text(encoding="utf-8"))["held_out"])


def sentence_split(gold: Gold, share: int = 3) -> frozenset[str]:
    """For a gold file of one-sentence documents: a fixed third of them, by a hash of the id."""
    return frozenset(d for d in gold.documents
                     if int(hashlib.sha1(f"heldout{d}".encode()).hexdigest(), 16) % share == 0)


def label_candidates(source: TrainingSource, extractions: Iterable[Any]) -> list[Candidate]:
    """The records of each extraction, labelled against the source's gold records of that document."""
    out: list[Candidate] = []
    by_doc = source.gold.by_document()
    for extraction in extractions:
        doc = extraction.document
        single = one_sentence(extraction)
        for kind, records in (("event", extraction.events), ("measure", extraction.measures)):
            rows = [record_dict(r) for r in records]
            preds = [Prediction(row, tuple(evidence_spans(row, doc.text) or ())) for row in rows]
            golds = [g for g in by_doc.get(doc.id, []) if g.kind == kind]
            matched = match(preds, golds, "full")
            for i, (record, row) in enumerate(zip(records, rows, strict=True)):
                out.append(Candidate(source.path.name, doc.id, kind, extraction.features.get(record.id, {}),
                                     int(i in matched), row, source.weight, doc.id in source.held_out,
                                     one_sentence=single))
    return out


def collect(sources: Sequence[TrainingSource], *, batch_size: int = 32) -> list[Candidate]:
    """Extract every document of every source with the rules alone and label the candidates."""
    from diplograph.pipeline import Extractor

    extractor = Extractor(scored=False)
    candidates: list[Candidate] = []
    for source in sources:
        extractions = extractor.extract_documents(source.gold.documents.values(), batch_size=batch_size)
        source.candidates = label_candidates(source, extractions)
        candidates += source.candidates
    return candidates


# --- fitting ----------------------------------------------------------------------------------------------------


def _fit(cands: Sequence[Candidate], c: float) -> LinearModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    if not cands:
        return LinearModel({}, 0.0)
    vec = DictVectorizer()
    x = vec.fit_transform([k.features for k in cands])
    y = [k.label for k in cands]
    if len(set(y)) < 2:
        return _constant(y)
    clf = LogisticRegression(C=c, max_iter=5000)
    clf.fit(x, y, sample_weight=[k.weight for k in cands])
    weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)
               if abs(w) > 1e-6}
    return LinearModel(weights, float(clf.intercept_[0]))


def _constant(labels: Sequence[int]) -> LinearModel:
    """The model for candidates of one label only: the share of right ones, whatever the features."""
    rate = sum(labels) / max(1, len(labels))
    return LinearModel({}, _logit(min(0.99, max(0.01, rate))))


def fit_trees(cands: Sequence[Candidate], params: tuple[int, int]) -> Model:
    """Gradient-boosted trees (scikit-learn's GradientBoostingClassifier) over the candidates' features, copied
    into a TreeModel that needs only the standard library to run."""
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.feature_extraction import DictVectorizer

    y = [k.label for k in cands]
    if len(set(y)) < 2:
        return _constant(y)
    vec = DictVectorizer()
    x = vec.fit_transform([k.features for k in cands])
    trees, depth = params
    names = vec.get_feature_names_out()
    empty = vec.transform([{}])
    forest: list[Tree] = []
    biases = []
    for seed in range(TREE_SEED, TREE_SEED + TREE_BAG):  # their log-odds averaged: one model, steadier
        clf = GradientBoostingClassifier(n_estimators=trees, max_depth=depth, learning_rate=TREE_RATE,
                                         subsample=TREE_SUBSAMPLE, random_state=seed)
        clf.fit(x, y, sample_weight=[k.weight for k in cands])
        copied = [_tree(estimator.tree_, names) for estimator in clf.estimators_[:, 0]]
        # the starting log-odds: what the classifier says of a record with no feature, less what the trees add
        biases.append(float(clf.decision_function(empty)[0]) - TREE_RATE * sum(tree({}) for tree in copied))
        forest += copied
    return TreeModel(tuple(forest), sum(biases) / TREE_BAG, TREE_RATE / TREE_BAG)


def _tree(fitted: Any, names: Sequence[str]) -> Tree:
    """A fitted scikit-learn regression tree as a Tree (a leaf has no children: -1)."""
    leaf = [int(left) < 0 for left in fitted.children_left]
    return Tree(tuple(None if leaf[i] else str(names[int(f)]) for i, f in enumerate(fitted.feature)),
                tuple(0.0 if leaf[i] else float(t) for i, t in enumerate(fitted.threshold)),
                tuple(int(v) for v in fitted.children_left), tuple(int(v) for v in fitted.children_right),
                tuple(float(v) for v in fitted.value[:, 0, 0]))


def _setting(setting: Any) -> Any:
    """A learner's setting as the model's info keeps it (JSON): C, or [trees, depth]."""
    return list(setting) if isinstance(setting, tuple) else setting


def _fitter(learner: str) -> tuple[tuple[Any, ...], Callable[[Sequence[Candidate], Any], Model]]:
    """The settings tried for a learner and the function that fits one of them."""
    if learner == "trees":
        return TREE_GRID, fit_trees
    if learner == "linear":
        return C_GRID, _fit
    raise ValueError(f"unknown learner {learner!r} (one of {', '.join(LEARNERS)})")


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def _folds(cands: Sequence[Candidate], folds: int) -> list[int]:
    """A fold number per candidate: whole documents go to one fold, by a hash of the document id."""
    return [int(hashlib.sha1(f"{k.source}/{k.doc}".encode()).hexdigest(), 16) % folds for k in cands]


def out_of_fold(cands: Sequence[Candidate], setting: Any, folds: int = FOLDS, learner: str = "linear") -> list[float]:
    """Each candidate's raw score from a model fitted without its document."""
    fit = _fitter(learner)[1]
    fold_of = _folds(cands, folds)
    scores = [0.0] * len(cands)
    for f in range(folds):
        train = [k for k, g in zip(cands, fold_of, strict=True) if g != f]
        model = fit(train, setting)
        for i, k in enumerate(cands):
            if fold_of[i] == f:
                scores[i] = model.score(k.features)
    return scores


def _log_loss(scores: Sequence[float], cands: Sequence[Candidate]) -> float:
    total = sum(k.weight for k in cands)
    loss = 0.0
    for s, k in zip(scores, cands, strict=True):
        p = min(1 - 1e-6, max(1e-6, s))
        loss -= k.weight * (math.log(p) if k.label else math.log(1 - p))
    return loss / total


CALIBRATION_GRID = tuple(round(0.005 * i, 3) for i in range(1, 200))  # raw scores at which the map is kept


def calibration_from(scores: Sequence[float], cands: Sequence[Candidate]) -> Calibration:
    """Platt scaling: a logistic regression of the labels on the logit of the out-of-fold scores, kept as its
    values on a grid of raw scores.

    A sigmoid has two parameters where isotonic regression has a step per run of labels: on a few hundred news
    candidates the steps moved the chosen threshold from one training run to the next (held-out precision and
    recall swung by several points on rule changes that moved a handful of candidates); the sigmoid does not."""
    from sklearn.linear_model import LogisticRegression

    labels = [k.label for k in cands]
    if len(set(labels)) < 2:
        return Calibration((), ())
    x = [[_logit(min(1 - 1e-6, max(1e-6, s)))] for s in scores]
    platt = LogisticRegression(C=100.0, max_iter=1000)
    platt.fit(x, labels, sample_weight=[k.weight for k in cands])
    a, b = float(platt.coef_[0][0]), float(platt.intercept_[0])
    ys = [1.0 / (1.0 + math.exp(-(a * _logit(v) + b))) for v in CALIBRATION_GRID]
    return Calibration(CALIBRATION_GRID, tuple(round(v, 6) for v in ys))


@dataclass
class Fitted:
    model: Model
    setting: Any  # the learner's setting chosen: C of the logistic regression, (trees, depth) of the trees
    oof: list[float]  # calibrated out-of-fold confidences, aligned with the training candidates


MIN_CALIBRATION = 100  # candidates of the calibration sources below which every source calibrates


def fit_kind(cands: Sequence[Candidate], calibrate_on: frozenset[str] = frozenset(),
             learner: str = "linear") -> Fitted:
    """Choose the learner's setting (regularisation, or trees and depth) by grouped cross-validation, calibrate,
    and fit on all the candidates.

    The calibration is fitted on the out-of-fold scores of the sources named in `calibrate_on` (news stories:
    a probability should mean what it says on the text users ingest), else on all. With too few documents to
    hold any out (fewer than two), the model is fitted once and left uncalibrated."""
    grid, fit = _fitter(learner)
    if len({(k.source, k.doc) for k in cands}) < 2:
        model = fit(cands, grid[0])
        return Fitted(model, grid[0], [round(model.score(k.features), 4) for k in cands])
    best, best_loss, best_scores = grid[0], float("inf"), [0.0] * len(cands)
    for setting in grid:
        scores = out_of_fold(cands, setting, learner=learner)
        loss = _log_loss(scores, cands)
        if loss < best_loss:
            best, best_loss, best_scores = setting, loss, scores
    chosen = [i for i, k in enumerate(cands) if k.source in calibrate_on]
    if len(chosen) < MIN_CALIBRATION or len({cands[i].label for i in chosen}) < 2:
        chosen = list(range(len(cands)))
    calibration = calibration_from([best_scores[i] for i in chosen], [cands[i] for i in chosen])
    model = replace(fit(cands, best), calibration=calibration)
    return Fitted(model, best, [round(calibration(s), 4) for s in best_scores])


# --- choosing and reporting -------------------------------------------------------------------------------------


def scores_at(source: TrainingSource, cands: Sequence[Candidate], threshold: float,
              measure_threshold: float | None = None, kind: str = "event",
              sentence_threshold: float | None = None, domestic_threshold: float | None = None,
              lead_threshold: float | None = None) -> dict[str, Any]:
    """The scorer's numbers for the source's documents among `cands`, keeping events at or above `threshold`
    (those of one-sentence documents at or above `sentence_threshold`, domestic ones of other documents at or
    above `domestic_threshold`, the lead events of one-sentence documents at or above `lead_threshold`, when
    given) and measures at or above `measure_threshold` (the same, when not
    given). With kind="measure", `threshold` is the measures' and events are kept as they are."""
    docs = {k.doc for k in cands}
    if kind == "measure":
        limits = {"event": 0.0, "measure": threshold}
    else:
        limits = {"event": threshold, "measure": threshold if measure_threshold is None else measure_threshold}

    def limit(k: Candidate) -> float:
        if k.kind == "event" and k.one_sentence and k.lead and lead_threshold is not None and kind == "event":
            return lead_threshold
        if k.kind == "event" and k.one_sentence and sentence_threshold is not None and kind == "event":
            return sentence_threshold
        if k.kind == "event" and not k.one_sentence and domestic_threshold is not None and kind == "event" \
                and is_domestic(k.record.get("actor"), k.record.get("recipient")):
            return domestic_threshold
        return limits[k.kind]

    records = [dict(k.record, confidence=k.confidence) for k in cands if k.confidence >= limit(k)]
    return score(source.gold.subset(docs), records).to_dict()


def f_beta(precision: float, recall: float, beta: float) -> float:
    b2 = beta * beta
    return (1 + b2) * precision * recall / (b2 * precision + recall) if precision + recall else 0.0


# How many grid neighbours on each side a threshold's objective is averaged with (`steadiest`): chosen by
# choosing the events' threshold on one half of voa-dev's training stories and scoring it on the other (200 random
# halves, out-of-fold confidences): F0.5 0.558 with none, 0.567 with one, 0.571 with two, 0.569 with three.
STEADY_WINDOW = 2


def steadiest(objective: Callable[[float], float], options: Sequence[float] = THRESHOLDS,
              window: int = STEADY_WINDOW) -> float:
    """The option (thresholds in increasing order) with the best objective averaged with its `window` neighbours
    on each side on the grid; ties go to the higher one. Forty stories' out-of-fold curve is bumpy: its single best
    point can sit on the edge of a cliff (F0.5 0.588 at 0.65 and 0.521 at 0.7, nineteenth session), where a model
    fitted on other stories falls off; the best neighbourhood does not."""
    values = [objective(t) for t in options]

    def smoothed(i: int) -> float:
        near = values[max(0, i - window):i + window + 1]
        return sum(near) / len(near)

    keys = {t: (round(smoothed(i), 6), t) for i, t in enumerate(options)}
    return max(options, key=keys.__getitem__)


def _best_threshold(precision_recall: Callable[[float], tuple[float, float]], beta: float) -> float:
    """The threshold of THRESHOLDS with the best F-beta (beta < 1 favours precision) in its neighbourhood
    (`steadiest`)."""
    return steadiest(lambda t: f_beta(*precision_recall(t), beta))


def choose_threshold(pools: Sequence[tuple[TrainingSource, Sequence[Candidate]]], beta: float = BETA) -> float:
    """The events' threshold: the best event.full F-beta of the tuning sources' stories pooled (their right, false
    and missed records summed), on their candidates' out-of-fold confidences. Forty news stories alone gave a
    threshold that moved with each retrain (0.5, 0.55, 0.6 on a flat curve); with the written stories beside them
    the curve is smoother."""

    def full(t: float) -> tuple[float, float]:
        tp = fp = fn = 0
        for source, cands in pools:
            numbers = scores_at(source, cands, t)["event.full"]
            tp, fp, fn = tp + numbers["tp"], fp + numbers["fp"], fn + numbers["fn"]
        return tp / max(1, tp + fp), tp / max(1, tp + fn)

    return _best_threshold(full, beta)


def _one_sentence_pools(sources: Sequence[TrainingSource]) -> list[tuple[TrainingSource, list[Candidate]]]:
    """Each source with its training candidates of events of one-sentence documents (sources with none left out)."""
    pools = [(s, [k for k in s.candidates if k.kind == "event" and k.one_sentence and not k.held_out])
             for s in sources]
    return [(s, cands) for s, cands in pools if cands]


def choose_sentence_threshold(sources: Sequence[TrainingSource]) -> float | None:
    """The events' threshold for one-sentence documents: the best mean of event.full F1 and of the macro-F1 of
    the first record's type (against the document's first gold event), pooled over the one-sentence documents
    among every source's training candidates. A sentence set asks both which events a sentence holds and what it
    codes as, and a missed event costs as much as a wrong one there. None when no source has such documents."""
    pools = _one_sentence_pools(sources)
    if not pools:
        return None

    def objective(t: float) -> float:
        total = Score()
        truth: list[str] = []
        guess: list[str] = []
        for s, cands in pools:
            full = scores_at(s, cands, t)["event.full"]
            total = Score(total.tp + full["tp"], total.fp + full["fp"], total.fn + full["fn"])
            first_gold, first_kept = _first_types(s, cands, t)
            truth += first_gold
            guess += first_kept
        return (total.f1 + macro_f1(truth, guess)) / 2

    return steadiest(objective)


def mark_leads(cands: Sequence[Candidate]) -> None:
    """Mark the lead event of each one-sentence document among `cands` (its most confident, the first of them on
    a tie), as `confidence.lead_ids` marks it at extraction."""
    best: dict[tuple[str, str], Candidate] = {}
    for k in cands:
        k.lead = False
        if k.kind == "event" and k.one_sentence:
            held = best.get((k.source, k.doc))
            if held is None or k.confidence > held.confidence:
                best[(k.source, k.doc)] = k
    for k in best.values():
        k.lead = True


def choose_lead_threshold(sources: Sequence[TrainingSource], sentence_threshold: float | None) -> float | None:
    """The threshold of the lead event of a one-sentence document (at most the sentence threshold): the best
    macro-F1 of the first record's type (against the document's first gold event), pooled over the one-sentence
    documents among every source's training candidates; on a tie the highest. This is what a sentence set labelled
    with types asks, and the rules' best candidate names a sentence's type right far more often than its
    confidence in the whole record says. None without a sentence threshold or such documents."""
    pools = _one_sentence_pools(sources)
    if sentence_threshold is None or not pools:
        return None

    def objective(t: float) -> float:
        truth: list[str] = []
        guess: list[str] = []
        for s, cands in pools:
            first_gold, first_kept = _first_types(s, cands, sentence_threshold, t)
            truth += first_gold
            guess += first_kept
        return macro_f1(truth, guess)

    return steadiest(objective, [t for t in THRESHOLDS if t <= sentence_threshold])


def choose_domestic_threshold(sources: Sequence[TrainingSource], threshold: float, measure_threshold: float,
                              sentence_threshold: float | None, beta: float = BETA) -> float | None:
    """The threshold for domestic events (one state on both sides) of documents of several sentences: the best
    event.full F-beta pooled over every source's training candidates, the other thresholds as chosen. The
    guidelines leave such events out of a story's record (optional: neither right nor wrong), so a domestic
    candidate adds a false record or nothing. None when the sources have no such candidate."""
    pools = [(s, [k for k in s.candidates if not k.held_out]) for s in sources]
    if not any(k.kind == "event" and not k.one_sentence and is_domestic(k.record.get("actor"),
                                                                        k.record.get("recipient"))
               for _, cands in pools for k in cands):
        return None

    def full(t: float) -> tuple[float, float]:
        total = Score()
        for s, cands in pools:
            numbers = scores_at(s, cands, threshold, measure_threshold, sentence_threshold=sentence_threshold,
                                domestic_threshold=t)["event.full"]
            total = Score(total.tp + numbers["tp"], total.fp + numbers["fp"], total.fn + numbers["fn"])
        return total.precision, total.recall

    return _best_threshold(full, beta)


def _first_types(source: TrainingSource, cands: Sequence[Candidate], threshold: float,
                 lead_threshold: float | None = None) -> tuple[list[str], list[str]]:
    """For each document of `cands` with a gold event: its first gold event's type, and the type of its first
    candidate at or above `threshold` (its lead at or above `lead_threshold`, when given; '' when none is)."""
    firsts: dict[str, str] = {}
    for record in source.gold.records:
        if record.kind == "event":
            firsts.setdefault(record.doc_id, str(record.fields["event"]))
    kept: dict[str, str] = {}
    for k in cands:
        if k.confidence >= (lead_threshold if k.lead and lead_threshold is not None else threshold):
            kept.setdefault(k.doc, str(k.record["event"]))
    docs = [d for d in dict.fromkeys(k.doc for k in cands) if d in firsts]
    return [firsts[d] for d in docs], [kept.get(d, "") for d in docs]


def macro_f1(truth: Sequence[str], guess: Sequence[str]) -> float:
    """The mean over the true labels of each label's F1 ('' in `guess`: no answer, wrong for every label)."""
    labels = sorted(set(truth))
    if not labels:
        return 0.0
    f1s = []
    for label in labels:
        tp = sum(1 for t, g in zip(truth, guess, strict=True) if t == g == label)
        guessed, true = sum(1 for g in guess if g == label), sum(1 for t in truth if t == label)
        p, r = (tp / guessed if guessed else 0.0), tp / true
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    return sum(f1s) / len(f1s)


def choose_measure_threshold(sources: Sequence[TrainingSource], beta: float = BETA) -> float:
    """The measures' threshold: the best measure.full F-beta over every source's training candidates (measures
    are few in any one source)."""
    own = [(s, [k for k in s.candidates if not k.held_out]) for s in sources]
    with_measures = [(s, cands) for s, cands in own
                     if any(k.kind == "measure" for k in cands) or any(g.kind == "measure" for g in s.gold.records)]

    def pooled(t: float) -> tuple[float, float]:
        tp = fp = fn = 0
        for s, cands in with_measures:
            m = scores_at(s, cands, t, kind="measure")["measure.full"]
            tp, fp, fn = tp + m["tp"], fp + m["fp"], fn + m["fn"]
        total = Score(tp, fp, fn)
        return total.precision, total.recall

    return _best_threshold(pooled, beta)


def reliability(cands: Sequence[Candidate]) -> list[dict[str, Any]]:
    """Confidence bins against how many of their records are right."""
    return confidence_bins((k.confidence, bool(k.label)) for k in cands)


def ranking_auc(cands: Sequence[Candidate]) -> float | None:
    """How well the confidences rank the right candidates above the wrong ones: the chance that a right one is
    more confident than a wrong one, ties counting half (the area under the ROC curve); None without both kinds.
    What a threshold can do rests on it, whatever the calibration."""
    ordered = sorted(cands, key=lambda k: k.confidence)
    right = sum(k.label for k in ordered)
    wrong = len(ordered) - right
    if not right or not wrong:
        return None
    rank_sum, i = 0.0, 0
    while i < len(ordered):  # candidates of equal confidence share the mean of their ranks
        j = i
        while j < len(ordered) and ordered[j].confidence == ordered[i].confidence:
            j += 1
        rank_sum += sum(k.label for k in ordered[i:j]) * (i + j + 1) / 2
        i = j
    return round((rank_sum - right * (right + 1) / 2) / (right * wrong), 4)


@dataclass
class TrainReport:
    model: ConfidenceModel
    held_out: dict[str, Any]
    training: dict[str, Any]

    def render(self) -> str:
        lines = [f"thresholds: events {self.model.threshold} (one-sentence documents "
                 f"{self.model.sentence_threshold}, their lead events {self.model.lead_threshold}, domestic events of "
                 f"longer ones {self.model.domestic_threshold}), "
                 f"measures {self.model.measure_threshold}  "
                 f"(events: {self.model.info.get('event_learner')} {self.model.info.get('event_setting')}, "
                 f"measures: C {self.model.info.get('measure_c')})"]
        for name, block in (("training (out-of-fold)", self.training), ("held out", self.held_out)):
            lines.append(f"{name}:")
            for src, numbers in block.items():
                if "event.full" not in numbers:
                    continue
                e, m = numbers["event.full"], numbers["measure.full"]
                auc = numbers.get("event_auc")
                lines.append(f"  {src}: {numbers['documents']} documents  event.full P {e['precision']:.3f} "
                             f"R {e['recall']:.3f} F1 {e['f1']:.3f}  event.dyad F1 {numbers['event.dyad']['f1']:.3f}"
                             f"  event.type F1 {numbers['event.type']['f1']:.3f}  measure.full P "
                             f"{m['precision']:.3f} R {m['recall']:.3f}"
                             + ("" if auc is None else f"  events' AUC {auc:.3f}"))
        table = self.held_out.get("reliability") or []
        if table:
            lines.append("reliability (held-out events): bin  records  right  share  mean confidence")
            lines += [f"  {r['bin']}  {r['records']:5d}  {r['right']:5d}  {r['share_right']:.3f}  "
                      f"{r['mean_confidence']:.3f}" for r in table]
        return "\n".join(lines)


def train(sources: Sequence[TrainingSource], *, beta: float = BETA, tuning_sources: Sequence[str] = (),
          batch_size: int = 32, keep_events: ConfidenceModel | None = None, learner: str = "trees") -> TrainReport:
    """Collect, fit, calibrate, choose the threshold and score the held-out documents. With `keep_events`, the
    events keep that model's weights and thresholds (the numbers reported are theirs on today's candidates) and
    only the measures are fitted again. `learner` fits the events ("trees" or "linear"); the measures, a few
    hundred candidates, are always fitted by a logistic regression."""
    cands = collect(sources, batch_size=batch_size)
    fitted: dict[str, Fitted] = {}
    if keep_events is not None:
        for k in cands:
            if k.kind == "event":
                k.confidence = keep_events.event.probability(k.features)
    for kind in ("event", "measure") if keep_events is None else ("measure",):
        train_cands = [k for k in cands if k.kind == kind and not k.held_out]
        fitted[kind] = fit_kind(train_cands, frozenset(s.path.name for s in sources if s.calibrate),
                                learner if kind == "event" else "linear")
        for k, conf in zip(train_cands, fitted[kind].oof, strict=True):
            k.confidence = conf
        for k in cands:
            if k.kind == kind and k.held_out:
                k.confidence = fitted[kind].model.probability(k.features)
    mark_leads(cands)
    tuning = [s for s in sources if s.path.name in tuning_sources] or list(sources[:1])
    measure_threshold = choose_measure_threshold(sources, beta)
    if keep_events is None:
        threshold = choose_threshold([(s, [k for k in s.candidates if not k.held_out]) for s in tuning], beta)
        sentence_threshold = choose_sentence_threshold(sources)
        domestic_threshold = choose_domestic_threshold(sources, threshold, measure_threshold, sentence_threshold, beta)
        lead_threshold = choose_lead_threshold(sources, sentence_threshold)
    else:
        threshold, sentence_threshold = keep_events.threshold, keep_events.sentence_threshold
        domestic_threshold = keep_events.domestic_threshold
        lead_threshold = keep_events.lead_threshold
        if lead_threshold is None:
            lead_threshold = choose_lead_threshold(sources, sentence_threshold)
    training = {s.path.name: scores_at(s, [k for k in s.candidates if not k.held_out], threshold, measure_threshold,
                                       sentence_threshold=sentence_threshold, domestic_threshold=domestic_threshold,
                                       lead_threshold=lead_threshold)
                for s in sources if any(not k.held_out for k in s.candidates)}
    held: dict[str, Any] = {s.path.name: scores_at(s, [k for k in s.candidates if k.held_out], threshold,
                                                   measure_threshold, sentence_threshold=sentence_threshold,
                                                   domestic_threshold=domestic_threshold,
                                                   lead_threshold=lead_threshold)
                            for s in sources if any(k.held_out for k in s.candidates)}
    for s in sources:  # how well the confidences rank each source's candidate events (out of fold in training)
        for block, held_out in ((training, False), (held, True)):
            if s.path.name in block:
                block[s.path.name]["event_auc"] = ranking_auc(
                    [k for k in s.candidates if k.held_out == held_out and k.kind == "event"])
    held["reliability"] = reliability([k for s in tuning for k in s.candidates if k.held_out and k.kind == "event"])
    info = {
        "trained": dt.date.today().isoformat(),
        "sources": {s.path.name: {"documents": len(s.gold.documents), "held_out": len(s.held_out),
                                  "weight": s.weight} for s in sources},
        "candidates": {kind: {"training": sum(1 for k in cands if k.kind == kind and not k.held_out),
                              "right": sum(k.label for k in cands if k.kind == kind and not k.held_out)}
                       for kind in ("event", "measure")},
        "event_learner": learner if keep_events is None else (keep_events.info or {}).get("event_learner", "linear"),
        "event_setting": (_setting(fitted["event"].setting) if "event" in fitted
                          else (keep_events.info if keep_events else {}).get("event_setting")),
        "measure_c": fitted["measure"].setting,
        "threshold_beta": beta, "tuned_on": ", ".join(s.path.name for s in tuning),
        "sentence_threshold_rule": "mean of event.full F1 and first-record type macro-F1, one-sentence documents",
        "domestic_threshold_rule": "event.full F-beta pooled over every source, domestic events of longer documents",
        "lead_threshold_rule": "first-record type macro-F1, one-sentence documents, at most the sentence threshold",
        "held_out_scores": {k: v for k, v in held.items() if k != "reliability"},
        "reliability": held["reliability"],
    }
    if keep_events is not None:
        info["events_kept"] = f"event weights and thresholds of the model trained {keep_events.info.get('trained')}"
    events = fitted["event"].model if keep_events is None else keep_events.event
    model = ConfidenceModel(events, fitted["measure"].model, threshold, info, measure_threshold,
                            sentence_threshold, domestic_threshold, lead_threshold)
    return TrainReport(model, held, training)
